"""Confusion pairs as a rule: a correctly spelled word where the words around it call for the word
it is easily confused with ("there" for "their", "were" for "we're", "to" for "too").

Complexity: O(words) per document; only words of a learnt pair are scored (±2 words each).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from copylint.core.finding import Category, Finding, Severity
from copylint.core.quotes import quotation_index
from copylint.core.rule import Rule, RuleContext
from copylint.language.confusion import fold, following_kind, load_confusion_model, next_form, window
from copylint.language.spelling.suggest import match_case
from copylint.language.spelling.surroundings import in_identifier
from copylint.rules.realword.its import ItsItIs
from copylint.rules.realword.nounverb import NounVerbConfusion
from copylint.rules.realword.phrases import MisheardPhrase
from copylint.rules.realword.possessives import PossessiveConfusion
from copylint.rules.realword.then_than import ThenThan
from copylint.rules.realword.verbs import VerbConfusion

_GUARDED = (ThenThan, ItsItIs, PossessiveConfusion, VerbConfusion, MisheardPhrase, NounVerbConfusion)
"""The guarded rules: a word one of them reports is theirs, never reported twice."""


@lru_cache(maxsize=1)
def _forms() -> tuple[str, ...]:
    """Every word of a learnt pair, with straight and curly apostrophes."""
    model = load_confusion_model()
    return tuple(sorted({*model.by_word, *(word.replace("'", "’") for word in model.by_word)}))


class ConfusionPairRule(Rule):
    """A word of a confusion pair where the words around it call for the other.

    What it does: weighs the two words before and after a word that is easily confused with
    another (they sound alike, as "their" and "there"; an apostrophe apart, as "were" and
    "we're"; or a set writers are known to confuse, as "then" and "than"): their forms, word
    classes, a comparative nearby, punctuation and the sentence start, with weights learnt from
    openly licensed prose. It reports the written word only when the other wins by the pair's
    margin, set so that at most one correct use in a thousand of held-out prose is reported
    (fewer for common words), and only where the other word could stand before the next word.

    Severity: info. One correct use in a thousand is more than writers slip in edited prose: on
    such prose most of these findings are wrong, while on drafts they find most slips of "your"
    and "you're", "their" and "there", "to" and "too". For drafts, raise it in the configuration:
    "real-word.confusion" = "warning" under [severity].

    Why: these slips are spelled correctly, and a fixed pattern only catches the contexts someone
    thought of.

    It leaves alone words in quotations, names (a capital mid-sentence), parts of hyphenated
    compounds, of addresses and of file names, and words a guarded real-word rule already
    reports; it never suggests "your" before an -ing word.

    Example: "The cat is on the roof and there dog is barking." suggests "their".

    Fix safety: unsafe; the author confirms the meaning.
    """

    id = "real-word.confusion"
    category = Category.REAL_WORD
    default_severity = Severity.INFO
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        model = load_confusion_model()
        tokens = ctx.tokens
        if not model.by_word:
            return
        words, text, folded = tokens.words, tokens.view.text, tokens.folded
        by_word, pairs = model.by_word, model.pairs
        guarded: set[int] | None = None
        for index in tokens.indices_of(_forms()):
            word = words[index]
            written = word.text
            starts = written[0].isupper() and tokens.starts_sentence(word)
            if not (written.islower() or (starts and written[1:].islower())):
                continue  # a name, a heading in capitals
            following = following_kind(next_form(text, words, folded, index))
            directions = [
                (number, side)
                for number, side in by_word[fold(written)]
                if model.may_stand(pairs[number].words[1 - side], following)
            ]
            if not directions:
                continue  # the other word never stands before this kind of word ("too the")
            around = window(text, words, folded, index, starts)
            best: tuple[float, str] | None = None
            for number, side in directions:
                pair = pairs[number]
                lead = pair.toward_other(around, side) - pair.margins[side]
                if lead >= 0 and (best is None or lead > best[0]):
                    best = (lead, pair.words[1 - side])
            if best is None:
                continue
            right = best[1]
            if right == "your" and around[2].endswith("ing"):
                continue  # "you're going": the model leans to "your" before -ing words
            if text[word.start - 1 : word.start] == "-" or text[word.end : word.end + 1] == "-":
                continue  # part of a compound ("less-than-techy", "post-its")
            if in_identifier(text, word) or tokens.in_url(word.start):
                continue  # part of a name or address ("login.gov", "their_id")
            if quotation_index(ctx).inside(word.start):
                continue
            if guarded is None:
                guarded = {match.index for rule in _GUARDED for match in rule.all_matches(tokens)}
            if index in guarded:
                continue
            right = match_case(word.text, right.replace("'", "’") if "’" in word.text else right)
            yield ctx.replacement(
                word.span, right, f"The words around it may call for “{right}”, not “{word.text}” (easily confused)."
            )
