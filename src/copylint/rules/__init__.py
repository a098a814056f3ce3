"""Built-in rules, one module per family, registered through copylint's own plugin hooks."""

from __future__ import annotations

from collections.abc import Sequence

from copylint.hookspecs import hookimpl
from copylint.rule import Rule
from copylint.rules.realword import WordInContext
from copylint.rules.repetition import DoubledWord
from copylint.rules.spelling import RejectedWord, Typo


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return (DoubledWord, Typo, RejectedWord, WordInContext)
