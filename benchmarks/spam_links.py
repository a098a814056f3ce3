#!/usr/bin/env python3
"""Recall per spam category and false alarms of ``spam.link`` on a labelled split of articles.

    python benchmarks/spam_links.py fixtures/spam-links/test [--labels FILE] [--command CMD] [--missed]
    python benchmarks/spam_links.py fixtures/spam-links/train --list   # every link found, as labels

A split is a folder of Markdown and HTML articles with ``labels.json`` beside them: every link in
every article, with its exact target (``href``), its text, ``is_spam`` and ``category`` (a spam
category, or ``legitimate``). Links are found here by this script's own reading of the files
(Markdown inline, reference and autolinks, HTML anchors, bare ``http(s)://`` and ``www.`` URLs;
not in front matter, code, comments, scripts or tag attributes), never by copylint's parser, and
every link found must be labelled and every label found, or the script stops with the mismatch.
A label may also name a bare domain written without a scheme (``href`` equal to ``text``); that
one is looked for as written.

The command (default ``copylint check --no-cache --format json --select spam.link``) is run once
on the split's folder. A finding counts for a link when its span overlaps the link's markup in the
file; a finding that overlaps no spam link is a false alarm. Findings that also cover a legitimate
link beside a spam one are listed apart: they catch the spam but their fix would take the
legitimate link with it.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

COMMAND = "copylint check --no-cache --format json --select spam.link"
SUFFIXES = (".md", ".html")
CATEGORIES = (
    "piracy",
    "gambling",
    "essay mill",
    "pharmacy",
    "crypto giveaway",
    "bought followers",
    "loans",
    "cracked software",
    "SEO link farm",
)
LEGITIMATE = "legitimate"
KINDS = ("html", "markdown", "reference", "autolink", "bare", "bare-domain")

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1[ \t]*\n", re.DOTALL)
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~).*?^[ \t]{0,3}\1[^\n]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_HIDDEN_BLOCKS = re.compile(r"<!--.*?-->|<(script|style|pre|code)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.DOTALL | re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_MD_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_REFERENCE = re.compile(r"(?<![!\]])\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")
_MD_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\[\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?://)[^>\s]+)>")
_BARE = re.compile(r"(?:https?://|www\.)[^\s<>\"'\[\]()]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""
_ABSOLUTE = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A link as found in an article: where its markup is (``spans``: the link, and for a
    Markdown reference link also its definition line), its target and its text."""

    file: str
    href: str
    text: str
    spans: tuple[tuple[int, int], ...]
    kind: str
    """One of ``KINDS``: bare is a URL in the text, bare-domain a labelled domain written without a scheme."""


@dataclass(frozen=True)
class Labelled:
    """A link found in an article with its label."""

    link: Link
    is_spam: bool
    category: str
    forms: tuple[str, ...] = ()
    """How the link is written or disguised (the label's ``forms``: hidden, imitation, shortener ...)."""


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` turned into spaces (line breaks kept), so offsets stay put."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _blank_all(text: str, pattern: re.Pattern[str]) -> str:
    for match in list(pattern.finditer(text)):
        text = _blank(text, *match.span())
    return text


def _flat(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


def find_links(name: str, text: str) -> list[Link]:
    """Every absolute link in one article, in the order of its markup."""
    markdown = name.endswith(".md")
    masked = _blank_all(text, _FRONT_MATTER) if markdown else text
    if markdown:
        masked = _blank_all(_blank_all(masked, _FENCE), _CODE_SPAN)
    masked = _blank_all(masked, _HIDDEN_BLOCKS)
    found: list[Link] = []
    for match in _ANCHOR.finditer(masked):
        href = _HREF.search(match.group(1))
        if href:
            target = html.unescape(next(group for group in href.groups() if group is not None))
            found.append(Link(name, target, _flat(match.group(2)), (match.span(),), "html"))
    masked = _blank_all(masked, _ANCHOR)
    if markdown:
        definitions = {m.group(1).lower(): m for m in _MD_DEFINITION.finditer(masked)}
        for match in _MD_LINK.finditer(masked):
            found.append(Link(name, match.group(2), match.group(1), (match.span(),), "markdown"))
        for match in _MD_REFERENCE.finditer(masked):
            definition = definitions.get((match.group(2) or match.group(1)).lower())
            if definition:
                spans = (match.span(), definition.span())
                found.append(Link(name, definition.group(2), match.group(1), spans, "reference"))
        for match in _AUTOLINK.finditer(masked):
            found.append(Link(name, match.group(1), match.group(1), (match.span(),), "autolink"))
        for pattern in (_MD_LINK, _MD_REFERENCE, _MD_DEFINITION, _AUTOLINK):
            masked = _blank_all(masked, pattern)
    masked = _blank_all(masked, _TAG)
    for match in _BARE.finditer(masked):
        url = match.group().rstrip(_TRAILING)
        found.append(Link(name, url, url, ((match.start(), match.start() + len(url)),), "bare"))
    return sorted((link for link in found if _ABSOLUTE.match(link.href)), key=lambda link: link.spans[0])


def _bare_domain(text: str, domain: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first place ``domain`` stands as a word of its own, outside the links already found."""
    for match in re.finditer(rf"(?<![\w.-]){re.escape(domain)}(?![\w-]|\.\w)", text):
        if not any(start < match.end() and match.start() < end for start, end in taken):
            return match.span()
    return None


def read_split(folder: Path, labels_path: Path) -> tuple[list[Labelled], list[str]]:
    """The labelled links of a split, and the mismatches between the labels and the articles."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["links"]
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in SUFFIXES)
    problems = [f"{label['file']}: labelled, but no such article" for label in labels if label["file"] not in files]
    labelled: list[Labelled] = []
    for name in files:
        text = (folder / name).read_text(encoding="utf-8-sig")
        unclaimed = find_links(name, text)
        taken = [span for link in unclaimed for span in link.spans]
        for label in (label for label in labels if label["file"] == name):
            if label.get("category") not in (*CATEGORIES, LEGITIMATE) or label["is_spam"] != (
                label["category"] != LEGITIMATE
            ):
                problems.append(f"{name}: {label['href']}: category {label.get('category')!r} does not fit is_spam")
            match = next((link for link in unclaimed if (link.href, link.text) == (label["href"], label["text"])), None)
            if match is not None:
                unclaimed.remove(match)
            elif label["href"] == label["text"] and not _ABSOLUTE.match(label["href"]):
                span = _bare_domain(text, label["href"], taken)
                if span is None:
                    problems.append(f"{name}: bare domain {label['href']!r} not found")
                    continue
                taken.append(span)
                match = Link(name, label["href"], label["text"], (span,), "bare-domain")
            else:
                problems.append(f"{name}: labelled link not found: [{label['text']}]({label['href']})")
                continue
            labelled.append(Labelled(match, label["is_spam"], label["category"], tuple(label.get("forms", ()))))
        problems += [f"{name}: link without a label: [{link.text}]({link.href})" for link in unclaimed]
    return labelled, problems


@dataclass(frozen=True)
class Finding:
    """A finding of the checker: where it starts (1-based, as reported) and its span as offsets."""

    file: str
    line: int
    column: int
    span: tuple[int, int]
    message: str


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1


def run_findings(folder: Path, command: str) -> list[Finding]:
    """The command's findings on the split, each with its span as offsets into its file."""
    process = subprocess.run([*shlex.split(command), str(folder)], capture_output=True, text=True, check=False)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed ({process.returncode}): {process.stderr.strip()}")
    findings = []
    for item in json.loads(process.stdout)["findings"]:
        name = Path(item["path"]).resolve().relative_to(folder.resolve()).as_posix()
        lines = (folder / name).read_text(encoding="utf-8-sig").split("\n")
        span = (_offset(lines, item["line"], item["column"]), _offset(lines, item["end_line"], item["end_column"]))
        findings.append(Finding(name, item["line"], item["column"], span, item["message"]))
    return findings


def _overlaps(finding: Finding, link: Link) -> bool:
    start, end = finding.span
    end = max(end, start + 1)  # an empty finding still points at a character
    return finding.file == link.file and any(s < end and start < e for s, e in link.spans)


@dataclass(frozen=True)
class Score:
    """The spam links some finding covers, the findings that cover none, and legitimate links a
    finding covers together with spam."""

    found: frozenset[Labelled]
    false_alarms: tuple[Finding, ...]
    legitimate_covered: tuple[tuple[Labelled, Finding], ...]


def score(labelled: list[Labelled], findings: list[Finding]) -> Score:
    found: set[Labelled] = set()
    false_alarms: list[Finding] = []
    covered: list[tuple[Labelled, Finding]] = []
    for finding in findings:
        hits = [item for item in labelled if _overlaps(finding, item.link)]
        found.update(item for item in hits if item.is_spam)
        if not any(item.is_spam for item in hits):
            false_alarms.append(finding)
        else:
            covered += [(item, finding) for item in hits if not item.is_spam]
    return Score(frozenset(found), tuple(false_alarms), tuple(covered))


def _excerpt(folder: Path, finding: Finding, width: int = 90) -> str:
    text = " ".join((folder / finding.file).read_text(encoding="utf-8-sig")[slice(*finding.span)].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _recall_table(title: str, groups: dict[str, list[Labelled]], found: frozenset[Labelled]) -> dict[str, float]:
    print(f"{title:<18} {'spam':>5} {'found':>6} {'recall':>7}")
    recall: dict[str, float] = {}
    for name, links in groups.items():
        hits = sum(item in found for item in links)
        recall[name] = hits / len(links) if links else 0.0
        print(f"{name:<18} {len(links):>5} {hits:>6} {recall[name]:>7.2f}")
    return recall


def report(folder: Path, labelled: list[Labelled], findings: list[Finding], missed: bool) -> dict[str, object]:
    """Print the figures and return them (recall per category and per form, totals, false alarms)."""
    result = score(labelled, findings)
    spam = [item for item in labelled if item.is_spam]
    print(
        f"split {folder}: {len({item.link.file for item in labelled})} articles, {len(spam)} spam links, "
        f"{len(labelled) - len(spam)} legitimate links, {len(findings)} findings"
    )
    recall = _recall_table("category", {c: [i for i in spam if i.category == c] for c in CATEGORIES}, result.found)
    forms = sorted(Counter(form for item in spam for form in item.forms), key=lambda form: (form not in KINDS, form))
    by_form = _recall_table("form", {f: [i for i in spam if f in i.forms] for f in forms}, result.found)
    print(f"false alarms: {len(result.false_alarms)}")
    for finding in result.false_alarms:
        print(f"  {finding.file}:{finding.line}:{finding.column}: {_excerpt(folder, finding)}")
    print(f"legitimate links inside a finding that also covers spam: {len(result.legitimate_covered)}")
    for item, finding in result.legitimate_covered:
        print(f"  {item.link.file}:{finding.line}:{finding.column}: {item.link.href}")
    if missed:
        print("missed spam links:")
        for item in spam:
            if item not in result.found:
                print(f"  {item.link.file} [{item.category}] [{item.link.text}]({item.link.href})")
    total = len(result.found) / len(spam) if spam else 0.0
    print(
        f"TOTAL recall {total:.2f} ({len(result.found)}/{len(spam)}), false alarms {len(result.false_alarms)}, "
        f"legitimate links covered {len(result.legitimate_covered)}"
    )
    return {
        "recall": recall,
        "recall_by_form": by_form,
        "total_recall": total,
        "found": len(result.found),
        "spam": len(spam),
        "false_alarms": [f"{f.file}:{f.line}:{f.column}" for f in result.false_alarms],
        "legitimate_covered": len(result.legitimate_covered),
    }


def list_links(folder: Path) -> None:
    """Print every link of the split's articles as a label skeleton (``is_spam`` left null)."""
    links = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES):
        name = path.relative_to(folder).as_posix()
        for link in find_links(name, path.read_text(encoding="utf-8-sig")):
            links.append({"file": name, "href": link.href, "text": link.text, "is_spam": None, "category": None})
    print(json.dumps({"links": links}, ensure_ascii=False, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path, help="folder of articles with labels.json")
    parser.add_argument("--labels", type=Path, help="labels file (default: SPLIT/labels.json)")
    parser.add_argument("--command", default=COMMAND, help=f"the checker, given the folder last (default: {COMMAND})")
    parser.add_argument("--missed", action="store_true", help="list the spam links no finding covers")
    parser.add_argument("--list", action="store_true", help="print every link found, as labels to fill in")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.list:
        list_links(args.split)
        return 0
    labelled, problems = read_split(args.split, args.labels or args.split / "labels.json")
    if problems:
        print("labels and articles disagree:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    figures = report(args.split, labelled, run_findings(args.split, args.command), args.missed)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
