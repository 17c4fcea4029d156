[package]
name = "custom-resource"

[skiff]
crds = ["crds/"]
