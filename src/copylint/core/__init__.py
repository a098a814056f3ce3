"""One document, pure: source text → prose view → tokens → findings → fixed text.

The core knows nothing of files on disk, configuration, plugins or output. It holds the source
and its positions (:mod:`.source`), the prose a reader sees with its exact map back to the source
(:mod:`.prose`), the words, sentences and URLs cut once per document (:mod:`.tokens`), findings
and fixes as data (:mod:`.finding`), the :class:`~.rule.Rule` base class and the context rules
report through (:mod:`.rule`), inline suppression (:mod:`.suppress`), rule selection
(:mod:`.selection`), the engine that runs the rules over one document (:mod:`.engine`) and the
fixer that applies fixes to a fixed point (:mod:`.fixer`). Everything above builds on it; it
imports only :mod:`copylint.store` (for the public suffix table the tokeniser consults).
"""
