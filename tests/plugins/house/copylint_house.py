"""A plugin written against copylint's public API only, as ARCHITECTURE.md describes: a rule
with family settings (a configuration key of its own), and a document format."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from copylint import (
    Category,
    Document,
    DocumentFormat,
    FamilySettings,
    FamilyValues,
    Finding,
    FormatTraits,
    KeyKind,
    ProseEdit,
    ProseView,
    Rule,
    RuleContext,
    Scope,
    SettingKey,
    Severity,
    Span,
    ViewBuilder,
    hookimpl,
)


@dataclass(frozen=True)
class BannedWords(FamilySettings):
    """``banned-words``: words the house style never prints."""

    keys = {"banned-words": SettingKey(KeyKind.STRINGS)}
    words: frozenset[str] = frozenset()

    @classmethod
    def from_values(cls, values: FamilyValues) -> BannedWords:
        return cls(frozenset(word.lower() for word in values.get("banned-words", ())))

    def identity(self) -> object:
        return sorted(self.words)

    def describe(self) -> Mapping[str, Any]:
        return {"banned-words": sorted(self.words)}


class BannedWord(Rule):
    """A word the project's ``banned-words`` setting forbids.

    What it does: reports each word listed in ``banned-words``.

    Why: a house style has words it never prints.

    Example: with ``banned-words = ["utilise"]``, "We utilise tools" is reported.

    Fix safety: unsafe; the suggestion deletes the word.
    """

    id = "house.banned-word"
    category = Category.STYLE
    default_severity = Severity.WARNING
    fixable = True
    family_settings = BannedWords

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        banned = ctx.setting(BannedWords).words
        for word in ctx.tokens.words:
            if word.text.lower() in banned:
                span = Span(word.start, word.end)
                yield ctx.finding(span, f"The house style never prints “{word.text}”.", edits=(ProseEdit(span, ""),))


class NoteFormat:
    """``.note`` files: plain text where lines starting with ``%`` are comments, not prose."""

    name = "note"
    suffixes = (".note",)
    traits = FormatTraits()

    def build_view(self, document: Document) -> ProseView:
        builder = ViewBuilder(document)
        position = 0
        for line in document.text.splitlines(keepends=True):
            if not line.startswith("%"):
                builder.add(position, position + len(line), Scope.TEXT)
            builder.break_block()
            position += len(line)
        return builder.build()


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return (BannedWord,)


@hookimpl
def copylint_register_formats() -> Sequence[DocumentFormat]:
    return (NoteFormat(),)
