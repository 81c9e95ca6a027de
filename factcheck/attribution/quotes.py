"""Quotation spans in running text, tolerant of unbalanced marks.

Curly marks say which way they face; straight marks are read from the
characters around them. A quote left open at the end of a paragraph is closed
there (news style continues a quote in the next paragraph with a fresh opening
mark), so one stray mark never swallows the rest of an article.
"""

from __future__ import annotations

import dataclasses
import re

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclasses.dataclass(frozen=True)
class Quote:
    """Inner span of a quotation (the marks themselves are outside it)."""

    start: int
    end: int
    closed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:,":
        return not after.isspace()
    return False


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def find_quotes(text: str) -> list[Quote]:
    """Quotation spans of ``text`` in order, never overlapping."""
    quotes: list[Quote] = []
    for p_start, p_end in _paragraph_bounds(text):
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch in OPENING or (ch == STRAIGHT and open_at is None and _straight_opens(text, i)):
                if open_at is None:
                    open_at = i + 1
                continue
            if ch in CLOSING or ch == STRAIGHT:
                if open_at is not None and i > open_at:
                    quotes.append(Quote(open_at, i, closed=True))
                    open_at = None
        if open_at is not None:
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            if end > open_at:
                quotes.append(Quote(open_at, end, closed=False))
    return quotes
