"""What the user asked for, turned into a :class:`~.session.Session` built once per command.

The plugins (built-ins and entry points, :mod:`.plugins`), the configuration file read once
(:mod:`.config`), rule packs and Vale styles added as rules, the command line, and from them the
settings for each path (:mod:`.resolver`) and the files to lint (:mod:`.discovery`).
"""
