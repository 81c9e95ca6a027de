from __future__ import annotations

from attribution_statements import statements

from factcheck.attribution.stage import AttributionStage

TRANSCRIPT = (
    "Republican vice-presidential nominee Gov. Mike Pence said on Sunday that the tweet was only a joke.\n\n"
    "Partial transcript as follows:\n\n"
    "\"WALLACE: Will Gennifer Flowers actually be there tomorrow night?\n\n"
    "\"PENCE: Gennifer Flowers will not be attending the debate. Donald Trump was using the tweet to mock "
    "an effort by Hillary Clinton to distract attention.\n\n"
    "\"I just know that he is going to present that choice to the American people.\n\n"
    "\"(CROSSTALK.)\n\n"
    "\"UPDATE: The debate starts at nine.\n"
)


def test_each_turn_of_a_transcript_is_its_labels_statement(stage: AttributionStage) -> None:
    turns = [s for s in statements(stage, TRANSCRIPT) if s.cue == ":"]
    assert [(s.speaker, s.speaker_mention, s.kind) for s in turns] == [
        ("Wallace", "WALLACE", "direct"), ("Mike Pence", "PENCE", "direct")]
    wallace, pence = turns
    assert wallace.content == "Will Gennifer Flowers actually be there tomorrow night?"
    # The turn runs on over the next quoted paragraph, and stops at the stage note.
    assert pence.content.startswith("Gennifer Flowers will not be attending")
    assert pence.content.endswith("present that choice to the American people.")
    assert "CROSSTALK" not in pence.content
    assert TRANSCRIPT[pence.start : pence.end] == pence.content


def test_a_verb_inside_a_turn_is_no_cue_and_a_note_label_no_speaker(stage: AttributionStage) -> None:
    found = statements(stage, TRANSCRIPT)
    assert not [s for s in found if s.cue_lemma == "mock"]
    assert not [s for s in found if "UPDATE" in s.speaker_mention or "nine" in s.content]
    # The article's own attribution before the transcript stays.
    assert found[0].speaker == "Mike Pence" and found[0].cue == "said"


def test_a_title_in_a_label_is_not_part_of_the_name(stage: AttributionStage) -> None:
    text = ("Gov. Mike Pence spoke to reporters on Sunday.\n\n"
            "GOV. PENCE: The campaign will not change its message before the debate.\n")
    (turn,) = [s for s in statements(stage, text) if s.cue == ":"]
    assert (turn.speaker, turn.speaker_mention) == ("Mike Pence", "GOV. PENCE")
