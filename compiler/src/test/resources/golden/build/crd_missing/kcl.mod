[package]
name = "crd_missing"

[skiff]
crds = ["crds/widget.yaml"]
