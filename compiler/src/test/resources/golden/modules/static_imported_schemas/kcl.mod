[package]
name = "static_imported_schemas"
