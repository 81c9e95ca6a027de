"""Whether a compound word names a kind of its head: a handgun is a gun, a loophole no hole.

Opposite polarity counts a compound as its head ("her brother never had a gun"
against "the man pointed a handgun at officers"), but many words end in
another word without being a kind of it ("loophole", "airport", "password").
Spelling cannot tell the two apart; the topic embedder can: it puts "handgun"
near "gun" (0.80) and "loophole" far from "hole" (0.49).
"""

from __future__ import annotations

from factcheck.pairing.embedder import Embedder


class CompoundKinds:
    """``kind_of(compound, head)`` for opposite polarity, asked of the embedder once per word pair."""

    def __init__(self, embedder: Embedder, *, min_similarity: float) -> None:
        self.embedder = embedder
        self.min_similarity = min_similarity
        self._known: dict[tuple[str, str], bool] = {}

    def __call__(self, compound: str, head: str) -> bool:
        key = (compound, head)
        if key not in self._known:
            vectors = self.embedder.embed([compound, head])
            self._known[key] = float(vectors[0] @ vectors[1]) >= self.min_similarity
        return self._known[key]
