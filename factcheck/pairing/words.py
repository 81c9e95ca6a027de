"""The one word normaliser pairing compares words with."""

from __future__ import annotations


def stem(word: str) -> str:
    """A crude singular: "ballots" -> ballot, "bodies" -> body, "guns" -> gun; "press" stays."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w
