from __future__ import annotations

import pytest

from factcheck.attribution.stage import content_is_noun_phrase, content_subject


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


@pytest.mark.parametrize(("sentence", "content", "subject"), [
    ("The union said night shifts on the hospital’s wards ran with one nurse.",
     "night shifts on the hospital’s wards ran with one nurse", "night shifts on the hospital’s wards"),
    ("Scott's relatives, including his wife, watched the police videos on Thursday, their attorneys said.",
     "Scott's relatives, including his wife, watched the police videos on Thursday",
     "Scott's relatives, including his wife"),
    # No subject inside the content: an infinitive.
    ("In the end, Patriot agreed to effectively lend Mr. Clarke $5 million.", "to effectively lend Mr. Clarke $5 million",
     ""),
])
def test_the_subject_of_a_content_as_written(nlp, sentence: str, content: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    start = sentence.index(content)
    assert content_subject(nlp(sentence), start, start + len(content)) == subject
