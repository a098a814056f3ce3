"""Security: nothing in a content folder, configuration, rule pack or cache can run code; no
network; no writes outside the files being fixed and the cache folders; deceptive characters and
domains are reported."""

from __future__ import annotations

import json
import os
import pickle
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT, SPAM_LINKS, run_cli

SOURCE = ROOT / "src" / "copylint"


class _Marker:
    """Unpickling this creates a file: proof that a pickle ran code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.path, "w"))


def test_the_source_never_evaluates_or_unsafely_loads_anything() -> None:
    forbidden = re.compile(r"\b(?:eval|exec)\(|yaml\.(?:load|unsafe_load|full_load)\(|yaml\.Loader\b|os\.system\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert offenders == []
    picklers = {path.name for path in SOURCE.rglob("*.py") if "pickle.load" in path.read_text(encoding="utf-8")}
    assert picklers == {"tables.py"}, "only copylint's own tables in the user's cache folder may be pickled"


def test_a_rule_pack_cannot_construct_python_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    pack = tmp_path / "evil.yaml"
    pack.write_text(f'pack: evil\nrules: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    config = tmp_path / ".copylint.toml"
    config.write_text('packs = ["evil.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Fine.\n", encoding="utf-8")
    result = run_cli("check", "--config", str(config), str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "invalid YAML" in result.stderr
    assert not marker.exists()


def test_a_crafted_result_cache_is_never_executed_and_damaged_entries_are_misses(tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / "a.md").write_text("The the end.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = run_cli("check", "--format", "json", "--cache-dir", str(cache), str(tree))
    entries = list(cache.rglob("*.json"))
    assert entries
    marker = tmp_path / "pwned"
    for entry in entries:  # a repository could ship its cache folder: plant code and garbage
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Marker(str(marker))))
        entry.write_text('{"not": "findings"}', encoding="utf-8")
    second = run_cli("check", "--format", "json", "--cache-dir", str(cache), str(tree))
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert not marker.exists()


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("copylint tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = run_cli("check", "--format", "json", "--no-cache", "--exclude", SPAM_LINKS.name, str(FIXTURES))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["summary"]["findings"] > 0


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_writes_stay_in_the_fixed_files_and_the_cache_folders(tmp_path: Path) -> None:
    project, home = tmp_path / "project", tmp_path / "home"
    (project / "docs").mkdir(parents=True)
    home.mkdir()
    (project / "docs" / "a.md").write_text("An a a article with teh slip.\n", encoding="utf-8")
    (project / "docs" / "b.md").write_text("Clean prose.\n", encoding="utf-8")
    (project / "notes.txt").write_text("Untouched.\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("COPYLINT_", "XDG_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    before = _snapshot(tmp_path)
    for command in (["check", "docs"], ["fix", "--unsafe-fixes", "docs"], ["check", "docs"]):
        subprocess.run(
            [sys.executable, "-m", "copylint", *command], cwd=project, env=env, capture_output=True, check=False
        )
    after = _snapshot(tmp_path)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    allowed = re.compile(r"project/docs/a\.md|project/\.copylint_cache/.*|home/\.cache/copylint/.*")
    assert "project/docs/a.md" in changed
    assert [path for path in sorted(changed) if not allowed.fullmatch(path)] == []


def test_bidi_controls_and_homoglyph_domains_are_reported(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "Pay \u202e0001 now.\n\nLog in at [your account](https://p\u0430ypal.com/login) today.\n", encoding="utf-8"
    )
    result = run_cli("check", "--format", "json", "--no-cache", str(article))
    findings = {(f["rule"], f["line"]): f["message"] for f in json.loads(result.stdout)["findings"]}
    assert "right-to-left override" in findings[("invisible.character", 1)]
    assert "look-alike letters from another alphabet" in findings[("spam.link", 3)]
