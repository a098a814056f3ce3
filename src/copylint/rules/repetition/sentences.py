"""``repetition.sentence``: the same sentence twice in one document, a leftover from an edit.

Complexity: O(words); sentences are compared by hash, and run-ons over 500 words are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import BODY_SCOPES, Scope
from copylint.core.quotes import quotation_index
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span

_MIN_SENTENCE_WORDS = 8
_MAX_SENTENCE_WORDS = 500
SENTENCE_SCOPES = BODY_SCOPES - {Scope.TABLE_CELL}
"""Where a repeated sentence is a slip: running text, but not table cells, whose rows repeat the
same words by design ("Not supported in this version of the product.")."""


class RepeatedSentence(Rule):
    """The same sentence twice in one document: a leftover from an edit.

    What it does: reports a sentence of eight words or more (option ``min-words``) that repeats an earlier sentence of
    the same document word for word (ignoring case, spacing and closing punctuation).

    Why: after moving a paragraph, the old copy often survives further down.

    Stays quiet on headings, table cells, captions, quotations and short sentences, which repeat
    by design, and on a sentence repeated right after itself (``repetition.fragment`` reports
    that).

    Example: "The committee approved the budget for the coming year after a long debate." in
    the first paragraph and again in the third: the later copy is reported ("This sentence
    already appears on line 1.").

    Fix safety: unsafe; the fix deletes the later copy.
    """

    id = "repetition.sentence"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": _MIN_SENTENCE_WORDS}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        min_words = ctx.option("min-words")
        seen: dict[str, Span] = {}
        for sentence in ctx.tokens.sentences:
            if ctx.view.scope_at(sentence.start) not in SENTENCE_SCOPES:
                continue
            inside = ctx.tokens.inside(sentence)
            if not min_words <= inside.stop - inside.start <= _MAX_SENTENCE_WORDS:
                continue  # short sentences repeat by design; a run-on of thousands of words is no sentence
            if text[sentence.start] in "\"“‘'(":
                continue
            if quotation_index(ctx).inside(sentence.start):
                continue  # quoted speech and verse repeat on purpose
            key = " ".join(ctx.tokens.folded[inside])  # the words' folded forms
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = sentence
                continue
            if earlier.end >= sentence.start - 2:
                continue  # right after itself: repetition.fragment reports it
            line = ctx.document.position(ctx.view.source_start(earlier.start)).line
            start = sentence.start
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            yield ctx.finding(
                sentence,
                f"This sentence already appears on line {line}.",
                edits=(ProseEdit(Span(start, sentence.end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete this copy",
            )
