"""Declarative rule packs: YAML files of ``existence``, ``substitution``, ``consistency`` and
``capitalization`` rules, shipped in ``copylint/data/packs/`` and read from paths in the
configuration, checked and turned into typed specifications (:mod:`copylint.packs.spec`).

Patterns that could backtrack catastrophically (a quantified group that is itself quantified) are
rejected, since packs from users are untrusted input (:mod:`copylint.packs.regex_safety`). Every
rule carries ``examples`` that must fire and must stay quiet; the test suite runs them for every pack.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from copylint.core.errors import CopylintError, did_you_mean
from copylint.core.finding import Applicability, Category, Severity
from copylint.core.prose import BODY_SCOPES, HEADING_SCOPES, Scope
from copylint.packs.regex_safety import backtracking_risk
from copylint.packs.spec import Case, Exceptions, Kind, Reach, RuleSpec

_RULE_KEYS = (
    "name", "kind", "message", "severity", "category", "scope", "ignorecase", "exceptions", "fix",
    "tokens", "swap", "either", "match", "examples", "description", "before", "after", "english-only",
)  # fmt: skip
_PACK_KEYS = ("pack", "description", "rules", "source", "licence")
_SCOPES: Mapping[str, frozenset[Scope]] = {
    "text": BODY_SCOPES,
    "heading": HEADING_SCOPES,
    "link-text": frozenset({Scope.LINK_TEXT}),
    "alt-text": frozenset({Scope.ALT_TEXT}),
}
_FIXES = {"safe": Applicability.SAFE, "unsafe": Applicability.UNSAFE, "none": Applicability.DISPLAY_ONLY}
_MAX_PATTERN = 2000


@dataclass
class _Reader:
    path: str
    pack: str = ""
    rule: str = ""

    def fail(self, key: str, message: str) -> CopylintError:
        where = f"rule '{self.rule}': " if self.rule else ""
        return CopylintError(f"{self.path}: {where}{key}: {message}")

    def known(self, keys: Sequence[str], allowed: Sequence[str]) -> None:
        for key in keys:
            if key not in allowed:
                raise self.fail(str(key), "unknown key" + did_you_mean(str(key), allowed))

    def pattern(self, key: str, text: str) -> str:
        if len(text) > _MAX_PATTERN:
            raise self.fail(key, f"pattern longer than {_MAX_PATTERN} characters")
        try:
            risk = backtracking_risk(text)
        except re.error as exc:
            raise self.fail(key, f"invalid pattern {text!r} ({exc})") from None
        if risk:
            raise self.fail(key, f"pattern {text!r} could run for ever: {risk}; rewrite it")
        return text


def load_pack_text(text: str, path: str) -> list[RuleSpec]:
    import yaml  # only when a pack is read, not on every start

    reader = _Reader(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CopylintError(f"{path}: invalid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise CopylintError(f"{path}: a rule pack is a mapping with 'pack' and 'rules'")
    reader.known(list(data), _PACK_KEYS)
    pack = data.get("pack")
    if not isinstance(pack, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", pack):
        raise reader.fail("pack", f"expected a kebab-case name, got {pack!r}")
    reader.pack = pack
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise reader.fail("rules", "expected a list of rules")
    specs = [_rule(reader, raw, str(data.get("source", ""))) for raw in rules]
    names = [spec.name for spec in specs]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise reader.fail("rules", f"duplicate rule names: {', '.join(sorted(duplicates))}")
    return specs


def _rule(reader: _Reader, raw: Any, source: str) -> RuleSpec:
    if not isinstance(raw, dict):
        raise reader.fail("rules", f"each rule is a mapping, got {raw!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name):
        raise reader.fail("name", f"expected a kebab-case name, got {name!r}")
    reader.rule = name
    reader.known(list(raw), _RULE_KEYS)
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in _KINDS:
        raise reader.fail("kind", f"unknown kind {kind!r}" + did_you_mean(str(kind), _KINDS))
    try:
        severity = Severity(raw.get("severity", "warning"))
        category = Category(raw.get("category", "style"))
    except ValueError as exc:
        raise reader.fail("severity/category", str(exc)) from None
    scopes: set[Scope] = set()
    front_matter = False
    for scope in raw.get("scope", ["text"]):
        if scope == "front-matter":
            front_matter = True
            continue
        if scope not in _SCOPES:
            raise reader.fail("scope", f"unknown scope {scope!r}; choose from {', '.join(_SCOPES)}, front-matter")
        scopes.update(_SCOPES[scope])
    flags = re.IGNORECASE if raw.get("ignorecase", True) else 0
    before = reader.pattern("before", raw.get("before", r"\b"))
    after = reader.pattern("after", raw.get("after", r"\b"))
    fix = raw.get("fix", "unsafe" if kind == "substitution" else "none")
    if fix not in _FIXES:
        raise reader.fail("fix", f"expected safe, unsafe or none, got {fix!r}")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict) or not examples.get("fire") or not examples.get("quiet"):
        raise reader.fail("examples", "every rule needs examples: {fire: [...], quiet: [...]}")
    english_only = raw.get("english-only", False)
    if not isinstance(english_only, bool):
        raise reader.fail("english-only", f"expected true or false, got {english_only!r}")
    message = str(raw.get("message", ""))
    if not message:
        raise reader.fail("message", "every rule needs a message")
    description = str(raw.get("description", ""))
    common = {
        "kind": Kind(kind),
        "definition": json.dumps(raw, sort_keys=True, default=str),
        "pack": reader.pack,
        "name": name,
        "message": message,
        "severity": severity,
        "category": category,
        "scopes": frozenset(scopes),
        "front_matter": front_matter,
        "exceptions": Exceptions(frozenset(str(item).lower() for item in raw.get("exceptions", [])), ignore_case=True),
        "english_only": english_only,
        "applicability": _FIXES[fix],
        "examples_fire": tuple(examples["fire"]),
        "examples_quiet": tuple(examples["quiet"]),
        "description": description,
        "source": source,
        "documentation": _documentation(reader.pack, kind, description, examples, _FIXES[fix]),
    }
    return _KINDS[kind](reader, raw, _Frame(before, after, flags), common)


@dataclass(frozen=True)
class _Frame:
    """What frames a rule's matches: its ``before`` and ``after`` patterns, and its flags."""

    before: str
    after: str
    flags: int

    def around(self, body: str) -> str:
        return f"{self.before}(?:{body}){self.after}"


def _existence(reader: _Reader, raw: Mapping[str, Any], frame: _Frame, common: dict[str, Any]) -> RuleSpec:
    tokens = [reader.pattern("tokens", str(token)) for token in raw.get("tokens", [])]
    if not tokens:
        raise reader.fail("tokens", "an existence rule needs tokens")
    pattern = frame.around("|".join(tokens))
    return _compiled(
        reader, RuleSpec(pattern=pattern, flags=frame.flags, trigger=_trigger(tokens, frame.flags), **common)
    )


def _substitution(reader: _Reader, raw: Mapping[str, Any], frame: _Frame, common: dict[str, Any]) -> RuleSpec:
    swap = raw.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise reader.fail("swap", "a substitution rule needs swap: {wrong: right}")
    wrongs = [reader.pattern("swap", str(wrong)) for wrong in swap]
    pattern = frame.around("|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(wrongs)))
    swaps = tuple((wrong, str(right)) for wrong, right in zip(wrongs, swap.values(), strict=True))
    spec = RuleSpec(
        pattern=pattern,
        flags=frame.flags,
        trigger=_trigger(wrongs, frame.flags),
        swaps=swaps,
        fix_title="Replace with “{suggestion}”",
        **common,
    )
    return _compiled(reader, spec)


def _consistency(reader: _Reader, raw: Mapping[str, Any], frame: _Frame, common: dict[str, Any]) -> RuleSpec:
    either = raw.get("either")
    if not isinstance(either, dict) or not either:
        raise reader.fail("either", "a consistency rule needs either: {one: other}")
    pairs = [(reader.pattern("either", str(a)), reader.pattern("either", str(b))) for a, b in either.items()]
    pattern = frame.around("|".join(f"(?P<a{i}>{a})|(?P<b{i}>{b})" for i, (a, b) in enumerate(pairs)))
    return _compiled(reader, RuleSpec(searches=(pattern,), pairs=len(pairs), flags=frame.flags, **common))


def _capitalization(reader: _Reader, raw: Mapping[str, Any], frame: _Frame, common: dict[str, Any]) -> RuleSpec:
    case = raw.get("match")
    if case not in ("title", "sentence"):
        raise reader.fail("match", f"expected title or sentence, got {case!r}")
    return RuleSpec(case=Case(case), reach=Reach.BLOCKS, **common)


_KINDS: Mapping[str, Callable[[_Reader, Mapping[str, Any], _Frame, dict[str, Any]], RuleSpec]] = {
    "existence": _existence,
    "substitution": _substitution,
    "consistency": _consistency,
    "capitalization": _capitalization,
}
"""The kinds a pack may use, each read by its own function."""


def _documentation(pack: str, kind: str, description: str, examples: Mapping[str, Any], fix: Applicability) -> str:
    """A pack rule's user documentation: its description, examples and fix safety."""
    doc = (description or f"A {kind} rule of the '{pack}' pack.") + "\n\n"
    doc += f"From the rule pack '{pack}' ({kind}).\n\nFires on: " + "; ".join(
        f'"{example}"' for example in tuple(examples["fire"])[:3]
    )
    doc += "\nQuiet on: " + "; ".join(f'"{example}"' for example in tuple(examples["quiet"])[:3])
    if fix is not Applicability.DISPLAY_ONLY:
        doc += f"\n\nFix safety: {fix.value}."
    return doc


def _compiled(reader: _Reader, spec: RuleSpec) -> RuleSpec:
    """``spec``, once its patterns are known to compile as a whole (each piece already has)."""
    try:
        for pattern in spec.patterns:
            spec.regex(pattern)
    except re.error as exc:
        raise reader.fail("pattern", f"the rule's patterns do not combine ({exc})") from None
    return spec


_LITERAL = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _trigger(alternatives: Sequence[str], flags: int) -> frozenset[str] | None:
    """The literal first words of every alternative, or None when one is not a plain word list."""
    words: set[str] = set()
    for alternative in alternatives:
        head = alternative.split(" ", 1)[0]
        if head.startswith("(?:"):
            head = head[3:]
        elif head.startswith("("):
            head = head[1:]
        head = head.removesuffix(")")
        for piece in head.split("|"):
            if piece in ("\\d+", "\\d{1,2}", "\\d"):
                words.add("#")
            elif _LITERAL.fullmatch(piece):
                words.add(piece.lower().split("-")[0])  # word tokens stop at a hyphen: "e-mail" starts at "e"
            else:
                return None
    return frozenset(words)


def load_pack_paths(paths: Sequence[str]) -> list[RuleSpec]:
    """Packs from files or folders named in the configuration."""
    specs: list[RuleSpec] = []
    for path in paths:
        files = (
            sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith((".yml", ".yaml")))
            if os.path.isdir(path)
            else [path]
        )
        for file in files:
            try:
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError as exc:
                raise CopylintError(f"{file}: cannot read rule pack ({exc.strerror or exc})") from None
            specs.extend(load_pack_text(text, file))
    return specs
