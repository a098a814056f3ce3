"""The rule kinds, each implemented once over its typed specification, for copylint's packs and
Vale's styles alike (after Vale's ``internal/check/``): one function per kind, with one signature,
in the :data:`KINDS` table.

A message is a :meth:`str.format` template; each kind says which values it fills in (``match``,
``suggestion``, ``other``, ``count``). Complexity: one regular-expression pass per pattern over
the prose or each unit (:mod:`.search`), O(characters); consistency and conditional rules keep
their matches for one more pass over them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from copylint.core.finding import Edit, Finding
from copylint.core.source import Span
from copylint.packs.search import Search
from copylint.packs.spec import Case, Kind, Match, RuleSpec

Check = Callable[[RuleSpec, Search], Iterator[Finding]]
"""A kind: the findings of a rule of that kind (its specification, and the document to search)."""


def existence(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each match (message values: ``match``, and an empty ``suggestion``)."""
    matches = list(search.matches(spec.compiled, spec.trigger))
    yield from _front_matter(spec, search, None)
    for match in matches:
        if match.start() == match.end() or spec.exceptions.cover(match.group()) or _foreign(spec, search, match):
            continue
        yield search.finding(Span(*match.span()), spec.message.format(match=match.group(), suggestion=""))


def substitution(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each match, with its swap's replacement (``match``, ``suggestion``); the capital of the
    matched text is kept."""
    matches = list(search.matches(spec.compiled, spec.trigger))
    yield from _front_matter(spec, search, lambda match: _replacement(spec, match))
    for match in matches:
        suggestion = _replacement(spec, match)
        if suggestion is None or spec.exceptions.cover(match.group()) or _foreign(spec, search, match):
            continue
        message = spec.message.format(match=match.group(), suggestion=suggestion)
        yield search.finding(Span(*match.span()), message, suggestion)


def consistency(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Where a document uses both sides of a pair, each use of the rarer (on a tie, the second)
    side (``match``; ``other``, the first use of the commoner side; ``suggestion``, that spelling
    with the match's capital)."""
    matches = [match for pattern in spec.searches for match in search.matches(spec.regex(pattern))]
    for index in range(spec.pairs):
        ones = [match for match in matches if match.groupdict().get(f"a{index}") is not None]
        others = [match for match in matches if match.groupdict().get(f"b{index}") is not None]
        if not ones or not others:
            continue
        minority, majority = (ones, others) if len(ones) < len(others) else (others, ones)
        preferred = majority[0].group()
        for match in minority:
            suggestion = _match_case(match.group(), preferred.lower())
            message = spec.message.format(match=match.group(), other=preferred, suggestion=suggestion)
            yield search.finding(Span(*match.span()), message, suggestion)


def capitalization(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each unit its case would write otherwise (``match``, the unit; ``suggestion``, as the case
    writes it)."""
    # Start-up time: no shipped pack has a capitalization rule, so most runs never need casing.
    from copylint.packs.casing import STANDARDS, Casing, names_in_body

    names = names_in_body(search.ctx) if spec.case is Case.SENTENCE else frozenset[str]()
    casing = Casing(names, spec.exceptions, spec.indicators)
    standard = STANDARDS[spec.case]
    for unit in search.units():
        heading = search.text[unit.span.start : unit.span.end]
        expected = standard(heading, casing)
        if expected is None:
            continue
        yield search.finding(unit.span, spec.message.format(match=heading, suggestion=expected), expected)


def occurrence(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each unit with too many or too few matches (``count``), reported at its first match that is
    not blank, as Vale does (the unit itself when it has none)."""
    for unit in search.units():
        found = list(search.within(unit, spec.compiled))
        count = len(found)
        if (spec.most is not None and count > spec.most) or (spec.least is not None and count < spec.least):
            first = next((match for match in found if match.group().strip()), None)
            span = Span(*first.span()) if first is not None else unit.span
            yield search.finding(span, spec.message.format(count=str(count)))


def repetition(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each match that repeats the one before it in its unit, from the first to the second
    (``match``, the second)."""
    for unit in search.units():
        previous: Match | None = None
        for match in search.within(unit, spec.compiled):
            if (
                previous is not None
                and previous.group().lower() == match.group().lower()
                and not search.text[previous.end() : match.start()].strip()
            ):
                yield search.finding(Span(previous.start(), match.end()), spec.message.format(match=match.group()))
            previous = match


def conditional(spec: RuleSpec, search: Search) -> Iterator[Finding]:
    """Each match whose token (its first group, else the whole match) no match of the second
    pattern defines (``match``, the token)."""
    defined = {match.group(1) for match in search.matches(spec.regex(spec.second)) if match.groups()}
    for match in search.matches(spec.compiled):
        token = match.group(1) if match.groups() else match.group()
        if token in defined or spec.exceptions.cover(token):
            continue
        yield search.finding(Span(*match.span()), spec.message.format(match=token))


KINDS: Mapping[Kind, Check] = {
    Kind.EXISTENCE: existence,
    Kind.SUBSTITUTION: substitution,
    Kind.CONSISTENCY: consistency,
    Kind.CAPITALIZATION: capitalization,
    Kind.OCCURRENCE: occurrence,
    Kind.REPETITION: repetition,
    Kind.CONDITIONAL: conditional,
}


def _match_case(original: str, replacement: str) -> str:
    """``replacement`` with a capital first letter when ``original`` had one."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _foreign(spec: RuleSpec, search: Search, match: Match) -> bool:
    """Whether an English-only rule's match sits among words of another language (matches in the
    prose only: a rule that reads the raw source has no words around its match)."""
    if not spec.english_only or search.raw:
        return False
    # Start-up time: the word tables are read only when an English-only rule has matched.
    from copylint.language.foreign import around_is_foreign

    return around_is_foreign(search.ctx.tokens, Span(*match.span()))


def _replacement(spec: RuleSpec, match: Match) -> str | None:
    """The replacement for ``match`` from the swap whose group it took (``None`` for none)."""
    for index, (wrong, replacement) in enumerate(spec.swaps):
        if match.group(f"s{index}") is not None:
            expanded = spec.regex(wrong).sub(replacement, match.group(), count=1) if spec.expands else replacement
            return _match_case(match.group(), expanded)
    return None


def _front_matter(
    spec: RuleSpec, search: Search, replacement: Callable[[Match], str | None] | None
) -> Iterator[Finding]:
    """Matches in the front matter's values, reported (and fixed) at their source spans."""
    if not spec.front_matter:
        return
    for match in search.front_matter(spec.compiled):
        if spec.exceptions.cover(match.group()):
            continue
        span = Span(*match.span())
        suggestion = replacement(match) if replacement is not None else None
        finding = search.ctx.finding(
            Span(0, 0),
            spec.message.format(match=match.group(), suggestion=suggestion or ""),
            suggestions=(suggestion,) if suggestion is not None else (),
            applicability=spec.applicability,
            source_edits=(Edit(span, suggestion),) if spec.fixable and suggestion is not None else (),
        )
        yield finding.at(span)
