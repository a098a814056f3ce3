"""``benchmarks/real_sites.py``: it copies a site's files out of a git mirror at the pinned commit
only (not the working tree, not other paths), and measures and samples real copylint findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import load_benchmark

bench = load_benchmark("real_sites")


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def mirror(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "mirrors" / "owner+site" / "repo"
    (repo / "docs").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "docs" / "guide.md").write_text("# Guide\n\nThe the cat sat on the mat.\n", encoding="utf-8")
    (repo / "README.md").write_text("Not a page of the site.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "pages")
    commit = _git(repo, "rev-parse", "HEAD")
    (repo / "docs" / "guide.md").write_text("Changed after the pinned commit.\n", encoding="utf-8")
    return tmp_path / "mirrors", commit


def test_extract_takes_the_pinned_commit_and_the_site_paths_only(
    mirror: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mirrors, commit = mirror
    monkeypatch.setattr(bench, "SITES", (bench.Site("site", "owner/site", commit, r"docs/.*\.md", "Hugo", "MIT"),))
    bench.extract(mirrors, tmp_path / "sites")
    taken = sorted(p.relative_to(tmp_path / "sites").as_posix() for p in (tmp_path / "sites").rglob("*.md"))
    assert taken == ["site/docs/guide.md"]
    assert "The the cat" in (tmp_path / "sites" / "site" / "docs" / "guide.md").read_text(encoding="utf-8")


def test_measure_and_sample_report_the_doubled_word(
    mirror: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mirrors, commit = mirror
    monkeypatch.setattr(bench, "SITES", (bench.Site("site", "owner/site", commit, r"docs/.*\.md", "Hugo", "MIT"),))
    bench.extract(mirrors, tmp_path / "sites")
    command = f"{sys.executable} -m copylint check --no-cache --format json"
    bench.measure(tmp_path / "sites", command)
    table = capsys.readouterr().out
    assert "| site | Hugo | 1 | 8 | 1 | 125.00 |" in table and "repetition.word 1" in table
    bench.sample(tmp_path / "sites", "site", 5, 21, None, command)
    sampled = capsys.readouterr().out
    assert "site/docs/guide.md:3:1 repetition.word (error)" in sampled and "| The the cat sat on the mat." in sampled
