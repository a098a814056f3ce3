"""Rules defined by data: copylint's YAML rule packs and Vale styles, run by one engine.

Two front-ends read rules into the same typed specifications (:mod:`.spec`, one class per kind):
:mod:`.schema` reads a copylint pack, :mod:`.vale` translates a ``.vale.ini`` and its styles,
writing what Vale does its own way into the specs as data. :mod:`.kinds` implements each kind once
(existence, substitution, consistency, capitalization, occurrence, repetition, conditional) over
the units and matches :mod:`.search` finds, with casing from :mod:`.casing`; :mod:`.rule` makes
the rule class for a spec. Patterns that could backtrack for ever are refused when loaded
(:mod:`.regex_safety`). The packs copylint ships are registered by :mod:`.builtin`.
"""
