[package]
name = "import_cycle"
