#!/usr/bin/env python3
"""Build copylint's word-class lexicon from Harper's annotated dictionary (run at development time).

    python scripts/build_word_classes.py [--harper DIR]

Harper (https://github.com/Automattic/harper, Apache-2.0) annotates each dictionary word with
property flags (noun, verb, adjective, pronoun, possessive determiner, comparative ...) and affix
flags (plural -s, past -ed, -ing, -er, -est, -ly ...) whose rules say which forms they derive and
which properties those forms get. This script expands the affixes and writes every form with its
classes, lower case, to ``src/copylint/data/language/word-classes.tsv``:

    form<TAB>CLASS,CLASS,...

Classes: N (noun), NP (plural noun), NPR (proper noun), V (verb, base form), VZ (third person
singular), VD (simple past), VN (past participle), VG (-ing form), A (auxiliary verb), J
(adjective), JR (comparative), JS (superlative), R (adverb), P (preposition), C (conjunction),
D (determiner), DP (possessive determiner), I (pronoun).

With ``--harper DIR`` the files are read from a checkout (``DIR/harper-core/dictionary.dict`` and
``annotations.json``); without it, from a shallow clone at the commit below.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "copylint" / "data" / "language" / "word-classes.tsv"
HARPER = "https://github.com/Automattic/harper"
HARPER_COMMIT = "1f6cac25840a624ecf7756919f3ec10c722a3ef3"

VERB_FORMS = {
    "LEMMA": "V",
    "THIRD_PERSON_SINGULAR": "VZ",
    "PAST": "VD",
    "PRETERITE": "VD",
    "PAST_PARTICIPLE": "VN",
    "PROGRESSIVE": "VG",
}
DEGREES = {"Comparative": "JR", "Superlative": "JS"}


def classes_of(metadata: Mapping[str, Any]) -> set[str]:
    """copylint's classes for one piece of Harper metadata."""
    found: set[str] = set()
    noun = metadata.get("noun")
    if isinstance(noun, dict):
        found.add("NPR" if noun.get("is_proper") else "NP" if noun.get("is_plural") else "N")
    verb = metadata.get("verb")
    if isinstance(verb, dict):
        found.add(VERB_FORMS.get(verb.get("verb_form", "LEMMA"), "V"))
        if verb.get("is_auxiliary"):
            found.add("A")
    adjective = metadata.get("adjective")
    if isinstance(adjective, dict):
        found.add(DEGREES.get(adjective.get("degree", ""), "J"))
    if isinstance(metadata.get("adverb"), dict):
        found.add("R")
    if metadata.get("preposition") is True:
        found.add("P")
    if isinstance(metadata.get("conjunction"), dict):
        found.add("C")
    determiner = metadata.get("determiner")
    if isinstance(determiner, dict):
        found.add("DP" if determiner.get("is_possessive") else "D")
    if isinstance(metadata.get("pronoun"), dict):
        found.add("I")
    return found


def merge(into: dict[str, Any], more: Mapping[str, Any]) -> None:
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = json.loads(json.dumps(value))


def expand(dictionary: str, annotations: Mapping[str, Any]) -> dict[str, set[str]]:
    affixes: Mapping[str, Any] = annotations["affixes"]
    properties: Mapping[str, Any] = annotations["properties"]
    forms: dict[str, set[str]] = defaultdict(set)
    for raw in dictionary.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line[0].isdigit():
            continue  # comments and the word count
        word, _, flags = line.partition("/")
        if not word:
            continue
        base: dict[str, Any] = {}
        for flag in flags:
            if flag in properties:
                merge(base, properties[flag].get("metadata", {}))
        for flag in flags:
            merge(base, affixes.get(flag, {}).get("base_metadata", {}))
        forms[word.lower()] |= classes_of(base)
        for flag in flags:
            affix = affixes.get(flag)
            if affix is None:
                continue
            for derived in derive(word, affix):
                metadata: dict[str, Any] = {}
                for target in affix.get("target", []):
                    condition = target.get("if_base")
                    if condition is None or all(key in base for key in condition):
                        merge(metadata, target.get("metadata", {}))
                found = classes_of(metadata)
                if found:
                    forms[derived.lower()] |= found
    return forms


def derive(word: str, affix: Mapping[str, Any]) -> list[str]:
    """The forms one affix makes of a word: the first replacement whose condition matches."""
    suffix = affix.get("kind") == "suffix"
    made: list[str] = []
    for replacement in affix.get("replacements", []):
        condition = replacement["condition"]
        remove, add = replacement["remove"], replacement["add"]
        pattern = f"(?:{condition})$" if suffix else f"^(?:{condition})"
        if not re.search(pattern, word):
            continue
        if suffix:
            if remove and not word.endswith(remove):
                continue
            made.append(word[: len(word) - len(remove)] + add)
        else:
            if remove and not word.startswith(remove):
                continue
            made.append(add + word[len(remove) :])
        break
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--harper", type=Path, help="a Harper checkout")
    args = parser.parse_args()
    if args.harper:
        return build(args.harper)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["git", "clone", "--quiet", "--filter=blob:none", HARPER, folder], check=True)
        subprocess.run(["git", "-C", folder, "checkout", "--quiet", HARPER_COMMIT], check=True)
        return build(Path(folder))


def build(harper: Path) -> int:
    core = harper / "harper-core"
    forms = expand(
        (core / "dictionary.dict").read_text(encoding="utf-8"),
        json.loads((core / "annotations.json").read_text(encoding="utf-8")),
    )
    lines = [
        "# Word classes of English word forms, lower case: form<TAB>classes (see scripts/build_word_classes.py).",
        f"# Derived from Harper's annotated dictionary ({HARPER} at {HARPER_COMMIT}), Apache-2.0,",
        "# by expanding its affix rules. See NOTICE.",
    ]
    lines += [f"{form}\t{','.join(sorted(classes))}" for form, classes in sorted(forms.items()) if classes]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines) - 3} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
