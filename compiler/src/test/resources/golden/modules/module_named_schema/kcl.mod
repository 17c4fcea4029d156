[package]
name = "module_named_schema"
