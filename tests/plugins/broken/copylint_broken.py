"""A plugin that fails on import, to show copylint reports it by name and carries on."""

raise ImportError("this plugin is broken on purpose")
