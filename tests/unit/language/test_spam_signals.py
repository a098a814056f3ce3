"""A spam link's signals and where they sit: which link a call to action sells, what a fix removes
beside a legitimate link, and the signals of what link text shows. Invented examples."""

from __future__ import annotations

from copylint.core.source import Span
from copylint.language.links.actions import sentence_actions
from copylint.language.links.candidates import LinkCandidate
from copylint.language.links.clauses import balanced, spam_clause
from copylint.language.links.data import spam_data
from copylint.language.links.signals import LinkContext, language_model_signal, link_signals, shown_address_signals


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def test_a_call_to_action_sells_the_nearest_link_in_its_clause() -> None:
    text = "See the agency's data, buy essays cheap at EssayDash and the archive."
    anchors = [_span(text, "the agency's data"), _span(text, "EssayDash"), _span(text, "the archive")]
    actions = sentence_actions(text, Span(0, len(text)), anchors, spam_data())
    assert [action.words if action else None for action in actions] == [None, "buy essays", None]


def test_a_call_to_action_inside_the_link_text_is_that_link_s() -> None:
    text = "Read the guide or Watch Free Movies Online here."
    anchors = [_span(text, "the guide"), _span(text, "Watch Free Movies Online")]
    actions = sentence_actions(text, Span(0, len(text)), anchors, spam_data())
    assert actions[0] is None and actions[1] is not None and actions[1].category == "piracy"


def test_the_spam_clause_stops_at_the_legitimate_links() -> None:
    text = "Read the guide or claim free spins at LuckyReef tonight."
    sentence = Span(0, len(text))
    guide, spam = _span(text, "the guide"), _span(text, "free spins at LuckyReef")
    removed = spam_clause(text, sentence, spam, guide.end, None)
    assert text[: removed.start] + text[removed.end :] == "Read the guide."
    text = "Claim free spins at LuckyReef, or read the guide."
    spam, guide = _span(text, "free spins at LuckyReef"), _span(text, "the guide")
    removed = spam_clause(text, Span(0, len(text)), Span(0, spam.end), None, guide.start)
    assert text[removed.end :] == "read the guide."
    text = "See the data, buy essays at EssayDash and the archive."
    data, spam, archive = _span(text, "the data"), _span(text, "buy essays at EssayDash"), _span(text, "the archive")
    removed = spam_clause(text, Span(0, len(text)), spam, data.end, archive.start)
    assert text[: removed.start] + text[removed.end :] == "See the data and the archive."
    assert spam_clause(text, Span(0, len(text)), spam, None, None) == Span(0, len(text))


def test_what_link_text_shows() -> None:
    data = spam_data()

    def weights(text: str, target: str, shown: str) -> list[int]:
        candidate = LinkCandidate(target, target.split("/")[2], Span(0, len(text)), "markdown")
        return [signal.weight for signal in shown_address_signals(candidate, text, (shown,), data)]

    assert weights("harborcity.gov", "https://harborcity-gov.net/x", "harborcity.gov") == [3]
    assert weights("www.stateparks.org", "https://trail-deals.net/", "www.stateparks.org") == [2]
    # a phrase that mentions an address is only weak; a well-known or official target is no disguise
    assert weights("the stateparks.org map", "https://trail-deals.net/", "stateparks.org") == [1]
    assert weights("docs.example.gov", "https://github.com/agency/handbook", "docs.example.gov") == [1]
    assert weights("example.org", "https://www.example.gov/", "example.org") == []
    assert weights("nasa.gov", "https://snapshots.example.net/2020/nasa.gov/", "nasa.gov") == []


def test_an_affiliate_parameter_adds_to_a_disguise_or_a_spam_name_never_alone() -> None:
    data = spam_data()

    def total(target: str, text: str, shown: tuple[str, ...] = ()) -> int:
        candidate = LinkCandidate(target, target.split("/")[2], Span(0, len(text)), "markdown")
        return sum(signal.weight for signal in link_signals(candidate, LinkContext(text, text, shown), data))

    assert total("https://trail-deals.net/?ref=9", "www.stateparks.org", ("www.stateparks.org",)) == 3
    assert total("https://brightday-loans.co.uk/apply?aff=w9", "Apply") == 2 + 1
    assert total("https://shop.example.com/sale?ref=newsletter", "the sale") == 0


def test_every_signal_has_a_weight_and_a_reason_and_the_model_has_its_place() -> None:
    candidate = LinkCandidate("https://goldenjackpot-vegas.com/", "goldenjackpot-vegas.com", Span(0, 9), "markdown")
    context = LinkContext("Grab 200 bonus rounds", "Grab 200 bonus rounds", alone=True)
    signals = link_signals(candidate, context, spam_data())
    assert sum(signal.weight for signal in signals) == 3
    assert all(signal.reason and signal.weight in (1, 2, 3) for signal in signals)
    assert language_model_signal(candidate, context, None) is None


def test_a_removal_keeps_the_markup_balanced() -> None:
    def removed(document: str, part: str) -> str:
        edit = balanced(document, _span(document, part))
        return document[: edit.span.start] + edit.replacement + document[edit.span.end :]

    # an element opened before the span and closed inside it is taken whole
    assert removed("<div><b>name</b>: spam <a href='x'>here</a></div>", "name</b>: spam <a href='x'>here</a>") == ""
    # a tag the span cannot take whole stays, and the text around it goes
    document = "<p>Keep. Spam <i>words</i></p><p>More.</p>"
    assert removed(document, "Spam <i>words</i></p><p>More") == "<p>Keep. </p><p>.</p>"
    # an element that wraps more than the span stays
    assert removed("<p>Keep this. <a href='x'>spam</a></p>", "<a href='x'>spam</a>") == "<p>Keep this. </p>"
    # no markup: the span alone
    assert removed("Keep this. Spam here.", "Spam here.") == "Keep this. "


def test_the_language_model_counts_as_a_medium_signal_and_never_against_an_official_site() -> None:
    wording = "Buy cheap viagra and cialis pills online with no prescription, discreet overnight shipping"
    context = LinkContext(wording, "cheap viagra pills no prescription")
    shop = LinkCandidate("https://pillsdirect-now.com/", "pillsdirect-now.com", Span(0, 9), "markdown")
    signal = language_model_signal(shop, context, None)
    assert signal is not None and signal.weight == 2 and "pharmacy" in signal.reason
    official = LinkCandidate("https://medicines.example.gov.uk/", "medicines.example.gov.uk", Span(0, 9), "markdown")
    assert not any("wording" in found.reason for found in link_signals(official, context, spam_data()))


def test_path_words_are_the_path_s_words_only() -> None:
    from copylint.language.links.signals import path_words

    assert path_words("https://shop.example/buy-instagram-followers?ref=7#top") == ["buy", "instagram", "followers"]
    assert path_words("www.example.org/guides/2026/tax_help") == ["guides", "tax", "help"]
    assert path_words("https://example.com") == []


def test_keyword_stuffed_link_text_and_a_sentence_for_readers() -> None:
    from copylint.language.links.signals import keyword_stuffing

    assert keyword_stuffing("cheap flights rome best flight deals rome last minute flights") is not None
    assert keyword_stuffing("garden sheds | timber sheds | metal sheds sale") is not None
    assert keyword_stuffing("Read the report on the state of the parks and the work of the rangers") is None
    assert keyword_stuffing("Home | About") is None
