"""copylint: an editorial linter and copy-editor for Markdown, HTML and plain text.

The names below are the public API for plugin authors; everything else may move between minor
versions. A plugin is a module registered in the ``copylint`` entry-point group whose functions,
marked with :data:`hookimpl`, implement the hooks in :mod:`copylint.hookspecs`::

    from copylint import Category, Rule, RuleContext, Span, hookimpl

    class NoLoremIpsum(Rule):
        \"\"\"Placeholder text ("lorem ipsum") left in an article.\"\"\"

        id = "example.no-lorem"
        category = Category.STYLE

        def check(self, ctx: RuleContext):
            start = ctx.view.text.lower().find("lorem ipsum")
            if start >= 0:
                yield ctx.finding(Span(start, start + 11), "Placeholder text left in the article.")

    @hookimpl
    def copylint_register_rules():
        return (NoLoremIpsum,)

:func:`lint_paths` runs copylint from Python as ``copylint check`` does, and returns the
:class:`RunResult` (imported on first use, so that ``import copylint`` stays quick).

``ARCHITECTURE.md`` in the repository describes the layers and how to add a rule, a format, a
reporter or a data-defined rule.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

from copylint._version import __version__
from copylint.core.finding import Applicability, Category, Edit, FileResult, Finding, Fix, RunResult, Severity
from copylint.core.prose import DirectiveSyntax, DocumentFormat, FormatTraits, ProseView, Scope, ViewBuilder
from copylint.core.rule import (
    FamilySettings,
    FamilyValues,
    KeyKind,
    LintSettings,
    ProseEdit,
    Rule,
    RuleContext,
    SettingKey,
)
from copylint.core.source import Document, Span
from copylint.hookspecs import hookimpl
from copylint.reporters import Reporter

if TYPE_CHECKING:
    from copylint.run.api import lint_paths

__all__ = [
    "Applicability",
    "Category",
    "DirectiveSyntax",
    "Document",
    "DocumentFormat",
    "Edit",
    "FamilySettings",
    "FamilyValues",
    "FileResult",
    "Finding",
    "Fix",
    "FormatTraits",
    "KeyKind",
    "LintSettings",
    "ProseEdit",
    "ProseView",
    "Reporter",
    "Rule",
    "RuleContext",
    "RunResult",
    "Scope",
    "SettingKey",
    "Severity",
    "Span",
    "ViewBuilder",
    "__version__",
    "hookimpl",
    "lint_paths",
]


def __getattr__(name: str) -> Any:
    """:func:`lint_paths` on first use: it brings in the plugins, the configuration and the runner,
    which a plugin that only needs the names above should not pay for."""
    if name == "lint_paths":
        from copylint.run.api import lint_paths  # only when used: keeps ``import copylint`` short

        globals()[name] = lint_paths
        return lint_paths
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MOVED_MODULES = {
    "copylint.atomicwrite": "copylint.store.files",
    "copylint.cache": "copylint.run.results",
    "copylint.changes": "copylint.run.changes",
    "copylint.cluster": "copylint.run.cluster",
    "copylint.config": "copylint.project.config",
    "copylint.datacache": "copylint.store.tables",
    "copylint.discovery": "copylint.project.discovery",
    "copylint.display": "copylint.reporters.display",
    "copylint.engine": "copylint.core.engine",
    "copylint.errors": "copylint.core.errors",
    "copylint.fastexit": "copylint.cli.fastexit",
    "copylint.finding": "copylint.core.finding",
    "copylint.fingerprint": "copylint.core.fingerprint",
    "copylint.fixer": "copylint.core.fixer",
    "copylint.installed": "copylint.store.environment",
    "copylint.interactive": "copylint.cli.interactive",
    "copylint.languagetool": "copylint.language.languagetool",
    "copylint.links": "copylint.language.links",
    "copylint.listfiles": "copylint.core.listfiles",
    "copylint.lookalikes": "copylint.language.lookalikes",
    "copylint.plugins": "copylint.project.plugins",
    "copylint.prose": "copylint.core.prose",
    "copylint.regex_safety": "copylint.packs.regex_safety",
    "copylint.rule": "copylint.core.rule",
    "copylint.rules.dashes": "copylint.rules.style",
    "copylint.runner": "copylint.run.runner",
    "copylint.selection": "copylint.core.selection",
    "copylint.settings": "copylint.project.resolver",
    "copylint.source": "copylint.core.source",
    "copylint.spelling": "copylint.language.spelling",
    "copylint.suppress": "copylint.core.suppress",
    "copylint.tokens": "copylint.core.tokens",
    "copylint.vale": "copylint.packs.vale",
}
"""Module paths of copylint 0.1 and where the code now lives. The old paths keep working, with a
:class:`DeprecationWarning`, until copylint 0.3; a module under an old package (such as
``copylint.spelling.lexicon``) is found under the new one."""


class _MovedModules:
    """Answers an import of a moved module with the module at its new path: a meta path finder and
    its loader (by protocol; subclassing ``importlib.abc``'s classes would import
    ``importlib.resources`` on every start)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        return importlib.machinery.ModuleSpec(name, cast("Loader", self)) if _new_name(name) else None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = _new_name(spec.name) or spec.name
        warnings.warn(f"{spec.name} is now {new}", DeprecationWarning, stacklevel=2)
        module = importlib.import_module(new)
        sys.modules[spec.name] = module
        return module

    def exec_module(self, module: ModuleType) -> None:
        """The module was run under its new name already."""


def _new_name(name: str) -> str | None:
    for old, new in MOVED_MODULES.items():
        if name == old or name.startswith(old + "."):
            return new + name[len(old) :]
    return None


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModules())
