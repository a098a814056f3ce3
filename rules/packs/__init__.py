"""YAML rule packs shipped with copylint."""
