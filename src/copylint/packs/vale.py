"""Vale compatibility: run an existing Vale setup (``.vale.ini`` and its styles) under copylint.

Supported rule kinds: ``existence``, ``substitution``, ``occurrence``, ``repetition``,
``consistency``, ``capitalization`` and ``conditional``. Other kinds (``sequence``, ``metric``,
``spelling``, ``script``) are listed by :func:`load_vale` as skipped, with the reason. Each Vale
rule becomes a copylint rule ``vale.<style>.<rule>`` whose messages follow Vale's ``%s``
formatting; its Vale name (``Microsoft.Avoid``) is kept in :attr:`ValeRule.vale_name`.

Complexity: one regular-expression pass per rule over the prose (or each scope unit), O(characters).
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from copylint.core.errors import CopylintError
from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import Scope
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.packs.regex_safety import UnsafePattern, backtracking_risk

LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
SUPPORTED = ("existence", "substitution", "occurrence", "repetition", "consistency", "capitalization", "conditional")
SKIPPED = {
    "sequence": "needs part-of-speech tagging",
    "metric": "readability formulas are not implemented",
    "spelling": "copylint's own spelling rules cover this",
    "script": "runs Tengo scripts",
}
_HEADINGS = frozenset({Scope.HEADING, Scope.TITLE})
_BODY = frozenset({Scope.TEXT, Scope.PARAGRAPH, Scope.LIST_ITEM, Scope.BLOCKQUOTE, Scope.TABLE_CELL})


@dataclass(frozen=True)
class ValeSetup:
    """What a ``.vale.ini`` enables: rule classes, and the rules it had to skip (with reasons)."""

    path: str
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    skipped: Mapping[str, str] = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


def find_vale_ini(start: str) -> str | None:
    folder = os.path.abspath(start)
    while True:
        for name in (".vale.ini", "_vale.ini"):
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _parse_ini(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """Vale's ini: global keys, then ``[glob]`` sections; the Markdown-relevant sections are merged."""
    global_keys: dict[str, str] = {}
    section_keys: dict[str, str] = {}
    current: dict[str, str] | None = global_keys
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise CopylintError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            pattern = line[1:-1]
            current = section_keys if any(ext in pattern for ext in ("*", "md", "html", "txt")) else None
            continue
        key, sep, value = line.partition("=")
        if sep and current is not None:
            current[key.strip()] = value.strip()
    return global_keys, section_keys


def load_vale(path: str) -> ValeSetup:
    """Read a ``.vale.ini`` and the styles it enables."""
    import yaml  # only when a Vale setup is read

    global_keys, sections = _parse_ini(path)
    root = os.path.dirname(os.path.abspath(path))
    styles_path = os.path.normpath(os.path.join(root, global_keys.get("StylesPath", "styles")))
    min_level = LEVELS.get(global_keys.get("MinAlertLevel", "suggestion").lower(), Severity.INFO)
    based_on = [
        s.strip() for s in sections.get("BasedOnStyles", global_keys.get("BasedOnStyles", "")).split(",") if s.strip()
    ]
    toggles = {key: value for key, value in sections.items() if "." in key}
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
        kind = definition.get("extends")
        if kind not in SUPPORTED:
            skipped[name] = SKIPPED.get(str(kind), f"unknown kind {kind!r}")
            continue
        level = toggles.get(name, "").lower()
        severity = LEVELS.get(level) or LEVELS.get(str(definition.get("level", "warning")).lower(), Severity.WARNING)
        if severity.rank < min_level.rank:
            continue
        try:
            rules[_rule_id(name)] = _rule_class(name, kind, definition, severity)
        except UnsafePattern as exc:
            skipped[name] = str(exc)
        except re.error as exc:
            skipped[name] = f"a pattern Python cannot compile ({exc})"
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
    return ValeSetup(path, rules, skipped, tuple(accept), tuple(reject))


def _rule_id(name: str) -> str:
    style, _, rule = name.partition(".")
    kebab = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", rule).lower()
    return (
        f"vale.{re.sub(r'[^a-z0-9]+', '-', style.lower()).strip('-')}.{re.sub(r'[^a-z0-9-]+', '-', kebab).strip('-')}"
    )


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """Compile a rule's pattern, refusing one that could backtrack for ever."""
    risk = backtracking_risk(pattern, flags)
    if risk:
        raise UnsafePattern(f"a pattern that could run for ever ({risk}): {pattern!r}")
    return re.compile(pattern, flags)


def _go_to_python(pattern: str) -> str:
    """Vale's regular expressions (Go's regexp2) in Python's dialect."""
    return pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\P{L}", r"[\W\d_]")


def _tokens_pattern(definition: Mapping[str, Any], key: str = "tokens") -> str:
    tokens = "|".join(_go_to_python(str(token)) for token in definition.get(key, []) or [])
    raw = "".join(_go_to_python(str(part)) for part in definition.get("raw", []) or [])
    if not tokens:
        return raw
    body = f"(?:{tokens})" if definition.get("nonword") else rf"\b(?:{tokens})\b"
    return raw + body


def _rule_class(name: str, kind: str, definition: Mapping[str, Any], severity: Severity) -> type[Rule]:
    flags = (re.IGNORECASE if definition.get("ignorecase") else 0) | re.MULTILINE
    spec: dict[str, Any] = {"kind": kind, "definition": definition, "flags": flags}
    if kind in ("existence", "repetition", "occurrence"):
        spec["pattern"] = _compile(_tokens_pattern(definition, "tokens" if kind != "occurrence" else "token"), flags)
        if kind == "occurrence":
            spec["pattern"] = _compile(_go_to_python(str(definition.get("token", r"\w+"))), flags)
    elif kind == "substitution":
        swaps = [
            (_compile(_go_to_python(str(wrong)), flags), str(right))
            for wrong, right in (definition.get("swap") or {}).items()
        ]
        alternatives = "|".join(f"(?:{_go_to_python(str(wrong))})" for wrong in (definition.get("swap") or {}))
        boundary = "" if definition.get("nonword") else r"\b"
        spec["pattern"] = _compile(f"{boundary}(?:{alternatives}){boundary}", flags)
        spec["swaps"] = swaps
    elif kind == "consistency":
        spec["either"] = [
            (_compile(rf"\b{a}\b", flags), _compile(rf"\b{b}\b", flags))
            for a, b in (definition.get("either") or {}).items()
        ]
    elif kind == "conditional":
        spec["first"] = _compile(_go_to_python(str(definition["first"])), flags)
        spec["second"] = _compile(_go_to_python(str(definition["second"])), flags)
    doc = f"{definition.get('message', name)}\n\nVale rule {name} ({kind}), run by copylint's Vale compatibility."
    if definition.get("link"):
        doc += f"\n\nSee {definition['link']}."
    return type(
        f"Vale_{name.replace('.', '_')}",
        (ValeRule,),
        {
            "id": _rule_id(name),
            "category": Category.STYLE,
            "default_severity": severity,
            "fixable": kind == "substitution",
            "vale_name": name,
            "spec": spec,
            "__doc__": doc,
        },
    )


class ValeRule(Rule):
    """A rule from a Vale style; subclasses are made by :func:`load_vale`."""

    vale_name: ClassVar[str]
    spec: ClassVar[dict[str, Any]]

    @classmethod
    def cache_identity(cls) -> str:
        return json.dumps(cls.spec["definition"], sort_keys=True, default=str)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        kind = self.spec["kind"]
        yield from getattr(self, f"_{kind}")(ctx)

    # ---- scopes
    def _units(self, ctx: RuleContext) -> Iterator[Span]:
        scope = str(self.spec["definition"].get("scope", "text"))
        if scope == "sentence":
            yield from (s for s in ctx.tokens.sentences if ctx.view.scope_at(s.start) in _BODY | _HEADINGS)
            return
        for block in ctx.view.blocks:
            in_heading = ctx.view.scope_at(block.start) in _HEADINGS
            if scope == "heading" and not in_heading:
                continue
            if scope in ("paragraph", "list") and in_heading:
                continue
            yield block

    def _message(self, *values: str) -> str:
        message = str(self.spec["definition"].get("message", self.vale_name))
        for value in values:
            message = message.replace("%s", value, 1)
        return message

    def _exceptions(self) -> frozenset[str]:
        return frozenset(str(item) for item in self.spec["definition"].get("exceptions", []) or [])

    # ---- kinds
    def _existence(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        exceptions = self._exceptions()
        for unit in self._units(ctx):
            for match in self.spec["pattern"].finditer(text, unit.start, unit.end):
                if match.start() == match.end() or match.group() in exceptions:
                    continue
                yield ctx.finding(Span(*match.span()), self._message(match.group()))

    def _repetition(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for unit in self._units(ctx):
            previous: re.Match[str] | None = None
            for match in self.spec["pattern"].finditer(text, unit.start, unit.end):
                if (
                    previous is not None
                    and previous.group().lower() == match.group().lower()
                    and not text[previous.end() : match.start()].strip()
                ):
                    yield ctx.finding(Span(previous.start(), match.end()), self._message(match.group()))
                previous = match

    def _occurrence(self, ctx: RuleContext) -> Iterator[Finding]:
        definition = self.spec["definition"]
        text = ctx.view.text
        for unit in self._units(ctx):
            count = len(self.spec["pattern"].findall(text, unit.start, unit.end))
            too_many = "max" in definition and count > int(definition["max"])
            too_few = "min" in definition and count < int(definition["min"])
            if too_many or too_few:
                yield ctx.finding(Span(unit.start, unit.end), self._message(str(count)))

    def _substitution(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for unit in self._units(ctx):
            for match in self.spec["pattern"].finditer(text, unit.start, unit.end):
                found = match.group()
                for wrong, right in self.spec["swaps"]:
                    alone = wrong.match(text, match.start(), unit.end)
                    if alone is not None and alone.end() == match.end():
                        suggestion = right.split("|")[0]
                        if found[:1].isupper() and suggestion[:1].islower():
                            suggestion = suggestion[:1].upper() + suggestion[1:]
                        span = Span(*match.span())
                        yield ctx.finding(
                            span,
                            self._message(suggestion, found),
                            suggestions=(suggestion,),
                            edits=(ProseEdit(span, suggestion),),
                            applicability=Applicability.UNSAFE,
                        )
                        break

    def _consistency(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for first, second in self.spec["either"]:
            ones, others = list(first.finditer(text)), list(second.finditer(text))
            if ones and others:
                for match in others if len(ones) >= len(others) else ones:
                    yield ctx.finding(Span(*match.span()), self._message(match.group()))

    def _conditional(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        defined = {m.group(1) for m in self.spec["second"].finditer(text) if m.groups()}
        exceptions = self._exceptions()
        for match in self.spec["first"].finditer(text):
            token = match.group(1) if match.groups() else match.group()
            if token in defined or token in exceptions:
                continue
            yield ctx.finding(Span(*match.span()), self._message(token))

    def _capitalization(self, ctx: RuleContext) -> Iterator[Finding]:
        definition = self.spec["definition"]
        style = str(definition.get("match", "$sentence"))
        exceptions = self._exceptions()
        indicators = tuple(str(i) for i in definition.get("indicators", []) or [])
        text = ctx.view.text
        for unit in self._units(ctx):
            heading = text[unit.start : unit.end]
            if not _capitalized(heading, style, exceptions, indicators):
                yield ctx.finding(unit, self._message(heading))


def _capitalized(heading: str, style: str, exceptions: frozenset[str], indicators: tuple[str, ...]) -> bool:
    words = heading.split()
    if style == "$lower":
        return heading == heading.lower()
    if style == "$upper":
        return heading == heading.upper()
    if style == "$title":
        small = {
            "a",
            "an",
            "and",
            "as",
            "at",
            "but",
            "by",
            "for",
            "in",
            "nor",
            "of",
            "on",
            "or",
            "the",
            "to",
            "up",
            "via",
            "vs",
        }
        return all(w[:1].isupper() or w.lower() in small or w in exceptions or not w[:1].isalpha() for w in words[1:])
    while words and not words[0][:1].isalpha():
        words = words[1:]  # "8. Do step eight": the numbering is not the first word
    for previous, word in zip(words, words[1:], strict=False):
        bare = word.strip("\"'“”‘’()[]{}.,;!?")
        if not bare or not bare[:1].isalpha() or bare in exceptions:
            continue
        if previous.endswith(indicators) and indicators:
            if not bare[:1].isupper():
                return False
            continue
        if bare != bare.lower() and not _counter_ok(bare):
            return False
    return True


def _counter_ok(word: str) -> bool:
    return word == "I"
