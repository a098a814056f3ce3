"""Declarative rule packs: YAML files of ``existence``, ``substitution``, ``consistency`` and
``capitalization`` rules, shipped in ``rules/packs/`` and read from paths in the configuration.

Each pack compiles once into one matcher per rule; patterns that could backtrack
catastrophically (a quantified group that is itself quantified) are rejected, since packs from
users are untrusted input. Every rule carries ``examples`` that must fire and must stay quiet;
the test suite runs them for every pack.

Complexity: one regular-expression pass per rule over the prose, O(characters); patterns that
could backtrack exponentially are refused when the pack is loaded (:mod:`copylint.regex_safety`).
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from copylint.datacache import cached
from copylint.errors import CopylintError
from copylint.finding import Applicability, Category, Edit, Finding, Severity
from copylint.prose import Scope
from copylint.regex_safety import backtracking_risk
from copylint.rule import PlannedEdit, Rule, RuleContext
from copylint.source import Span
from copylint.spelling.lexicon import load_lexicon
from copylint.tokens import Tokens

KINDS = ("existence", "substitution", "consistency", "capitalization")
_RULE_KEYS = (
    "name", "kind", "message", "severity", "category", "scope", "ignorecase", "exceptions", "fix",
    "tokens", "swap", "either", "match", "examples", "description", "before", "after",
)  # fmt: skip
_PACK_KEYS = ("pack", "description", "rules", "source", "licence")
_SCOPES = {
    "text": (Scope.TEXT, Scope.PARAGRAPH, Scope.LIST_ITEM, Scope.BLOCKQUOTE, Scope.TABLE_CELL),
    "heading": (Scope.HEADING, Scope.TITLE),
    "link-text": (Scope.LINK_TEXT,),
    "alt-text": (Scope.ALT_TEXT,),
}
_MAX_PATTERN = 2000
_COMMON_WORD = 1_000_000.0
_FRONT_MATTER_VALUE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:[\w-]+[ \t]*[:=][ \t]*)?(?P<value>[^\n]*?)[ \t]*\r?$", re.MULTILINE
)
_SMALL_WORDS = frozenset("a an and as at but by for in nor of on or per the to up via vs".split())


@dataclass(frozen=True)
class RuleSpec:
    """One validated pack rule."""

    pack: str
    name: str
    kind: str
    message: str
    severity: Severity
    category: Category
    scopes: frozenset[Scope]
    pattern: str
    """The rule's regular expression, compiled (:attr:`compiled`) the first time a document
    needs it: most rules of a pack never fire on a given article, and compiling every pattern of
    the bundled packs on every start took 7 ms."""
    flags: int = 0
    trigger: frozenset[str] | None = None
    """The first words the pattern can start with (lower case; ``#`` stands for any number): the
    full pattern is tried only at words in this set, found from the document's shared word
    tokens, instead of at every position of the text."""
    front_matter: bool = False
    """Also check the values of the front matter's fields (title, description, tags ...)."""
    replacements: tuple[tuple[str, str], ...] = ()
    """substitution: each wrong pattern (compiled alone, for its own groups, by
    :meth:`compiled_wrong`) and its replacement."""
    either: tuple[tuple[str, str], ...] = ()
    case: str = ""
    exceptions: frozenset[str] = frozenset()
    applicability: Applicability = Applicability.DISPLAY_ONLY
    examples_fire: tuple[str, ...] = ()
    examples_quiet: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    definition: str = ""
    """The rule's mapping as written (canonical JSON): part of the result cache's key."""

    @property
    def rule_id(self) -> str:
        return f"{self.pack}.{self.name}"

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def compiled_wrong(self, index: int) -> re.Pattern[str]:
        """The ``index``-th substitution's wrong pattern, compiled alone (for its own groups)."""
        return re.compile(self.replacements[index][0], self.flags)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (into the data cache) without the compiled patterns."""
        return {name: value for name, value in self.__dict__.items() if name != "compiled"}


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
                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                raise self.fail(str(key), "unknown key" + (f"; did you mean '{close[0]}'?" if close else ""))

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
    import yaml  # type: ignore[import-untyped]  # only when a pack is read, not on every start

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
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        raise reader.fail("kind", f"unknown kind {kind!r}" + (f"; did you mean '{close[0]}'?" if close else ""))
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
    applicability = {"safe": Applicability.SAFE, "unsafe": Applicability.UNSAFE, "none": Applicability.DISPLAY_ONLY}
    if fix not in applicability:
        raise reader.fail("fix", f"expected safe, unsafe or none, got {fix!r}")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict) or not examples.get("fire") or not examples.get("quiet"):
        raise reader.fail("examples", "every rule needs examples: {fire: [...], quiet: [...]}")
    common = {
        "definition": json.dumps(raw, sort_keys=True, default=str),
        "pack": reader.pack,
        "name": name,
        "kind": kind,
        "message": str(raw.get("message", "")),
        "severity": severity,
        "category": category,
        "scopes": frozenset(scopes),
        "front_matter": front_matter,
        "exceptions": frozenset(str(item).lower() for item in raw.get("exceptions", [])),
        "applicability": applicability[fix],
        "examples_fire": tuple(examples["fire"]),
        "examples_quiet": tuple(examples["quiet"]),
        "description": str(raw.get("description", "")),
        "source": source,
    }
    if not common["message"]:
        raise reader.fail("message", "every rule needs a message")
    if kind == "existence":
        tokens = [reader.pattern("tokens", str(token)) for token in raw.get("tokens", [])]
        if not tokens:
            raise reader.fail("tokens", "an existence rule needs tokens")
        pattern = f"{before}(?:{'|'.join(tokens)}){after}"
        return _compiled(reader, RuleSpec(pattern=pattern, flags=flags, trigger=_trigger(tokens, flags), **common))
    if kind == "substitution":
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise reader.fail("swap", "a substitution rule needs swap: {wrong: right}")
        wrongs = [reader.pattern("swap", str(wrong)) for wrong in swap]
        alternatives = "|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(wrongs))
        pattern = f"{before}(?:{alternatives}){after}"
        common["trigger"] = _trigger(wrongs, flags)
        singles = tuple((wrong, str(right)) for wrong, right in zip(wrongs, swap.values(), strict=True))
        return _compiled(reader, RuleSpec(pattern=pattern, flags=flags, replacements=singles, **common))
    if kind == "consistency":
        either = raw.get("either")
        if not isinstance(either, dict) or not either:
            raise reader.fail("either", "a consistency rule needs either: {one: other}")
        pairs = tuple((reader.pattern("either", str(a)), reader.pattern("either", str(b))) for a, b in either.items())
        alternatives = "|".join(f"(?P<a{i}>{a})|(?P<b{i}>{b})" for i, (a, b) in enumerate(pairs))
        pattern = f"{before}(?:{alternatives}){after}"
        return _compiled(reader, RuleSpec(pattern=pattern, flags=flags, either=pairs, **common))
    case = raw.get("match")
    if case not in ("title", "sentence"):
        raise reader.fail("match", f"expected title or sentence, got {case!r}")
    return RuleSpec(pattern=r".+", flags=re.DOTALL, case=case, **common)


def _compiled(reader: _Reader, spec: RuleSpec) -> RuleSpec:
    """``spec``, once its patterns are known to compile as a whole (each piece already has)."""
    try:
        spec.compiled  # noqa: B018 - compiled for the error, kept for this process
        for index in range(len(spec.replacements)):
            spec.compiled_wrong(index)
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


class PackRule(Rule):
    """A rule from a YAML pack; subclasses are made by :func:`rule_class`."""

    spec: ClassVar[RuleSpec]

    @classmethod
    def definition(cls) -> str:
        return cls.spec.definition

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        spec = self.spec
        if spec.kind == "capitalization":
            yield from self._capitalization(ctx)
            return
        matches = [m for m in self._find(ctx) if self._in_scope(ctx, m.start(), m.end())]
        if spec.front_matter and spec.kind in ("existence", "substitution"):
            yield from self._front_matter(ctx)
        if spec.kind == "consistency":
            yield from self._consistency(ctx, matches)
            return
        for match in matches:
            if match.group().lower() in spec.exceptions:
                continue
            span = Span(*match.span())
            suggestion = self._replacement(match) if spec.kind == "substitution" else None
            message = spec.message.format(match=match.group(), suggestion=suggestion or "")
            edits = (PlannedEdit(span, suggestion),) if suggestion is not None else ()
            yield ctx.finding(
                span,
                message,
                suggestions=(suggestion,) if suggestion is not None else (),
                edits=edits if spec.applicability is not Applicability.DISPLAY_ONLY else (),
                applicability=spec.applicability,
                fix_title=f"Replace with “{suggestion}”" if suggestion is not None else "",
            )

    def _find(self, ctx: RuleContext) -> Iterator[re.Match[str]]:
        """Matches of the rule's pattern, tried only at words that can start one."""
        text = ctx.view.text
        pattern, trigger = self.spec.compiled, self.spec.trigger
        if trigger is None:
            yield from pattern.finditer(text)
            return
        wanted = _run_triggers(ctx)
        if trigger <= wanted:
            starts_by_key = ctx.shared("packs.word-starts", lambda: _word_starts_by_key(ctx.tokens, wanted))
        else:  # a rule run outside its settings (an API caller): an index of its own
            starts_by_key = _word_starts_by_key(ctx.tokens, trigger)
        starts = sorted(start for key in trigger for start in starts_by_key.get(key, ()))
        position = 0
        for start in starts:
            if start < position:
                continue
            match = pattern.match(text, start)
            if match is not None and match.end() > match.start():
                yield match
                position = match.end()

    def _front_matter(self, ctx: RuleContext) -> Iterator[Finding]:
        """Matches in the values of front matter fields, reported at their source spans."""
        region = ctx.view.front_matter
        if region is None:
            return
        source = ctx.document.text
        for field_match in _FRONT_MATTER_VALUE.finditer(source, region.start, region.end):
            start, end = field_match.span("value")
            for match in self.spec.compiled.finditer(source, start, end):
                if match.group().lower() in self.spec.exceptions:
                    continue
                span = Span(*match.span())
                suggestion = self._replacement(match) if self.spec.kind == "substitution" else None
                fixable = suggestion is not None and self.spec.applicability is not Applicability.DISPLAY_ONLY
                finding = ctx.finding(
                    Span(0, 0),
                    self.spec.message.format(match=match.group(), suggestion=suggestion or ""),
                    suggestions=(suggestion,) if suggestion is not None else (),
                    applicability=self.spec.applicability,
                    source_edits=(Edit(span, suggestion),) if fixable and suggestion is not None else (),
                )
                yield finding.at(span)

    def _in_scope(self, ctx: RuleContext, start: int, end: int) -> bool:
        return ctx.view.scope_at(start) in self.spec.scopes and ctx.view.scope_at(end - 1) in self.spec.scopes

    def _replacement(self, match: re.Match[str]) -> str:
        for index, (_, replacement) in enumerate(self.spec.replacements):
            if match.group(f"s{index}") is not None:
                expanded = self.spec.compiled_wrong(index).sub(replacement, match.group(), count=1)
                return _match_case(match.group(), expanded)
        return match.group()

    def _consistency(self, ctx: RuleContext, matches: list[re.Match[str]]) -> Iterator[Finding]:
        for index in range(len(self.spec.either)):
            ones = [m for m in matches if m.group(f"a{index}") is not None]
            others = [m for m in matches if m.group(f"b{index}") is not None]
            if not ones or not others:
                continue
            minority, majority = (ones, others) if len(ones) < len(others) else (others, ones)
            preferred = majority[0].group()
            for match in minority:
                suggestion = _match_case(match.group(), preferred.lower())
                span = Span(*match.span())
                yield ctx.finding(
                    span,
                    self.spec.message.format(match=match.group(), other=preferred, suggestion=suggestion),
                    suggestions=(suggestion,),
                    edits=(PlannedEdit(span, suggestion),)
                    if self.spec.applicability is not Applicability.DISPLAY_ONLY
                    else (),
                    applicability=self.spec.applicability,
                )

    def _capitalization(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        names = _names(ctx)
        for block in ctx.view.blocks:
            if ctx.view.scope_at(block.start) not in self.spec.scopes:
                continue
            heading = text[block.start : block.end]
            expected = _title_case(heading) if self.spec.case == "title" else _sentence_case(heading, names)
            if expected == heading:
                continue
            span = Span(block.start, block.end)
            yield ctx.finding(
                span,
                self.spec.message.format(match=heading, suggestion=expected),
                suggestions=(expected,),
                edits=(PlannedEdit(span, expected),)
                if self.spec.applicability is not Applicability.DISPLAY_ONLY
                else (),
                applicability=self.spec.applicability,
            )


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_HEADING_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _names(ctx: RuleContext) -> frozenset[str]:
    """Words the body text capitalises where an ordinary word would not be (mid-sentence, or a
    word the lexicon does not know as a common lower-case word): names, kept in headings."""
    lexicon = load_lexicon()
    return frozenset(
        word.text
        for word in ctx.tokens.words
        if word.text[:1].isupper()
        and ctx.view.scope_at(word.start) not in (Scope.HEADING, Scope.TITLE)
        and (not ctx.tokens.starts_sentence(word) or lexicon.count(word.text.lower()) < _COMMON_WORD)
    )


def _title_case(heading: str) -> str:
    words = list(_HEADING_WORD.finditer(heading))
    pieces, position = [], 0
    for index, match in enumerate(words):
        word = match.group()
        if word.isupper() and len(word) > 1 or any(char.isupper() for char in word[1:]):
            wanted = word  # an acronym or a name like iPhone
        elif word.lower() in _SMALL_WORDS and 0 < index < len(words) - 1:
            wanted = word.lower()
        else:
            wanted = word[:1].upper() + word[1:]
        pieces.append(heading[position : match.start()] + wanted)
        position = match.end()
    return "".join(pieces) + heading[position:]


def _sentence_case(heading: str, names: frozenset[str]) -> str:
    words = list(_HEADING_WORD.finditer(heading))
    pieces, position = [], 0
    for index, match in enumerate(words):
        word = match.group()
        keep = index == 0 or (word.isupper() and len(word) > 1) or word in names or word == "I"
        keep = (
            keep
            or any(char.isupper() for char in word[1:])
            or heading[max(0, match.start() - 2) : match.start()] == ": "
        )
        pieces.append(heading[position : match.start()] + (word if keep else word.lower()))
        position = match.end()
    return "".join(pieces) + heading[position:]


def rule_class(spec: RuleSpec) -> type[Rule]:
    """A :class:`Rule` subclass for one pack rule, documented from the pack."""
    doc = (spec.description or f"A {spec.kind} rule of the '{spec.pack}' pack.") + "\n\n"
    doc += f"From the rule pack '{spec.pack}' ({spec.kind}).\n\nFires on: " + "; ".join(
        f'"{example}"' for example in spec.examples_fire[:3]
    )
    doc += "\nQuiet on: " + "; ".join(f'"{example}"' for example in spec.examples_quiet[:3])
    if spec.applicability is not Applicability.DISPLAY_ONLY:
        doc += f"\n\nFix safety: {spec.applicability.value}."
    attributes: dict[str, Any] = {
        "id": spec.rule_id,
        "category": spec.category,
        "default_severity": spec.severity,
        "fixable": spec.applicability is not Applicability.DISPLAY_ONLY,
        "spec": spec,
        "__doc__": doc,
    }
    return type(f"Pack_{spec.pack}_{spec.name}".replace("-", "_"), (PackRule,), attributes)


def _run_triggers(ctx: RuleContext) -> frozenset[str]:
    """Every trigger key of the run's pack rules (what the shared word index holds)."""
    return _triggers_of(tuple(ctx.settings.rules) if ctx.settings is not None else ())


@lru_cache(maxsize=16)
def _triggers_of(rules: tuple[type[Rule], ...]) -> frozenset[str]:
    return frozenset(
        key
        for rule in rules
        if issubclass(rule, PackRule) and rule.spec.trigger is not None
        for key in rule.spec.trigger
    )


def _word_starts_by_key(tokens: Tokens, wanted: frozenset[str]) -> dict[str, list[int]]:
    """Where each word whose trigger key (lower case; ``#`` for a number) is ``wanted`` starts:
    built once per document and shared by every pack rule, which then visits only the words that
    can start a match. Only the few forms with a wanted key are looked for among the words."""
    keys = {text: key for text in tokens.forms if (key := "#" if text.isdigit() else text.lower()) in wanted}
    found: dict[str, list[int]] = {}
    for index in [index for index, text in enumerate(tokens.texts) if text in keys]:
        word = tokens.words[index]
        found.setdefault(keys[word.text], []).append(word.start)
    return found


def bundled_packs() -> list[RuleSpec]:
    """The packs shipped in ``rules/packs/`` (installed as ``copylint.bundled.packs``), parsed once
    and kept in the data cache (whose key covers the pack files, see
    :func:`copylint.cache.code_fingerprint`)."""
    return cached("packs", ("pyyaml",), _parse_bundled_packs)


def _parse_bundled_packs() -> list[RuleSpec]:
    folder = importlib.resources.files("copylint.bundled.packs")
    return [
        spec
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith((".yml", ".yaml"))
        for spec in load_pack_text(entry.read_text(encoding="utf-8"), f"rules/packs/{entry.name}")
    ]


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
