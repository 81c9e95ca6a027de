from __future__ import annotations

import pytest

from factcheck.records import Statement
from factcheck.review.highlight import RoleSpan, Segment, highlight, locate, segments

TEXT = 'Ann said "taxes will fall". Bob replied that taxes will rise.'


def _stmt(content: str, start: int, *, speaker: tuple[int, int] = (-1, -1)) -> Statement:
    return Statement(
        id="x",
        speaker="X",
        speaker_mention="X",
        cue="said",
        kind="direct",
        stance="assert",
        content=content,
        sentence=content,
        start=start,
        end=start + len(content),
        speaker_start=speaker[0],
        speaker_end=speaker[1],
    )


def test_pieces_put_back_together_are_the_text() -> None:
    a = _stmt("taxes will fall", TEXT.index("taxes will fall"), speaker=(0, 3))
    b = _stmt("taxes will rise", TEXT.index("taxes will rise"))
    pieces = highlight(TEXT, a, b)
    assert "".join(p.text for p in pieces) == TEXT
    marked = [(p.text, p.roles, p.anchor) for p in pieces if p.roles]
    assert marked == [
        ("Ann", ("speaker-a",), ""),
        ("taxes will fall", ("a",), "stmt-a"),
        ("taxes will rise", ("b",), "stmt-b"),
    ]


def test_overlapping_statements_share_the_overlap() -> None:
    pieces = segments("abcdef", [RoleSpan(0, 4, "a"), RoleSpan(2, 6, "b")])
    assert [(p.text, p.roles) for p in pieces] == [("ab", ("a",)), ("cd", ("a", "b")), ("ef", ("b",))]
    assert [p.anchor for p in pieces] == ["stmt-a", "stmt-b", ""]
    assert Segment("cd", ("a", "b")).css == "hl-a hl-b"


@pytest.mark.parametrize(
    ("start", "end", "expected", "found"),
    [
        (10, 25, "taxes will fall", (10, 25)),  # offsets hold the content
        (0, 5, "taxes will rise", (45, 60)),  # stale offsets: found by text
        (500, 600, "not in the text", None),  # nothing to mark
        (0, 3, "not in the text", (0, 3)),  # valid offsets are trusted when the text differs
    ],
)
def test_locate(start: int, end: int, expected: str, found: tuple[int, int] | None) -> None:
    assert locate(TEXT, start=start, end=end, expected=expected) == found
