"""Plugin entry points and package versions remembered between runs: the same answers as
importlib.metadata, asked again whenever an install, upgrade, removal or in-place edit could
change them."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLUGINS
from copylint.store import environment as installed


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """An empty data cache and no in-process memo; returns a list that grows by one each time
    importlib.metadata is asked for entry points."""
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path / "data"))
    monkeypatch.setattr(installed, "_memo", {})
    asked: list[int] = []
    original = installed._entry_points_from_metadata

    def counting() -> tuple[installed.PluginEntryPoint, ...]:
        asked.append(1)
        return original()

    monkeypatch.setattr(installed, "_entry_points_from_metadata", counting)
    return asked


def site_with_example_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    shutil.copytree(PLUGINS / "example", site)
    monkeypatch.syspath_prepend(str(site))
    return site


def forget_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new run would start: only what is on disk is remembered."""
    monkeypatch.setattr(installed, "_memo", {})


def test_answers_match_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]) -> None:
    site_with_example_plugin(tmp_path, monkeypatch)
    expected = [(e.name, e.value) for e in importlib.metadata.entry_points(group="copylint")]
    assert [(e.name, e.value) for e in installed.plugin_entry_points()] == expected
    assert ("example", "copylint_example") in expected
    (example,) = [e for e in installed.plugin_entry_points() if e.name == "example"]
    assert (example.distribution, example.version) == ("copylint-example", "0.1.0")
    assert example.load().__name__ == "copylint_example"
    for package in ("click", "pluggy", "no-such-package-here"):
        expected_version = installed._version_from_metadata(package)
        assert installed.package_version(package) == expected_version
    assert installed.package_version("no-such-package-here") == installed.UNKNOWN_VERSION


def test_a_later_run_reuses_the_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]) -> None:
    site_with_example_plugin(tmp_path, monkeypatch)
    first = installed.plugin_entry_points()
    installed.package_version("click")
    forget_this_process(monkeypatch)
    monkeypatch.setattr(installed, "_version_from_metadata", lambda package: pytest.fail("asked again"))
    assert installed.plugin_entry_points() == first
    assert installed.package_version("click") == importlib.metadata.version("click")
    assert len(fresh) == 1


def test_installing_a_plugin_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert "example" not in {e.name for e in installed.plugin_entry_points()}
    forget_this_process(monkeypatch)
    shutil.copytree(PLUGINS / "example", site, dirs_exist_ok=True)
    assert "example" in {e.name for e in installed.plugin_entry_points()}
    forget_this_process(monkeypatch)
    shutil.rmtree(site / "copylint_example-0.1.0.dist-info")
    assert "example" not in {e.name for e in installed.plugin_entry_points()}
    assert len(fresh) == 3


def test_upgrading_a_distribution_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]) -> None:
    site = site_with_example_plugin(tmp_path, monkeypatch)
    assert installed.package_version("copylint_example") == "0.1.0"
    forget_this_process(monkeypatch)
    (site / "copylint_example-0.1.0.dist-info").rename(site / "copylint_example-0.2.0.dist-info")
    metadata = site / "copylint_example-0.2.0.dist-info" / "METADATA"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("0.1.0", "0.2.0"), encoding="utf-8")
    assert installed.package_version("copylint_example") == "0.2.0"


def test_entry_points_rewritten_in_place_are_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]
) -> None:
    """A legacy ``setup.py develop`` rewrites the metadata files of an existing folder."""
    site = site_with_example_plugin(tmp_path, monkeypatch)
    installed.plugin_entry_points()
    forget_this_process(monkeypatch)
    entry_points = site / "copylint_example-0.1.0.dist-info" / "entry_points.txt"
    with entry_points.open("a", encoding="utf-8") as handle:  # the same file, edited
        handle.write("renamed = copylint_example\n")
    assert "renamed" in {e.name for e in installed.plugin_entry_points()}


def test_another_distribution_finder_is_always_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]
) -> None:
    class Finder:
        @staticmethod
        def find_spec(*_: object) -> None:
            return None

        @staticmethod
        def find_distributions(*_: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    assert installed.environment_digest() is None
    installed.plugin_entry_points()
    installed.plugin_entry_points()
    assert len(fresh) == 2


def test_a_damaged_snapshot_is_asked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: list[int]) -> None:
    site_with_example_plugin(tmp_path, monkeypatch)
    installed.plugin_entry_points()
    (snapshot,) = (tmp_path / "data").glob("installed-*.json")
    snapshot.write_text('{"format": 2, "digest": ', encoding="utf-8")
    forget_this_process(monkeypatch)
    assert "example" in {e.name for e in installed.plugin_entry_points()}
    assert len(fresh) == 2


def test_a_run_on_one_article_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("A quiet night.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from copylint.cli.commands import cli\n"
        f"try: cli(['check', '--no-cache', {str(article)!r}])\n"
        "except SystemExit: pass\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    env = {"COPYLINT_DATA_CACHE": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    first, second = (
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True, timeout=300)
        for _ in range(2)
    )
    assert first.stdout.split()[-1] == "True"  # the first run asks, and remembers
    assert second.stdout.split()[-1] == "False"


def test_the_importlib_metadata_backport_finder_reads_the_same_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    backport = type("MetadataPathFinder", (), {"__module__": "importlib_metadata", "find_distributions": None})
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, backport()])
    assert installed.environment_digest() is not None
