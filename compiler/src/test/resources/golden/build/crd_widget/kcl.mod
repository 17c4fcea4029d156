[package]
name = "crd_widget"

[skiff]
crds = ["crds/"]
