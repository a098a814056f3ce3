"""ARCHITECTURE.md and README.md cannot rot: every ``copylint.…`` name and every repository path they
mention exists, the package tree and the layer contract in ARCHITECTURE.md are the code's, neither
document points outside the repository, and their Python samples work as plugins."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import sys
import tomllib
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import copylint
from conftest import ROOT, run_cli
from copylint.project.plugins import load_plugins
from copylint.store.environment import PluginEntryPoint

DOCUMENTS = ("ARCHITECTURE.md", "README.md")
PACKAGE = ROOT / "src" / "copylint"

USER_PATHS = frozenset({"content/", ".copylint_cache/"})
"""Paths the README names in the user's project, not in this repository."""
OLD_PATH_EXAMPLES = frozenset({"copylint.runner"})
"""Old module paths ARCHITECTURE.md names on purpose, as examples of what still imports until 0.3."""


@dataclass(frozen=True)
class Block:
    language: str
    text: str


@dataclass(frozen=True)
class Parsed:
    prose: str
    """The document without its fenced blocks."""
    blocks: tuple[Block, ...]


def parse(name: str) -> Parsed:
    """Split a Markdown document into prose and fenced blocks (a fence starts at the start of a line)."""
    prose: list[str] = []
    blocks: list[Block] = []
    block: tuple[str, list[str]] | None = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if block is None:
            opening = re.fullmatch(r"```(\w*)\s*", line)
            if opening:
                block = (opening.group(1), [])
            else:
                prose.append(line)
        elif re.fullmatch(r"```\s*", line):
            blocks.append(Block(block[0], "\n".join(block[1]) + "\n"))
            block = None
        else:
            block[1].append(line)
    assert block is None, f"{name}: a fenced block is never closed"
    return Parsed("\n".join(prose), tuple(blocks))


def code_spans(prose: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", prose)


# --- names ---------------------------------------------------------------------------------------

DOTTED = re.compile(r"(?<![\w./-])copylint(?:\.[A-Za-z_]\w*)+")
SHORT = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
FILE_NAME = re.compile(r"\.(py|md|toml|ya?ml|txt|tsv|json|ini)$")
IMPORT = re.compile(r"^from (copylint[\w.]*) import (?:\(([^)]*)\)|(.*)$)", re.M)
SUBPACKAGES = frozenset({path.parent.name for path in PACKAGE.glob("*/__init__.py")} | {"hookspecs"})


def _classes() -> dict[str, list[type]]:
    """Every class defined in copylint's modules, by name (for ``Resolver.settings_for`` and the like)."""
    found: dict[str, list[type]] = {}
    for module_info in pkgutil.walk_packages(copylint.__path__, "copylint."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                found.setdefault(name, []).append(value)
    return found


CLASSES = _classes()


def has_attribute(owner: Any, name: str) -> bool:
    """An attribute, a declared field or class variable, or an attribute ``__init__`` sets."""
    if hasattr(owner, name):
        return True
    if not inspect.isclass(owner):
        return False
    if any(name in inspect.get_annotations(cls) for cls in owner.__mro__):
        return True
    return any(
        f"self.{name} =" in inspect.getsource(cls) for cls in owner.__mro__ if cls.__module__.startswith("copylint")
    )


def resolve(dotted: str) -> Any:
    """The module or attribute a dotted ``copylint.…`` name names; raises if there is none."""
    parts = dotted.split(".")
    for length in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:length]))
        except ModuleNotFoundError:
            continue
        for index, attribute in enumerate(parts[length:], start=length):
            if not has_attribute(found, attribute):
                raise AttributeError(f"{'.'.join(parts[:index])} has no {attribute!r}")
            found = getattr(found, attribute, None)
        return found
    raise ModuleNotFoundError(dotted)


def names_in(name: str) -> Iterator[str]:
    """The fully qualified copylint names a document mentions: in its prose, in its inline code
    (short forms such as ``core.engine.lint_document`` or ``RuleContext.finding`` too), and in its
    Python samples; shell, TOML and YAML blocks hold file names, not Python names."""
    parsed = parse(name)
    yield from DOTTED.findall(parsed.prose)
    for span in code_spans(parsed.prose):
        short = re.sub(r"\(.*\)$", "", span)
        if not SHORT.fullmatch(short) or short.startswith("copylint.") or FILE_NAME.search(short):
            continue
        qualified = qualify(short)
        if qualified:
            yield qualified
    for block in parsed.blocks:
        if block.language == "python":
            yield from DOTTED.findall(block.text)
            for module, grouped, imported in IMPORT.findall(block.text):
                yield from (f"{module}.{part.strip()}" for part in (grouped or imported).split(",") if part.strip())


def qualify(short: str) -> str | None:
    """The full name of a short one whose head is a copylint package, a public name or a class of
    copylint's (``Resolver.settings_for``); ``None`` for anything else (a file name, a rule id)."""
    head = short.split(".", 1)[0]
    if head in SUBPACKAGES or head in copylint.__all__:
        return f"copylint.{short}"
    candidates = [f"{cls.__module__}.{short}" for cls in CLASSES.get(head, ())]
    for candidate in candidates:
        try:
            resolve(candidate)
        except (ImportError, AttributeError):
            continue
        return candidate
    return candidates[0] if candidates else None


def old_path(dotted: str) -> str | None:
    return next(
        (old for old in copylint.MOVED_MODULES if dotted == old or dotted.startswith(old + ".")),
        None,
    )


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_copylint_name_exists(document: str) -> None:
    names = sorted(set(names_in(document)))
    assert len(names) > (60 if document == "ARCHITECTURE.md" else 5)
    missing = []
    for dotted in names:
        old = old_path(dotted)
        if old is not None:
            if document != "ARCHITECTURE.md" or dotted not in OLD_PATH_EXAMPLES:
                missing.append(f"{dotted}: an old path (now {copylint.MOVED_MODULES[old]})")
            continue
        try:
            resolve(dotted)
        except (ImportError, AttributeError) as exc:
            missing.append(f"{dotted}: {exc}")
    assert missing == []


def test_the_old_path_examples_still_import() -> None:
    assert OLD_PATH_EXAMPLES <= set(copylint.MOVED_MODULES)


def test_names_that_do_not_exist_are_caught() -> None:
    for wrong in ("copylint.core.engine.lint_documents", "copylint.nothing", "copylint.Rule.chek"):
        with pytest.raises((ImportError, AttributeError)):
            resolve(wrong)
    assert resolve("copylint.core.rule.RuleContext.view") is None  # set in __init__: exists, no class value
    assert old_path("copylint.runner.run") == "copylint.runner" and old_path("copylint.run.runner") is None


# --- paths ---------------------------------------------------------------------------------------

PATH = re.compile(r"[\w.*<>-]+(?:/[\w.*<>-]*)+")


def paths_in(name: str) -> Iterator[str]:
    """Repository paths in a document's inline code and link targets."""
    parsed = parse(name)
    for span in code_spans(parsed.prose):
        if PATH.fullmatch(span):
            yield span
    for target in re.findall(r"\]\(([^)\s]+)\)", parsed.prose):
        if "://" not in target and not target.startswith("#"):
            yield target.split("#", 1)[0]


def exists(path: str) -> bool:
    """A file or folder; a glob that matches something; a ``<placeholder>`` path whose folder
    exists. ``copylint/…`` is the package, in ``src/``."""
    if path.startswith("copylint/"):
        path = f"src/{path}"
    if "<" in path:
        return (ROOT / path.split("<", 1)[0]).is_dir()
    if "*" in path:
        return any(ROOT.glob(path))
    return (ROOT / path).exists()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_repository_path_exists(document: str) -> None:
    paths = sorted(set(paths_in(document)) - USER_PATHS)
    assert len(paths) > 10
    assert [path for path in paths if not exists(path)] == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_nothing_points_outside_the_repository(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    assert "../" not in text
    assert "](/" not in text


def test_the_readme_points_to_the_architecture() -> None:
    assert "](ARCHITECTURE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- the tree and the layers -----------------------------------------------------------------------


def tree_block() -> str:
    [tree] = [block.text for block in parse("ARCHITECTURE.md").blocks if block.text.startswith("src/copylint/\n")]
    return tree


def test_the_package_tree_lists_what_exists() -> None:
    listed_packages = set()
    for line in tree_block().splitlines()[1:]:
        first, *rest = line.split()
        folder = PACKAGE / first if first.endswith("/") else PACKAGE
        entries = rest if first.endswith("/") else [first, *rest]
        listed_packages.add(first.rstrip("/"))
        assert folder.is_dir(), first
        for entry in entries:
            if entry.endswith("/"):
                assert (folder / entry).is_dir(), f"{first}{entry}"
            elif not entry.endswith(".py"):
                assert (folder / f"{entry}.py").is_file() or (folder / entry / "__init__.py").is_file(), (
                    f"{first}{entry}"
                )
            else:
                assert (folder / entry).is_file(), entry
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")} | {"data"}
    assert packages <= listed_packages


def test_the_quoted_layer_contract_is_pyprojects() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    blocks = [block.text for block in parse("ARCHITECTURE.md").blocks if "tool.importlinter.contracts" in block.text]
    assert [tomllib.loads(text)["tool"]["importlinter"]["contracts"] for text in blocks] == [contracts]
    [arrows] = [line for block in parse("ARCHITECTURE.md").blocks for line in block.text.splitlines() if " → " in line]
    layers = [re.sub(r"[{}]", "", layer).strip() for layer in arrows.split("→")]
    assert layers == [layer.replace("copylint.", "") for layer in contracts[0]["layers"]]


# --- samples ---------------------------------------------------------------------------------------


def python_samples() -> list[tuple[str, str]]:
    return [
        (f"{document} sample {index}", block.text)
        for document in DOCUMENTS
        for index, block in enumerate(b for b in parse(document).blocks if b.language == "python")
    ]


def file_samples(document: str) -> dict[str, str]:
    """The blocks that start with a ``# path`` comment, by that path."""
    found = {}
    for block in parse(document).blocks:
        first, _, rest = block.text.partition("\n")
        if re.fullmatch(r"# [\w./-]+", first) and block.language in ("yaml", "ini"):
            found[first[2:]] = rest
    return found


@pytest.fixture
def sample_plugins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Python sample of the documents, imported as a module and registered as a plugin."""
    entry_points = []
    for index, (label, code) in enumerate(python_samples()):
        name = f"copylint_doc_sample_{index}"
        module = types.ModuleType(name)
        monkeypatch.setitem(sys.modules, name, module)
        exec(compile(code, label, "exec"), module.__dict__)
        entry_points.append(PluginEntryPoint(name, name, "doc-samples", "0"))
    monkeypatch.setattr("copylint.project.plugins.plugin_entry_points", lambda: tuple(entry_points))
    return [label for label, _ in python_samples()]


def test_the_samples_register_cleanly(sample_plugins: list[str]) -> None:
    assert len(sample_plugins) >= 6
    plugins = load_plugins()
    assert plugins.errors == ()
    assert {"house.three-dots", "house.trademark", "myplugin.no-lorem"} <= set(plugins.rules)
    assert plugins.format_for("a.gmi").name == "gemtext"
    assert "counts" in plugins.reporters


def test_the_samples_find_and_fix_what_they_promise(sample_plugins: list[str], tmp_path: Path) -> None:
    for path, text in file_samples("ARCHITECTURE.md").items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert {"house.yml", ".vale.ini", "styles/House/Hedging.yml"} <= set(file_samples("ARCHITECTURE.md"))
    (tmp_path / ".copylint.toml").write_text(
        'packs = ["house.yml"]\nvale = ".vale.ini"\ntrademarks = ["GitHub"]\n', encoding="utf-8"
    )
    (tmp_path / "a.gmi").write_text(
        "# Wait... on Github\n=> gemini://example.org Github...\n```\nGithub...\n```\nWe utilize lorem ipsum.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("I think it is sort of fine.\n", encoding="utf-8")
    selected = ("--select", "house,vale,myplugin", "--no-cache")
    result = run_cli("check", "--format", "json", *selected, ".", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    found = [(f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("./a.gmi", 1, 7, "house.three-dots"),
        ("./a.gmi", 1, 14, "house.trademark"),
        ("./a.gmi", 6, 4, "house.utilize"),
        ("./a.gmi", 6, 12, "myplugin.no-lorem"),
        ("./b.md", 1, 1, "vale.house.hedging"),
        ("./b.md", 1, 15, "vale.house.hedging"),
    ]
    counts = run_cli("check", "--format", "counts", *selected, ".", cwd=tmp_path)
    assert (
        counts.stdout
        == "2\tvale.house.hedging\n1\thouse.three-dots\n1\thouse.trademark\n1\thouse.utilize\n1\tmyplugin.no-lorem\n"
    )
    options = '\n["house.three-dots"]\nmax-words = 1\n'
    (tmp_path / ".copylint.toml").write_text((tmp_path / ".copylint.toml").read_text() + options, encoding="utf-8")
    assert run_cli("fix", "--select", "house", "a.gmi", cwd=tmp_path).exit_code == 1
    assert (tmp_path / "a.gmi").read_text(encoding="utf-8") == (
        "# Wait... on GitHub\n=> gemini://example.org Github...\n```\nGithub...\n```\nWe use lorem ipsum.\n"
    )
