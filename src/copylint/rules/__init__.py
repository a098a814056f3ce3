"""Built-in rules, one module per family, registered through copylint's own plugin hooks."""

from __future__ import annotations

from collections.abc import Sequence

from copylint.core.rule import Rule
from copylint.hookspecs import hookimpl
from copylint.rules.articles import Article
from copylint.rules.grammar.agreement import Agreement
from copylint.rules.grammar.modal_of import ModalOf
from copylint.rules.grammar.negation import DoubleNegative
from copylint.rules.grammar.participle import ReportingComma
from copylint.rules.invisible import InvisibleCharacter, MixedScript
from copylint.rules.languagetool import LanguageToolCheck
from copylint.rules.meta import UnusedSuppression
from copylint.rules.punctuation import (
    DoubledPunctuation,
    MissingSpaceAfter,
    Quotes,
    SpaceBeforePunctuation,
    SpacedAbbreviation,
    SpacingInside,
    StraySlash,
    UnbalancedBrackets,
)
from copylint.rules.realword import WordInContext
from copylint.rules.realword.confusion import ConfusionPairRule
from copylint.rules.realword.its import ItsItIs
from copylint.rules.realword.nounverb import NounVerbConfusion
from copylint.rules.realword.phrases import MisheardPhrase
from copylint.rules.realword.possessives import PossessiveConfusion
from copylint.rules.realword.then_than import ThenThan
from copylint.rules.realword.verbs import VerbConfusion
from copylint.rules.repetition import DoubledPhrase, DoubledWord, RepeatedFragment, RepeatedSentence
from copylint.rules.spam import SpamLink
from copylint.rules.spelling import RejectedWord, Typo
from copylint.rules.spelling.variety import VarietyMix
from copylint.rules.style import DashSpacing, MixedQuoteStyle


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return (
        DoubledWord,
        DoubledPhrase,
        RepeatedFragment,
        RepeatedSentence,
        Typo,
        RejectedWord,
        VarietyMix,
        WordInContext,
        ThenThan,
        ConfusionPairRule,
        ItsItIs,
        MisheardPhrase,
        PossessiveConfusion,
        VerbConfusion,
        NounVerbConfusion,
        ModalOf,
        Agreement,
        DoubleNegative,
        ReportingComma,
        StraySlash,
        DoubledPunctuation,
        SpaceBeforePunctuation,
        MissingSpaceAfter,
        SpacingInside,
        SpacedAbbreviation,
        UnbalancedBrackets,
        Quotes,
        MixedQuoteStyle,
        InvisibleCharacter,
        MixedScript,
        DashSpacing,
        SpamLink,
        UnusedSuppression,
        Article,
        LanguageToolCheck,
    )
