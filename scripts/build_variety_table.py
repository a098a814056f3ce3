"""Build ``src/copylint/data/spelling/varieties.tsv``: American and British spellings of one word
("color", "colour"), learned from SCOWL's word lists as Debian packages them.

    python scripts/build_variety_table.py [--sources DIR] [--output FILE]

Without ``--sources`` the script downloads the packages it needs (``apt-get download`` into a
temporary folder, then ``dpkg-deb -x``); with it, DIR holds the packages' ``.deb`` files or
their unpacked trees (``DIR/wamerican-huge/usr/share/dict/american-english-huge`` ...).

How a pair is found. Each lower-case word of the American list that the British list lacks is
rewritten by the systematic correspondences below (one or two of them, each at one place); a
rewriting that is a word of the British list is the word's British spelling. A word with more
than one such partner is left out (the pairing would be a guess), and so is a pair that mixes
-ize/-ise with another change ("colorize", "colourise": British writes "colourize" as often).

Senses that differ. A pair is kept only when the American form is not a word of the British list.
That is what leaves out the pairs whose two forms are both right in one variety with different
meanings or parts of speech: "meter"/"metre", "program"/"programme", "check"/"cheque",
"tire"/"tyre", "curb"/"kerb", "story"/"storey", "practice"/"practise", "license"/"licence" (the
British list has every one of the American forms). They are left out, not kept with a caveat:
no count of a document's spellings can tell a slip from the other sense. ``SENSE_SPLITS`` names
them, and the build fails if one of them turns up in the table.

What the table carries beside the pair (``note``):

- ``us-accepts``: the American list also takes the British form ("travelled", "catalogue"): it
  is never reported in American text, but the American form is still un-British.
- ``ca-american``: the Canadian list takes the American form and not the British one; Canadian
  prose may write it, so the rule reports it only when the variety is pinned to British.

-ize and -ise. The Debian British list is an -ise list, but British publishers that follow Oxford
spelling write -ize ("organize", "realization"); the pairs of kind ``ize`` are therefore ones the
rule treats apart (an -ize word is not American in a British document). A pair whose -ise form
the American list also takes ("advertise", "advertize") is left out: there the -ize form is a
rare variant everywhere, not a mark of American spelling.

Left out on purpose: -dgment/-dgement ("acknowledgment", "judgment"), which British spelling
writes both ways (its list has "judgment"), and one-word differences that follow no pattern
("gray", "grey"; "aluminum", "aluminium").

Guards against coincidences of the word lists: a word of at least ``MIN_LENGTH`` letters; a
correspondence only where the difference lives (``CORRESPONDENCES``: -ae- only in the Greek and
Latin stems that have it, -re only after the letters that come before it); and no American form
that is a British word with a prefix or, for a difference in the stem, with an ending
("unscored" is "un" + "scored", not an American "unscoured"). Every British form has one
American partner; the build fails otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "copylint" / "data" / "spelling" / "varieties.tsv"
PACKAGES = {
    "american": ("wamerican-huge", "american-english-huge"),
    "british": ("wbritish-huge", "british-english-huge"),
    "canadian": ("wcanadian-huge", "canadian-english-huge"),
}
VERSION = "2020.12.07-2"
"""The Debian version downloaded (the table's header records the version actually read)."""
MIN_LENGTH = 4
PREFIXES = ("un", "re", "non", "over", "under", "out")
"""Prefixes that leave a word (longer ones, "dis" or "pre", would cut "distill" and "pretense" wrongly)."""
ENDINGS = ("s", "es", "ed", "ing", "ly", "ness")
ENDING_KINDS = frozenset({"ll", "pp", "ize"})
"""Kinds whose difference comes with an ending ("travel", "travelled"): the stem guard skips them."""
SENSE_SPLITS = (
    ("meter", "metre"), ("program", "programme"), ("check", "cheque"), ("tire", "tyre"), ("curb", "kerb"),
    ("story", "storey"), ("practice", "practise"), ("license", "licence"),
)  # fmt: skip


@dataclass(frozen=True)
class Correspondence:
    """One systematic difference: ``pattern`` finds where an American spelling has it, and
    ``british`` (a replacement template) is what British spelling writes there."""

    kind: str
    pattern: re.Pattern[str]
    british: str


def _rule(kind: str, pattern: str, british: str) -> Correspondence:
    return Correspondence(kind, re.compile(pattern), british)


_SUFFIX = r"(?=s?$|ed$|ing$|ers?$|ful|abl|ably|ite|less|ism|ist|al$|ally$|hood|y$|ies$)"
_AFTER_RE = r"(?<=[a-z](?:nt|at|it|et|ct|pt|st|ib|ab|mb|ag|ch|lt|uv))"
"""What comes before British -re: centre, theatre, litre, metre, spectre, sceptre, lustre, fibre,
sabre, sombre, meagre, ochre, philtre, louvre."""
CORRESPONDENCES = (
    # color, colour; behavioral, behavioural; neighborhood, neighbourhood; savory, savoury
    _rule("our", r"(?<=[a-z]{2})or" + _SUFFIX, "our"),
    # organize, organise; realization, realisation
    _rule("ize", r"(?<=[a-z]{3})iz(?=e|ation|ing|abl)", "is"),
    # analyze, analyse; paralyzing, paralysing
    _rule("yse", r"(?<=[a-z]{2})yz(?=e|ing|ation)", "ys"),
    # center, centre; centered, centred; centering, centring; fiberglass, fibreglass
    _rule("re", _AFTER_RE + r"er(?=s?$|[^aeiouyrsn])", "re"),
    _rule("re", _AFTER_RE + r"er(?=ed$|ing$)", "r"),
    # catalog, catalogue; cataloged, catalogued
    _rule("ogue", r"(?<=[a-z]{3})og(?=s?$)", "ogue"),
    _rule("ogue", r"(?<=[a-z]{3})og(?=ed$|ing$|er$|ers$)", "ogu"),
    # traveled, travelled; jeweler, jeweller; marvelous, marvellous; woolen, woollen
    _rule("ll", r"(?<=[aeiou])l(?=ed$|ing$|ers?$|ous|ously|en$|ery$)", "ll"),
    # fulfill, fulfil; enrollment, enrolment; skillful, skilful
    _rule("ll", r"(?<=[a-z]{2}[aeiou])ll(?=s?$|ment|ful)", "l"),
    # worshiped, worshipped; kidnaping, kidnapping
    _rule("pp", r"(?<=[a-z]{3}[aeiou])p(?=ed$|ing$|ers?$)", "pp"),
    # -ae- and -oe- in words from Greek and Latin, where British keeps the digraph: pediatric,
    # paediatric; anemia, anaemia; hemorrhage, haemorrhage; estrogen, oestrogen; maneuver, manoeuvre
    _rule("ae", r"(?<=h)e(?=m[aeo])|(?<=[^aeiou])e(?=mi(?:as?|cs?|cally)$)", "ae"),
    _rule("ae", r"(?<=p)e(?=d(?:ia|oph|odont|obapt|omorph|er|ic|ist))|(?:^|(?<=[^aeiou]))e(?=sth)|^e(?=tio)", "ae"),
    _rule("ae", r"(?<=pal|rch)e(?=o)|(?<=gyn)e(?=c)|(?<=^f)e(?=c(?:es|al))|(?<=^c)e(?=s(?:ium|area))", "ae"),
    _rule("oe", r"^e(?=str|soph|dem|nolog|cumen)|(?<=^f)e(?=t(?:us|al|i))|(?<=rrh)e(?=a|al|ic)", "oe"),
    _rule("oe", r"(?<=hom)e(?=op)|(?<=^am)e(?=b)|(?<=^c)e(?=li)|(?<=man)e(?=uv)", "oe"),
    # defense, defence; offenseless, offenceless; pretense, pretence
    _rule("ence", r"ense(?=s?$|less|ful)", "ence"),
    # mold, mould; smolder, smoulder; molt, moult
    _rule("oul", r"(?<=[a-z])ol(?=d|t)", "oul"),
    # plow, plough
    _rule("ough", r"(?<=pl)ow", "ough"),
    # skeptic, sceptic
    _rule("sc", r"sk(?=ep)", "sc"),
)


@dataclass(frozen=True, order=True)
class Pair:
    american: str
    british: str
    kind: str
    note: str


def rewritings(word: str) -> Iterator[tuple[str, str]]:
    """Each spelling of ``word`` with one correspondence applied at one place, with its kind."""
    for correspondence in CORRESPONDENCES:
        for match in correspondence.pattern.finditer(word):
            british = match.expand(correspondence.british)
            yield word[: match.start()] + british + word[match.end() :], correspondence.kind


def british_partners(word: str, british: set[str]) -> set[tuple[str, str]]:
    """The British list's words that one or two correspondences make of ``word``, with their kinds
    ("+"-joined and sorted when two were used)."""
    found: set[tuple[str, str]] = set()
    for once, kind in rewritings(word):
        if once in british:
            found.add((once, kind))
        for twice, second in rewritings(once):
            if twice in british and second != kind:
                found.add((twice, "+".join(sorted({kind, second}))))
    return {(form, kind) for form, kind in found if form != word}


def british_relative(word: str, kind: str, british: set[str]) -> bool:
    """Whether ``word`` is a British word with a prefix ("unscored": "scored"), or, for a difference
    in the stem, with an ending ("maters": "mater"): then the British list only lacks the form,
    and the word is not an American spelling."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_LENGTH and word[len(prefix) :] in british:
            return True
    if kind in ENDING_KINDS:
        return False
    stems = [word[: -len(ending)] for ending in ENDINGS if word.endswith(ending)]
    if word.endswith("ed"):
        stems.append(word[:-1])  # "centred": "centre"
    return any(len(stem) >= MIN_LENGTH and stem in british for stem in stems)


def pairs_of(american: set[str], british: set[str], canadian: set[str]) -> list[Pair]:
    """The variety pairs the three lists support (see the module docstring)."""
    pairs: list[Pair] = []
    for word in sorted(american - british):
        if len(word) < MIN_LENGTH:
            continue
        partners = british_partners(word, british)
        if len(partners) != 1:
            continue  # none, or ambiguous
        [(form, kind)] = partners
        if "ize" in kind.split("+") and (kind != "ize" or form in american):
            continue  # -ize mixed with another change, or an -ise form American spelling also takes
        if british_relative(word, kind, british):
            continue
        notes = []
        if form in american:
            notes.append("us-accepts")
        if kind != "ize" and word in canadian and form not in canadian:
            notes.append("ca-american")
        pairs.append(Pair(word, form, kind, ",".join(notes) or "-"))
    kept = {(pair.american, pair.british) for pair in pairs}
    leaked = [split for split in SENSE_SPLITS if split in kept]
    if leaked:
        raise SystemExit(f"sense-split pairs reached the table: {leaked}")
    uses = Counter(pair.british for pair in pairs)
    shared = sorted(form for form, count in uses.items() if count > 1)
    if shared:
        raise SystemExit(f"British forms with more than one American partner: {shared}")
    return pairs


def read_words(path: Path) -> set[str]:
    """The lower-case ASCII words of a word list (no names, abbreviations, possessives)."""
    text = path.read_text(encoding="utf-8")
    return {word for word in text.split("\n") if word.isascii() and word.isalpha() and word.islower()}


def package_version(tree: Path, package: str) -> str:
    """The Debian version of an unpacked package, from its changelog's first line."""
    changelog = tree / "usr" / "share" / "doc" / package / "changelog.Debian.gz"
    first = gzip.decompress(changelog.read_bytes()).decode("utf-8").split("\n", 1)[0]
    match = re.search(r"\(([^)]+)\)", first)
    return match.group(1) if match else "unknown"


def unpacked(sources: Path, package: str, work: Path) -> Path:
    """The unpacked tree of ``package`` in ``sources``: already there, or unpacked from its .deb."""
    tree = sources / package
    if (tree / "usr" / "share" / "dict").is_dir():
        return tree
    debs = sorted(sources.glob(f"{package}_*.deb"))
    if not debs:
        raise SystemExit(f"{sources}: no {package} tree or .deb")
    target = work / package
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(target)], check=True)
    return target


def download(folder: Path) -> None:
    packages = [f"{package}={VERSION}" for package, _ in PACKAGES.values()]
    subprocess.run(["apt-get", "download", *packages], cwd=folder, check=True)


def header(versions: dict[str, str], pairs: Sequence[Pair]) -> str:
    used = ", ".join(f"{PACKAGES[name][0]} {version}" for name, version in versions.items())
    return f"""\
# American and British spellings of one word, one pair a line:
# american<TAB>british<TAB>kind<TAB>note
# kind: the correspondence (our, ize, yse, re, ogue, ll, pp, ae, oe, ence, oul, ough, sc; two
# joined by "+"). note: "us-accepts" (American lists also take the British form),
# "ca-american" (Canadian lists take the American form only), or "-".
# Source: SCOWL word lists by Kevin Atkinson (http://wordlist.aspell.net/), as Debian packages
# them: {used}.
# Licence: SCOWL's permissive copyright and permission notice, quoted in NOTICE.
# Built by scripts/build_variety_table.py (its docstring says how pairs are found and which are
# left out); do not edit by hand. {len(pairs)} pairs.
"""


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sources", type=Path, help="folder with the packages' .deb files or unpacked trees")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        sources = args.sources
        if sources is None:
            sources = work / "debs"
            sources.mkdir()
            download(sources)
        words: dict[str, set[str]] = {}
        versions: dict[str, str] = {}
        for name, (package, list_name) in PACKAGES.items():
            tree = unpacked(sources, package, work)
            words[name] = read_words(tree / "usr" / "share" / "dict" / list_name)
            versions[name] = package_version(tree, package)
    pairs = pairs_of(words["american"], words["british"], words["canadian"])
    lines = [f"{pair.american}\t{pair.british}\t{pair.kind}\t{pair.note}\n" for pair in pairs]
    args.output.write_text(header(versions, pairs) + "".join(lines), encoding="utf-8")
    print(f"{args.output}: {len(pairs)} pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
