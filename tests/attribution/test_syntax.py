from __future__ import annotations

from factcheck.attribution.syntax import main_clause_subjects


def test_the_subjects_of_a_stretchs_main_clauses_inside_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The union said night shifts on the wards ran short and managers ignored it.")
    content = doc[3:]  # "night shifts on the wards ran short and managers ignored it."
    assert [t.text for t in main_clause_subjects(content)] == ["shifts"]
    # The speaker is the subject of the whole sentence, outside the content.
    assert [t.text for t in main_clause_subjects(doc[:])] == ["union"]
    # "ran short": its subject lies outside the stretch; "and managers ignored": a clause of its own.
    assert list(main_clause_subjects(doc[8:10])) == []
    assert [t.text for t in main_clause_subjects(doc[10:13])] == ["managers"]
