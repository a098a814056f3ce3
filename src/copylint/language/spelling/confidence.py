"""How sure copylint is that an unknown word is a typo: the policy that sets its severity.

A spelling warning must be right nine times in ten on edited prose, and most words a frequency-
ranked lexicon lacks are not typos: jargon, names, rare or period English. So a warning needs two
things: the word has no standing of its own, and a correction that explains it as a slip.

- **Standing.** A word a dictionary or an enabled word pack lists, or one that people write often
  (a Zipf value of at least ``used_zipf``: about one use in 300,000 words), is English: silent
  when both, else ``info`` when it sits one likely slip below a word ``info_gap`` Zipf units
  (tenfold) more common (maybe the wrong word), else silent.
- **A rare form** that usage has seen a little (below ``used_zipf``) is a warning only for a
  single cheap slip (cost at most ``slip_cost``) from a word at least ``min_gap`` Zipf units (about
  300 times) more common: "orginal" for "original". Rare jargon and period spellings stay info.
- **A form never seen** is a warning when the best correction is a likely slip (cost at most
  ``max_cost``) to a word in common use (Zipf at least ``min_candidate_zipf``), or a further slip
  that the neighbouring words support ("culminative wealth" for "cumulative wealth").
- **Capitalised** at a sentence start or in a heading, a word is as likely a name: it needs a
  single cheap slip from a common word.

- **Deliberate forms** are ``info`` at most: eye dialect (a document respelling several words the
  same way: "wery", "wital", "conwenient"), elisions ("nat'ral", "learnin'"), common words of
  another language ("acceso"), two words closed up ("dusklight"), and capitalised words whose
  correction would change the first letter (names: "Vencore" is not "Encore").

Everything else is ``info``: shown to those who ask for it, never failing a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Confidence(Enum):
    """What the finding for an unknown word should be."""

    WARNING = "warning"
    INFO = "info"
    SILENT = "silent"


@dataclass(frozen=True)
class Thresholds:
    """The policy's numbers (the spelling.typo rule's options of the same names, with - for _)."""

    max_cost: float = 1.6
    """The slip cost (edits weighted by how likely each is) at or under which a correction is likely."""
    context_cost: float = 2.8
    """The same when the neighbouring words support the correction."""
    slip_cost: float = 1.0
    """A single cheap slip: one likely edit."""
    min_candidate_zipf: float = 3.0
    """How common a correction must be (Zipf: log10 uses per billion words) to explain a slip."""
    used_zipf: float = 2.5
    """A form written at least this often is in use: never a warning."""
    min_gap: float = 2.5
    """How many Zipf units a rare but used form must fall below its correction to be a slip."""
    info_gap: float = 1.0
    """How far a word with standing must fall below a correction one slip away to be shown (info)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about one unknown word and its best correction."""

    listed: bool
    """A dictionary or an enabled word pack lists the form."""
    zipf: float
    """How often the form itself is written (0 when never seen)."""
    cost: float | None
    """The best correction's slip cost (None when there is no correction)."""
    candidate_zipf: float
    """How often the best correction is written."""
    context_supports: bool
    """The neighbouring words have been seen next to the correction."""
    capitalised: bool
    """Capitalised at a sentence start or in a heading (so maybe a name)."""
    deliberate: bool = False
    """The form looks written on purpose: eye dialect, an elision, a word of another language, two
    words closed up, or a capitalised word whose correction changes its first letter."""


def judge(evidence: Evidence, thresholds: Thresholds) -> Confidence:
    """The severity the policy above gives one unknown word."""
    cost = evidence.cost
    if cost is None:
        return Confidence.SILENT if evidence.listed or evidence.zipf >= thresholds.used_zipf else Confidence.INFO
    gap = evidence.candidate_zipf - evidence.zipf
    near_common = cost <= thresholds.slip_cost and gap >= thresholds.min_gap
    if evidence.listed or evidence.zipf >= thresholds.used_zipf:
        shown = cost <= thresholds.max_cost and gap >= thresholds.info_gap
        return Confidence.INFO if shown else Confidence.SILENT
    common_candidate = evidence.candidate_zipf >= thresholds.min_candidate_zipf
    if evidence.deliberate:
        return Confidence.INFO
    if evidence.capitalised:
        return Confidence.WARNING if near_common and common_candidate else Confidence.INFO
    if evidence.zipf > 0:
        return Confidence.WARNING if near_common and common_candidate else Confidence.INFO
    likely = cost <= thresholds.max_cost or (evidence.context_supports and cost <= thresholds.context_cost)
    return Confidence.WARNING if likely and common_candidate else Confidence.INFO
