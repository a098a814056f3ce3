"""Rules defined by data: copylint's YAML rule packs and Vale styles, run by one engine.

A pack file is read into typed rule specifications (:mod:`.schema`); Vale's ``.vale.ini`` and
style folders are translated into the same specifications (:mod:`.vale`); :mod:`.rule` turns a
specification into a :class:`~copylint.core.rule.Rule` class. Patterns that could backtrack for
ever are refused when loaded (:mod:`.regex_safety`). The packs copylint ships are registered by
:mod:`.builtin`.
"""
