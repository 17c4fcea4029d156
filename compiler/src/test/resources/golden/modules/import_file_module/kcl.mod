[package]
name = "import_file_module"
