"""Property-based tests of fix application: random documents, random edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.core.engine import lint_document
from copylint.core.finding import Applicability, Edit, Fix
from copylint.core.fixer import apply_fixes, fix_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document, Span
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
ALPHABET = st.sampled_from(
    list("ab the a  .,\n\r\t") + ["é", "e\u0301", "👍", "\u00a0", "recieve", "the the", "“", "”"]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


@st.composite
def text_and_fixes(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    text = draw(TEXTS)
    fixes = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 5)))
        fixes.append(Fix((Edit(Span(start, end), draw(st.sampled_from(["", "x", " ", "yy"]))),), Applicability.SAFE))
    return text, fixes


@given(text_and_fixes())
@settings(max_examples=300, deadline=None)
def test_applied_fixes_change_nothing_outside_their_spans(case: tuple[str, list[Fix]]) -> None:
    text, fixes = case
    fixed, applied = apply_fixes(text, fixes)
    kept = []
    position = 0
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if fix.span.start < position:
            continue
        kept.append(fix)
        position = fix.span.end
    assert applied == len(kept)
    # rebuild independently: every character outside the kept spans survives, in order
    expected, position = [], 0
    for fix in kept:
        expected.append(text[position : fix.span.start])
        expected.append(fix.edits[0].replacement)
        position = fix.span.end
    expected.append(text[position:])
    assert fixed == "".join(expected)
    # kept fixes never overlap
    assert all(a.span.end <= b.span.start for a, b in zip(kept, kept[1:], strict=False))


@given(TEXTS, st.sampled_from(["a.txt", "a.md", "a.html"]), st.booleans())
@settings(max_examples=150, deadline=None)
def test_fixing_twice_equals_fixing_once(text: str, name: str, unsafe: bool) -> None:
    settings_ = LintSettings(rules=tuple(PLUGINS.rules.values()))
    document_format = PLUGINS.format_for(name)

    def lint(document: Document):  # type: ignore[no-untyped-def]
        return lint_document(document, document_format, settings_).findings

    once = fix_document(Document(name, text), lint, unsafe).text
    twice = fix_document(Document(name, once), lint, unsafe).text
    assert twice == once
