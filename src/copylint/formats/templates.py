"""Template languages inside Markdown and HTML: Hugo shortcodes, Go template actions, Liquid, Jinja and
Markdoc tags, and WordPress shortcodes left in prose.

Each tag becomes a :class:`~copylint.core.prose.Mask`: a placeholder in the prose where a reader sees
what the tag outputs (``{{< param x >}}``, ``{{ page.title }}``), nothing where the tag only steers
the page (``{% if %}``, the two tags of a pair). Paired tags (``{{< hint >}}…{{< /hint >}}``,
``{% capture %}…{% endcapture %}``, Markdoc's ``{% callout %}…{% /callout %}``,
``[caption]…[/caption]``) hold prose, read as Markdown, unless their content is code (``highlight``,
``code-toggle``, a shortcode with ``lang=`` or ``code=true``): then the whole pair is one mask.
Inside Liquid's ``raw`` the tags are text a reader sees as written; a ``comment`` pair shows nothing.
:func:`copylint.formats.masks.masked_text` shows the masked source to a parser without changing its
structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from copylint.core.prose import PLACEHOLDER, Mask
from copylint.core.rule import FamilySettings, FamilyValues, KeyKind, SettingKey

CODE_SHORTCODES = frozenset(
    {"highlight", "code", "code-toggle", "codeblock", "tabpane", "mermaid", "katex", "math", "plantuml", "sourcecode"}
)
"""Paired shortcodes and block tags whose content is code, diagrams or math (``code-shortcodes``)."""
PROSE_SHORTCODES = frozenset(
    {"alert", "callout", "caption", "columns", "details", "expand", "hint", "note", "notice", "steps", "tabs", "tip"}
)
"""Paired shortcodes whose content is prose even with a ``lang=`` argument (``prose-shortcodes``)."""

_MAX_TAG = 2000  # a tag longer than this is not one: an unclosed "{{" cannot make the scan quadratic
_MAX_DEPTH = 64  # how far down the stack of open tags a closing tag looks for its opener
_NAME = re.compile(r"[A-Za-z0-9_][\w.-]*(?:/[\w.-]+)*")
_OPENER = re.compile(r"\{\{|\{%|\{#[-\s]")
_QUOTE = re.compile("[\"'`]")
_STRINGS = r"(?:\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`|[^\"'`])*?"
_CLOSERS = {delimiter: re.compile(_STRINGS + re.escape(delimiter)) for delimiter in (">}}", "%}}", "}}", "%}")}
_GO_COMMENT = re.compile(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.DOTALL)
_RAW_END = {name: re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}") for name in ("raw", "verbatim", "comment")}
# Go actions that print nothing: control flow, comments and assignments ("{{ $x := 1 }}").
_GO_SILENT = re.compile(r"(?:if|else|end|range|with|define|block|break|continue)\b|/\*|\$\w*\s*:?=(?!=)")
# Liquid, Jinja and Markdoc statements that print nothing where they stand.
_CONTROL = frozenset(
    "if elsif elif else unless case when for tablerow break continue assign capture set import from extends "
    "block macro call filter do with liquid layout autoescape trans pluralize # raw verbatim comment".split()
)
# Statements that never open a block (pushing them would only bury the openers below them).
_NEVER_OPEN = frozenset(
    "else elsif elif when assign include include_relative link post_url render echo cycle increment decrement "
    "break continue import from extends do layout #".split()
)
_TEXT_FLAG = re.compile(r"(?<![\w-])text\s*=\s*[\"']?true\b", re.IGNORECASE)
_CODE_FLAG = re.compile(r"(?<![\w-])code\s*=\s*[\"']?true\b", re.IGNORECASE)
_LANGUAGE = re.compile(r"(?<![\w-])(?:lang|language)\s*=(?!=)", re.IGNORECASE)
# "[youtube=http://…]", "[gallery ids="1,2"]", "[caption id=…]", "[/caption]": never a Markdown link,
# image or reference ("[text](url)", "[text][ref]", "[ref]: url"). The look-behind follows the "[" so
# that the search starts from each bracket, not from every character.
_WORDPRESS = re.compile(
    r"\[(?<![\\!\]]\[)(?P<close>/)?(?P<name>[a-z][a-z0-9_-]{0,31}+)"
    r"(?:(?P<equals>=[^\]\s]{1,500}+)|(?P<args>[ \t][^\[\]\n]{0,500}+))?\](?![(\[:])"
)
_ATTRIBUTE = re.compile(r"(?:^|\s)[\w-]+=|^\s*https?://")


class _Family(StrEnum):
    HUGO = "hugo"
    STATEMENT = "statement"
    EXPRESSION = "expression"
    COMMENT = "comment"
    WORDPRESS = "wordpress"


class _Content(StrEnum):
    PROSE = "prose"
    CODE = "code"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class _Tag:
    start: int
    end: int
    family: _Family
    name: str = ""
    args: str = ""
    closing: bool = False
    opens: bool = False
    """Whether a closing tag further on may pair with it."""
    shows: bool = True
    """Whether a reader sees something where it stands (when it is not part of a pair)."""


def _names_problem(value: Any) -> str | None:
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    wrong = next((name for name in names if isinstance(name, str) and not _NAME.fullmatch(name)), None)
    return None if wrong is None else f"{wrong!r} is not a shortcode or tag name"


@dataclass(frozen=True)
class TemplateSettings(FamilySettings):
    """``code-shortcodes`` and ``prose-shortcodes``: names of paired shortcodes and block tags whose
    content is code (skipped) or prose (checked), added to the built-in lists. A name in both is code."""

    keys = {
        "code-shortcodes": SettingKey(KeyKind.STRINGS, _names_problem),
        "prose-shortcodes": SettingKey(KeyKind.STRINGS, _names_problem),
    }
    code: frozenset[str] = CODE_SHORTCODES
    prose: frozenset[str] = PROSE_SHORTCODES

    @classmethod
    def from_values(cls, values: FamilyValues) -> TemplateSettings:
        code = {name.lower() for name in values.get("code-shortcodes", ())}
        prose = {name.lower() for name in values.get("prose-shortcodes", ())} - code
        return cls(frozenset((CODE_SHORTCODES - prose) | code), frozenset((PROSE_SHORTCODES - code) | prose))

    def identity(self) -> object:
        return sorted(self.code), sorted(self.prose)

    def describe(self) -> Mapping[str, Any]:
        return {"code-shortcodes": sorted(self.code), "prose-shortcodes": sorted(self.prose)}


DEFAULT_SETTINGS = TemplateSettings()


def template_masks(text: str, settings: TemplateSettings = DEFAULT_SETTINGS, start: int = 0) -> list[Mask]:
    """The masks of every template tag and WordPress shortcode in ``text[start:]``, in order, never
    overlapping: a pair whose content is code or hidden is one mask, holding the tags inside it."""
    if "{" not in text and "[" not in text:
        return []
    tags = list(_template_tags(text, start, len(text), literal=False))
    tags += _wordpress_tags(text, start)
    tags.sort(key=lambda tag: tag.start)
    candidates: list[Mask] = []
    paired: set[int] = set()
    for opener, closer in _pairs(tags):
        paired.update((opener, closer))
        first, last = tags[opener], tags[closer]
        content = _content(first, settings)
        if content is _Content.CODE:
            candidates.append(Mask(first.start, last.end, PLACEHOLDER))
        elif content is _Content.HIDDEN:
            candidates.append(Mask(first.start, last.end, _silence(text, first.start, last.end)))
        else:
            container = first.family is not _Family.STATEMENT or first.name not in _CONTROL
            for tag in (first, last):
                breaks = container and _at_line_edge(text, tag.start, tag.end)
                candidates.append(Mask(tag.start, tag.end, _silence(text, tag.start, tag.end), breaks))
    for index, tag in enumerate(tags):
        if index in paired or (tag.family is _Family.WORDPRESS and not tag.shows):
            continue  # a WordPress tag without attributes is a shortcode only when paired
        stand_in = PLACEHOLDER if tag.shows and not tag.closing else _silence(text, tag.start, tag.end)
        candidates.append(Mask(tag.start, tag.end, stand_in))
    candidates.sort(key=lambda mask: (mask.start, -mask.end))
    masks: list[Mask] = []
    for mask in candidates:  # the outermost wins: a code pair holds the tags inside it
        if not masks or mask.start >= masks[-1].end:
            masks.append(mask)
    return masks


def _template_tags(text: str, start: int, end: int, *, literal: bool) -> Iterator[_Tag]:
    """The tags in ``text[start:end]``; ``literal`` (inside ``raw``): shown as written, never paired."""
    position = start
    unclosed: set[str] = set()  # raw blocks found never closed: no later one is searched for its end
    while True:
        found = _OPENER.search(text, position, end)
        if found is None:
            return
        tag = _tag_at(text, found.start(), end)
        if tag is None:
            position = found.start() + 1
            continue
        position = tag.end
        if literal:
            yield _Tag(tag.start, tag.end, tag.family)
            continue
        yield tag
        closing = _RAW_END.get(tag.name) if tag.family is _Family.STATEMENT and not tag.closing else None
        if closing is None or tag.name in unclosed:
            continue
        close = closing.search(text, tag.end, end)
        if close is None:
            unclosed.add(tag.name)
            continue
        if tag.name != "comment":  # a comment pair is masked whole; what it holds is never read
            yield from _template_tags(text, tag.end, close.start(), literal=True)
        yield _Tag(close.start(), close.end(), _Family.STATEMENT, tag.name, closing=True, shows=False)
        position = close.end()


def _tag_at(text: str, start: int, end: int) -> _Tag | None:
    """The tag opening at ``start`` (where ``{{``, ``{%`` or ``{#`` is), or ``None``."""
    limit = min(end, start + _MAX_TAG)
    if text.startswith(("{{<", "{{%"), start):
        mark = ">" if text[start + 2] == "<" else "%"
        if text.startswith("/*", start + 3):  # "{{</* hint */>}}" shows the shortcode as written
            close = text.find(f"*/{mark}}}}}", start + 5, limit)
            return _Tag(start, close + 5, _Family.HUGO) if close >= 0 else None
        body_end = _close(text, start + 3, f"{mark}}}}}", limit)
        if body_end < 0:
            return None
        return _parsed(text, start, body_end + 3, _Family.HUGO, text[start + 3 : body_end])
    if text.startswith("{{", start):
        comment = _GO_COMMENT.match(text, start, limit)
        if comment:
            return _Tag(start, comment.end(), _Family.COMMENT, shows=False)
        body_end = _close(text, start + 2, "}}", limit)
        if body_end < 0:
            return None
        body = _trimmed(text[start + 2 : body_end])
        return _Tag(start, body_end + 2, _Family.EXPRESSION, shows=not _GO_SILENT.match(body))
    if text.startswith("{%", start):
        body_end = _close(text, start + 2, "%}", limit)
        if body_end < 0:
            return None
        return _parsed(text, start, body_end + 2, _Family.STATEMENT, text[start + 2 : body_end])
    close = text.find("#}", start + 2, limit)  # "{# a Jinja comment #}"
    return _Tag(start, close + 2, _Family.COMMENT, shows=False) if close >= 0 else None


def _close(text: str, start: int, delimiter: str, limit: int) -> int:
    """Where ``delimiter`` closes the tag whose body starts at ``start``, quoted strings skipped
    (``caption=">}}"``); the first ``delimiter`` when a quote is left open; -1 for none."""
    first = text.find(delimiter, start, limit)
    if first < 0 or not _QUOTE.search(text, start, first):
        return first
    match = _CLOSERS[delimiter].match(text, start, limit)
    return match.end() - len(delimiter) if match is not None else first


def _trimmed(body: str) -> str:
    """A tag's body without the whitespace-control dashes of ``{%- x -%}`` and ``{{- x -}}``."""
    body = body.strip()
    return body.removeprefix("-").removesuffix("-").strip()


def _parsed(text: str, start: int, end: int, family: _Family, body: str) -> _Tag:
    body = _trimmed(body)
    self_closing = body.endswith("/")
    body = body.removesuffix("/").rstrip()
    closing = body.startswith("/")
    body = body.removeprefix("/").lstrip()
    name_match = _NAME.match(body) or re.match(r"#", body)
    name = name_match.group().lower() if name_match else ""
    args = body[name_match.end() :] if name_match else body
    if family is _Family.STATEMENT and not closing and name.startswith("end") and len(name) > 3:
        closing, name = True, name[3:]
    if family is _Family.HUGO:
        shows = not closing
    else:
        shows = not closing and name not in _CONTROL
    opens = bool(name) and not closing and not self_closing and (family is _Family.HUGO or name not in _NEVER_OPEN)
    return _Tag(start, end, family, name, args, closing, opens, shows)


def _wordpress_tags(text: str, start: int) -> list[_Tag]:
    """WordPress shortcodes: ``[name attr="…"]``, ``[name=value]``, ``[name http://…]`` and a
    ``[name]`` or ``[/name]`` that may pair (kept only if it does)."""
    if "[" not in text:
        return []
    tags: list[_Tag] = []
    for match in _WORDPRESS.finditer(text, start):
        name, args = match.group("name"), match.group("args") or ""
        if match.group("close"):
            if not match.group("equals") and not args:
                tags.append(_Tag(match.start(), match.end(), _Family.WORDPRESS, name, closing=True, shows=False))
            continue
        attributes = bool(match.group("equals")) or bool(_ATTRIBUTE.search(args))
        opens = not match.group("equals") and not args.rstrip().endswith("/")  # "[audio src=x /]" closes itself
        tags.append(_Tag(match.start(), match.end(), _Family.WORDPRESS, name, args, opens=opens, shows=attributes))
    return tags


def _pairs(tags: list[_Tag]) -> list[tuple[int, int]]:
    """The (opener, closer) indexes of paired tags: a closing tag pairs with the nearest open tag of
    its name and family; tags opened inside it and never closed stand alone."""
    stacks: dict[_Family, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for index, tag in enumerate(tags):
        if tag.closing:
            stack = stacks.get(tag.family, [])
            for depth in range(len(stack) - 1, max(len(stack) - _MAX_DEPTH, 0) - 1, -1):
                if tags[stack[depth]].name == tag.name:
                    pairs.append((stack[depth], index))
                    del stack[depth:]
                    break
        elif tag.opens:
            stacks.setdefault(tag.family, []).append(index)
    return pairs


def _content(opener: _Tag, settings: TemplateSettings) -> _Content:
    """What a pair holds: its arguments decide first (``text=true``, ``code=true``), then the
    configured names, then a ``lang=`` argument; control flow (``{% if %}``) always holds prose."""
    name, args = opener.name, opener.args
    if name == "comment":
        return _Content.HIDDEN
    if opener.family is _Family.STATEMENT and name in _CONTROL:
        return _Content.PROSE
    if _TEXT_FLAG.search(args):
        return _Content.PROSE
    if _CODE_FLAG.search(args) or name in settings.code:
        return _Content.CODE
    if name not in settings.prose and _LANGUAGE.search(args):
        return _Content.CODE
    return _Content.PROSE


def _silence(text: str, start: int, end: int) -> str:
    """What stands for a tag that shows nothing: nothing, or a space between two letters
    ("one{% else %}two" is not one word)."""
    return " " if 0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum() else ""


def _at_line_edge(text: str, start: int, end: int) -> bool:
    """Whether only spaces stand between the tag and its line's start or its line's end."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() or not text[end:line_end].strip()
