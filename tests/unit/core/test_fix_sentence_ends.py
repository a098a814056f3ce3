"""Property: no fix merges two sentences. Hypothesis builds documents of sentences whose last and
next first words repeat across the sentence end ("translations for.⏎For example"), and every rule
runs on each; no fix may delete a sentence-ending mark together with words after it, nor touch a
sentence-ending mark outside its finding's span (issue 21).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from copylint.core.engine import lint_document
from copylint.core.finding import Finding
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SETTINGS = LintSettings(rules=tuple(PLUGINS.rules.values()))

WORDS = ["for", "For", "to", "To", "the", "The", "from", "From", "note", "Note", "in", "In", "a", "A", "it", "works"]
MARKS = [".", "?", "!", ":", ".**", "**", ".)", ".”", "…"]
SPACE = [" ", "\n", "\r\n", "\n\n", "  \n", " <br />\n"]
MARKUP = ["**", "*", "[", "](https://x.example)", "## ", "- ", "> ", "`code`"]
# a sentence end: a mark, closing quotes or brackets or emphasis, then space
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]*_]*(?=\s)")


def documents(markup: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.sampled_from(SPACE)
    if markup:
        piece = piece | st.sampled_from(markup)
    return st.lists(piece, max_size=30).map("".join)


CASES = st.one_of(st.tuples(st.just("a.md"), documents(MARKUP)), st.tuples(st.just("a.txt"), documents([])))
# the two slips issue 21 names: a doubled word across a full stop and a line break, and across
# emphasis and a full stop
TRANSLATIONS = ("a.txt", "Pick the strings you want to provide translations for.\nFor example, this works.")
EMPHASIS = ("a.md", "**I want to.** To be clear, it works.")


def merges_sentences(text: str, finding: Finding) -> bool:
    """Whether the finding's fix deletes a sentence end with words after it, or touches a sentence
    end outside the finding's span."""
    assert finding.fix is not None
    for edit in finding.fix.edits:
        for mark in SENTENCE_END.finditer(text, edit.span.start, edit.span.end):
            outside = not finding.span.start <= mark.start() < finding.span.end
            words_after = any(char.isalnum() for char in text[mark.end() : edit.span.end])
            kept = any(char in ".!?…" for char in edit.replacement)
            if outside or (words_after and not kept):
                return True
    return False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CASES)
@example(TRANSLATIONS)
@example(EMPHASIS)
def test_no_fix_deletes_a_sentence_end(case: tuple[str, str]) -> None:
    name, text = case
    document = Document(name, text)
    result = lint_document(document, PLUGINS.format_for(name), SETTINGS)
    assert result.error is None, result.error
    merging = [finding for finding in result.findings if finding.fix and merges_sentences(text, finding)]
    assert merging == [], merging
