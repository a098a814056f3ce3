"""A :class:`Session`: everything one command works with, built once from the plugins, the
configuration file, its rule packs and Vale styles, and the command line.

The configuration is read in two phases. The first reads only the keys that define rules
(``packs`` and ``vale``), because the rest of the file can only be checked once every rule, with
its options, and every key the rule families declare, is known; the second validates the whole
table against them. Without a copylint configuration, a ``.vale.ini`` found from the current
folder upward (the way Vale finds it) is used: its styles' rules run, and its vocabularies are
word lists.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.core.errors import CopylintError
from copylint.core.rule import Rule
from copylint.core.selection import validate_selectors
from copylint.packs.rule import rule_class
from copylint.project.config import Config, find_vale_ini, locate_config, pack_paths, parse_config
from copylint.project.plugins import PluginSet
from copylint.project.resolver import CommandLine, Resolver

if TYPE_CHECKING:
    from copylint.packs.vale import ValeSetup


@dataclass(frozen=True)
class Session:
    """The plugin set (with the rules of packs and Vale styles added), the validated
    configuration, the resolver that gives each path its settings, and notes for the user (Vale
    rules that had to be skipped)."""

    plugins: PluginSet
    config: Config
    resolver: Resolver
    notes: tuple[str, ...] = ()


def open_session(
    plugins: PluginSet, command_line: CommandLine, config_path: str | None = None, start: str | None = None
) -> Session:
    """Load and check the configuration (``config_path``, else the nearest to ``start``, by default
    the current folder) and combine it with ``command_line``. Raises :class:`CopylintError` naming
    what is wrong. The language server gives each document's folder as ``start``."""
    plugins, config, notes = _configure(plugins, start or os.getcwd(), config_path)
    for option, selectors in (
        ("--select", command_line.select),
        ("--ignore", command_line.ignore),
        ("--extend-select", command_line.extend_select),
    ):
        validate_selectors(option, selectors, list(plugins.rules))
    resolver = Resolver(plugins, config, command_line)
    resolver.settings_for(".")  # reads the word and domain lists now, so errors surface early
    return Session(plugins, config, resolver, notes)


def _configure(plugins: PluginSet, cwd: str, path: str | None) -> tuple[PluginSet, Config, tuple[str, ...]]:
    found = locate_config(cwd, path)
    if found is None:
        vale_ini = find_vale_ini(cwd)
        if vale_ini is None:
            return plugins, Config(), ()
        found_setup = _load_vale(vale_ini, plugins)
        config = Config(family_values=_vocabularies(found_setup, {}))
        return _with_rules(plugins, found_setup.rules, vale_ini), config, _skipped(found_setup)
    config_path, table = found
    extra = _pack_rules(pack_paths(config_path, table))
    setup: ValeSetup | None = None
    if isinstance(table.get("vale"), str):
        setup = _load_vale(os.path.join(os.path.dirname(os.path.abspath(config_path)), table["vale"]), plugins)
        extra.update(setup.rules)
    plugins = _with_rules(plugins, extra, config_path)
    rule_options = {rule_id: dict(rule.options) for rule_id, rule in plugins.rules.items()}
    config = parse_config(config_path, table, rule_options, plugins.family_keys(), plugins.format_names())
    plugins = plugins.with_format_suffixes(config.format_suffixes)
    if setup is None:
        return plugins, config, ()
    config = dataclasses.replace(config, family_values=_vocabularies(setup, config.family_values))
    return plugins, config, _skipped(setup)


def _pack_rules(paths: Sequence[str]) -> dict[str, type[Rule]]:
    """The rule classes of the packs at ``paths``, by rule id."""
    if not paths:
        return {}
    from copylint.packs.schema import load_pack_paths  # start-up time: only when a configuration names packs

    return {spec.rule_id: rule_class(spec) for spec in load_pack_paths(paths)}


def _load_vale(path: str, plugins: PluginSet) -> ValeSetup:
    from copylint.packs.vale import load_vale  # start-up time: only when a Vale setup is found or named

    return load_vale(path, tuple(plugins.formats))


def _vocabularies(setup: ValeSetup, values: Mapping[str, tuple[str, ...] | str]) -> dict[str, tuple[str, ...] | str]:
    """``values`` with the family values the Vale setup brings (its vocabularies) added."""
    merged = dict(values)
    for key, paths in setup.family_values.items():
        configured = merged.get(key, ())
        merged[key] = (*(configured if isinstance(configured, tuple) else ()), *paths)
    return merged


def _with_rules(plugins: PluginSet, extra: Mapping[str, type[Rule]], source: str) -> PluginSet:
    clash = sorted(set(extra) & set(plugins.rules))
    if clash:
        raise CopylintError(f"{source}: rule ids already defined: {', '.join(clash)}")
    if not extra:
        return plugins
    return dataclasses.replace(plugins, rules=dict(sorted({**plugins.rules, **extra}.items())))


def _skipped(setup: ValeSetup) -> tuple[str, ...]:
    return (*setup.notices, *(f"Vale rule {name} skipped: {reason}" for name, reason in setup.skipped.items()))
