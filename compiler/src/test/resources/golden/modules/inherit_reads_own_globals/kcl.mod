[package]
name = "inherit_reads_own_globals"
