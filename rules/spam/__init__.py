"""Spam and piracy link lists; see README.md."""
