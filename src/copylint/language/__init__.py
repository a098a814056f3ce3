"""English knowledge the rules consult; no rule classes here.

The lexicon, word forms, suggestions and context models for spelling and real-word errors
(:mod:`.spelling`), link candidates and spam signals with the shipped spam lists (:mod:`.links`),
Cyrillic and Greek letters that look Latin (:mod:`.lookalikes`), whether a stretch of prose is
in another language (:mod:`.foreign`), and the HTTP client for a LanguageTool server
(:mod:`.languagetool`).
"""
