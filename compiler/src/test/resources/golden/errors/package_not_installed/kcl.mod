[package]
name = "shop"
version = "0.1.0"

[dependencies]
skiff_golden_absent = { oci = "oci://ghcr.io/skiff-golden/absent", tag = "0.0.0-golden" }
