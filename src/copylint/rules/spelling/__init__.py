"""Spelling: misspelled words and words the project rejects.

Complexity: O(words) per document; candidate search once per distinct unknown word.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import PLACEHOLDER
from copylint.core.quotes import quotation_index
from copylint.core.rule import FamilySettings, FamilyValues, KeyKind, ProseEdit, Rule, RuleContext, SettingKey
from copylint.language.spelling.attestation import WORD_PACKS, WordSource, sources_for
from copylint.language.spelling.checker import SpellingChecker, SpellingIssue, Verdict
from copylint.language.spelling.confidence import Confidence, Thresholds
from copylint.language.spelling.suggest import match_case
from copylint.language.spelling.vocabulary import Vocabulary, read_word_lists


def _known_packs(value: object) -> str | None:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    unknown = [pack for pack in values if pack not in WORD_PACKS]
    return f"unknown word pack {unknown[0]!r} (known: {', '.join(WORD_PACKS)})" if unknown else None


VARIETIES = ("auto", "en-US", "en-GB")
"""Values of ``variety``: decided per document from its own spellings, or pinned (``spelling.variety``)."""


def _variety_problem(value: Any) -> str | None:
    return None if value in VARIETIES else f"expected one of {', '.join(VARIETIES)}, got {value!r}"


@dataclass(frozen=True)
class SpellingSettings(FamilySettings):
    """The project's word lists: ``accept`` (never reported as misspelled) and ``reject`` (always
    reported, by ``spelling.rejected``), files of one word or regular expression a line; and
    ``word-packs``, the shipped domain word lists to trust (all of them unless set); and the
    ``variety`` of English spelling ``spelling.variety`` holds documents to."""

    keys = {
        "accept": SettingKey(KeyKind.PATHS),
        "reject": SettingKey(KeyKind.PATHS),
        "word-packs": SettingKey(KeyKind.STRINGS, _known_packs),
        "variety": SettingKey(KeyKind.TEXT, _variety_problem),
    }
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    accept_files: tuple[str, ...] = ()
    reject_files: tuple[str, ...] = ()
    word_packs: tuple[str, ...] = tuple(WORD_PACKS)
    variety: str = "auto"

    @classmethod
    def from_values(cls, values: FamilyValues) -> SpellingSettings:
        accept, reject = tuple(values.get("accept", ())), tuple(values.get("reject", ()))
        packs = tuple(values.get("word-packs", tuple(WORD_PACKS)))
        variety = values.get("variety", "auto")
        vocabulary = Vocabulary(read_word_lists(accept), read_word_lists(reject))
        return cls(vocabulary, accept, reject, packs, variety if isinstance(variety, str) else "auto")

    @property
    def sources(self) -> WordSource:
        return sources_for(self.word_packs)

    def identity(self) -> object:
        return (self.vocabulary.accept.identity(), self.vocabulary.reject.identity(), self.word_packs, self.variety)

    def describe(self) -> Mapping[str, Any]:
        return {
            "accept": list(self.accept_files),
            "reject": list(self.reject_files),
            "word-packs": list(self.word_packs),
            "variety": self.variety,
        }


def spelling_issues(ctx: RuleContext) -> list[SpellingIssue]:
    """The document's spelling issues, computed once and shared by the spelling rules (with
    spelling.typo's thresholds, whichever rule asks first)."""

    def compute() -> list[SpellingIssue]:
        settings = ctx.setting(SpellingSettings)
        configured = ctx.settings.rule_options.get(Typo.id, {})
        values = {name: float(configured.get(name, default)) for name, default in Typo.options.items()}
        thresholds = Thresholds(**{name.replace("-", "_"): value for name, value in values.items()})
        return list(
            SpellingChecker(
                ctx.document, ctx.tokens, settings.vocabulary, thresholds, settings.sources, quotation_index(ctx)
            ).issues()
        )

    return ctx.shared("spelling.issues", compute)


class Typo(Rule):
    """A word that is not English as copylint knows it: "orginal", "systams", "Goverment".

    What it does: checks each word of prose against an English lexicon of about 160,000 words
    with their frequencies, plus modern words and words built with productive affixes
    ("groundedness", "subdomains"). A word the lexicon lacks is then weighed before it is
    reported, because most such words in edited prose are not typos:

    - Standing: SCOWL's large American, British and Canadian lists (350,000 forms: "assistive",
      "crepuscular") and the opt-out word packs (``word-packs``: software terms, company names,
      people's names) say a word exists; wordfreq's usage figures say how often it is written
      ("kanban", "nginx"). A word with standing is never a warning.
    - The document's own evidence: a capitalised word used twice and never in lower case is a
      name, wherever it stands; a word also found in the document's code, a URL or markup is an
      identifier ("the `oracledb` container"); parts of hyphenated compounds are judged by their
      own standing and the whole's ("add-ons", "beauti--ful"); "[O]ver" is an editorial alteration.
    - Deliberate forms are info at most: eye dialect (several words respelled by one rule:
      "wery", "wital", "conwenient"; or many elisions), elisions ("nat'ral", "learnin'"), common
      words of other languages ("acceso", "verrons"), words in quoted speech, closed compounds
      and coinages ("dusklight", "tobaccoey"), a word beside another unknown word, and a
      capitalised word whose correction would change its first letter ("Vencore").

    Severity: error for a common misspelling copylint knows ("recieve"). Warning when confident:
    a word with no standing whose best correction is a likely slip (a doubled or dropped letter,
    swapped letters, a neighbouring key; cost at most ``max-cost``) from a word in common use
    (Zipf at least ``min-candidate-zipf``), or a further slip the neighbouring words support
    ("culminative wealth"); a word people write rarely needs a single cheap slip (``slip-cost``)
    from a word ``min-gap`` Zipf units more common ("orginal"); a capitalised word at a sentence
    start or in a heading needs the same. Info for every other unknown word (with the
    suggestions), and for a word with standing one likely slip from a word ``info-gap`` Zipf
    units more common. Zipf is log10 of uses per billion words; ``used-zipf`` is how often a form
    must be written to count as in use. The thresholds are options of this rule
    (``[tool.copylint."spelling.typo"]``).

    Why: readers forgive a style slip, not a typo; and a linter that cries wolf gets switched
    off, so a warning must be right nine times in ten.

    Stays quiet on names (capitalised mid-sentence, or anywhere in the document or its front
    matter), abbreviations (NASA), words with internal capitals or digits (GitHub, mp3),
    contractions and possessives, words with accents, URLs, e-mail and obfuscated addresses,
    code, math and TeX commands, emoji shortcodes, attribute lists and heading ids, HTML attribute
    values other than alt text (the formats keep all of these out of the prose), paragraphs in
    another language, and jargon used three or more times that is not one letter away from a
    common word. Words in an accept list are never reported; ``copylint vocabulary`` lists a
    tree's unknown words and starts such a list.

    Example: "the orginal cut" suggests "original".

    Fix safety: safe for a known misspelling with a single correction; unsafe (the first
    suggestion) otherwise.
    """

    id = "spelling.typo"
    family_settings = SpellingSettings
    category = Category.TYPO
    default_severity = Severity.WARNING
    fixable = True
    options = {name.replace("_", "-"): value for name, value in asdict(Thresholds()).items()}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for issue in spelling_issues(ctx):
            if issue.verdict is Verdict.REJECTED:
                continue
            word = issue.word
            if not ctx.view.is_verbatim(word.span, ctx.document):
                continue  # a word joined across markup ("the[link]") or with an entity: not what was typed
            if _glued_to_markup(ctx.view.text, word.span.start, word.span.end):
                continue  # a piece of a word split by code or a tag ("`V`erbose"): the reader sees one word
            suggestions = [match_case(word.text, suggestion) for suggestion in issue.suggestions]
            if issue.verdict is Verdict.KNOWN_MISSPELLING:
                severity, applicability = Severity.ERROR, Applicability.SAFE
                message = f"“{word.text}” is a common misspelling of “{suggestions[0]}”."
            elif issue.confidence is Confidence.WARNING:
                severity, applicability = ctx.severity, Applicability.UNSAFE
                message = f"Unknown word “{word.text}”: did you mean “{suggestions[0]}”?"
            else:
                severity, applicability = Severity.INFO, Applicability.DISPLAY_ONLY
                message = f"Unknown word “{word.text}”."
            edits = (ProseEdit(word.span, suggestions[0]),) if suggestions else ()
            finding = ctx.finding(
                word.span,
                message,
                suggestions=suggestions,
                edits=edits if applicability is not Applicability.DISPLAY_ONLY else (),
                applicability=applicability,
                fix_title=f"Replace with “{suggestions[0]}”" if suggestions else "",
            )
            yield finding.with_severity(severity) if severity is not ctx.severity else finding


def _glued_to_markup(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of the prose touches a placeholder (code, a tag, math)
    with no space between them."""
    return (start > 0 and text[start - 1] == PLACEHOLDER) or (end < len(text) and text[end] == PLACEHOLDER)


class RejectedWord(Rule):
    """A word the project's reject list forbids, even when it is correct English.

    What it does: reports every word matching an entry of the reject word lists (``reject`` in
    the configuration, or ``--reject``). An entry in lower case matches any capitalisation, one
    with capitals matches exactly, and a regular expression must match the whole word. A
    rejected word is reported even where the spelling check would stay quiet (a name, a
    heading) and even if an accept list also names it.

    Why: house style bans some words ("utilize", a competitor's name, an outdated product name)
    that no dictionary would flag.

    Example: with ``utilize`` in the reject list, "we utilize" is reported.

    Fix safety: no fix; the author chooses the replacement.
    """

    id = "spelling.rejected"
    family_settings = SpellingSettings
    category = Category.STYLE
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for issue in spelling_issues(ctx):
            if issue.verdict is Verdict.REJECTED:
                yield ctx.finding(issue.word.span, f"“{issue.word.text}” is on the project's reject list.")
