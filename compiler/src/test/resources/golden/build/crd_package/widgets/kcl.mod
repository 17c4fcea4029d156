[package]
name = "widgets"
version = "0.1.0"
