[package]
name = "static_names_in_packages"
