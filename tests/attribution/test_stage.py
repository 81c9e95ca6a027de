from __future__ import annotations

import pytest

from factcheck.attribution.stage import content_is_noun_phrase


@pytest.mark.parametrize(("sentence", "content", "expected"), [
    ("Clinton cited derogatory comments Trump had made about Machado.", "derogatory comments Trump had made about Machado", True),
    ("RT covered the move, echoing Mr. Putin.", "Mr. Putin", True),
    ("The union rejected the announcement.", "the announcement", True),
    # A verb at the top of the content makes it a clause, an infinitive or a finite one.
    ("In the end, Patriot agreed to effectively lend Mr. Clarke $5 million.", "to effectively lend Mr. Clarke $5 million",
     False),
    ("She said the company would release an update.", "the company would release an update", False),
])
def test_a_content_that_only_names_a_thing(nlp, sentence: str, content: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    start = sentence.index(content)
    assert content_is_noun_phrase(nlp(sentence), start, start + len(content)) is expected
