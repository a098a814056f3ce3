"""The plugin manager: built-ins plus ``copylint`` entry points, collected into a :class:`PluginSet`.

A plugin that fails to import, registers an unknown hook, raises in a hook, or registers an invalid
rule is reported by name and skipped; every other plugin still runs.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pluggy

from copylint import hookspecs
from copylint.core.finding import Category, Severity
from copylint.core.prose import DocumentFormat, traits_of
from copylint.core.rule import FamilySettings, Rule, SettingKey
from copylint.core.source import suffix_of
from copylint.project.config import BUILTIN_KEYS
from copylint.reporters import Reporter
from copylint.store.environment import PluginEntryPoint, plugin_entry_points

BUILTIN_PLUGINS = ("copylint.rules", "copylint.packs.builtin", "copylint.formats.builtin", "copylint.reporters.builtin")
RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")


@dataclass(frozen=True)
class PluginSet:
    """Everything the plugins registered, plus the problems met while loading them."""

    rules: Mapping[str, type[Rule]]
    formats: Mapping[str, DocumentFormat]
    """By lower-case suffix, e.g. ``".md"``."""
    reporters: Mapping[str, type[Reporter]]
    errors: tuple[str, ...]
    plain: DocumentFormat | None = None
    """What a suffix no format claims is read as, when ``format-suffixes`` remapped ``.txt``."""

    def format_for(self, path: str, fallback: str = ".txt") -> DocumentFormat:
        return self.formats.get(suffix_of(path)) or self.plain or self.formats[fallback]

    def claims(self, path: str) -> bool:
        """Whether a format claims ``path``'s suffix (one that none claims is read as plain text)."""
        return suffix_of(path) in self.formats

    def format_names(self) -> tuple[str, ...]:
        """The names of the registered formats, each once."""
        return tuple(dict.fromkeys(document_format.name for document_format in self.formats.values()))

    def with_format_suffixes(self, suffixes: Mapping[str, str]) -> PluginSet:
        """This set with each suffix in ``suffixes`` read as the format of that name (the
        ``format-suffixes`` key); a folder walk then lints those suffixes too."""
        if not suffixes:
            return self
        by_name = {document_format.name: document_format for document_format in self.formats.values()}
        formats = {**self.formats, **{suffix: by_name[name] for suffix, name in suffixes.items()}}
        return dataclasses.replace(self, formats=formats, plain=self.plain or self.formats.get(".txt"))

    def default_include(self) -> tuple[str, ...]:
        """The globs a folder walk lints: every registered format's suffixes."""
        return tuple(f"*{suffix}" for suffix in self.formats)

    def family_settings(self) -> tuple[type[FamilySettings], ...]:
        """The settings classes the rules' families declare, each once, in rule order, then those
        the formats read (the shortcodes whose content is code)."""
        kinds = [rule.family_settings for rule in self.rules.values() if rule.family_settings]
        kinds += [kind for document_format in self.formats.values() if (kind := traits_of(document_format).settings)]
        return tuple(dict.fromkeys(kinds))

    def family_keys(self) -> dict[str, SettingKey]:
        """Every configuration key a rule family declares."""
        return {key: declared for kind in self.family_settings() for key, declared in kind.keys.items()}


def load_plugins(entry_points: bool = True) -> PluginSet:
    """Build a fresh plugin manager (no global state) and collect what its plugins register."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    errors: list[str] = []
    for module_name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    manager.check_pending()
    if entry_points:
        for entry_point in plugin_entry_points():
            _register_entry_point(manager, entry_point, errors)

    rules: dict[str, type[Rule]] = {}
    keys: dict[str, type[FamilySettings]] = {}
    for plugin_name, rule in _collect(manager, "copylint_register_rules", errors):
        problem = _rule_problem(rule, rules) or _settings_problem(rule.family_settings, keys, f"rule '{rule.id}'")
        if problem:
            errors.append(f"plugin '{plugin_name}': {problem}; rule skipped")
        else:
            rules[rule.id] = rule
            if rule.family_settings is not None:
                keys.update(dict.fromkeys(rule.family_settings.keys, rule.family_settings))

    formats: dict[str, DocumentFormat] = {}
    for plugin_name, document_format in _collect(manager, "copylint_register_formats", errors):
        suffixes = getattr(document_format, "suffixes", None)
        if not suffixes or not callable(getattr(document_format, "build_view", None)):
            errors.append(f"plugin '{plugin_name}': {document_format!r} is not a document format; skipped")
            continue
        kind = traits_of(document_format).settings
        problem = _settings_problem(kind, keys, f"format '{getattr(document_format, 'name', document_format)}'")
        if problem:
            errors.append(f"plugin '{plugin_name}': {problem}; format skipped")
            continue
        if kind is not None:
            keys.update(dict.fromkeys(kind.keys, kind))
        for suffix in suffixes:
            formats[suffix.lower()] = document_format

    reporters: dict[str, type[Reporter]] = {}
    for plugin_name, reporter in _collect(manager, "copylint_register_reporters", errors):
        name = getattr(reporter, "name", None)
        if not isinstance(reporter, type) or not issubclass(reporter, Reporter) or not name:
            errors.append(f"plugin '{plugin_name}': {reporter!r} is not a reporter; skipped")
        elif name in reporters:
            errors.append(f"plugin '{plugin_name}': reporter '{name}' is already registered; skipped")
        else:
            reporters[name] = reporter

    return PluginSet(dict(sorted(rules.items())), formats, reporters, tuple(errors))


def _register_entry_point(manager: pluggy.PluginManager, entry_point: PluginEntryPoint, errors: list[str]) -> None:
    name = entry_point.name
    if manager.has_plugin(name):
        return
    try:
        plugin = entry_point.load()
        manager.register(plugin, name=name)
    except Exception as exc:  # noqa: BLE001 - any failure in third-party code is reported, not raised
        errors.append(f"plugin '{name}' failed to load ({type(exc).__name__}: {exc}); skipped")
        return
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        manager.unregister(name=name)
        errors.append(f"plugin '{name}' is invalid ({exc}); skipped")


def _collect(manager: pluggy.PluginManager, hook_name: str, errors: list[str]) -> Iterable[tuple[str, Any]]:
    """Call each implementation of a hook separately, so one failing plugin cannot stop the rest."""
    hook_caller = getattr(manager.hook, hook_name)
    for implementation in hook_caller.get_hookimpls():
        function: Callable[[], Any] = implementation.function
        try:
            registered = list(function() or ())
        except Exception as exc:  # noqa: BLE001 - third-party code
            errors.append(
                f"plugin '{implementation.plugin_name}' failed in {hook_name} ({type(exc).__name__}: {exc}); skipped"
            )
            continue
        for item in registered:
            yield implementation.plugin_name, item


def _rule_problem(rule: Any, known: Mapping[str, type[Rule]]) -> str | None:
    if not isinstance(rule, type) or not issubclass(rule, Rule):
        return f"{rule!r} is not a subclass of copylint.Rule"
    rule_id = getattr(rule, "id", None)
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        return f"rule {rule.__name__} has an invalid id {rule_id!r} (want 'family.kebab-name')"
    if rule_id in known:
        return f"rule id '{rule_id}' is already registered"
    if getattr(rule, "category", None) not in set(Category):
        return f"rule '{rule_id}' has an invalid category {getattr(rule, 'category', None)!r}"
    if getattr(rule, "default_severity", None) not in set(Severity):
        return f"rule '{rule_id}' has an invalid default severity"
    return None


def _settings_problem(kind: Any, keys: Mapping[str, type[FamilySettings]], owner: str) -> str | None:
    """Why the settings ``kind`` of a rule or format (``owner``) cannot be registered beside those
    already known, if they cannot."""
    if kind is None:
        return None
    if not isinstance(kind, type) or not issubclass(kind, FamilySettings):
        return f"{owner} has family settings {kind!r} that are not a copylint.FamilySettings"
    taken = sorted(key for key in kind.keys if keys.get(key, kind) is not kind or key in BUILTIN_KEYS)
    if taken:
        return f"{owner} declares configuration keys already taken: {', '.join(taken)}"
    return None
