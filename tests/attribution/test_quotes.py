from __future__ import annotations

import pytest

from factcheck.attribution.quotes import find_quotes


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” he said.", ["We will win,"]),
        ('"We will win," he said.', ["We will win,"]),
        ('He called it "a hoax" and "a scam."', ["a hoax", "a scam."]),
        ("“First part,” she said, “second part.”", ["First part,", "second part."]),
        ("She said it’s fine and that’s that.", []),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_unbalanced_quote_is_closed_at_paragraph_end() -> None:
    text = "“This goes on and on\n\nA new paragraph with “its own quote” here."
    assert spans(text) == ["This goes on and on", "its own quote"]


def test_stray_closing_mark_is_ignored() -> None:
    text = "Nothing opened here” but “this did.”"
    assert spans(text) == ["this did."]
