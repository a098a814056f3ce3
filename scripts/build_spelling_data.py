#!/usr/bin/env python3
"""Build copylint's shipped spelling word lists from their public sources (run at development time).

    python scripts/build_spelling_data.py [--sources DIR]

Writes, under ``src/copylint/data/spelling/``:

- ``dictionary-words.txt.gz``: every word form of SCOWL's "huge" lists (size 70) for American,
  British and Canadian English, lower case, one a line. A word in it is English even when the
  frequency-ranked lexicon lacks it ("assistive", "crepuscular"), so the spelling rule never calls it
  unknown.
- ``words/software.txt``, ``words/companies.txt``, ``words/names.txt``: the domain packs (software
  terms and tools, company names, people's given and family names), from the cspell dictionaries.
  Each is an opt-out pack (``[spelling] word-packs``).

The sources, with the exact versions this script was last run on (recorded in NOTICE and in the
data README):

- SCOWL 2020.12.07 as packaged by Debian (bookworm): ``wamerican-huge``, ``wbritish-huge``,
  ``wcanadian-huge`` 2020.12.07-2; licence: SCOWL's permission notice (MIT-like).
- cspell dictionaries from npm: ``@cspell/dict-software-terms`` 5.4.9, ``@cspell/dict-fullstack``
  3.2.9, ``@cspell/dict-filetypes`` 3.0.18, ``@cspell/dict-companies`` 3.2.14,
  ``@cspell/dict-people-names`` 1.1.16; licence MIT (Street Side Software).

With ``--sources DIR`` the unpacked packages are read from DIR (``DIR/wamerican-huge/usr/...``,
``DIR/cspell-dict-NAME-VERSION/package/...``); without it they are downloaded into a temporary
folder with ``apt-get download`` and ``npm pack`` (the only network this project ever uses, and only
here, at development time).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "copylint" / "data" / "spelling"

SCOWL_PACKAGES = {
    "wamerican-huge": "american-english-huge",
    "wbritish-huge": "british-english-huge",
    "wcanadian-huge": "canadian-english-huge",
}
SCOWL_VERSION = "2020.12.07-2"
CSPELL = {
    "software-terms": "5.4.9",
    "fullstack": "3.2.9",
    "filetypes": "3.0.18",
    "companies": "3.2.14",
    "people-names": "1.1.16",
}
PACKS = {
    "software": ("software-terms", "fullstack", "filetypes"),
    "companies": ("companies",),
    "names": ("people-names",),
}
PACK_TITLES = {
    "software": "software terms, tools, services and file types",
    "companies": "company and organisation names",
    "names": "people's given and family names",
}


def fetch(sources: Path) -> None:
    """Download and unpack every source package into ``sources``."""
    for package in SCOWL_PACKAGES:
        subprocess.run(["apt-get", "download", f"{package}={SCOWL_VERSION}"], cwd=sources, check=True)
        deb = next(sources.glob(f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(sources / package)], check=True)
    for name, version in CSPELL.items():
        subprocess.run(["npm", "pack", "--silent", f"@cspell/dict-{name}@{version}"], cwd=sources, check=True)
        folder = sources / f"cspell-dict-{name}-{version}"
        folder.mkdir(exist_ok=True)
        subprocess.run(
            ["tar", "xzf", str(sources / f"cspell-dict-{name}-{version}.tgz"), "-C", str(folder)], check=True
        )


def scowl_words(sources: Path) -> set[str]:
    words: set[str] = set()
    for package, name in SCOWL_PACKAGES.items():
        text = (sources / package / "usr" / "share" / "dict" / name).read_bytes().decode("utf-8")
        words.update(line.strip().lower().replace("’", "'") for line in text.splitlines() if line.strip())
    return words


def cspell_words(sources: Path, name: str) -> set[str]:
    """The plain words of one cspell dictionary package (its ``.txt`` and ``.txt.gz`` files)."""
    package = sources / f"cspell-dict-{name}-{CSPELL[name]}" / "package"
    words: set[str] = set()
    for path in sorted(package.rglob("*.txt")) + sorted(package.rglob("*.txt.gz")):
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
        words.update(_plain(text.splitlines()))
    return words


def _plain(lines: Iterable[str]) -> Iterable[str]:
    """Entries that are words: no comments, no cspell affix or compound syntax, letters only
    (apostrophes and inner hyphens allowed), at least two letters."""
    for line in lines:
        entry = line.strip()
        if not entry or entry.startswith("#") or any(mark in entry for mark in "*+~!:/ "):
            continue
        if len(entry) >= 2 and all(char.isalpha() or char in "'-" for char in entry) and entry[0].isalpha():
            yield entry


def write_lines(path: Path, header: list[str], words: Iterable[str], compress: bool = False) -> None:
    text = "".join(f"# {line}\n" for line in header) + "".join(f"{word}\n" for word in sorted(set(words)))
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress:
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(set(words))} words")


def build(sources: Path) -> None:
    write_lines(
        OUT / "dictionary-words.txt.gz",
        [
            "English word forms of SCOWL's size-70 ('huge') lists, American, British and Canadian, lower case.",
            f"Source: SCOWL 2020.12.07 by Kevin Atkinson, via Debian {', '.join(SCOWL_PACKAGES)} {SCOWL_VERSION}.",
            "Licence: SCOWL's permission notice (see NOTICE). Built by scripts/build_spelling_data.py.",
        ],
        scowl_words(sources),
        compress=True,
    )
    for pack, names in PACKS.items():
        words: set[str] = set()
        for name in names:
            words |= cspell_words(sources, name)
        versions = ", ".join(f"@cspell/dict-{name} {CSPELL[name]}" for name in names)
        write_lines(
            OUT / "words" / f"{pack}.txt",
            [
                f"Word pack '{pack}': {PACK_TITLES[pack]}. On by default; [spelling] word-packs turns it off.",
                f"Source: {versions} (npm), MIT licence, Street Side Software (see NOTICE).",
                "Built by scripts/build_spelling_data.py: plain entries only, as written.",
            ],
            words,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, help="a folder holding the unpacked source packages")
    args = parser.parse_args()
    if args.sources:
        build(args.sources)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        fetch(Path(folder))
        build(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
