"""Cut an article into plain pieces so a template can mark both statements.

The text is only ever sliced at offsets; escaping is left to the template's
autoescape, so no piece of the article is inserted into HTML as markup.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence

from factcheck.records import Statement

# Roles that are statements (rendered as <mark>); others are speaker and cue spans.
STATEMENT_ROLES = ("a", "b")


@dataclasses.dataclass(frozen=True)
class RoleSpan:
    """A start-inclusive, end-exclusive span of the text with the role it plays."""

    start: int
    end: int
    role: str


@dataclasses.dataclass(frozen=True)
class Segment:
    """A run of text covered by the same roles."""

    text: str
    roles: tuple[str, ...] = ()
    anchor: str = ""

    @property
    def is_statement(self) -> bool:
        return any(role in STATEMENT_ROLES for role in self.roles)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{role}" for role in self.roles)


def locate(text: str, *, start: int, end: int, expected: str) -> tuple[int, int] | None:
    """The span of ``expected`` in ``text``: the given offsets when they hold it, else its first occurrence."""
    valid = 0 <= start < end <= len(text)
    if valid and text[start:end] == expected:
        return start, end
    found = text.find(expected) if expected else -1
    if found >= 0:
        return found, found + len(expected)
    return (start, end) if valid else None


def statement_spans(text: str, statement: Statement, *, side: str) -> list[RoleSpan]:
    """Spans of a statement's content, speaker mention and cue, tagged with ``side`` ('a' or 'b')."""
    spans: list[RoleSpan] = []
    content = locate(text, start=statement.start, end=statement.end, expected=statement.content)
    if content is not None:
        spans.append(RoleSpan(content[0], content[1], side))
    for role, start, end in (
        (f"speaker-{side}", statement.speaker_start, statement.speaker_end),
        (f"cue-{side}", statement.cue_start, statement.cue_end),
    ):
        if 0 <= start < end <= len(text):
            spans.append(RoleSpan(start, end, role))
    return spans


def segments(text: str, spans: Sequence[RoleSpan]) -> list[Segment]:
    """Split ``text`` at every span boundary; each piece lists the roles covering it.

    The first piece of each statement gets an anchor (``stmt-a``, ``stmt-b``).
    """
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[Segment] = []
    anchored: set[str] = set()
    for lo, hi in itertools.pairwise(bounds):
        roles = tuple(sorted({s.role for s in spans if s.start <= lo and hi <= s.end}))
        anchor = ""
        for role in roles:
            if role in STATEMENT_ROLES and role not in anchored and not anchor:
                anchored.add(role)
                anchor = f"stmt-{role}"
        out.append(Segment(text=text[lo:hi], roles=roles, anchor=anchor))
    return out


def highlight(text: str, a: Statement, b: Statement) -> list[Segment]:
    """The article cut into pieces with statement A and B (and their speakers and cues) tagged."""
    return segments(text, [*statement_spans(text, a, side="a"), *statement_spans(text, b, side="b")])
