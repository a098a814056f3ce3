"""Spelling: the English lexicon, word forms, suggestions and context models used by the rules."""
