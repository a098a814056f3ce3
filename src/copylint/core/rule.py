"""The :class:`Rule` base class, the :class:`RuleContext` rules report through, and the
:class:`LintSettings` a document is linted with (including the settings rule families declare)."""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar, cast

from copylint.core.finding import Applicability, Category, Edit, Finding, Fix, Severity
from copylint.core.prose import PLAIN_TRAITS, FormatTraits, ProseView
from copylint.core.source import Document, Span
from copylint.core.tokens import Tokens

if TYPE_CHECKING:
    from copylint.core.suppress import Suppression

T = TypeVar("T")
S = TypeVar("S", bound="FamilySettings")


class KeyKind(StrEnum):
    """The shape of a configuration key a rule family declares."""

    STRINGS = "strings"
    """A list of strings (a single string is a list of one)."""
    PATHS = "paths"
    """A list of file paths, relative to the configuration file that names them."""
    TEXT = "text"
    """One string."""


@dataclass(frozen=True)
class SettingKey:
    """One configuration key of a rule family: its shape, and an optional check of its value that
    returns what is wrong with it (``None`` when nothing is)."""

    kind: KeyKind
    check: Callable[[Any], str | None] | None = None


FamilyValues = Mapping[str, "tuple[str, ...] | str"]
"""A family's configured values by key: tuples for list keys (paths already resolved), a string
for a text key. A key nobody set is absent."""


class FamilySettings:
    """Settings a rule family reads from the configuration (word lists, domain lists, a server).

    A family declares its top-level configuration keys in ``keys`` and builds itself from their
    values in :meth:`from_values`; its rules name the class in :attr:`Rule.family_settings` and read
    the built instance with :meth:`RuleContext.setting`. The configuration checks the declared keys
    like copylint's own, and the result cache's key covers :meth:`identity`.
    """

    keys: ClassVar[Mapping[str, SettingKey]] = {}

    @classmethod
    def from_values(cls, values: FamilyValues) -> Self:
        """Build from the configured values (read the files they name; raise
        :class:`~copylint.core.errors.CopylintError` naming a file that is wrong)."""
        raise NotImplementedError

    def identity(self) -> object:
        """What in these settings can change findings, as plain data with a stable ``repr``."""
        raise NotImplementedError

    def describe(self) -> Mapping[str, Any]:
        """The effective values for ``copylint config``, by key."""
        return {}


class Rule:
    """A check over one document's prose. Subclasses set the class attributes and ``check``.

    The class docstring is the rule's user documentation (``copylint explain``): say what it does,
    why, an example, and how safe its fix is. Its first line is the one-line summary.
    """

    id: ClassVar[str]
    category: ClassVar[Category]
    default_severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    options: ClassVar[Mapping[str, Any]] = {}
    """Options a configuration may set (``[tool.copylint."rule.id"]``), with their defaults."""
    family_settings: ClassVar[type[FamilySettings] | None] = None
    """The settings of the rule's family, read with :meth:`RuleContext.setting`."""
    defers_to_overlapping: ClassVar[bool] = False
    """Drop this rule's finding when another rule reports exactly the same span (a second opinion,
    such as LanguageTool's, should not say the same thing twice)."""
    runs_after_suppression: ClassVar[bool] = False
    """Run after the other rules' findings were suppressed, with :attr:`RuleContext.suppressions`
    telling which directives silenced something."""

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def cache_identity(cls) -> str:
        """What, besides copylint's and the plugins' versions, decides this rule's findings: the
        text of a rule defined by data (a pack or a Vale style), so that editing that data never
        serves stale cached results. Empty for a rule defined by code."""
        return ""

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, its lines joined by one space. Spacing inside
        a line is kept: a summary may quote the very spacing it is about ("the  end")."""
        lines = cls.documentation().split("\n\n", 1)[0].splitlines()
        return " ".join(stripped for line in lines if (stripped := line.strip()))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.id)


@dataclass(frozen=True, slots=True)
class ProseEdit:
    """An edit a rule wants, in prose offsets (the context turns it into a source :class:`Edit`)."""

    span: Span
    replacement: str


PlannedEdit = ProseEdit
"""The former name of :class:`ProseEdit`, kept for one minor version."""


@dataclass(frozen=True)
class LintSettings:
    """What one document is linted with: the rules (already selected), per-rule severities and
    options, and the settings of their families."""

    rules: Sequence[type[Rule]]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    family: Sequence[FamilySettings] = ()
    """Built family settings; a family not here gets its defaults (:meth:`setting`)."""

    def setting(self, kind: type[S]) -> S:
        """The settings of family ``kind``: as configured, else built from no values."""
        for settings in self.family:
            if type(settings) is kind:
                return settings
        return cast(S, self._defaults.setdefault(kind, kind.from_values({})))

    @cached_property
    def _defaults(self) -> dict[type[FamilySettings], FamilySettings]:
        return {}

    @cached_property
    def digest(self) -> str:
        """A digest of what in these settings changes findings (the rules and the data that
        defines them, severities, options, family settings): part of the result cache's key."""
        described = repr(
            (
                [(rule.id, rule.cache_identity()) for rule in self.rules],
                sorted((k, v.value) for k, v in self.severities.items()),
                sorted((k, sorted(v.items())) for k, v in self.rule_options.items()),
                sorted((f"{type(s).__module__}.{type(s).__qualname__}", repr(s.identity())) for s in self.family),
            )
        )
        return hashlib.sha256(described.encode()).hexdigest()


class RuleContext:
    """What a rule sees of one document, and how it reports: prose offsets in, source spans out."""

    def __init__(
        self,
        rule: type[Rule],
        document: Document,
        view: ProseView,
        tokens: Tokens,
        severity: Severity,
        settings: LintSettings | None = None,
        memo: dict[str, Any] | None = None,
        traits: FormatTraits = PLAIN_TRAITS,
        suppressions: Sequence[Suppression] = (),
    ) -> None:
        self.rule = rule
        self.document = document
        self.view = view
        self.tokens = tokens
        self.severity = severity
        self.settings = settings if settings is not None else LintSettings(rules=(rule,))
        self.traits = traits
        """What the document's format declares (how it writes directives, whether spaces collapse)."""
        self.suppressions = suppressions
        """The document's directives, for a rule that :attr:`~Rule.runs_after_suppression`."""
        self._memo = memo if memo is not None else {}

    def option(self, name: str) -> Any:
        """This rule's option ``name``: from the configuration, else the rule's default."""
        return self.settings.rule_options.get(self.rule.id, {}).get(name, self.rule.options[name])

    def setting(self, kind: type[S]) -> S:
        """The settings of the rule family ``kind`` (see :class:`FamilySettings`)."""
        return self.settings.setting(kind)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per document and shared by every rule that asks for ``key``."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def finding(
        self,
        span: Span,
        message: str,
        suggestions: Sequence[str] = (),
        edits: Sequence[ProseEdit] = (),
        applicability: Applicability = Applicability.UNSAFE,
        fix_title: str = "",
        source_edits: Sequence[Edit] = (),
    ) -> Finding:
        """A finding at prose ``span``. ``edits`` become a fix only if every one maps exactly.

        An edit maps exactly when the prose it replaces is verbatim source text (not markup a
        format rewrote); otherwise the finding is still reported, without a fix. Without explicit
        ``suggestions``, a fix inside the span suggests the span's text as fixed.
        """
        fix = self._fix(edits, applicability, fix_title) if edits else None
        if source_edits:
            fix = self._source_fix(source_edits, applicability, fix_title)
        source_span = self.view.to_source(span)
        if (
            not suggestions
            and fix is not None
            and source_span.start <= fix.span.start
            and fix.span.end <= source_span.end
        ):
            suggestions = (fix.apply_within(self.document.text, source_span),)
        return self.source_finding(source_span, message, suggestions, fix)

    def replacement(
        self, span: Span, right: str, message: str, applicability: Applicability = Applicability.UNSAFE
    ) -> Finding:
        """A finding whose one suggestion, and fix, is ``right`` in place of prose ``span``."""
        return self.finding(
            span,
            message,
            suggestions=(right,),
            edits=(ProseEdit(span, right),),
            applicability=applicability,
            fix_title=f"Replace with “{right}”",
        )

    def source_finding(
        self, span: Span, message: str, suggestions: Sequence[str] = (), fix: Fix | None = None
    ) -> Finding:
        """A finding at source ``span`` (for what is not prose, such as a directive in a comment)."""
        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=self.severity,
            span=span,
            message=message,
            suggestions=tuple(suggestions),
            fix=fix,
        )

    def _source_fix(self, edits: Sequence[Edit], applicability: Applicability, title: str) -> Fix | None:
        """A fix from edits already in source offsets (for edits that reach beyond the prose)."""
        if any(edit.span.end > len(self.document.text) for edit in edits):
            return None
        try:
            return Fix(tuple(sorted(edits, key=lambda edit: edit.span.start)), applicability, title)
        except ValueError:
            return None

    def _fix(self, edits: Sequence[ProseEdit], applicability: Applicability, title: str) -> Fix | None:
        source_edits: list[Edit] = []
        for edit in sorted(edits, key=lambda planned: (planned.span.start, planned.span.end)):
            if not self.view.is_verbatim(edit.span, self.document):
                return None
            source_edits.append(Edit(self.view.to_source(edit.span), edit.replacement))
        try:
            return Fix(tuple(source_edits), applicability, title)
        except ValueError:
            return None
