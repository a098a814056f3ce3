#!/usr/bin/env python3
"""copylint on real documentation sites: findings per rule per 1,000 words, and samples to read.

    python benchmarks/real_sites.py extract MIRROR_DIR SITES_DIR
    python benchmarks/real_sites.py measure SITES_DIR [--cmd "copylint check --no-cache --format json"]
    python benchmarks/real_sites.py sample SITES_DIR SITE [--count 100] [--seed 21] [--rule ID]

``extract`` copies each site's prose files out of local git mirrors (``MIRROR_DIR/owner+name/repo``, as the
``fetch`` tool leaves them) at the commit pinned in ``SITES``; nothing is downloaded. ``measure`` runs the
command on every site and prints, per site, the words, the findings at warning or above and the rules
that give them, as rates per 1,000 words. ``sample`` prints a reproducible random sample of one site's
findings, each with its source line, for reading one by one (issue 21 asks that markup cause under
5 % of the findings on each site, counted on a sample of at least 100).

The sites are public repositories of the generators people use (Hugo, Hugo with Docsy, Jekyll with
Liquid, MkDocs Material, Docusaurus and Astro Starlight with MDX, Sphinx with MyST), none of those
reserved for evaluation. Words are counted as runs of letters in the files as written, markup
included, so rates are a little low against prose-only counts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Site:
    """A site's repository, the commit read, the files taken (a regular expression over paths), its
    generator and its licence (excerpts of MIT sites may become test fixtures; others are measured only)."""

    name: str
    repository: str
    commit: str
    paths: str
    generator: str
    licence: str


SITES = (
    Site("hextra", "imfing/hextra", "a3dc81e0195923aa8d138ea5493b38f43a56dfe3", r"docs/content/.*\.md", "Hugo", "MIT"),
    Site(
        "hugo-book",
        "alex-shpak/hugo-book",
        "162c806e991b63d8a8bbfcd1c8d41ad650ebd07e",
        r"exampleSite/content\.en/.*\.md",
        "Hugo",
        "MIT",
    ),
    Site(
        "hugo-geekdoc",
        "thegeeklab/hugo-geekdoc",
        "a13afa77355ccd1693810ee4c1e50f466331d25d",
        r"exampleSite/content/.*\.md",
        "Hugo",
        "MIT",
    ),
    Site(
        "etcd",
        "etcd-io/website",
        "824597935df6e95992ef61c07e3222f4f796ca6c",
        r"content/en/(?:docs/v3\.6|blog)/.*\.md",
        "Hugo with Docsy",
        "CC-BY-4.0 (measured only)",
    ),
    Site(
        "just-the-docs",
        "just-the-docs/just-the-docs",
        "b28a6550bb5e913ad7c5180559f4a29c35f44087",
        r"docs/.*\.md|index\.md",
        "Jekyll with Liquid",
        "MIT",
    ),
    Site(
        "sqlmodel",
        "tiangolo/sqlmodel",
        "abbc92bc202453f572d100e2723fee18851c6bff",
        r"docs/.*\.md",
        "MkDocs Material",
        "MIT",
    ),
    Site(
        "typer", "fastapi/typer", "9a7b2e83f6b62c750d6026b0de9ebf2026a8b8fa", r"docs/.*\.md", "MkDocs Material", "MIT"
    ),
    Site(
        "tauri",
        "tauri-apps/tauri-docs",
        "e1c39c6ef06b936f70e977d53c60fcf329ec3702",
        r"src/content/docs/(?!(?:fr|es|it|ja|ko|zh-cn|pt-br|de|ru)/).*\.mdx?",
        "Astro Starlight (MDX)",
        "MIT",
    ),
    Site("redux", "reduxjs/redux", "3084fc33bb23ab4cab4796172eafe342da4e73d9", r"docs/.*\.mdx?", "Docusaurus", "MIT"),
    Site(
        "myst",
        "executablebooks/MyST-Parser",
        "4ec4cf86c2ba01e0d425f801f8374effc65b71fb",
        r"docs/.*\.md",
        "Sphinx with MyST",
        "MIT",
    ),
)
SUFFIXES = (".md", ".mdx", ".markdown", ".html")
COMMAND = "copylint check --no-cache --format json"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(mirror), *args], capture_output=True, check=True).stdout


def extract(mirrors: Path, out: Path) -> None:
    """Write each site's files at its pinned commit under ``out/NAME/``."""
    for site in SITES:
        mirror = mirrors / site.repository.replace("/", "+") / "repo"
        if not mirror.is_dir():
            print(f"{site.name}: no mirror at {mirror}; skipped", file=sys.stderr)
            continue
        listed = _git(mirror, "ls-tree", "-r", "--name-only", site.commit).decode().splitlines()
        taken = [path for path in listed if re.fullmatch(site.paths, path)]
        for path in taken:
            target = out / site.name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git(mirror, "show", f"{site.commit}:{path}"))
        print(f"{site.name}: {len(taken)} files from {site.repository}@{site.commit[:12]}")


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.suffix in SUFFIXES and path.is_file())


def words_in(folder: Path) -> int:
    return sum(len(_WORD.findall(path.read_text(encoding="utf-8", errors="replace"))) for path in _files(folder))


def findings_of(folder: Path, command: str) -> list[dict[str, object]]:
    """The command's findings on every prose file of ``folder``."""
    includes = [arg for suffix in SUFFIXES for arg in ("--include", f"*{suffix}")]
    process = subprocess.run(
        [*shlex.split(command), *includes, str(folder)], capture_output=True, text=True, check=False
    )
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed on {folder} ({process.returncode}): {process.stderr.strip()[:500]}")
    findings: list[dict[str, object]] = json.loads(process.stdout)["findings"]
    return findings


def at_warning(findings: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    return [finding for finding in findings if finding["severity"] != "info"]


def measure(sites: Path, command: str) -> None:
    """Print a Markdown table: per site, words, findings at warning or above per 1,000 words, top rules."""
    print("| site | generator | files | words | warning+ | per 1,000 words | rules (warning+) |")
    print("|---|---|---:|---:|---:|---:|---|")
    for site in SITES:
        folder = sites / site.name
        if not folder.is_dir():
            continue
        words = words_in(folder)
        found = at_warning(findings_of(folder, command))
        rules = Counter(str(finding["rule"]) for finding in found)
        top = ", ".join(f"{rule} {count}" for rule, count in rules.most_common(6))
        rate = 1000 * len(found) / max(words, 1)
        files = len(_files(folder))
        print(f"| {site.name} | {site.generator} | {files} | {words:,} | {len(found)} | {rate:.2f} | {top} |")


def sample(
    sites: Path, name: str, count: int, seed: int, rule: str | None, command: str, everything: bool = False
) -> None:
    """Print ``count`` findings at warning or above (or of any severity) of site ``name``, chosen at
    random with ``seed``."""
    found = findings_of(sites / name, command)
    found = found if everything else at_warning(found)
    if rule:
        found = [finding for finding in found if str(finding["rule"]).startswith(rule)]
    chosen = sorted(
        random.Random(seed).sample(found, min(count, len(found))),
        key=lambda f: (str(f["path"]), int(str(f["line"]))),
    )
    print(f"{name}: {len(chosen)} of {len(found)} findings{'' if everything else ' at warning or above'}")
    for index, finding in enumerate(chosen, 1):
        path = Path(str(finding["path"]))
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        line = lines[int(str(finding["line"])) - 1] if int(str(finding["line"])) <= len(lines) else ""
        where = f"{path.relative_to(sites)}:{finding['line']}:{finding['column']}"
        print(f"{index:3}. {where} {finding['rule']} ({finding['severity']}): {finding['message']}")
        print(f"     | {line.strip()[:160]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="action", required=True)
    pull = commands.add_parser("extract", help="copy the sites' files out of local git mirrors")
    pull.add_argument("mirrors", type=Path)
    pull.add_argument("out", type=Path)
    rates = commands.add_parser("measure", help="findings per rule per 1,000 words, per site")
    rates.add_argument("sites", type=Path)
    rates.add_argument("--cmd", default=COMMAND)
    read = commands.add_parser("sample", help="a random sample of one site's findings, to read")
    read.add_argument("sites", type=Path)
    read.add_argument("site")
    read.add_argument("--count", type=int, default=100)
    read.add_argument("--seed", type=int, default=21)
    read.add_argument("--rule")
    read.add_argument("--cmd", default=COMMAND)
    read.add_argument("--all", action="store_true", help="findings of every severity, info included")
    args = parser.parse_args(argv)
    if args.action == "extract":
        extract(args.mirrors, args.out)
    elif args.action == "measure":
        measure(args.sites, args.cmd)
    else:
        sample(args.sites, args.site, args.count, args.seed, args.rule, args.cmd, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
