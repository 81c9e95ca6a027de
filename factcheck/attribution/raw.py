"""An attribution as extraction finds it: cue, source phrase and content span, speaker unresolved."""

from __future__ import annotations

import dataclasses

from factcheck.records import Kind, Stance


@dataclasses.dataclass(frozen=True)
class RawAttribution:
    """An attribution before its speaker is resolved. Offsets are characters."""

    cue: str
    cue_lemma: str
    cue_start: int
    cue_end: int
    kind: Kind
    stance: Stance
    content_start: int
    content_end: int
    content: str
    speaker_start: int
    speaker_end: int
    speaker_text: str
    speaker_head: int  # token index of the speaker's head, -1 when unknown
    sentence_start: int
    sentence_end: int
    target: str = ""  # who the content is about: its subject, or whom an accusation names
    negated: bool = False  # the content's main clause is negative
    second_hand: bool = False  # the content opens on another source's report: "Police have said they ..."
