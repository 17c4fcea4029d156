[package]
name = "platform"
