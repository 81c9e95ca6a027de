"""Pairing: which statements are about the same proposition, and how they relate."""
