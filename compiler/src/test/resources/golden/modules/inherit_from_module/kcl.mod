[package]
name = "inherit_from_module"
