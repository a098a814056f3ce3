"""Registers the rule packs copylint ships (``copylint/data/packs/``) through copylint's own hook."""

from __future__ import annotations

from collections.abc import Sequence

from copylint.core.rule import Rule
from copylint.hookspecs import hookimpl
from copylint.packs.rule import rule_class
from copylint.packs.spec import RuleSpec
from copylint.store.shipped import data_folder
from copylint.store.tables import cached


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return tuple(rule_class(spec) for spec in bundled_packs())


def bundled_packs() -> list[RuleSpec]:
    """The packs shipped in ``copylint/data/packs/``, parsed once and kept in the data cache (whose
    key covers the pack files, see :func:`copylint.store.environment.code_digest`)."""
    return cached("packs", ("pyyaml",), _parse_bundled_packs)


def _parse_bundled_packs() -> list[RuleSpec]:
    from copylint.packs.schema import load_pack_text  # start-up time: only when the data cache is built

    return [
        spec
        for entry in data_folder("packs")
        if entry.name.endswith((".yml", ".yaml"))
        for spec in load_pack_text(entry.read_text(encoding="utf-8"), f"copylint/data/packs/{entry.name}")
    ]
