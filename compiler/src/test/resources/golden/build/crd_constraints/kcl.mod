[package]
name = "crd_constraints"

[skiff]
crds = ["crds/"]
