"""Parallel runs give the same output as serial ones; the result cache is keyed by content and
settings, never by modification time."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import copy_golden, run_cli


def make_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "content"
    copy_golden(tree)
    for index in range(12):
        (tree / f"extra-{index:02}.md").write_text(
            f"Article {index} has a a slip and the orginal typo.\n", encoding="utf-8"
        )
    return tree


def test_parallel_output_equals_serial_output(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    serial = run_cli("check", "--format", "json", "--jobs", "1", "--no-cache", str(tree))
    parallel = run_cli("check", "--format", "json", "--jobs", "2", "--no-cache", str(tree))
    assert serial.exit_code == parallel.exit_code == 1
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    assert len(json.loads(serial.stdout)["summary"]["files_with_errors"]) == 0


def test_cache_hits_follow_content_and_settings_not_mtime(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    cache = tmp_path / "cache"
    args = ["check", "--format", "json", "--jobs", "1", "--cache-dir", str(cache), str(tree)]
    first = json.loads(run_cli(*args).stdout)
    entries = sorted(p.name for p in cache.rglob("*.json"))
    assert len(entries) == first["summary"]["files_checked"]
    # an untouched tree with new modification times: every file is a hit, the output the same
    for path in tree.rglob("*.md"):
        os.utime(path, (1, 1))
    assert json.loads(run_cli(*args).stdout) == first
    assert sorted(p.name for p in cache.rglob("*.json")) == entries
    # editing one file adds exactly one entry, and its new findings are reported
    edited = tree / "extra-00.md"
    edited.write_text("Article 0 is clean now.\n", encoding="utf-8")
    second = json.loads(run_cli(*args).stdout)
    assert len(list(cache.rglob("*.json"))) == len(entries) + 1
    assert not [f for f in second["findings"] if f["path"].endswith("extra-00.md")]
    # other settings, other entries
    run_cli("check", "--format", "json", "--select", "repetition", "--cache-dir", str(cache), str(tree))
    assert len(list(cache.rglob("*.json"))) > len(entries) + 1


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    run_cli("check", "--no-cache", "--cache-dir", str(tmp_path / "cache"), str(tree))
    assert not (tmp_path / "cache").exists()


def test_a_run_keeps_only_the_documents_it_reports_on(tmp_path: Path) -> None:
    from copylint.project.plugins import load_plugins
    from copylint.project.resolver import CommandLine
    from copylint.project.session import open_session
    from copylint.run.runner import run

    (tmp_path / "clean.md").write_text("This sentence is clean.\n", encoding="utf-8")
    (tmp_path / "slip.md").write_text("This has a a slip.\n", encoding="utf-8")
    plugins = load_plugins()
    resolver = open_session(plugins, CommandLine()).resolver
    result = run([str(tmp_path)], resolver.file_filter(), plugins, resolver.settings_for)
    clean, slip = result.files
    assert clean.document is None and not clean.findings and clean.error is None
    assert slip.document is not None and slip.findings
    assert len(result.checked) == 2


def test_a_parallel_rerun_of_an_unchanged_tree_starts_no_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from copylint.run import runner

    tree = make_tree(tmp_path)
    args = ["check", "--format", "json", "--jobs", "2", "--cache-dir", str(tmp_path / "cache"), str(tree)]
    first = json.loads(run_cli(*args).stdout)
    (tree / "extra-00.md").write_text("Article 0 is clean now; this one file is linted again.\n", encoding="utf-8")
    expected = json.loads(run_cli("check", "--format", "json", "--jobs", "1", "--no-cache", str(tree)).stdout)

    def no_workers() -> bool:
        raise AssertionError("a pool was started for a tree the cache answers for")

    monkeypatch.setattr(runner, "_can_fork", no_workers)
    assert json.loads(run_cli(*args).stdout) == expected != first


def test_editing_a_pack_or_a_vale_style_changes_the_cache_key(tmp_path: Path) -> None:
    """Rules defined by data are part of the key: an edited rule never serves stale results."""
    pack = tmp_path / "house.yml"
    pack_text = (
        "pack: house\nrules:\n  - name: banned\n    kind: existence\n    message: 'Avoid {match}.'\n"
        "    tokens: [WORD]\n    examples: {fire: ['a WORD here'], quiet: ['nothing here']}\n"
    )
    style = tmp_path / "styles" / "House" / "Avoid.yml"
    style.parent.mkdir(parents=True)
    (tmp_path / "vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / ".copylint.toml").write_text(
        'packs = ["house.yml"]\nvale = "vale.ini"\nselect = ["house", "vale"]\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("Here foo meets bar, and utilize meets leverage.\n", encoding="utf-8")

    def messages(pack_word: str, vale_word: str) -> list[str]:
        pack.write_text(pack_text.replace("WORD", pack_word), encoding="utf-8")
        style_text = f"extends: existence\nmessage: \"Don't use '%s'.\"\ntokens:\n  - {vale_word}\n"
        style.write_text(style_text, encoding="utf-8")
        result = run_cli("check", "--format", "json", "--cache-dir", str(tmp_path / "cache"), "a.md", cwd=tmp_path)
        return sorted(finding["message"] for finding in json.loads(result.stdout)["findings"])

    assert messages("foo", "utilize") == ["Avoid foo.", "Don't use 'utilize'."]
    assert messages("bar", "utilize") == ["Avoid bar.", "Don't use 'utilize'."]
    assert messages("bar", "leverage") == ["Avoid bar.", "Don't use 'leverage'."]


def test_the_same_bytes_under_another_suffix_are_checked_again(tmp_path: Path) -> None:
    text = "The end  of it and `code code` here.\n"  # Markdown hides the code span; plain text does not
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    markdown = json.loads(run_cli("check", "--format", "json", *cache, "a.md", cwd=tmp_path).stdout)
    cached = json.loads(run_cli("check", "--format", "json", *cache, "b.txt", cwd=tmp_path).stdout)
    fresh = json.loads(run_cli("check", "--format", "json", "--no-cache", "b.txt", cwd=tmp_path).stdout)
    assert cached == fresh != markdown
    assert "repetition.word" in {finding["rule"] for finding in cached["findings"]}


def test_the_cache_key_names_the_libraries_findings_depend_on() -> None:
    import importlib.metadata

    from copylint.store.environment import FINDINGS_DEPEND_ON, environment_key

    described = environment_key()
    for library in FINDINGS_DEPEND_ON:  # an upgraded word list or parser must not serve old findings
        assert f"{library}={importlib.metadata.version(library)}" in described


def test_a_cold_parallel_run_leaves_the_cache_look_ups_to_the_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from copylint.project.plugins import load_plugins
    from copylint.project.resolver import CommandLine
    from copylint.project.session import open_session
    from copylint.run import runner
    from copylint.run.results import ResultCache

    tree = make_tree(tmp_path)
    paths = sorted(str(path) for path in tree.rglob("*.md"))
    session = open_session(load_plugins(), CommandLine())
    resolver = session.resolver
    read: list[str] = []
    original = runner.read_document
    monkeypatch.setattr(runner, "read_document", lambda path: read.append(path) or original(path))
    left = runner._take_cached(paths, session.plugins, resolver.settings_for, ResultCache(str(tmp_path / "cache")), [])
    assert left == paths  # nothing cached: every file is left to lint ...
    assert len(read) == runner.SMALL_RUN + 1 < len(paths)  # ... and only a few were read to learn that
