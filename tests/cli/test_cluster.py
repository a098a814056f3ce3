"""Linting on a Dask cluster (copylint[dask]) gives what a serial run gives, in the same order.

The cluster is two worker processes on 127.0.0.1, started by the test.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from conftest import FIXTURES, ROOT, copy_golden, run_cli, run_process
from copylint.project.plugins import load_plugins
from copylint.project.resolver import CommandLine
from copylint.project.session import open_session
from copylint.run.cluster import lint_on_cluster
from copylint.run.results import ResultCache
from copylint.run.runner import run


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The fixtures, twelve small articles, an undecodable file, and a configuration naming a pack
    (pack rules are classes built at run time, so they have to travel to the workers by value)."""
    content = tmp_path / "content"
    copy_golden(content)
    for index in range(12):
        (content / f"extra-{index:02}.md").write_text(
            f"Article {index} has a a slip, the orginal typo, and we utilize the tool.\n", encoding="utf-8"
        )
    (content / "broken.md").write_bytes(b"caf\xe9 latin-1\n")
    shutil.copy(ROOT / "docs" / "examples" / "house.yml", tmp_path / "house.yml")
    (tmp_path / ".copylint.toml").write_text('packs = ["house.yml"]\nextend-select = ["house"]\n', encoding="utf-8")
    return content


def test_cli_on_a_two_worker_cluster_matches_a_serial_run(cluster: LocalCluster, tree: Path) -> None:
    args = ["check", "--format", "json", "--no-cache", str(tree)]
    serial = run_cli(*args, "--jobs", "1", cwd=tree.parent)
    on_cluster = run_cli(*args, "--scheduler", cluster.scheduler_address, cwd=tree.parent)
    assert serial.exit_code == on_cluster.exit_code == 2  # the undecodable file
    report = json.loads(on_cluster.stdout)
    assert report == json.loads(serial.stdout)
    assert [f for f in report["findings"] if f["rule"] == "house.no-utilize"]
    assert [e["path"] for e in report["summary"]["files_with_errors"]] == [str(tree / "broken.md")]


def test_results_stream_back_in_path_order_and_fill_the_cache(
    cluster: LocalCluster, tree: Path, tmp_path: Path
) -> None:
    plugins = load_plugins()
    resolver = open_session(plugins, CommandLine(), str(tree.parent / ".copylint.toml")).resolver
    paths = sorted(str(path) for path in tree.rglob("*.md"))
    cache = ResultCache(str(tmp_path / "cache"))
    with Client(cluster) as client:
        streamed = list(lint_on_cluster(client, paths, plugins, resolver.settings_for, cache))
        assert [result.path for result in streamed] == paths
        # the second pass is answered from the cache the first one filled, without the cluster
        stored = len(list((tmp_path / "cache").rglob("*.json")))
        assert stored == len(paths) - 1  # not the undecodable file
        again = run(paths, resolver.file_filter(), plugins, resolver.settings_for, cache=cache, client=client)
    serial = run(paths, resolver.file_filter(), plugins, resolver.settings_for)
    assert [(r.path, r.findings, r.error) for r in streamed] == [(r.path, r.findings, r.error) for r in serial.files]
    assert again.files == serial.files


def test_an_unreachable_scheduler_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")
    result = run_process("check", "--scheduler", "tcp://127.0.0.1:9", str(FIXTURES / "anora.md"))
    assert result.returncode == 2
    assert "cannot connect" in result.stderr
    assert "Traceback" not in result.stderr
