"""Transcript turns: the statements a speaker label attributes.

News copy prints interviews and debates as transcripts, one turn a paragraph
under its speaker's label, often with an opening quote mark and none to close
it ('"PENCE: Gennifer Flowers will not be attending ...'), and a turn that
runs on over more paragraphs opens each of them with a fresh quote mark. There
is no verb to cue such a statement, so the parse finds none, or worse, takes a
verb inside the turn ("Donald Trump was using the tweet ... to mock") for the
turn's cue. Here the label is the source, the colon the cue, and the turn, to
the next label, the content: quoted speech. A label is written in capitals
("WALLACE", "GOV. PENCE"), and note labels ("UPDATE:") are none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factcheck.attribution.raw import RawAttribution

LABEL_CUE = ":"
# '"WALLACE: Let’s start ...', 'MR. TRUMP: ...': a turn of a transcript, its opening quote optional.
_TURN = re.compile(r"^[ \t]*[\"“]?(?P<label>[A-Z][A-Z’'.-]*[A-Z.](?: [A-Z][A-Z’'.-]*[A-Z.]){0,3}):[ \t]+"
                   r"(?P<content>\S.*)$", re.MULTILINE)
# Capitalised labels that head a note, not a turn.
NOT_SPEAKERS = frozenset({
    "CLARIFICATION", "CORRECTION", "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ",
    "READ MORE", "RELATED", "VIDEO", "PHOTO", "PHOTOS", "BREAKING", "ADVERTISEMENT", "SOURCE", "SOURCES", "TOPICS",
    "TRANSCRIPT", "FILE", "AP", "UPI", "TAGS", "SEE ALSO", "ALSO", "WARNING", "EXCLUSIVE", "OPINION", "ANALYSIS",
    "LIVE", "QUESTION", "ANSWER", "MORE"})
_CLOSING_QUOTES = "”\""


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in _CLOSING_QUOTES:
        end -= 1
    return start, end


def _attribution(doc: Doc, text: str, label: tuple[int, int], content: tuple[int, int],
                 line: tuple[int, int]) -> RawAttribution | None:
    start, end = _content_bounds(text, *content)
    head = doc.char_span(label[0], label[1], alignment_mode="expand")
    if end <= start or head is None:
        return None
    return RawAttribution(
        cue=LABEL_CUE, cue_lemma=LABEL_CUE, cue_start=label[1], cue_end=label[1] + 1, kind="direct",
        stance="assert", content_start=start, content_end=end, content=text[start:end].strip(),
        speaker_start=label[0], speaker_end=label[1], speaker_text=text[label[0] : label[1]],
        speaker_head=head[-1].i, sentence_start=line[0], sentence_end=line[1],
    )


_LINE = re.compile(r"[^\n]+")
_OPENING_QUOTES = "“\""


def _continues_turn(line: str) -> bool:
    """A paragraph that opens on a fresh quote mark carries on the turn before it; a new label starts a new
    turn, and a stage note ('"(CROSSTALK.)') ends it."""
    stripped = line.strip()
    return stripped[:1] in _OPENING_QUOTES and stripped[1:2] != "(" and _TURN.match(line) is None


def label_attributions(doc: Doc) -> list[RawAttribution]:
    """The transcript turns of an article, in text order."""
    text = doc.text  # spaCy joins the tokens again on every ``doc.text``
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group(0).strip()]
    found: list[RawAttribution] = []
    for k, (start, end) in enumerate(lines):
        m = _TURN.match(text, start, end)
        if m is None or m.group("label") in NOT_SPEAKERS or not re.search(r"[A-Z]{3}", m.group("label")):
            continue
        turn_end = end
        for next_start, next_end in lines[k + 1 :]:
            if not _continues_turn(text[next_start:next_end]):
                break
            turn_end = next_end
        att = _attribution(doc, text, m.span("label"), (m.start("content"), turn_end), (m.start("label"), turn_end))
        if att is not None:
            found.append(att)
    return found


def is_label(att: RawAttribution) -> bool:
    """Was the attribution read off a transcript label?"""
    return att.cue == LABEL_CUE and att.cue_lemma == LABEL_CUE
