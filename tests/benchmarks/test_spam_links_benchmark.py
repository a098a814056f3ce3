"""``benchmarks/spam_links.py``: how it finds links, matches findings to labelled links by span, and
reports, on a tiny labelled folder of its own; and the shipped spam-link splits still agree with
their labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import SPAM_LINKS, load_benchmark, write

bench = load_benchmark("spam_links")

ARTICLE_MD = """---
canonical: https://www.example-council.gov.uk/front-matter-is-not-prose
---

# Notes

Read the [council's notice](https://www.example-council.gov.uk/notice) first.

Watch Free Movies on [MyFlixer-to.click](https://myflixer-to.click/anora) tonight.

Archived copy: https://web.archive.org/web/2020/https://example.org/ and the [spec][rfc].

```sh
curl https://code.example.com/not-a-link
```

[rfc]: https://datatracker.ietf.org/doc/html/rfc9110
"""

ARTICLE_HTML = """<html><body>
<p>Our <a href="https://shop.example.com/sale?a=1&amp;b=2">spring sale</a> ends today.</p>
<div style="display:none"><p><a href='https://cheap-pills.example/buy'>buy pills</a></p></div>
</body></html>
"""

LABELS = [
    ("a.md", "https://www.example-council.gov.uk/notice", "council's notice", "legitimate"),
    ("a.md", "https://myflixer-to.click/anora", "MyFlixer-to.click", "piracy"),
    ("a.md", "https://web.archive.org/web/2020/https://example.org/", None, "legitimate"),
    ("a.md", "https://datatracker.ietf.org/doc/html/rfc9110", "spec", "legitimate"),
    ("b.html", "https://shop.example.com/sale?a=1&b=2", "spring sale", "legitimate"),
    ("b.html", "https://cheap-pills.example/buy", "buy pills", "pharmacy"),
]


def make_split(folder: Path, labels: list[tuple[str, str, str | None, str]] = LABELS) -> Path:
    write(folder / "a.md", ARTICLE_MD)
    write(folder / "b.html", ARTICLE_HTML)
    links = [
        {
            "file": file,
            "href": href,
            "text": href if text is None else text,
            "is_spam": category != "legitimate",
            "category": category,
        }
        for file, href, text, category in labels
    ]
    write(folder / "labels.json", json.dumps({"links": links}))
    return folder


def test_links_are_found_in_markup_and_text_but_not_in_code_or_front_matter() -> None:
    found = {(link.kind, link.href, link.text) for link in bench.find_links("a.md", ARTICLE_MD)}
    assert found == {
        ("markdown", "https://www.example-council.gov.uk/notice", "council's notice"),
        ("markdown", "https://myflixer-to.click/anora", "MyFlixer-to.click"),
        (
            "bare",
            "https://web.archive.org/web/2020/https://example.org/",
            "https://web.archive.org/web/2020/https://example.org/",
        ),
        ("reference", "https://datatracker.ietf.org/doc/html/rfc9110", "spec"),
    }
    html = [(link.kind, link.href, link.text) for link in bench.find_links("b.html", ARTICLE_HTML)]
    assert html == [
        ("html", "https://shop.example.com/sale?a=1&b=2", "spring sale"),
        ("html", "https://cheap-pills.example/buy", "buy pills"),
    ]


def _fake_checker(tmp_path: Path, spans: list[tuple[str, int, int, int]]) -> str:
    """A command that prints copylint's JSON with a finding on each (file, line, column, end column)."""
    findings = [
        {"path": name, "line": line, "column": column, "end_line": line, "end_column": end, "message": "m"}
        for name, line, column, end in spans
    ]
    script = write(
        tmp_path / "fake.py",
        "import json, os, sys\n"
        f"findings = {findings!r}\n"
        "for f in findings: f['path'] = os.path.join(sys.argv[-1], f['path'])\n"
        "print(json.dumps({'findings': findings}))\n",
    )
    return f"{sys.executable} {script}"


def test_findings_count_for_the_links_they_overlap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    split = make_split(tmp_path / "split")
    command = _fake_checker(
        tmp_path,
        [
            ("a.md", 9, 1, 5),  # "Watch", the sentence's start: overlaps no link at all
            ("a.md", 9, 22, 30),  # inside the spam link's text: found
            ("a.md", 7, 10, 20),  # on the council's link: a false alarm
            ("b.html", 2, 1, 40),  # the first paragraph, over a legitimate link only: a false alarm
        ],
    )
    figures_path = tmp_path / "figures.json"
    assert bench.main([str(split), "--command", command, "--json", str(figures_path), "--missed"]) == 0
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    assert figures["recall"]["piracy"] == 1.0 and figures["recall"]["pharmacy"] == 0.0
    assert (figures["found"], figures["spam"]) == (1, 2)
    assert figures["false_alarms"] == ["a.md:9:1", "a.md:7:10", "b.html:2:1"]
    out = capsys.readouterr().out
    assert "b.html [pharmacy] [buy pills](https://cheap-pills.example/buy)" in out  # listed as missed
    assert "TOTAL recall 0.50 (1/2), false alarms 3, legitimate links covered 0" in out


def test_a_finding_over_spam_and_a_legitimate_link_is_counted_apart(tmp_path: Path) -> None:
    split = make_split(tmp_path / "split")
    command = _fake_checker(tmp_path, [("b.html", 1, 1, 1), ("b.html", 2, 1, 1)])
    labelled, problems = bench.read_split(split, split / "labels.json")
    assert problems == []
    result = bench.score(labelled, bench.run_findings(split, command))
    assert not result.found and len(result.false_alarms) == 2  # empty findings between links
    whole = bench.Finding("b.html", 2, 1, (0, len(ARTICLE_HTML)), "m")
    result = bench.score(labelled, [whole])
    assert [item.category for item in result.found] == ["pharmacy"] and not result.false_alarms
    assert [item.link.text for item, _ in result.legitimate_covered] == ["spring sale"]


def test_labels_and_articles_must_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = [*LABELS[:2], ("a.md", "https://nowhere.example/", "nowhere", "legitimate"), *LABELS[3:]]
    split = make_split(tmp_path / "split", wrong)
    assert bench.main([str(split), "--command", "false"]) == 2
    err = capsys.readouterr().err
    assert "labelled link not found: [nowhere](https://nowhere.example/)" in err
    assert "link without a label: [https://web.archive.org/web/2020/https://example.org/]" in err


def test_copylint_finds_the_rules_own_example_and_spares_the_rest(tmp_path: Path) -> None:
    split = make_split(tmp_path / "split")
    command = f"{sys.executable} -m copylint check --no-cache --format json --select spam.link"
    figures_path = tmp_path / "figures.json"
    assert bench.main([str(split), "--command", command, "--json", str(figures_path)]) == 0
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    assert figures["recall"]["piracy"] == 1.0 and figures["false_alarms"] == []


@pytest.mark.parametrize("split", ["train", "test"])
def test_the_shipped_splits_agree_with_their_labels(split: str) -> None:
    labelled, problems = bench.read_split(SPAM_LINKS / split, SPAM_LINKS / split / "labels.json")
    assert problems == []
    spam = [item for item in labelled if item.is_spam]
    assert len(spam) >= 80 and len(labelled) - len(spam) >= 80
    assert all(sum(item.category == category for item in spam) >= 8 for category in bench.CATEGORIES)
