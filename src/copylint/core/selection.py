"""Which rules run: ``--select`` and ``--ignore`` by rule id or family prefix; longest prefix wins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copylint.core.errors import UsageError, did_you_mean

ALL = "ALL"


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Flatten ``("a,b", "c")`` into ``("a", "b", "c")``, dropping blanks."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def matches(selector: str, rule_id: str) -> bool:
    """Whether ``selector`` names ``rule_id``: the id itself, or a family prefix of it
    (``spelling`` and ``spelling.`` name ``spelling.typo``; ``spell`` names nothing)."""
    return rule_id == selector or rule_id.startswith(selector.rstrip(".") + ".")


def _specificity(selector: str, rule_id: str) -> int:
    """How specifically ``selector`` names ``rule_id``: -1 if not at all, else its length."""
    if selector == ALL:
        return 0
    return len(selector.rstrip(".")) if matches(selector, rule_id) else -1


@dataclass(frozen=True)
class RuleSelection:
    """Selectors after validation. Ties between select and ignore go to ignore."""

    select: tuple[str, ...] = (ALL,)
    ignore: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        selected = max((_specificity(s, rule_id) for s in self.select), default=-1)
        ignored = max((_specificity(s, rule_id) for s in self.ignore), default=-1)
        return selected >= 0 and selected > ignored


def unknown_selector(
    selectors: Sequence[str], known_ids: Sequence[str], no_match_hint: str = "; see 'copylint rules'"
) -> str | None:
    """What is wrong with the first selector that names no rule, with a did-you-mean (or
    ``no_match_hint``); ``None`` when every selector names one."""
    for selector in selectors:
        if selector == ALL or any(matches(selector, rule_id) for rule_id in known_ids):
            continue
        families = sorted({rule_id.split(".")[0] for rule_id in known_ids})
        hint = did_you_mean(selector, [*known_ids, *families]) or no_match_hint
        return f"unknown rule or prefix '{selector}'{hint}"
    return None


def validate_selectors(option: str, selectors: Sequence[str], known_ids: Sequence[str]) -> None:
    """Raise :class:`UsageError` naming ``option`` for a selector that matches no rule."""
    problem = unknown_selector(selectors, known_ids)
    if problem:
        raise UsageError(f"{option}: {problem}")
