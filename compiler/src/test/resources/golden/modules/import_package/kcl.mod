[package]
name = "import_package"
