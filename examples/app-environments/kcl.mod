[package]
name = "shop"

[skiff]
# `skiff build -o DIR/` builds the package once per environment, with -D env=<name>, into DIR/<name>/
environments = ["dev", "staging", "prod"]
