from __future__ import annotations

import pytest
from attribution_statements import statements

from factcheck.attribution.stage import AttributionStage


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "kind", "stance", "content"),
    [
        ("The ministry denied that the figures were falsified.",
         "ministry", "denied", "indirect", "deny", "the figures were falsified"),
        ("“We will appeal the ruling,” said Maria Lopez, the mayor of Springfield.",
         "Maria Lopez", "said", "direct", "assert", "We will appeal the ruling"),
        ("John Carter said, “The budget is balanced.”",
         "John Carter", "said", "direct", "assert", "The budget is balanced."),
        ("Regulators accused Acme Corp of hiding losses from investors.",
         "Regulators", "accused", "indirect", "accuse", "Acme Corp of hiding losses from investors"),
        ("According to the Central Bank, inflation rose to 7 percent in March.",
         "Central Bank", "According to", "according_to", "assert", "inflation rose to 7 percent in March"),
        ("The union rejected the proposal.",
         "union", "rejected", "indirect", "reject", "the proposal"),
        ("Senator Ann Price insisted the vote would go ahead.",
         "Ann Price", "insisted", "indirect", "assert", "the vote would go ahead"),
        # The parser makes "for" the mark of the clause: the demand is still the whole clause.
        ("The trust has called for the ditches to be blocked with timber dams before the summer.",
         "trust", "called for", "indirect", "demand", "the ditches to be blocked with timber dams before the summer"),
        # The parser hangs "that they would be expelled" on "accused": the charge is still all of it.
        ("The company accused union officials of warning drivers who wanted to work that they would be expelled "
         "from the union.", "company", "accused", "indirect", "accuse",
         "union officials of warning drivers who wanted to work that they would be expelled from the union"),
        # A negated opinion holds the opposite; a negation inside the quote belongs to what is said.
        ("The minister does not believe that the figures are accurate.",
         "minister", "believe", "indirect", "deny", "the figures are accurate"),
        ("“Probably not,” said Ruth Moore.", "Ruth Moore", "said", "direct", "assert", "Probably not"),
        # Calling on someone to do something demands it.
        ("The senator called on the president to resign.", "senator", "called on", "indirect", "demand",
         "the president to resign"),
        # Asking someone to do something is a request, not a doubt.
        ("The campaign asked the moderator to check every claim.", "campaign", "asked", "indirect", "demand",
         "the moderator to check every claim"),
        # Challenging someone to do something dares them; challenging a finding disputes it.
        ("Cruz challenged Trump to a one-on-one debate before the caucus.", "Cruz", "challenged", "indirect",
         "demand", "Trump to a one-on-one debate before the caucus"),
        ("The senator challenged the findings of the report.", "senator", "challenged", "indirect", "reject",
         "the findings of the report"),
        # Who was quick to deny is who denies.
        ("The company was quick to deny that the plan had failed.", "company", "deny", "indirect", "deny",
         "the plan had failed"),
        # The parser takes the quoted show for the subject; the source is the name after the quote.
        ("“There is a severe disconnect,” Flynn, a top Trump surrogate, said on Fox News’s “Fox and Friends.”",
         "Flynn", "said", "direct", "assert", "There is a severe disconnect"),
    ],
)
def test_single_attribution(stage: AttributionStage, text: str, speaker: str, cue: str, kind: str,
                            stance: str, content: str) -> None:
    (s,) = statements(stage, text)
    assert s.speaker == speaker
    assert s.cue == cue
    assert s.kind == kind
    assert s.stance == stance
    assert s.content == content
    assert text[s.start : s.end] == content


def test_offsets_index_the_article_text(stage: AttributionStage, seed_path) -> None:  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8").split("\n", 2)[2]
    for s in statements(stage, text):
        assert text[s.start : s.end] == s.content
        assert s.sentence_start <= s.start
        assert s.content in s.sentence or s.kind == "direct"


def test_scare_quote_is_not_a_statement(stage: AttributionStage) -> None:
    text = "The council approved what critics call a “vanity project” on Tuesday."
    assert statements(stage, text) == []


def test_a_condition_reports_nothing(stage: AttributionStage) -> None:
    assert statements(stage, "If he denies that he was there, the case collapses.") == []


def test_blasting_out_releases_sends_them(stage: AttributionStage) -> None:
    assert statements(stage, "The campaign blasted out a barrage of news releases on Monday.") == []


def test_the_it_of_it_is_hard_to_say_is_no_speaker(stage: AttributionStage) -> None:
    for text in ("It is hard not to think that Francis sees his job as exactly the same.",
                 "It is easy to say that the plan failed."):
        assert statements(stage, text) == [], text


def test_multi_sentence_quote_is_one_statement(stage: AttributionStage) -> None:
    text = "“We saw nothing. The report is wrong,” the agency said."
    (s,) = statements(stage, text)
    assert s.kind == "direct"
    assert s.content.startswith("We saw nothing.") and s.content.endswith("The report is wrong")


def test_pronoun_speaker_resolves_to_named_person(stage: AttributionStage) -> None:
    text = ("Finance Minister Karen Holt presented the budget on Monday. "
            "“Growth will return next year,” she said.")
    (s,) = statements(stage, text)
    assert s.speaker == "Karen Holt"
    assert s.speaker_mention == "she"


def test_statement_from_an_organisation_resolves_to_it(stage: AttributionStage) -> None:
    text = ("The Riverside Health Institute published new figures. "
            "“The outbreak is contained,” said a statement from the institute.")
    (s,) = statements(stage, text)
    assert s.speaker == "Riverside Health Institute"
    assert s.speaker_mention == "a statement from the institute"


def test_cue_inside_a_quote_is_not_a_second_statement(stage: AttributionStage) -> None:
    text = "“They have not clarified what they want,” said the Harbor Workers Union."
    (s,) = statements(stage, text)
    assert s.speaker == "Harbor Workers Union"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“We could not land in that fog,” a pilot for the airline said, “however hard we tried.”",
         "We could not land in that fog"),
        ("\"I was fired because we lost six games,\" he said, \"and everyone at the club knows it.\"",
         "I was fired because we lost six games"),
        ("“Every sample is tested before release,” the chief executive, Ann Ode, said, "
         "“so this claim is wrong.”", "Every sample is tested before release"),
    ],
)
def test_quote_split_by_its_attribution_is_reported_by_its_first_half(stage: AttributionStage, text: str,
                                                                      content: str) -> None:
    (s,) = statements(stage, text)
    assert (s.kind, s.content) == ("direct", content)


def test_split_quote_with_a_new_sentence_after_the_cue_is_not_cut() -> None:
    from factcheck.attribution.extract import _SPLIT_GAP_AFTER

    assert _SPLIT_GAP_AFTER.match(", “")
    assert not _SPLIT_GAP_AFTER.match(". “")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("“The figure looks small,” he said, “and students will find out the rest later.”",
         "he", "The figure looks small"),
        ("“He had his hands on the wheel,” she said. “They never even asked him for his license.”",
         "she", "They never even asked him for his license."),
    ],
)
def test_cue_inside_a_reported_quote_is_part_of_the_quote(stage: AttributionStage, text: str, speaker: str,
                                                          content: str) -> None:
    found = statements(stage, text)
    assert all(s.speaker_mention == speaker for s in found)
    assert found[-1].content == content


def test_cue_inside_an_unattributed_quote_still_counts(stage: AttributionStage) -> None:
    text = "Under the headline “Mayor denies he misled voters”, the paper ran a long story."
    assert [(s.cue, s.speaker_mention) for s in statements(stage, text)] == [("denies", "Mayor")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Travellers accused the budget carrier Zentair of ignoring them.", "budget carrier zentair"),
        ("Residents accused the mining company Ostrava Copper of polluting the river.",
         "mining company ostrava copper"),
        ("Residents accused the company, which runs the mine, of polluting the river.", "company"),
    ],
)
def test_accusation_target_keeps_the_name_beside_its_noun(stage: AttributionStage, text: str, target: str) -> None:
    (s,) = statements(stage, text)
    assert s.target == target


def test_continued_quote_has_its_own_target_and_negation(stage: AttributionStage) -> None:
    text = "“I have never cheated,” he said. “The laboratory made a mistake with my sample.”"
    first, second = statements(stage, text)
    assert first.negated and not second.negated
    assert second.target == "laboratory"


def test_a_quote_of_several_sentences_is_negative_when_its_first_sentence_is(stage: AttributionStage) -> None:
    # A quote that runs on after its attribution's sentence is read as a whole.
    opens_flat = ("“The fire spread too fast,” the company said. “We never locked the exits. Every door was "
                  "open when the crews arrived.”")
    negates_later = ("“The tax laws are unfair,” Trump said. “It is something I have talked about for a long "
                     "time. But I am working for you now. I am not working for Trump.”")
    denial = statements(stage, opens_flat)[-1]
    aside = statements(stage, negates_later)[-1]
    assert denial.content.startswith("We never locked") and denial.negated
    assert aside.content.startswith("It is something") and not aside.negated


def test_statements_do_not_depend_on_how_many_articles_spacy_parses_at_once(stage: AttributionStage) -> None:
    import dataclasses

    from factcheck.config import AttributionConfig
    from factcheck.records import CleanArticle

    texts = ["The ministry denied that the figures were falsified.",
             "Regulators accused Acme Corp of hiding losses from investors. The company rejected the claim.",
             "“We will appeal the ruling,” said Maria Lopez, the mayor of Springfield."]
    articles = [CleanArticle(id=f"t{i}", text=t, source=f"t{i}") for i, t in enumerate(texts)]
    batched = AttributionStage(dataclasses.replace(AttributionConfig(), parse_batch_docs=16))
    assert stage.config.parse_batch_docs == 1
    one_by_one = [found for _, found in stage(articles)]
    together = [found for _, found in batched(articles)]
    assert one_by_one == together
    assert sum(len(f) for f in one_by_one) >= 4


@pytest.mark.parametrize("text", [
    "Clinton has not mentioned Machado since the Monday night debate.",
    "An attorney for Mills did not immediately respond to requests for comment.",
    "Trump did not unveil plans to pay for the expansion.",
    "The government could deny them mining permits.",  # withholding something disputes no claim
    "The campaign is working to deny him even that long shot path by taking advantage of the rules.",
])
def test_a_negated_report_is_no_statement(stage: AttributionStage, text: str) -> None:
    assert statements(stage, text) == []


def test_what_an_event_shows_is_no_statement(stage: AttributionStage) -> None:
    text = "At the same time, the popularity of Mr. Trump shows how deeply the party's elites misjudged the voters."
    assert statements(stage, text) == []
    assert statements(stage, "A new survey by the Pew center shows how deeply the party's elites misjudged the voters.")


@pytest.mark.parametrize("text", [
    # an act is no source of the verb that completes it
    "Sen. Graham's energetic endorsement of Cruz \u2013 and Cruz's refusal to disavow the endorsement of a man who "
    "many believe betrayed the American people \u2013 will raise questions.",
    # nor is "nothing"
    "There's really nothing that suggests Trump couldn't prevail, even in a contested convention scenario.",
])
def test_an_act_or_nothing_says_nothing(stage: AttributionStage, text: str) -> None:
    assert statements(stage, text) == []


def test_not_disputing_a_claim_concedes_it(stage: AttributionStage) -> None:
    (found,) = statements(stage, "But Sean Hannity did not dispute that he lends his thoughts to Mr. Trump.")
    assert (found.speaker, found.stance, found.content) == ("Sean Hannity", "admit",
                                                            "he lends his thoughts to Mr. Trump")


def test_promising_to_be_something_is_no_promise(stage: AttributionStage) -> None:
    assert statements(stage, "The debate promised to be a crucial moment for the retired surgeon.") == []
    assert statements(stage, "The mayor promised to build a crucial bridge for the town.")


def test_evidence_that_appears_to_contradict_a_claim_is_no_statement(stage: AttributionStage) -> None:
    text = "The memo appears to contradict the mayor's comments that no warning had reached the city."
    assert statements(stage, text) == []
    assert statements(stage, "The memo contradicts the mayor's comments that no warning had reached the city.")


def test_a_line_break_ends_a_sentence(stage: AttributionStage) -> None:
    # A live blog's headline and time stamp are no part of the subject below them.
    text = ("The Latest: Leaked taxes not from Connecticut.\n\n2:45 p.m.\n\n"
            "Connecticut's tax commissioner says an internal review found no leak.")
    (s,) = statements(stage, text)
    assert "\n" not in s.speaker_mention and "Latest" not in s.speaker


def test_a_content_that_relays_another_sources_report(stage: AttributionStage) -> None:
    relayed = "Police have said they have no plans to release the recordings, according to attorneys for the family."
    (s,) = statements(stage, relayed)
    assert s.kind == "according_to" and s.content.startswith("Police have said") and s.second_hand
    # The speaker's own mind is no relay, nor is a pronoun for the speaker.
    for own in ("Michael Tanner said he thinks the campaign has stayed vague on the details.",
                "The council noted they had previously said they would raise fees."):
        assert not any(x.second_hand for x in statements(stage, own))


def test_calling_a_thing_something_says_what_it_is(stage: AttributionStage) -> None:
    (s,) = statements(stage, "Democrats called the contempt citation a transparent political ploy.")
    assert (s.speaker, s.cue, s.content) == ("Democrats", "called", "the contempt citation a transparent political ploy")
    # Calling someone, or the police, names nothing.
    assert statements(stage, "She called the police after the break-in.") == []
    assert statements(stage, "He called his mother on Sunday.") == []


def test_a_quote_in_the_paragraph_before_is_not_the_next_speakers(stage: AttributionStage) -> None:
    text = ("“Every way out was clear,” said Howard Brennick, the managing director. “We passed an inspection.”\n\n"
            "Leticia Moraes, a machine operator, described the first minutes of the fire.")
    found = statements(stage, text)
    assert [(s.speaker, s.content) for s in found if "inspection" in s.content] == [
        ("Howard Brennick", "We passed an inspection.")]


def test_the_writers_own_question_reports_nothing(stage: AttributionStage) -> None:
    text = ("So the question for the Senate leadership is stark: Would they prefer an Obama nominee who is expected "
            "to be moderate, or one chosen by Mrs. Clinton?")
    assert statements(stage, text) == []
    # the same cue as a statement, and a question a quoted source asks, stay
    assert statements(stage, "They prefer an Obama nominee who is expected to be moderate.")
    assert statements(stage, "\u201cWhy would they prefer a nominee chosen by Mrs. Clinton?\u201d Mr. Reid said.")
