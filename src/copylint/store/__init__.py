"""Data kept on disk: the files copylint ships and what it remembers between runs.

The bottom layer, importing nothing else of copylint: atomic file replacement and the per-user
cache folder (:mod:`.files`), the shipped data files and their one loader (:mod:`.shipped`), the
installed environment (plugin entry points, package versions, the code digest) remembered
between runs (:mod:`.environment`), and the memory-mapped pickled tables built from installed
word lists (:mod:`.tables`).
"""
