"""Helpers of scripts/build_spam_model.py: its sources, seeds and held-out report."""
