[package]
name = "relative_sibling"
