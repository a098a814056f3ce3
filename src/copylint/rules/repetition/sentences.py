"""``repetition.sentence``: the same sentence twice, close together: a pasted line or paragraph.

Complexity: O(words); sentences are compared by hash, and run-ons over 500 words are skipped.
Only sentences that occur exactly twice are compared further, in O(1) each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import BODY_SCOPES, HEADING_SCOPES, Scope
from copylint.core.quotes import quotation_index
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.language.foreign import is_foreign
from copylint.rules.repetition.common import FRAGMENT_MAX

_MIN_SENTENCE_WORDS = 8
_MAX_SENTENCE_WORDS = 500
_NEAR_SENTENCES = 3
"""Copies with at most this many sentences between them are "within a few sentences"."""
_NEAR_BLOCKS = 2
"""A paragraph copied with at most this many blocks (a figure, a line) between them is pasted twice."""
SENTENCE_SCOPES = BODY_SCOPES - {Scope.TABLE_CELL}
"""Where a repeated sentence is a slip: running text, but not table cells, whose rows repeat the
same words by design ("Not supported in this version of the product.")."""
_KIND = {Scope.TEXT: Scope.PARAGRAPH}
"""Scopes of the same kind of block: running text of a paragraph, or of an HTML block (a caption)."""
_SOURCE_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]*_]*$")


class RepeatedSentence(Rule):
    """The same sentence twice, close together: a pasted line, a duplicated paragraph.

    What it does: finds sentences of eight words or more (option ``min-words``) that occur exactly
    twice in a document, word for word (ignoring case, spacing and markup), and reports the later
    copy. A warning when the copies are an accident, in one section and one kind of block: within
    one paragraph with at most three sentences between them; or a whole block repeated right after
    itself, or (a paragraph of two sentences or more) with at most two blocks between. At info
    otherwise: further apart, in another section (a heading between), in another kind of block (a
    paragraph summed up in a list), both in block quotations, or one sentence shared by two blocks
    that otherwise differ ("Fails with a message if the file is missing." closing two list items):
    maybe a paragraph moved whose old copy survived, more often a parallel or a reminder.

    Why: after moving or pasting a paragraph, the old copy often survives, and a reader meets the
    same words twice.

    Stays quiet on what repeats by design: a sentence found three times or more (a refrain, the
    same interview question asked of each interviewee, "See the API reference for details." under
    every section, sample text); copies whose source differs in a code span, a link target or a
    number ("writes a `summary.csv` file" and "writes a `details.csv` file"); text in another language
    (lorem ipsum); running text repeated in a block quotation (a pull quote); headings, titles
    written as lines in plain text, table cells, alt text and quotations; short sentences, and
    paths or identifiers cut into words; and a sentence of twelve words or fewer repeated right
    after itself, which ``repetition.fragment`` reports.

    Example: "The committee approved the budget for the coming year after a long debate." twice
    in one paragraph: the later copy is reported ("This sentence already appears on line 1.").

    Fix safety: unsafe; the fix deletes the later copy.
    """

    id = "repetition.sentence"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": _MIN_SENTENCE_WORDS}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        sentences = ctx.tokens.sentences
        copies: dict[str, list[int]] = {}
        for index, sentence in enumerate(sentences):
            key = self._key(ctx, sentence)
            if key is not None:
                copies.setdefault(key, []).append(index)
        for found in copies.values():
            if len(found) != 2:
                continue  # once, or a refrain: three copies or more are written on purpose
            severity = _judge(ctx, sentences, found[0], found[1])
            if severity is not None:
                yield self._report(ctx, sentences[found[0]], sentences[found[1]]).with_severity(severity)

    def _key(self, ctx: RuleContext, sentence: Span) -> str | None:
        """The sentence's folded words, or None for a sentence this rule leaves alone."""
        text = ctx.view.text
        if ctx.view.scope_at(sentence.start) not in SENTENCE_SCOPES or text[sentence.start] in "\"“‘'(":
            return None
        inside = ctx.tokens.inside(sentence)
        if not ctx.option("min-words") <= inside.stop - inside.start <= _MAX_SENTENCE_WORDS:
            return None  # short sentences repeat by design; a run-on of thousands of words is no sentence
        written = text[sentence.start : sentence.end]
        if sum(1 for piece in written.split() if any(char.isalpha() for char in piece)) < ctx.option("min-words"):
            return None  # a path or an identifier cut into words ("{!./snippets/notes.md!}")
        if _title_line(written) or quotation_index(ctx).inside(sentence.start):
            return None  # a title in plain text ("Part the Second--the Long Road to the Sea"); quoted speech, verse
        return " ".join(ctx.tokens.folded[inside])

    def _report(self, ctx: RuleContext, earlier: Span, sentence: Span) -> Finding:
        text = ctx.view.text
        line = ctx.document.position(ctx.view.source_start(earlier.start)).line
        start = sentence.start
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        return ctx.finding(
            sentence,
            f"This sentence already appears on line {line}.",
            edits=(ProseEdit(Span(start, sentence.end), ""),),
            applicability=Applicability.UNSAFE,
            fix_title="Delete this copy",
        )


def _judge(ctx: RuleContext, sentences: Sequence[Span], first: int, second: int) -> Severity | None:
    """How sure it is that the two copies are an accident: a warning, info, or None (deliberate)."""
    view = ctx.view
    earlier, later = sentences[first], sentences[second]
    inside = ctx.tokens.inside(earlier)
    if earlier.end >= later.start - 2 and inside.stop - inside.start <= FRAGMENT_MAX:
        return None  # right after itself: repetition.fragment reports it
    if _source_words(ctx, earlier) != _source_words(ctx, later):
        return None  # a parallel: the copies differ in a code span, a link target or a number
    scopes = {_KIND.get(view.scope_at(offset), view.scope_at(offset)) for offset in (earlier.start, later.start)}
    if Scope.BLOCKQUOTE in scopes and len(scopes) == 2:
        return None  # a pull quote, or a quotation shown and then explained
    if is_foreign(ctx.tokens.texts[inside]):
        return None  # lorem ipsum, a sample in another language
    first_block, second_block = view.block_index(earlier.start), view.block_index(later.start)
    between = range(first_block + 1, second_block)
    if Scope.BLOCKQUOTE in scopes or len(scopes) == 2:
        return Severity.INFO  # a quotation shown twice; a paragraph summed up in a list
    if any(view.scope_at(view.blocks[index].start) in HEADING_SCOPES for index in between):
        return Severity.INFO  # another section: a reminder, or a leftover from a move
    if first_block == second_block:
        return Severity.WARNING if second - first - 1 <= _NEAR_SENTENCES else Severity.INFO
    if _source_words(ctx, view.blocks[first_block]) != _source_words(ctx, view.blocks[second_block]):
        return Severity.INFO  # sibling blocks sharing a sentence: a parallel, or a sentence moved
    # the same block twice: pasted, when nothing stands between them or it holds several sentences
    block = view.blocks[first_block]
    single = view.text[block.start : block.end].strip() == view.text[earlier.start : earlier.end]
    if not between or (not single and len(between) <= _NEAR_BLOCKS):
        return Severity.WARNING
    return Severity.INFO


def _source_words(ctx: RuleContext, span: Span) -> list[str]:
    """The words of the source behind ``span``: code spans, link targets and markup included."""
    source = ctx.view.to_source(span)
    return _SOURCE_WORD.findall(ctx.document.text[source.start : source.end].casefold())


def _title_line(written: str) -> bool:
    """A line with no closing punctuation whose longer words are all capitalised: a title."""
    if _SENTENCE_END.search(written):
        return False
    longer = [word for word in re.findall(r"[^\W\d_]+", written) if len(word) >= 4]
    return bool(longer) and all(word[0].isupper() for word in longer)
