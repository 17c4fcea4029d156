[package]
name = "import_alias"
