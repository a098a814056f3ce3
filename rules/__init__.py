"""Data shipped with copylint: spam lists and rule packs (installed as copylint.bundled)."""
