"""The typed rule specifications both front-ends produce (a copylint pack, :mod:`.schema`; a Vale
style, :mod:`.vale`) and the one engine runs (:mod:`.kinds`): one class, whose ``kind`` says which
of its per-kind fields are read.

Where the two rule languages differ (Vale's scope names, its literal replacements, its messages
that name no suggestion), the front-end says so in these fields; the engine has no second path.
Patterns are kept as text and compiled the first time a document needs them: most rules of a pack
never fire on a given article, and the data cache stores the specifications without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import regex

from copylint.core.finding import Applicability, Category, Severity
from copylint.core.prose import BODY_SCOPES, Scope


class Kind(StrEnum):
    """What a rule looks for (Vale's ``extends``)."""

    EXISTENCE = "existence"
    SUBSTITUTION = "substitution"
    CONSISTENCY = "consistency"
    CAPITALIZATION = "capitalization"
    OCCURRENCE = "occurrence"
    REPETITION = "repetition"
    CONDITIONAL = "conditional"


class Reach(StrEnum):
    """The stretches of prose a rule searches, and how its scopes pick them."""

    TEXT = "text"
    """The whole prose at once; a match counts when its first and last characters are in scope."""
    BLOCKS = "blocks"
    """Each block (paragraph, heading, list item ...) that starts in scope, searched on its own."""
    VALE = "vale"
    """The units Vale's scope selectors (:attr:`RuleSpec.selectors`) pick, each searched on its
    own (:mod:`copylint.packs.units`)."""


class Case(StrEnum):
    """A capitalization standard: copylint's ``title`` and ``sentence``; Vale's ``$title``,
    ``$sentence``, ``$lower`` and ``$upper`` (each one function of :mod:`copylint.packs.casing`)."""

    TITLE = "title"
    SENTENCE = "sentence"
    VALE_TITLE = "$title"
    VALE_SENTENCE = "$sentence"
    LOWER = "$lower"
    UPPER = "$upper"


@dataclass(frozen=True)
class Exceptions:
    """Matched text a rule lets pass: compared as written (Vale) or in lower case (a pack)."""

    words: frozenset[str] = frozenset()
    ignore_case: bool = False

    def cover(self, text: str) -> bool:
        return (text.lower() if self.ignore_case else text) in self.words


class Engine(StrEnum):
    """The regular-expression engine a rule's patterns run on."""

    RE = "re"
    """Python's own."""
    REGEX = "regex"
    """The ``regex`` package, for patterns ``re`` refuses but Vale's engine (Go's regexp2, after
    .NET's) accepts: look-behind of variable width, ``(?<name>...)`` groups, ``\\p{Lu}``."""


Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
Match: TypeAlias = "re.Match[str] | regex.Match[str]"


@cache
def compile_pattern(pattern: str, flags: int, engine: Engine = Engine.RE) -> Pattern:
    """``pattern`` compiled once per process (shared by every spec that uses it); raises
    :class:`re.error` for a pattern its engine cannot compile, whichever the engine."""
    if engine is Engine.REGEX:
        import regex  # only for a rule whose patterns need it

        try:
            return regex.compile(pattern, flags)
        except regex.error as exc:
            raise re.error(str(exc)) from None
    return re.compile(pattern, flags)


def engine_for(pattern: str, flags: int) -> Engine:
    """The engine that runs ``pattern``: Python's ``re`` when it can, else the ``regex`` package;
    raises :class:`re.error` when neither compiles it."""
    try:
        compile_pattern(pattern, flags)
    except re.error as first:
        try:
            compile_pattern(pattern, flags, Engine.REGEX)
        except re.error:
            raise first from None
        return Engine.REGEX
    return Engine.RE


@dataclass(frozen=True, kw_only=True)
class RuleSpec:
    """One rule defined by data: what every kind has, then the fields of one kind each (named in
    their docstrings; the other kinds leave them at their defaults).

    One class, not a subclass per kind: a dataclass generates its methods when its module is
    imported, and every start imports this one to unpickle the bundled packs (issue 17)."""

    kind: Kind
    pack: str
    """The rule id's prefix: a pack's name, or ``vale.<style>``."""
    name: str
    message: str
    """A :meth:`str.format` template over the values its kind names (``match``, ``suggestion`` ...)."""
    severity: Severity
    category: Category = Category.STYLE
    reach: Reach = Reach.TEXT
    scopes: frozenset[Scope] = BODY_SCOPES
    selectors: tuple[str, ...] = ()
    """Vale's scope selectors (``sentence``, ``~heading``, ``table.cell``, ``raw`` ...), read when
    :attr:`reach` is :attr:`Reach.VALE`."""
    front_matter: bool = False
    """Also search the values of the front matter's fields (title, description, tags ...)."""
    pattern: str = ""
    """The rule's main regular expression (:attr:`compiled`)."""
    flags: int = 0
    engine: Engine = Engine.RE
    """The engine every pattern of the rule runs on (``regex`` only for a Vale rule that needs it)."""
    trigger: frozenset[str] | None = None
    """The first words :attr:`pattern` can start with (lower case; ``#`` stands for any number):
    the pattern is tried only at words in this set, found from the document's shared word tokens,
    instead of at every position of the text."""
    exceptions: Exceptions = Exceptions()
    english_only: bool = False
    """Existence and substitution: leave matches among words of another language alone (lorem
    ipsum's "non proident", a French quotation): the rule's word lists are English."""
    applicability: Applicability = Applicability.DISPLAY_ONLY
    suggests: bool = True
    """Offer the form the rule prefers as a suggestion (Vale's consistency and capitalization rules
    only report)."""
    examples_fire: tuple[str, ...] = ()
    examples_quiet: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    documentation: str = ""
    """The rule's user documentation (``copylint explain``), written by its front-end."""
    origin: str = ""
    """The rule's name where it was written, when its id does not say it (Vale's ``Microsoft.Avoid``)."""
    definition: str = ""
    """The rule's mapping as written (canonical JSON): part of the result cache's key."""

    swaps: tuple[tuple[str, str], ...] = ()
    """Substitution: each wrong pattern and its replacement; :attr:`pattern`'s alternative ``s<i>``
    is ``swaps[i]``'s wrong pattern."""
    expands: bool = True
    """Substitution: the replacements are templates over the wrong pattern's own groups (``\\1``),
    expanded on the matched text; Vale's are plain text."""
    fix_title: str = ""
    """Substitution: a :meth:`str.format` template over ``suggestion``, the fix's title."""
    searches: tuple[str, ...] = ()
    """Consistency: patterns whose group ``a<i>`` or ``b<i>`` takes part in a match of side one or
    two of pair ``i`` (a pack searches all its pairs at once, Vale each side alone)."""
    pairs: int = 0
    """Consistency: how many pairs of spellings :attr:`searches` covers."""
    case: Case = Case.SENTENCE
    """Capitalization: the standard each unit must be written in."""
    indicators: tuple[str, ...] = ()
    """Capitalization, Vale's sentence case: endings of a word after which the next word is
    capitalised (``:``)."""
    least: int | None = None
    """Occurrence: the fewest matches a unit may have."""
    most: int | None = None
    """Occurrence: the most matches a unit may have."""
    second: str = ""
    """Conditional: the pattern whose first group defines a token (an acronym spelt out)."""

    @property
    def rule_id(self) -> str:
        return f"{self.pack}.{self.name}"

    @property
    def fixable(self) -> bool:
        """Whether the rule's findings carry a fix (its applicability is not display-only)."""
        return self.applicability is not Applicability.DISPLAY_ONLY

    @cached_property
    def compiled(self) -> Pattern:
        return compile_pattern(self.pattern, self.flags, self.engine)

    def regex(self, pattern: str) -> Pattern:
        """Another of the rule's patterns, compiled with its flags on its engine."""
        return compile_pattern(pattern, self.flags, self.engine)

    @property
    def patterns(self) -> tuple[str, ...]:
        """Every pattern the rule searches with (what a front-end compiles once to check it)."""
        match self.kind:
            case Kind.SUBSTITUTION:
                return (self.pattern, *(wrong for wrong, _ in self.swaps))
            case Kind.CONSISTENCY:
                return self.searches
            case Kind.CONDITIONAL:
                return (self.pattern, self.second)
            case _:
                return (self.pattern,) if self.pattern else ()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (into the data cache) without the compiled pattern."""
        return {name: value for name, value in self.__dict__.items() if name != "compiled"}
