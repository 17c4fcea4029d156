[package]
name = "crd_package"

[dependencies]
# as `kcl mod add` writes a CRD model package of kcl-lang/modules, here a local copy
widgets = { path = "widgets" }
