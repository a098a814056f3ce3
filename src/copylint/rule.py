"""The :class:`Rule` base class and the :class:`RuleContext` rules report through."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from copylint.finding import Applicability, Category, Edit, Finding, Fix, Severity
from copylint.prose import ProseView
from copylint.source import Document, Span
from copylint.tokens import Tokens

if TYPE_CHECKING:
    from copylint.engine import LintSettings

T = TypeVar("T")


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

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def definition(cls) -> str:
        """What, besides copylint's and the plugins' versions, decides this rule's findings: the
        text of a rule defined by data (a pack or a Vale style), so that editing that data never
        serves stale cached results. Empty for a rule defined by code."""
        return ""

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(cls.documentation().split("\n\n", 1)[0].split())

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.id)


@dataclass(frozen=True, slots=True)
class PlannedEdit:
    """An edit a rule wants, in prose offsets."""

    span: Span
    replacement: str


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
    ) -> None:
        self.rule = rule
        self.document = document
        self.view = view
        self.tokens = tokens
        self.severity = severity
        self.settings = settings
        self._memo = memo if memo is not None else {}

    def option(self, name: str) -> Any:
        """This rule's option ``name``: from the configuration, else the rule's default."""
        configured = self.settings.rule_options.get(self.rule.id, {}) if self.settings is not None else {}
        return configured.get(name, self.rule.options[name])

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
        edits: Sequence[PlannedEdit] = (),
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
        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=self.severity,
            span=source_span,
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

    def _fix(self, edits: Sequence[PlannedEdit], applicability: Applicability, title: str) -> Fix | None:
        source_edits: list[Edit] = []
        for edit in sorted(edits, key=lambda planned: (planned.span.start, planned.span.end)):
            if not self.view.is_verbatim(edit.span, self.document):
                return None
            source_edits.append(Edit(self.view.to_source(edit.span), edit.replacement))
        try:
            return Fix(tuple(source_edits), applicability, title)
        except ValueError:
            return None
