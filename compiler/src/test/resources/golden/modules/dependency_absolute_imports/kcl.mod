[package]
name = "shop"

[dependencies]
platform = { path = "platform" }
