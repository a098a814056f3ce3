"""Many files: discover them, lint each through one per-file pipeline, collect a run.

:mod:`.pipeline` reads one path, looks it up in the result cache (:mod:`.results`), lints it and
keeps only what its report needs; the serial and forked runner (:mod:`.runner`), the Dask
executor (:mod:`.cluster`) and ``fix`` (:mod:`.fixing`) all go through it. :mod:`.changes`
narrows a run to changed lines (``--diff-base``) or to findings not in a baseline. :mod:`.api`
is a whole run for Python callers, built on the same session as ``copylint check``.
"""
