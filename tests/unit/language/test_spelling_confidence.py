"""The spelling severity policy: warnings only for words with no standing and a convincing
correction; names, jargon, dialect, other languages and compounds are info at most, or silent.

Each sentence below is of a kind copylint warned about before this policy (a false alarm on
edited prose), or a real typo it must keep warning about.
"""

from __future__ import annotations

import pytest

from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.language.spelling.attestation import WordSource, load_attestation
from copylint.language.spelling.confidence import Confidence, Evidence, Thresholds, judge
from copylint.language.spelling.respelling import respelled_forms, single_edit
from copylint.language.spelling.suggest import Candidate
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


def typo_findings(text: str, name: str = "article.md") -> dict[str, str]:
    """The spelling.typo findings of one document: word -> severity."""
    settings = LintSettings(rules=(PLUGINS.rules["spelling.typo"],))
    document = Document(name, text)
    findings = lint_document(document, PLUGINS.format_for(name), settings).findings
    return {document.text[f.span.start : f.span.end]: f.severity.value for f in findings}


def warnings_of(text: str, name: str = "article.md") -> list[str]:
    return [word for word, severity in typo_findings(text, name).items() if severity != "info"]


@pytest.mark.parametrize(
    "text",
    [
        # valid words and jargon a frequency-ranked lexicon lacks: a dictionary or usage knows them
        "The page has bolded headings, a bookmarklet and a breakpoint; we transpile the code and unmute the call.",
        "We scaffolded the dotfiles, cut the dropoff in payscales and fixed the multiline textareas.",
        # pieces of hyphenated compounds
        "Buy the add-ons for the have-nots, 18- to 29-year-olds, in a YouTube-esque hack-a-thons.",
        # archaic verb forms of known verbs
        "Thou sellest the farm, and he buildeth a wall.",
    ],
)
def test_words_with_standing_are_never_warnings(text: str) -> None:
    assert warnings_of(text) == []


def test_a_name_used_twice_is_a_name_even_at_sentence_starts_and_in_headings() -> None:
    text = "# Mailo for newsrooms\n\nMailo sends copy to editors. Mailo runs offline.\n"
    assert typo_findings(text) == {}


def test_a_name_also_written_in_lower_case_is_still_checked() -> None:
    text = "# Receving\n\nReceving is hard. The receving desk.\n"
    assert "receving" in typo_findings(text)


def test_a_word_that_also_appears_in_code_or_a_url_is_an_identifier() -> None:
    text = "Run `kubefoo apply` and the kubefoo tool deploys it; see [grafix](https://grafix.example.org/).\n"
    assert typo_findings(text) == {}


def test_parts_of_file_names_and_handles_are_not_words() -> None:
    assert typo_findings("See the site's .pa11yc.jsz file, the colr.js script and @jdoex on the forum.\n") == {}


def test_an_editorial_alteration_in_brackets_is_not_a_word() -> None:
    assert typo_findings("“[O]ver the years, [t]he agency grew,” she wrote.\n") == {}


def test_eye_dialect_is_info_at_most() -> None:
    text = "It was wery cold in the willage, and the wisitors found the wiew wastly better.\n"
    found = typo_findings(text, "novel.txt")
    assert {"wery", "willage", "wisitors", "wiew", "wastly"} <= set(found)
    assert set(found.values()) == {"info"}


def test_elisions_are_info_at_most() -> None:
    text = "He had a partic'lar way, a gen'ral air, and was always trav'lin' somewhere.\n"
    assert warnings_of(text, "novel.txt") == []


def test_words_of_other_languages_and_quoted_speech_are_info_at_most() -> None:
    assert warnings_of("'Nous partirons demain,' he said.\n", "novel.txt") == []
    assert warnings_of("“Them's the rooles, mister,” said the porter.\n", "novel.txt") == []


def test_closed_compounds_and_coinages_are_info_at_most() -> None:
    text = "The lampglow fell on a soupish bowl and a drawerful of letters.\n"
    assert warnings_of(text, "novel.txt") == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Please send the finsl report by Friday.", "finsl", "final"),
        ("The team improved the quaility of the data.", "quaility", "quality"),
        ("We reviewed the detailed budegt proposal.", "budegt", "budget"),
        ("Her work has enspired many others.", "enspired", "inspired"),
        ("In the orginal, she was freed.", "orginal", "original"),
    ],
)
def test_real_typos_stay_warnings_with_their_fix(text: str, word: str, fix: str) -> None:
    settings = LintSettings(rules=(PLUGINS.rules["spelling.typo"],))
    findings = lint_document(Document("a.txt", text), PLUGINS.format_for("a.txt"), settings).findings
    assert [(text[f.span.start : f.span.end], f.severity.value, f.suggestions[0]) for f in findings] == [
        (word, "warning", fix)
    ]


def evidence(**changes: object) -> Evidence:
    base: dict[str, object] = {
        "listed": False,
        "zipf": 0.0,
        "cost": 0.5,
        "candidate_zipf": 5.0,
        "context_supports": False,
        "capitalised": False,
    }
    base.update(changes)
    return Evidence(**base)  # type: ignore[arg-type]


def test_the_policy_table() -> None:
    thresholds = Thresholds()
    assert judge(evidence(), thresholds) is Confidence.WARNING  # never seen, a cheap slip from a common word
    assert judge(evidence(candidate_zipf=2.0), thresholds) is Confidence.INFO  # the correction is rare too
    assert judge(evidence(cost=2.5), thresholds) is Confidence.INFO  # no likely slip
    assert judge(evidence(cost=2.5, context_supports=True), thresholds) is Confidence.WARNING
    assert judge(evidence(listed=True), thresholds) is Confidence.INFO  # a word: shown, never a warning
    assert judge(evidence(listed=True, candidate_zipf=0.5), thresholds) is Confidence.SILENT
    assert judge(evidence(zipf=2.2), thresholds) is Confidence.WARNING  # rare use, far below its correction
    assert judge(evidence(zipf=2.2, candidate_zipf=4.0), thresholds) is Confidence.INFO
    assert judge(evidence(zipf=3.5, candidate_zipf=3.0), thresholds) is Confidence.SILENT  # in common use
    assert judge(evidence(cost=None), thresholds) is Confidence.INFO
    assert judge(evidence(deliberate=True), thresholds) is Confidence.INFO
    assert judge(evidence(capitalised=True, cost=1.4), thresholds) is Confidence.INFO
    assert judge(evidence(cost=1.4), Thresholds(max_cost=1.2)) is Confidence.INFO  # thresholds are options


def test_respellings_need_three_words_sharing_one_edit() -> None:
    assert single_edit("wery", "very") == ("v", "w", "inside")
    assert single_edit("goin", "going") == ("g", "", "end")
    assert single_edit("budegt", "budget") is None  # a swap is two changes here: not one edit
    corrections = {
        "wery": [Candidate("very", 1, 1.0, 0.0)],
        "willage": [Candidate("village", 1, 1.0, 0.0)],
        "conwey": [Candidate("convey", 1, 1.0, 0.0)],
        "budegt": [Candidate("budget", 1, 1.0, 0.0)],
    }
    assert respelled_forms(corrections) == {"wery", "willage", "conwey"}
    del corrections["conwey"]
    assert respelled_forms(corrections) == frozenset()


def test_attestation_sources() -> None:
    attestation = load_attestation()
    assert attestation.listed_in("crepuscular", WordSource.DICTIONARY)
    assert attestation.listed_in("kubernetes", WordSource.SOFTWARE)
    assert not attestation.listed_in("kubernetes", WordSource.DICTIONARY)
    assert attestation.zipf("the") > 7 > attestation.zipf("original") > 4 > attestation.zipf("orginal") > 0
    assert attestation.zipf("budegt") == 0
    assert attestation.is_foreign("gracias") and not attestation.is_foreign("budegt")
