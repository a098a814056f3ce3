"""Read the spam model's training material from local git mirrors, each at an exact commit.

Spam side (every source public domain, CC0/PDDL, MIT, BSD or the Unlicense, read at the commit below):
spam e-mails of the SpamAssassin public corpus, spam blocklists' domains (piracy, torrents, drugs,
phishing, scams, gambling, essay mills, referrer spam) and a comment-spam keyword list. Legitimate
side: the links of the edited prose that ``scripts/training_corpus.py`` reads (same repositories and
commits, see ``scripts/TRAINING_SOURCES.md``) and sentences of the corpus it extracts.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import training_corpus  # noqa: E402  (scripts/training_corpus.py: the legitimate sources and git readers)


@dataclass(frozen=True)
class SpamSource:
    name: str
    repository: str
    commit: str
    paths: str  # re.fullmatch against the path in the repository
    licence: str
    licence_file: str
    kind: str  # "emails", "domains", "keywords"
    category: str  # the category every entry has, or "" when entries are sorted by their words
    note: str


SPAM_SOURCES: tuple[SpamSource, ...] = (
    SpamSource(
        "spamassassin-corpus",
        "stdlib-js/datasets-spam-assassin",
        "1b84d49ab4b28092ead009b3ceeb67ae525289d1",
        r"data/spam-[12]/[0-9a-f.]+\.txt",
        "database PDDL-1.0, contents CC0-1.0 (code Apache-2.0)",
        "LICENSE",
        "emails",
        "",
        "1,896 spam e-mails of the SpamAssassin public corpus (2002-2003): subjects, sentences, link texts, domains",
    ),
    SpamSource(
        "blocklistproject-piracy",
        "blocklistproject/Lists",
        "ee3bdbaddf49c756cf3340bb2e6a9dee5282d1c6",
        r"alt-version/(piracy|torrent)-nl\.txt",
        "Unlicense",
        "LICENSE",
        "domains",
        "piracy",
        "piracy and torrent domains; those named for cracks, keygens, warez or serials go to cracked software",
    ),
    SpamSource(
        "blocklistproject-drugs",
        "blocklistproject/Lists",
        "ee3bdbaddf49c756cf3340bb2e6a9dee5282d1c6",
        r"alt-version/drugs-nl\.txt",
        "Unlicense",
        "LICENSE",
        "domains",
        "pharmacy",
        "drug and online pharmacy domains",
    ),
    SpamSource(
        "blocklistproject-scams",
        "blocklistproject/Lists",
        "ee3bdbaddf49c756cf3340bb2e6a9dee5282d1c6",
        r"alt-version/(phishing|scam|crypto)-nl\.txt",
        "Unlicense",
        "LICENSE",
        "domains",
        "",
        "phishing, scam and crypto domains whose words name a category (crypto, followers, loans ...)",
    ),
    SpamSource(
        "estonia-gambling",
        "elliotwutingfeng/Estonia-Blocked-Gambling-Websites",
        "9e0fe0b3a766a84e6ca1d24967d2c0025cd87a61",
        r"blocklist\.txt",
        "BSD-3-Clause",
        "LICENSE",
        "domains",
        "gambling",
        "gambling sites blocked by the Estonian Tax and Customs Board",
    ),
    SpamSource(
        "teqsa-cheating",
        "elliotwutingfeng/TEQSA-illegal-cheating-websites",
        "1980a7eea0c095bedc3d84c3e481e96368c37d6b",
        r"urls\.txt",
        "BSD-3-Clause",
        "LICENSE",
        "domains",
        "essay mill",
        "contract cheating (essay mill) sites listed by Australia's TEQSA",
    ),
    SpamSource(
        "global-anti-scam",
        "elliotwutingfeng/GlobalAntiScamOrg-blocklist",
        "2013916df519666f842f501a2119e67f8da1039d",
        r"global-anti-scam-org-scam-urls\.txt",
        "BSD-3-Clause",
        "LICENSE",
        "domains",
        "",
        "scam sites reported to the Global Anti Scam Organization, mostly fake crypto exchanges",
    ),
    SpamSource(
        "matomo-referrer-spam",
        "matomo-org/referrer-spam-list",
        "b1c66b3cbbd8fe243ff028a8932788da187b9934",
        r"spammers\.txt",
        "public domain (README: 'Public Domain (no copyright)')",
        "README.md",
        "domains",
        "SEO link farm",
        "referrer spam domains (SEO and traffic spam), unless their words name another category",
    ),
    SpamSource(
        "wordpress-comment-blacklist",
        "splorp/wordpress-comment-blacklist",
        "d02ca8ad953219c9607241741bb2abbd321fa18f",
        r"blacklist\.txt",
        "MIT",
        "license.txt",
        "keywords",
        "",
        "phrases and URL fragments of comment spam, those whose words name a category",
    ),
)


def mirror_dir(root: Path, repository: str) -> Path:
    return training_corpus.git_dir(root, repository.replace("/", "+"))


def read_source(root: Path, source: SpamSource) -> Iterator[tuple[str, str]]:
    """(path, text) of each file the source takes, in path order."""
    gdir = mirror_dir(root, source.repository)
    paths = [path for path in training_corpus.list_files(gdir, source.commit) if re.fullmatch(source.paths, path)]
    if not paths:
        raise SystemExit(f"{source.name}: no file matches {source.paths} at {source.commit}")
    yield from training_corpus.read_blobs(gdir, source.commit, paths)


_HOST_LINE = re.compile(r"^(?:0\.0\.0\.0\s+|127\.0\.0\.1\s+|\|\|)?([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\^?(?:[:/].*)?$")


def domain_lines(text: str) -> Iterator[str]:
    """The hosts of a blocklist in any of the usual forms (plain, hosts file, adblock, URL)."""
    for line in text.splitlines():
        line = line.strip().lower()
        if not line or line.startswith(("#", "!")):
            continue
        line = re.sub(r"^https?://", "", line)
        match = _HOST_LINE.match(line)
        if match:
            yield match.group(1).removeprefix("www.")


# --- e-mails ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailLink:
    text: str
    sentence: str
    host: str


@dataclass(frozen=True)
class Mail:
    subject: str
    sentences: tuple[str, ...]
    links: tuple[MailLink, ...]


class _Anchors(HTMLParser):
    """The visible text of an HTML part, with each link's text and host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._anchor: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._anchor = []
        elif tag in ("br", "p", "div", "tr", "td", "li", "table", "h1", "h2", "h3"):
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._anchor).split()), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.chunks.append(data)
        if self._href is not None:
            self._anchor.append(data)


_URL = re.compile(r"https?://([a-z0-9.-]+)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\s*\n(?=[A-Z*\-])")


def split_sentences(text: str) -> list[str]:
    pieces = (" ".join(piece.split()) for piece in _SENTENCE_END.split(text))
    return [piece for piece in pieces if 3 <= len(piece.split()) <= 60]


def _body(message: email.message.Message) -> tuple[str, list[tuple[str, str]]]:
    texts: list[str] = []
    links: list[tuple[str, str]] = []
    for part in message.walk() if message.is_multipart() else [message]:
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            text = payload.decode(part.get_content_charset() or "latin-1", "replace")
        except LookupError:  # a charset name Python does not know
            text = payload.decode("latin-1", "replace")
        if kind == "text/html" or re.search(r"<(html|body|a\s|p>|br)", text, re.I):
            parser = _Anchors()
            try:
                parser.feed(text)
            except (AssertionError, ValueError):
                continue
            texts.append(html.unescape("".join(parser.chunks)))
            links.extend(parser.links)
        else:
            texts.append(text)
    return "\n\n".join(texts), links


def _subject(raw: object) -> str:
    parts: list[str] = []
    for value, charset in email.header.decode_header(str(raw)):
        if isinstance(value, bytes):
            try:
                value = value.decode(charset or "latin-1", "replace")
            except LookupError:
                value = value.decode("latin-1", "replace")
        parts.append(value)
    return " ".join("".join(parts).split())


def parse_mail(raw: str) -> Mail:
    """A spam e-mail's subject, its sentences, and its links with their sentences."""
    message = email.message_from_string(raw, policy=email.policy.compat32)
    subject = _subject(message.get("Subject", ""))
    body, anchors = _body(message)
    sentences = split_sentences(body)
    links: list[MailLink] = []
    for text, href in anchors:
        host = _URL.match(href.strip())
        if not host or not text or text.lower().startswith(("http", "www.")):
            continue
        sentence = next((s for s in sentences if text in s), text)
        links.append(MailLink(text, sentence, host.group(1).lower()))
    for sentence in sentences:
        for host in _URL.findall(sentence):
            links.append(MailLink("", sentence, host.lower()))
    return Mail(subject, tuple(sentences), tuple(links))


# --- legitimate link contexts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkContext:
    text: str
    sentence: str
    host: str
    source: str


_MD_LINK = re.compile(r"\[([^\]\[]{1,200})\]\((https?://[^\s)]+)(?:\s+\"[^\"]*\")?\)")
_HTML_LINK = re.compile(r"<a\s[^>]*href=\"(https?://[^\"]+)\"[^>]*>([^<]{1,200})</a>", re.I)
_MD_INLINE = re.compile(r"[*_`]+")


def _plain(markdown: str) -> str:
    text = _MD_LINK.sub(lambda m: m.group(1), markdown)
    text = _HTML_LINK.sub(lambda m: m.group(2), text)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(_MD_INLINE.sub("", text).split())


def markdown_links(text: str, source: str) -> Iterator[LinkContext]:
    """Each inline link of a Markdown document outside code, with its text, sentence and host."""
    fenced = False
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        if re.match(r"^\s{0,3}(```|~~~)", line):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        if line.strip():
            paragraph.append(line.strip())
            continue
        block = " ".join(paragraph)
        paragraph = []
        if "http" not in block or block.startswith(("|", "[!")):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\[])", block):
            plain = _plain(re.sub(r"^([-*+]|\d+\.)\s+|^#+\s+", "", sentence))
            for match in _MD_LINK.finditer(sentence):
                host = _URL.match(match.group(2))
                if host:
                    yield LinkContext(_plain(match.group(1)), plain, host.group(1).lower(), source)
            for match in _HTML_LINK.finditer(sentence):
                host = _URL.match(match.group(1))
                if host:
                    yield LinkContext(_plain(match.group(2)), plain, host.group(1).lower(), source)


def legitimate_links(root: Path) -> Iterator[LinkContext]:
    """The links of the Markdown sources of the training corpus, at the commits it pins."""
    for source in training_corpus.SOURCES:
        if source.kind != "markdown":
            continue
        gdir = training_corpus.git_dir(root, source.mirror)
        paths = [
            path
            for path in training_corpus.list_files(gdir, source.commit)
            if re.fullmatch(source.path_re, path) and not (source.exclude_re and re.search(source.exclude_re, path))
        ]
        for _, text in training_corpus.read_blobs(gdir, source.commit, paths):
            if source.require_re and not re.search(source.require_re, text):
                continue
            yield from markdown_links(text, source.name)


def corpus_sentences(corpus: Path) -> Iterator[tuple[str, str]]:
    """(source, sentence) for the sentences of the extracted training corpus, in path order."""
    for path in sorted(corpus.rglob("*.txt")):
        source = path.relative_to(corpus).parts[0]
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph):
                if 4 <= len(sentence.split()) <= 50:
                    yield source, sentence
