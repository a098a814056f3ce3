"""Effective settings: the configuration file, per-path overrides and command-line flags combined.

Command-line flags win: ``--select`` replaces the configured selection, ``--ignore`` and
``--extend-select`` add to it, and ``--fail-level``, ``--include``, ``--exclude`` and
``--force-exclude`` replace the configured values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from copylint.core.finding import Severity
from copylint.core.rule import FamilySettings, FamilyValues, LintSettings
from copylint.core.selection import ALL, RuleSelection, matches
from copylint.project.config import Config, Override
from copylint.project.discovery import DEFAULT_MAX_FILE_MB, FileFilter
from copylint.project.plugins import PluginSet


@dataclass(frozen=True)
class CommandLine:
    """What the user gave on the command line (``None``/empty: not given)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    family_values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Values for keys rule families declare (``--accept`` and ``--reject`` give word lists), added
    to the configured ones."""
    fail_level: Severity | None = None
    max_file_mb: float | None = None


@dataclass
class Resolver:
    """Builds :class:`LintSettings` for each file; the result is cached per set of overrides."""

    plugins: PluginSet
    config: Config
    command_line: CommandLine
    _cache: dict[tuple[int, ...], LintSettings] = field(default_factory=dict)
    _family: tuple[FamilySettings, ...] | None = None

    def file_filter(self) -> FileFilter:
        cli, config = self.command_line, self.config
        return FileFilter(
            include=cli.include or config.include or self.plugins.default_include(),
            exclude=config.exclude + cli.exclude,
            force_exclude=cli.force_exclude or bool(config.force_exclude),
            max_file_mb=next(
                (size for size in (cli.max_file_mb, config.max_file_mb) if size is not None), DEFAULT_MAX_FILE_MB
            ),
        )

    def fail_level(self) -> Severity:
        return self.command_line.fail_level or self.config.fail_level or Severity.WARNING

    def selection(self, overrides: tuple[Override, ...] = ()) -> RuleSelection:
        cli, config = self.command_line, self.config
        select = cli.select or config.select or (ALL,)
        extend = config.extend_select + cli.extend_select
        ignore = config.ignore + cli.ignore
        for override in overrides:
            if override.select is not None and not cli.select:
                select = override.select
            extend += override.extend_select
            ignore += override.ignore
        return RuleSelection(select + extend, ignore)

    def severities(self, overrides: tuple[Override, ...] = ()) -> dict[str, Severity]:
        """Configured severities by rule id (a prefix applies to every rule under it)."""
        chosen: dict[str, Severity] = {}
        for table in (self.config.severity, *(override.severity for override in overrides)):
            for selector, severity in table.items():
                for rule_id in self.plugins.rules:
                    if matches(selector, rule_id):
                        chosen[rule_id] = severity
        return chosen

    def settings_for(self, path: str) -> LintSettings:
        overrides = self.config.overrides_for(path) if self.config.overrides else ()
        key = tuple(id(override) for override in overrides)
        settings = self._cache.get(key)
        if settings is None:
            selection = self.selection(overrides)
            settings = LintSettings(
                rules=tuple(rule for rule_id, rule in self.plugins.rules.items() if selection.enabled(rule_id)),
                severities=self.severities(overrides),
                rule_options=self.config.rule_options,
                family=self.family(),
            )
            self._cache[key] = settings
        return settings

    def family(self) -> tuple[FamilySettings, ...]:
        """Every rule family's settings, built once (reading the lists they name) and shared by
        every path."""
        if self._family is None:
            self._family = tuple(kind.from_values(self.family_values(kind)) for kind in self.plugins.family_settings())
        return self._family

    def family_values(self, kind: type[FamilySettings]) -> FamilyValues:
        """The configured values of ``kind``'s keys, with the command line's added."""
        values: dict[str, tuple[str, ...] | str] = {}
        for key in kind.keys:
            configured = self.config.family_values.get(key)
            given = self.command_line.family_values.get(key, ())
            if isinstance(configured, str):
                values[key] = configured
            elif configured is not None or given:
                values[key] = (*(configured or ()), *given)
        return values

    def describe(self, path: str) -> Mapping[str, Any]:
        """The effective settings for ``path``, for ``copylint config``."""
        settings = self.settings_for(path)
        file_filter = self.file_filter()
        return {
            "config-file": self.config.path,
            "path": path,
            "rules": [rule.id for rule in settings.rules],
            "severity": {
                rule.id: settings.severities.get(rule.id, rule.default_severity).value for rule in settings.rules
            },
            "rule-options": {
                rule.id: {**rule.options, **self.config.rule_options.get(rule.id, {})}
                for rule in settings.rules
                if rule.options
            },
            "include": list(file_filter.include),
            "exclude": list(file_filter.exclude),
            "force-exclude": file_filter.force_exclude,
            "max-file-size": file_filter.max_file_mb,
            "fail-level": self.fail_level().value,
            "format-suffixes": {suffix: read_as.name for suffix, read_as in sorted(self.plugins.formats.items())},
            "language": self.config.language,
            **{key: value for family in self.family() for key, value in family.describe().items()},
        }
