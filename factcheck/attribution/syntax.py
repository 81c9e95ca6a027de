"""Small readings of a spaCy parse shared by the attribution stages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def main_clause_subjects(words: Sequence[Token]) -> Iterator[Token]:
    """The subjects of the top-level words of a stretch of text (those whose head lies outside it), inside it:
    "[samples] its volunteers took ...", "[Scott's relatives] watched ..."."""
    ids = {t.i for t in words}
    for root in words:
        if root.head.i in ids and root.head.i != root.i:
            continue
        subject = next((c for c in root.children if c.dep_ in NOMINAL_SUBJECTS and c.i in ids), None)
        if subject is not None:
            yield subject
