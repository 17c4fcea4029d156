[package]
name = "lintpackages"
