"""Configuration: ``.copylint.toml`` or ``[tool.copylint]`` in ``pyproject.toml`` (without one, a
Vale ``.vale.ini``), found from the current folder upward. Every key, rule id and value is
checked; a mistake is a :class:`~copylint.core.errors.CopylintError` naming the file, the key and
a close match.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from copylint.core.errors import CopylintError, did_you_mean
from copylint.core.finding import Severity
from copylint.core.rule import FamilyValues, KeyKind, SettingKey
from copylint.core.selection import unknown_selector

CONFIG_NAMES = (".copylint.toml", "pyproject.toml")
SUPPORTED_LANGUAGES = ("en",)
_LIST_KEYS = ("select", "ignore", "extend-select", "include", "exclude", "packs")
BUILTIN_KEYS = (
    *_LIST_KEYS,
    "severity",
    "force-exclude",
    "max-file-size",
    "language",
    "fail-level",
    "overrides",
    "vale",
    "format-suffixes",
)
"""copylint's own top-level keys; rule families declare the others."""
_SUFFIX = re.compile(r"\.[^\s./\\]+\Z")
"""A file name suffix as :func:`~copylint.core.source.suffix_of` gives it: ``.njk``, ``.md``."""
_OVERRIDE_KEYS = ("files", "select", "ignore", "extend-select", "severity")


@dataclass(frozen=True)
class Override:
    """Settings for the files matching ``files`` (globs relative to the config file's folder)."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """A validated configuration (everything optional: ``None`` means "not set")."""

    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    max_file_mb: float | None = None
    language: str = "en"
    fail_level: Severity | None = None
    overrides: tuple[Override, ...] = ()
    family_values: FamilyValues = field(default_factory=dict)
    """Values of the keys rule families declare (word lists, spam lists, a LanguageTool server)."""
    format_suffixes: Mapping[str, str] = field(default_factory=dict)
    """The format each lower-case file suffix is read as (``{".njk": "html"}``), beyond the formats' own."""

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def overrides_for(self, path: str) -> tuple[Override, ...]:
        relative = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        name = relative.rsplit("/", 1)[-1]
        return tuple(
            override
            for override in self.overrides
            if any(fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(name, glob) for glob in override.files)
        )


def _files_upward(start: str, names: Sequence[str]) -> Iterator[str]:
    """Each existing file named in ``names`` in ``start``'s folder, then in each folder above it."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                yield path
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def find_config(start: str) -> tuple[str, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` and its copylint table."""
    for path in _files_upward(start, CONFIG_NAMES):
        data = _read_toml(path)
        if os.path.basename(path) != "pyproject.toml":
            return path, data.get("tool", {}).get("copylint", data)
        table = data.get("tool", {}).get("copylint")
        if table is not None:
            return path, table
    return None


def find_vale_ini(start: str) -> str | None:
    """The nearest ``.vale.ini`` (or ``_vale.ini``) at or above ``start``, the way Vale finds it.
    Here, not in :mod:`copylint.packs.vale`: every start without a copylint configuration looks
    for one, and only a start that finds one needs the translation."""
    return next(_files_upward(start, (".vale.ini", "_vale.ini")), None)


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CopylintError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise CopylintError(f"{path}: cannot read ({exc.strerror or exc})") from None


def locate_config(start: str, explicit: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """The config file to use (``explicit`` when given, else the nearest) and its copylint table."""
    if explicit:
        data = _read_toml(explicit)
        return explicit, data.get("tool", {}).get("copylint", data)
    return find_config(start)


def pack_paths(path: str, table: Mapping[str, Any]) -> tuple[str, ...]:
    """The rule packs a config table names, as paths relative to the config file."""
    packs = table.get("packs", [])
    if isinstance(packs, str):
        packs = [packs]
    if not isinstance(packs, list) or not all(isinstance(item, str) for item in packs):
        raise CopylintError(f"{path}: packs: expected a list of paths, got {packs!r}")
    folder = os.path.dirname(os.path.abspath(path))
    return tuple(os.path.join(folder, item) for item in packs)


def parse_config(
    path: str,
    table: Mapping[str, Any],
    rule_options: Mapping[str, Mapping[str, Any]],
    family_keys: Mapping[str, SettingKey],
    format_names: Sequence[str] = (),
) -> Config:
    """Validate a configuration table against every known rule (with its options), every key
    the rule families declare and the names of the registered formats."""
    checker = _Checker(path, rule_options)
    values: dict[str, Any] = {"path": path}
    options: dict[str, dict[str, Any]] = {}
    family: dict[str, tuple[str, ...] | str] = {}
    for key, value in table.items():
        if key in rule_options and isinstance(value, dict):
            options[key] = checker.rule_options(key, value)
            continue
        if key in family_keys:
            family[key] = checker.family_value(key, value, family_keys[key])
            continue
        checker.known(key, (*BUILTIN_KEYS, *family_keys), "")
        if key in _LIST_KEYS:
            strings = checker.strings(key, value)
            if key in ("select", "ignore", "extend-select"):
                checker.selectors(key, strings)
            if key != "packs":  # read before validation, by the session
                values[key.replace("-", "_")] = strings
        elif key == "severity":
            values["severity"] = checker.severities(key, value)
        elif key == "force-exclude":
            values["force_exclude"] = checker.boolean(key, value)
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise CopylintError(
                    f"{path}: max-file-size: expected a number of megabytes (0: no limit), got {value!r}"
                )
            values["max_file_mb"] = float(value)
        elif key == "language":
            if value not in SUPPORTED_LANGUAGES:
                raise CopylintError(f"{path}: language: unsupported language {value!r} (copylint knows: en)")
            values["language"] = value
        elif key == "vale":  # read before validation, by the session
            if not isinstance(value, str):
                raise CopylintError(f"{path}: vale: expected the path of a .vale.ini, got {value!r}")
        elif key == "fail-level":
            values["fail_level"] = checker.severity(key, value)
        elif key == "overrides":
            values["overrides"] = checker.overrides(value)
        elif key == "format-suffixes":
            values["format_suffixes"] = checker.format_suffixes(key, value, format_names)
    values["rule_options"] = options
    values["family_values"] = family
    return Config(**values)


@dataclass
class _Checker:
    path: str
    rule_options_known: Mapping[str, Mapping[str, Any]]

    def fail(self, key: str, message: str) -> CopylintError:
        return CopylintError(f"{self.path}: {key}: {message}")

    def known(self, key: str, allowed: Sequence[str], where: str) -> None:
        if key not in allowed:
            choices = [*allowed, *self.rule_options_known] if not where else list(allowed)
            raise self.fail(f"{where}{key}", f"unknown key{did_you_mean(key, choices)}")

    def family_value(self, key: str, value: Any, declared: SettingKey) -> tuple[str, ...] | str:
        """A value of a key a rule family declared, checked against its kind (paths resolved
        relative to the configuration file) and the family's own check."""
        if declared.kind is KeyKind.TEXT:
            if not isinstance(value, str):
                raise self.fail(key, f"expected a string, got {value!r}")
            checked: tuple[str, ...] | str = value
        else:
            checked = self.strings(key, value)
            if declared.kind is KeyKind.PATHS:
                folder = os.path.dirname(os.path.abspath(self.path))
                checked = tuple(os.path.join(folder, item) for item in checked)
        problem = declared.check(value) if declared.check is not None else None
        if problem:
            raise self.fail(key, problem)
        return checked

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def boolean(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {value!r}")
        return value

    def severity(self, key: str, value: Any) -> Severity:
        try:
            return Severity(value)
        except ValueError:
            raise self.fail(key, f"expected one of error, warning, info, got {value!r}") from None

    def selectors(self, key: str, selectors: Sequence[str]) -> None:
        problem = unknown_selector(selectors, list(self.rule_options_known), no_match_hint="")
        if problem:
            raise self.fail(key, problem)

    def severities(self, key: str, value: Any) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table of rule ids, got {value!r}")
        self.selectors(key, list(value))
        return {rule: self.severity(f"{key}.{rule}", level) for rule, level in value.items()}

    def rule_options(self, rule: str, value: dict[str, Any]) -> dict[str, Any]:
        known = self.rule_options_known[rule]
        result: dict[str, Any] = {}
        for option, setting in value.items():
            if option not in known:
                hint = did_you_mean(option, known) or (f"; {rule} has no options" if not known else "")
                raise self.fail(f"{rule}.{option}", f"unknown option{hint}")
            default = known[option]
            if type(default) is float and type(setting) is int:
                setting = float(setting)  # a whole number where a number is expected: "max-cost = 2"
            if type(setting) is not type(default):
                raise self.fail(f"{rule}.{option}", f"expected {type(default).__name__}, got {setting!r}")
            result[option] = setting
        return result

    def format_suffixes(self, key: str, value: Any, names: Sequence[str]) -> dict[str, str]:
        """``{".njk": "html"}``: each suffix with its dot, each format one that is registered."""
        if not isinstance(value, dict):
            raise self.fail(key, f'expected a table of suffixes and formats, like {{ ".njk" = "html" }}, got {value!r}')
        result: dict[str, str] = {}
        for suffix, name in value.items():
            where = f'{key}."{suffix}"'
            if not _SUFFIX.match(suffix):
                raise self.fail(where, 'expected a file name suffix with its dot, like ".njk"')
            if name not in names:
                known = f"known: {', '.join(sorted(names))}"
                raise self.fail(where, f"unknown format {name!r} ({known}){did_you_mean(str(name), names)}")
            result[suffix.lower()] = name
        return result

    def overrides(self, value: Any) -> tuple[Override, ...]:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail("overrides", "expected [[tool.copylint.overrides]] tables")
        result = []
        for index, table in enumerate(value):
            where = f"overrides[{index}]."
            for key in table:
                self.known(key, _OVERRIDE_KEYS, where)
            if "files" not in table:
                raise self.fail(f"overrides[{index}]", "needs 'files', a list of path globs")
            selections = {}
            for key in ("select", "ignore", "extend-select"):
                if key in table:
                    selections[key] = self.strings(where + key, table[key])
                    self.selectors(where + key, selections[key])
            result.append(
                Override(
                    files=self.strings(where + "files", table["files"]),
                    select=selections.get("select"),
                    ignore=selections.get("ignore", ()),
                    extend_select=selections.get("extend-select", ()),
                    severity=self.severities(where + "severity", table["severity"]) if "severity" in table else {},
                )
            )
        return tuple(result)
