"""Vale compatibility: translate an existing Vale setup (``.vale.ini`` and its styles) into the
typed rule specifications of copylint's own packs (:mod:`copylint.packs.spec`), run by the same
engine (:mod:`copylint.packs.kinds`).

Supported rule kinds: ``existence``, ``substitution``, ``occurrence``, ``repetition``,
``consistency``, ``capitalization`` and ``conditional``. Other kinds (``sequence``, ``metric``,
``spelling``, ``script``) are listed by :func:`load_vale` as skipped, with the reason. Each Vale
rule becomes a copylint rule ``vale.<style>.<rule>``; its Vale name (``Microsoft.Avoid``) is kept
in the spec's ``origin``. What Vale does its own way is written into the specs: its patterns in
Python's dialect (on the ``regex`` package when Python's ``re`` refuses one), its ``%s`` messages
as templates, its scope selectors (read as Vale reads them, :mod:`copylint.packs.units`), its
literal replacements, and which kinds take exceptions or suggest a fix.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import os
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from copylint.core.errors import CopylintError, did_you_mean
from copylint.core.finding import Applicability, Severity
from copylint.core.rule import Rule
from copylint.packs.regex_safety import UnsafePattern, backtracking_risk
from copylint.packs.rule import rule_class
from copylint.packs.spec import Case, Engine, Exceptions, Kind, Reach, RuleSpec, engine_for
from copylint.packs.units import scope_problem
from copylint.packs.valeini import read_ini

LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
SUPPORTED = ("existence", "substitution", "occurrence", "repetition", "consistency", "capitalization", "conditional")
SKIPPED = {
    "sequence": "needs part-of-speech tagging",
    "metric": "readability formulas are not implemented",
    "spelling": "copylint's own spelling rules cover this",
    "script": "runs Tengo scripts",
}
_MESSAGE_VALUES = {
    Kind.EXISTENCE: ("match",),
    Kind.SUBSTITUTION: ("suggestion", "match"),
    Kind.CONSISTENCY: ("match",),
    Kind.CAPITALIZATION: ("match",),
    Kind.OCCURRENCE: ("count",),
    Kind.REPETITION: ("match",),
    Kind.CONDITIONAL: ("match",),
}
"""What each ``%s`` of a message stands for, in order, by kind."""
_CASES = {"$title": Case.VALE_TITLE, "$lower": Case.LOWER, "$upper": Case.UPPER}
"""Vale's ``match`` values; any other is sentence case."""


class Unsupported(ValueError):
    """A rule Vale itself would refuse (a retired or unknown scope): skipped, with the reason."""


@dataclass(frozen=True)
class ValeSetup:
    """What a ``.vale.ini`` enables: rule classes, and the rules it had to skip (with reasons)."""

    path: str
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    skipped: Mapping[str, str] = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    """One line each for what copylint cannot honour: an unknown style, a file type it does not read."""

    @property
    def family_values(self) -> dict[str, tuple[str, ...]]:
        """The setup's vocabularies as copylint configuration: word lists for the spelling family's
        ``accept`` and ``reject`` keys."""
        return {key: paths for key, paths in (("accept", self.accept), ("reject", self.reject)) if paths}


def load_vale(path: str, suffixes: Collection[str] | None = None) -> ValeSetup:
    """Read a ``.vale.ini`` and the styles it enables; ``suffixes`` are the file suffixes copylint
    reads (a section only for others is left out, with a notice), ``None`` for all."""
    import yaml  # only when a Vale setup is read

    ini = read_ini(path, suffixes)
    global_keys, sections = ini.keys, ini.sections
    root = os.path.dirname(os.path.abspath(path))
    styles_path = os.path.normpath(os.path.join(root, global_keys.get("StylesPath", "styles")))
    min_level = LEVELS.get(global_keys.get("MinAlertLevel", "suggestion").lower(), Severity.INFO)
    based_on = [
        s.strip() for s in sections.get("BasedOnStyles", global_keys.get("BasedOnStyles", "")).split(",") if s.strip()
    ]
    toggles = {key: value for key, value in sections.items() if "." in key}
    notices = [*ini.notices, *_missing_styles(based_on, styles_path)]
    wanted: dict[str, str] = {}
    for style in based_on:
        for file in sorted(glob.glob(os.path.join(styles_path, style, "*.yml"))):
            wanted[f"{style}.{os.path.splitext(os.path.basename(file))[0]}"] = file
    for name, value in toggles.items():
        style, _, rule = name.partition(".")
        file = os.path.join(styles_path, style, f"{rule}.yml")
        if value.upper() == "NO":
            wanted.pop(name, None)
        elif os.path.isfile(file):
            wanted[name] = file
    rules: dict[str, type[Rule]] = {}
    skipped: dict[str, str] = {}
    for name, file in wanted.items():
        try:
            with open(file, encoding="utf-8") as handle:
                definition = yaml.safe_load(handle) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise CopylintError(f"{file}: cannot read Vale rule ({exc})") from None
        if not isinstance(definition, dict):
            raise CopylintError(f"{file}: cannot read Vale rule (expected a mapping, got {definition!r})")
        kind = definition.get("extends")
        if kind not in SUPPORTED:
            skipped[name] = SKIPPED.get(str(kind), f"unknown kind {kind!r}")
            continue
        level = toggles.get(name, "").lower()
        severity = LEVELS.get(level) or LEVELS.get(str(definition.get("level", "warning")).lower(), Severity.WARNING)
        if severity.rank < min_level.rank:
            continue
        try:
            spec = _spec(_Rule(name, file, Kind(kind), definition), severity)
        except (UnsafePattern, Unsupported) as exc:
            skipped[name] = str(exc)
        except re.error as exc:
            skipped[name] = f"a pattern neither Python's re nor the regex package can compile ({exc})"
        else:
            rules[spec.rule_id] = rule_class(spec)
    vocab = global_keys.get("Vocab", "")
    accept: list[str] = []
    reject: list[str] = []
    for vocabulary in (v.strip() for v in vocab.split(",") if v.strip()):
        for folder in (
            os.path.join(styles_path, "config", "vocabularies", vocabulary),
            os.path.join(styles_path, "Vocab", vocabulary),
        ):
            if os.path.isfile(os.path.join(folder, "accept.txt")):
                accept.append(os.path.join(folder, "accept.txt"))
            if os.path.isfile(os.path.join(folder, "reject.txt")):
                reject.append(os.path.join(folder, "reject.txt"))
    return ValeSetup(path, rules, skipped, tuple(accept), tuple(reject), tuple(notices))


def _missing_styles(based_on: Sequence[str], styles_path: str) -> Iterator[str]:
    """A notice for each name in ``BasedOnStyles`` with no style folder on ``StylesPath``."""
    present = (
        sorted(entry.name for entry in os.scandir(styles_path) if entry.is_dir()) if os.path.isdir(styles_path) else []
    )
    for style in based_on:
        if style in present:
            continue
        if style == "Vale":
            yield (
                "BasedOnStyles: Vale's built-in style 'Vale' is not run "
                "(copylint's spelling and repetition rules, and the Vocab lists, stand in for it)"
            )
        else:
            yield f"BasedOnStyles: no style '{style}' in {styles_path}, so it is not run{did_you_mean(style, present)}"


def _rule_id(name: str) -> str:
    style, _, rule = name.partition(".")
    kebab = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", rule).lower()
    return (
        f"vale.{re.sub(r'[^a-z0-9]+', '-', style.lower()).strip('-')}.{re.sub(r'[^a-z0-9-]+', '-', kebab).strip('-')}"
    )


@dataclass(frozen=True)
class _Rule:
    """One Vale rule as read: its name (``Microsoft.Avoid``), file, kind and definition."""

    name: str
    file: str
    kind: Kind
    definition: Mapping[str, Any]

    @property
    def flags(self) -> int:
        return (re.IGNORECASE if self.definition.get("ignorecase") else 0) | re.MULTILINE

    def get(self, key: str, default: Any = None) -> Any:
        return self.definition.get(key, default)

    def fail(self, key: str, message: str) -> CopylintError:
        return CopylintError(f"{self.file}: {key}: {message}")

    def checked(self, pattern: str) -> str:
        """``pattern``, refused (:class:`UnsafePattern`) if it could backtrack for ever, on
        whichever engine runs it; raises :class:`re.error` if neither compiles it."""
        engine = engine_for(pattern, self.flags)
        risk = backtracking_risk(pattern, self.flags, regex_syntax=engine is Engine.REGEX)
        if risk:
            raise UnsafePattern(f"a pattern that could run for ever ({risk}): {pattern!r}")
        return pattern

    def mapping(self, key: str) -> Mapping[Any, Any]:
        value = self.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a mapping, got {value!r}")
        return value

    def exceptions(self) -> Exceptions:
        return Exceptions(frozenset(self.strings("exceptions")))

    def strings(self, key: str) -> list[str]:
        """A list key's items as text; one value alone is a list of one, as Vale reads it (never
        a pattern read character by character)."""
        value = self.get(key)
        if value is None:
            return []
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _spec(rule: _Rule, severity: Severity) -> RuleSpec:
    """The spec of one Vale rule (raises :class:`UnsafePattern` or :class:`re.error` for a
    pattern copylint cannot run, :class:`CopylintError` for a definition it cannot read)."""
    message = str(rule.get("message", rule.name))
    documentation = f"{message}\n\nVale rule {rule.name} ({rule.kind}), run by copylint's Vale compatibility."
    if rule.get("link"):
        documentation += f"\n\nSee {rule.get('link')}."
    pack, _, name = _rule_id(rule.name).rpartition(".")
    common: dict[str, Any] = {
        "kind": rule.kind,
        "pack": pack,
        "name": name,
        "message": _template(message, _MESSAGE_VALUES[rule.kind]),
        "severity": severity,
        "reach": Reach.VALE,
        "selectors": _selectors(rule),
        "flags": rule.flags,
        "applicability": Applicability.UNSAFE if rule.kind is Kind.SUBSTITUTION else Applicability.DISPLAY_ONLY,
        "suggests": rule.kind is Kind.SUBSTITUTION,
        "documentation": documentation,
        "origin": rule.name,
        "definition": json.dumps(rule.definition, sort_keys=True, default=str),
    }
    spec = _KINDS[rule.kind](rule, common)
    if any(engine_for(pattern, rule.flags) is Engine.REGEX for pattern in spec.patterns):
        spec = dataclasses.replace(spec, engine=Engine.REGEX)  # one engine for all of a rule's patterns
    for pattern in spec.patterns:
        spec.regex(pattern)  # as the engine will compile them
    return spec


def _selectors(rule: _Rule) -> tuple[str, ...]:
    """The rule's scope as Vale's selectors (``text`` when it names none); raises
    :class:`Unsupported` for a scope Vale itself refuses."""
    selectors = tuple(value.strip() for value in rule.strings("scope") if value.strip()) or ("text",)
    for selector in selectors:
        problem = scope_problem(selector)
        if problem:
            raise Unsupported(problem)
    return selectors


def _template(message: str, values: tuple[str, ...]) -> str:
    """Vale's message, whose ``%s`` are filled in turn, as a :meth:`str.format` template."""
    template = message.replace("{", "{{").replace("}", "}}")
    for value in values:
        template = template.replace("%s", "{" + value + "}", 1)
    return template


_NET_NAMES = re.compile(r"\(\?<(\w+)>|\\k<(\w+)>|\\k'(\w+)'")
""".NET's named groups and back-references, which Python writes ``(?P<name>...)`` and ``(?P=name)``."""


def _go_to_python(pattern: str) -> str:
    """Vale's regular expressions (Go's regexp2, after .NET's) in Python's dialect."""
    pattern = pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\P{L}", r"[\W\d_]")
    return _NET_NAMES.sub(lambda m: f"(?P<{m.group(1)}>" if m.group(1) else f"(?P={m.group(2) or m.group(3)})", pattern)


def _tokens_pattern(rule: _Rule) -> str:
    """``raw`` then ``tokens`` (as whole words, unless ``nonword``), as one pattern."""
    tokens = "|".join(_go_to_python(token) for token in rule.strings("tokens"))
    raw = "".join(_go_to_python(part) for part in rule.strings("raw"))
    if not tokens:
        return raw
    body = f"(?:{tokens})" if rule.get("nonword") else rf"\b(?:{tokens})\b"
    return raw + body


def _existence(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    return RuleSpec(pattern=rule.checked(_tokens_pattern(rule)), exceptions=rule.exceptions(), **common)


def _repetition(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    return RuleSpec(pattern=rule.checked(_tokens_pattern(rule)), **common)


def _occurrence(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    pattern = rule.checked(_go_to_python(str(rule.get("token", r"\w+"))))
    least, most = (_count(rule, key) for key in ("min", "max"))
    return RuleSpec(pattern=pattern, least=least, most=most, **common)


def _count(rule: _Rule, key: str) -> int | None:
    if key not in rule.definition:
        return None
    try:
        return int(rule.definition[key])
    except (TypeError, ValueError):
        raise rule.fail(key, f"expected a number, got {rule.definition[key]!r}") from None


def _substitution(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    swap = rule.mapping("swap")
    wrongs = [rule.checked(_go_to_python(str(wrong))) for wrong in swap]
    boundary = "" if rule.get("nonword") else r"\b"
    alternatives = "|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(wrongs))
    pattern = rule.checked(f"{boundary}(?:{alternatives}){boundary}")
    swaps = tuple((wrong, str(right).split("|")[0]) for wrong, right in zip(wrongs, swap.values(), strict=True))
    return RuleSpec(pattern=pattern, swaps=swaps, expands=False, **common)


def _consistency(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    """Each side of each pair searched alone; an empty group at its end names it (``a0``, ``b0``
    ...) without renumbering the side's own groups."""
    either = rule.mapping("either")
    searches = [
        rule.checked(rf"\b{word}\b") + f"(?P<{side}{index}>)"
        for index, pair in enumerate(either.items())
        for side, word in zip("ab", pair, strict=True)
    ]
    return RuleSpec(searches=tuple(searches), pairs=len(either), **common)


def _capitalization(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    return RuleSpec(
        case=_CASES.get(str(rule.get("match", "$sentence")), Case.VALE_SENTENCE),
        indicators=tuple(rule.strings("indicators")),
        exceptions=rule.exceptions(),
        **common,
    )


def _conditional(rule: _Rule, common: dict[str, Any]) -> RuleSpec:
    if "first" not in rule.definition or "second" not in rule.definition:
        raise rule.fail("first/second", "a conditional rule needs both patterns")
    first = rule.checked(_go_to_python(str(rule.definition["first"])))
    second = rule.checked(_go_to_python(str(rule.definition["second"])))
    return RuleSpec(pattern=first, second=second, exceptions=rule.exceptions(), **common)


_KINDS: Mapping[Kind, Callable[[_Rule, dict[str, Any]], RuleSpec]] = {
    Kind.EXISTENCE: _existence,
    Kind.SUBSTITUTION: _substitution,
    Kind.CONSISTENCY: _consistency,
    Kind.CAPITALIZATION: _capitalization,
    Kind.OCCURRENCE: _occurrence,
    Kind.REPETITION: _repetition,
    Kind.CONDITIONAL: _conditional,
}
"""Each kind's translation."""
