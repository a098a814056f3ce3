#!/usr/bin/env python3
"""The swap test: recall and false alarms of copylint's confusion rules on real sentences.

    python benchmarks/confusions.py DIR [DIR ...] [--per-set 400] [--seed 7]

From the prose files under the folders (Markdown, HTML, plain text; public-domain or openly
licensed prose that the rules were not written from), it takes sentences that use a word of a
confusion set correctly ("than", "its", "your" ...). Each sentence is linted twice, each in a file
of its own: as written (a correct use: any real-word or grammar finding on the word is a false
alarm) and with the word swapped for its confusable ("then", "it's", "you're": a finding on the
swapped word is a catch). Edited prose holds a few real errors, so a "false alarm" may be a true
one; the table's last column lists some to read.

It prints, per set: correct uses, false alarms, the rate per correct use; swapped uses, catches,
recall. Nothing here is shipped: the folders are read, and examples are written to a temporary
folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

SETS: dict[str, tuple[str, ...]] = {
    "then/than": ("then", "than"),
    "its/it's": ("its", "it's"),
    "your/you're": ("your", "you're"),
    "their/there/they're": ("their", "there", "they're"),
    "lose/loose": ("lose", "loose"),
    "led/lead": ("led", "lead"),
    "affect/effect": ("affect", "effect"),
    "whose/who's": ("whose", "who's"),
    "could have/could of": ("have", "of"),
    "to/too": ("to", "too"),
    "were/where": ("were", "where"),
    "quiet/quite": ("quiet", "quite"),
    "past/passed": ("past", "passed"),
    "principal/principle": ("principal", "principle"),
    "complement/compliment": ("complement", "compliment"),
    "advice/advise": ("advice", "advise"),
    "breath/breathe": ("breath", "breathe"),
    "accept/except": ("accept", "except"),
    "whether/weather": ("whether", "weather"),
    "desert/dessert": ("desert", "dessert"),
    "bare/bear": ("bare", "bear"),
    "peak/peek": ("peak", "peek"),
    "of/off": ("of", "off"),
    "know/now": ("know", "now"),
    "here/hear": ("here", "hear"),
}
_MODAL_HAVE = re.compile(r"\b(?:could|should|would|must|might)\s+have\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]{20,300}[.!?]")
SUFFIXES = (".md", ".txt", ".html")


def sentences(folders: list[Path]) -> list[str]:
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace").replace("’", "'")
                found.extend(match.group().strip() for match in _SENTENCE.finditer(text))
    return [s for s in found if not any(mark in s for mark in "`<>{}[]|*#_=")]


def examples(found: list[str], per_set: int, rng: random.Random) -> list[dict[str, object]]:
    """Correct and swapped examples: each with its set, text, and the swapped word's span."""
    made: list[dict[str, object]] = []
    for name, words in SETS.items():
        pool: list[tuple[str, int, int, str]] = []
        for sentence in found:
            if name == "could have/could of":
                for match in _MODAL_HAVE.finditer(sentence):
                    start = match.end() - 4
                    pool.append((sentence, start, match.end(), "of"))
                continue
            for word in words:
                for match in re.finditer(rf"(?<![\w']){re.escape(word)}(?![\w'])", sentence):
                    others = [other for other in words if other != word]
                    pool.append((sentence, match.start(), match.end(), rng.choice(others)))
        rng.shuffle(pool)
        for sentence, start, end, other in pool[:per_set]:
            made.append({"set": name, "text": sentence, "start": start, "end": end, "error": False})
            swapped = sentence[:start] + other + sentence[end:]
            made.append({"set": name, "text": swapped, "start": start, "end": start + len(other), "error": True})
    return made


def run(made: list[dict[str, object]], command: str, with_info: bool) -> dict[str, list[tuple[int, int]]]:
    """The findings' spans in each example file (real-word and grammar categories only; info
    findings only if asked)."""
    with tempfile.TemporaryDirectory() as folder:
        for number, example in enumerate(made):
            Path(folder, f"{number:06d}.txt").write_text(str(example["text"]) + "\n", encoding="utf-8")
        output = subprocess.run(f"{command} {folder}", shell=True, capture_output=True, text=True).stdout
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for finding in json.loads(output)["findings"]:
            if finding["category"] in ("real-word", "grammar") and (with_info or finding["severity"] != "info"):
                spans[Path(finding["path"]).stem].append((finding["column"] - 1, finding["end_column"] - 1))
        return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--per-set", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cmd", default="copylint check --no-cache --format json")
    parser.add_argument("--with-info", action="store_true", help="count info findings too (default: warnings and up)")
    args = parser.parse_args()
    made = examples(sentences(args.folders), args.per_set, random.Random(args.seed))
    spans = run(made, args.cmd, args.with_info)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    alarms: dict[str, list[str]] = defaultdict(list)
    for number, example in enumerate(made):
        start, end = int(str(example["start"])), int(str(example["end"]))
        hit = any(s < end and start < e for s, e in spans.get(f"{number:06d}", []))
        row = tally[str(example["set"])]
        if example["error"]:
            row[2] += 1
            row[3] += hit
        else:
            row[0] += 1
            row[1] += hit
            if hit:
                alarms[str(example["set"])].append(str(example["text"])[:90])
    print(f"{'set':24} {'correct':>7} {'alarms':>6} {'rate':>7} {'swapped':>7} {'caught':>6} {'recall':>6}")
    totals = [0, 0, 0, 0]
    for name, (correct, false, swapped, caught) in tally.items():
        totals = [a + b for a, b in zip(totals, (correct, false, swapped, caught), strict=True)]
        rate, recall = false / max(correct, 1), caught / max(swapped, 1)
        print(f"{name:24} {correct:7d} {false:6d} {rate:7.2%} {swapped:7d} {caught:6d} {recall:6.1%}")
    correct, false, swapped, caught = totals
    print(
        f"{'all':24} {correct:7d} {false:6d} {false / max(correct, 1):7.2%} {swapped:7d} {caught:6d} "
        f"{caught / max(swapped, 1):6.1%}"
    )
    for name, texts in alarms.items():
        for text in texts[:3]:
            print(f"  alarm [{name}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
