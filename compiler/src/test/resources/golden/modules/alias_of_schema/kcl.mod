[package]
name = "alias_of_schema"
