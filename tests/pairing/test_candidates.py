from __future__ import annotations

import dataclasses

from pairing_statements import stmt, unit

from factcheck.config import PairingConfig
from factcheck.pairing.candidates import find_candidates, identified


def test_same_speaker_is_never_a_candidate() -> None:
    a = stmt("s1", "Ricardo Sanchez", "we will act")
    b = stmt("s2", "Ricardo Sanchez", "we will act now", start=100)
    vec = unit([1, 0], [1, 0])
    assert find_candidates("x", [a, b], vec, config=PairingConfig()) == []


def test_off_topic_pairs_are_pruned_and_on_topic_kept() -> None:
    a = stmt("s1", "Acme", "profits rose", keywords=("profit",))
    b = stmt("s2", "Regulator", "profits fell", start=50, keywords=("profit",))
    c = stmt("s3", "Weather office", "rain tomorrow", start=90, keywords=("rain",))
    vec = unit([1, 0.1], [1, 0.2], [0, 1])
    found = find_candidates("x", [a, b, c], vec, config=PairingConfig())
    assert [(p.a.id, p.b.id) for p in found] == [("s1", "s2")]


def test_conflicting_figures_link_statements_on_one_topic() -> None:
    a = dataclasses.replace(stmt("s1", "Agency", "about 120,000 patients received pills"),
                            quantities=((120000.0, "patient"),))
    b = dataclasses.replace(stmt("s2", "Veltra", "fewer than 60,000 patients received pills", start=80),
                            quantities=((60000.0, "patient"),))
    found = find_candidates("x", [a, b], unit([1, 0.2], [1, 0.3]), config=PairingConfig())
    assert [p.link for p in found] == ["conflicting-figures"]


def test_figures_and_directions_conflict_only_near_each_other() -> None:
    a = dataclasses.replace(stmt("s1", "Agency", "about 120,000 patients received pills", keywords=("patient", "pill")),
                            quantities=((120000.0, "patient"),))
    b = dataclasses.replace(stmt("s2", "Veltra", "fewer than 60,000 patients received pills",
                                 keywords=("patient", "pill")), quantities=((60000.0, "patient"),))
    rose = stmt("s1", "Agency", "recalls of the pills rose", keywords=("recall", "pill"))
    fell = stmt("s2", "Veltra", "recalls of the pills fell", keywords=("recall", "pill"))
    vec = unit([1, 0.2], [1, 0.3])
    for first, second, link in ((a, b, "conflicting-figures"), (rose, fell, "opposite-directions")):
        # a figure disputes one reported in the same or the next paragraph; a negation may stand a little further
        for gap, linked in ((200, True), (800, False), (3000, False)):
            later = dataclasses.replace(second, start=first.end + gap, end=first.end + gap + len(second.content))
            found = find_candidates("x", [first, later], vec, config=PairingConfig())
            assert [p.link for p in found] == [link if linked else ""], (link, gap)


def test_figures_each_side_gives_of_its_own_doing_are_no_conflict() -> None:
    # "conservative groups reported spending $6 million attacking Clinton" / "a trio of PACs reported spending
    # $513,000 supporting him": each counts its own spending.
    groups = dataclasses.replace(stmt("s1", "conservative groups", "spending $6 million on ads attacking Clinton",
                                      cue_lemma="report", keywords=("spending", "ad")), quantities=((6e6, "$"),))
    pacs = dataclasses.replace(stmt("s2", "trio of PACs", "spending $513,000 on ads supporting him", start=80,
                                    cue_lemma="report", keywords=("spending", "ad")), quantities=((513000.0, "$"),))
    vec = unit([1, 0.2], [1, 0.3])
    assert [p.link for p in find_candidates("x", [groups, pacs], vec, config=PairingConfig())] == [""]
    # a figure someone gives of another's spending can dispute it
    filings = dataclasses.replace(pacs, speaker="Federal Election Commission", speaker_mention="the commission",
                                  content="the groups had spent $513,000 on ads")
    assert [p.link for p in find_candidates("x", [groups, filings], vec, config=PairingConfig())] == [
        "conflicting-figures"]


def test_figures_of_different_people_or_years_are_no_conflict() -> None:
    copilot = dataclasses.replace(stmt("s1", "EgyptAir", "Assem, the plane's co-pilot, had logged 2,766 flying hours",
                                       keywords=("log", "flying", "hour")), quantities=((2766.0, "hour"),))
    pilot = dataclasses.replace(stmt("s2", "BFMTV", "Shoukair, the flight's pilot, had logged nearly 6,300 flying "
                                     "hours", start=80, keywords=("log", "flying", "hour")),
                                quantities=((6300.0, "hour"),))
    vec = unit([1, 0.2], [1, 0.3])
    assert [p.link for p in find_candidates("x", [copilot, pilot], vec, config=PairingConfig())] == [""]
    # the same pilot's hours, or figures tied to no one, conflict
    same = dataclasses.replace(pilot, content="Assem, the co-pilot, had logged nearly 6,300 flying hours")
    unnamed = dataclasses.replace(pilot, content="the co-pilot had logged nearly 6,300 flying hours")
    for other in (same, unnamed):
        found = find_candidates("x", [copilot, other], vec, config=PairingConfig())
        assert [p.link for p in found] == ["conflicting-figures"]
    turnout_2008 = dataclasses.replace(stmt("s1", "State", "in 2008, 42% of eligible voters participated",
                                            keywords=("eligible", "voter")), quantities=((42.0, "percent"),))
    turnout_2016 = dataclasses.replace(stmt("s2", "Pew", "17% of eligible voters participated in 2016", start=80,
                                            keywords=("eligible", "voter")), quantities=((17.0, "percent"),))
    assert [p.link for p in find_candidates("x", [turnout_2008, turnout_2016], vec, config=PairingConfig())] == [""]
    # a name against a month names no two owners
    fallen = dataclasses.replace(stmt("s1", "Carol Fenwick", "enrolment at Millbrook had fallen to 168 pupils",
                                      keywords=("enrol", "pupil")), quantities=((168.0, "pupil"),))
    census = dataclasses.replace(stmt("s2", "parents", "the January census showed 241 pupils enrolled", start=80,
                                      keywords=("enrol", "pupil")), quantities=((241.0, "pupil"),))
    found = find_candidates("x", [fallen, census], vec, config=PairingConfig())
    assert [p.link for p in found] == ["conflicting-figures"]


def test_a_demanded_figure_conflicts_with_no_measured_one() -> None:
    measured = dataclasses.replace(stmt("s1", "Tax Policy Center", "the top 1 percent would pay 95 percent of the "
                                        "increase", keywords=("tax", "rate")), quantities=((95.0, "percent"),))
    demand = dataclasses.replace(stmt("s2", "Obama", "reducing the corporate tax rate to 28 percent", start=80,
                                      stance="demand", cue_lemma="call for", keywords=("tax", "rate")),
                                 quantities=((28.0, "percent"),))
    found = find_candidates("x", [measured, demand], unit([1, 0.3], [1, 0.4]), config=PairingConfig())
    assert [p.link for p in found] == [""]
    claim = dataclasses.replace(demand, stance="assert", cue_lemma="say")
    found = find_candidates("x", [measured, claim], unit([1, 0.3], [1, 0.4]), config=PairingConfig())
    assert [p.link for p in found] == ["conflicting-figures"]
    # A pledged figure is a goal too: "pledged he would get the unemployment rate down to 6 percent".
    pledge = dataclasses.replace(claim, cue_lemma="pledge")
    found = find_candidates("x", [measured, pledge], unit([1, 0.3], [1, 0.4]), config=PairingConfig())
    assert [p.link for p in found] == [""]


def test_a_claim_that_only_names_a_thing_is_disputed_by_no_one() -> None:
    attack = stmt("s1", "Hillary Clinton", "Trump's latest twitter meltdown is unhinged", keywords=("tweet",))
    cited = dataclasses.replace(stmt("s2", "Donald Trump", "his tweets about Machado", start=80, cue_lemma="cite",
                                     keywords=("tweet",)), noun_phrase=True)
    vec = unit([1, 0.1], [1, 0.1])
    assert find_candidates("x", [attack, cited], vec, config=PairingConfig()) == []
    # Defending the thing answers its critics; rejecting it disputes it.
    for cue, stance in (("defend", "assert"), ("reject", "reject")):
        answer = dataclasses.replace(cited, cue_lemma=cue, stance=stance)
        assert [(p.a.id, p.b.id) for p in find_candidates("x", [attack, answer], vec, config=PairingConfig())] == [
            ("s1", "s2")]


def test_a_relayed_report_is_not_the_relaying_speakers_claim() -> None:
    relayed = dataclasses.replace(stmt("s1", "family", "Police have said they have no plans to release the videos",
                                       keywords=("police", "video")), second_hand=True)
    police = stmt("s2", "Kerr Putney", "the videos do not show a gun", start=90, keywords=("video",))
    vec = unit([1, 0.1], [1, 0.1])
    assert find_candidates("x", [relayed, police], vec, config=PairingConfig()) == []
    own = dataclasses.replace(relayed, second_hand=False)
    assert len(find_candidates("x", [own, police], vec, config=PairingConfig())) == 1


def test_a_rejection_with_a_definite_object_answers_only_that_object() -> None:
    accusation = stmt("s1", "Union", "the university of hiding costs", stance="accuse", cue_lemma="accuse",
                      target="university")
    unrelated = stmt("s2", "Commission", "fees rose by 31 percent", start=60)
    reject = stmt("s3", "Carrick University", "that characterization", stance="reject", cue_lemma="reject",
                  start=120)
    vec = unit([1, 0], [0.9, 0.1], [0.95, 0.05])
    found = find_candidates("x", [accusation, unrelated, reject], vec, config=PairingConfig())
    assert [(p.a.id, p.b.id, p.link) for p in found if p.b.id == "s3"] == [("s1", "s3", "back-reference")]


def test_figures_for_different_periods_do_not_conflict() -> None:
    a = dataclasses.replace(stmt("s1", "University", "tuition would rise by 3.8 percent in the autumn",
                                 keywords=("tuition", "rise")), quantities=((3.8, "percent"),))
    b = dataclasses.replace(stmt("s2", "Commission", "tuition rose by a combined 31 percent over the past five years",
                                 start=80, keywords=("tuition", "rise")), quantities=((31.0, "percent"),))
    vec = unit([1, 0.2], [1, 0.3])
    assert [p.link for p in find_candidates("x", [a, b], vec, config=PairingConfig())] == [""]


def test_a_speaker_that_names_no_source_is_never_paired() -> None:
    claim = stmt("s1", "Donald Trump", "the debate was rigged", keywords=("debate", "rig"))
    unresolved = stmt("s2", "I", "the debate was fair", start=60, keywords=("debate", "fair"))
    named = stmt("s3", "Debate commission", "the debate was fair", start=120, keywords=("debate", "fair"))
    vec = unit([1, 0.1], [1, 0.1], [1, 0.1])
    found = [(p.a.id, p.b.id) for p in find_candidates("x", [claim, unresolved, named], vec, config=PairingConfig())]
    assert found == [("s1", "s3")]


def test_opposite_polarity_links_only_statements_near_each_other() -> None:
    claim = stmt("s1", "Trevor Bligh", "poll workers saw ballots placed in recycling bins",
                 keywords=("poll", "worker", "ballot", "place", "bin"))

    def denial(start: int):  # type: ignore[no-untyped-def]
        return dataclasses.replace(stmt("s2", "Gloria Mendez", "the bins held empty outer envelopes, not ballots",
                                        start=start, keywords=("bin", "hold", "envelope", "ballot")),
                                   negated_terms=("ballot",))

    vec = unit([1, 0.2], [1, 0.3])
    near = find_candidates("x", [claim, denial(claim.end + 300)], vec, config=PairingConfig())
    assert [p.link for p in near] == ["opposite-polarity"]
    assert [p.link for p in find_candidates("x", [claim, denial(claim.end + 800)], vec, config=PairingConfig())] == [
        "opposite-polarity"]
    far = find_candidates("x", [claim, denial(claim.end + 1200)], vec, config=PairingConfig())
    assert [p.link for p in far] == [""]
    anywhere = dataclasses.replace(PairingConfig(), polarity_max_distance=0)
    assert [p.link for p in find_candidates("x", [claim, denial(claim.end + 3000)], vec, config=anywhere)] == [
        "opposite-polarity"]


def test_a_thing_left_as_the_speaker_names_no_source() -> None:
    assert identified(stmt("s1", "Quinnipiac University", "74 percent want the returns released"))
    assert identified(stmt("s1", "one study", "taxes would rise for 8 million families"))
    assert identified(stmt("s1", "Allied Nurses Union", "the wards ran short"))
    for thing in ("tweets", "Trump's plan", "federal statistics", "Another 19 percent", "he",
                  "lack of enthusiasm for Clinton among black voters", "several of his findings", "decision",
                  "microphone", "17%", "62 percent", "Each side", "both campaigns", "His remarks"):
        assert not identified(stmt("s1", thing, "single mothers")), thing


def test_a_person_role_resolution_left_unresolved_names_no_source() -> None:
    # "The Republican presidential nominee" is someone the article names, but the article never says who: he
    # may be the very speaker of the other statement.
    nominee = dataclasses.replace(stmt("s1", "Republican presidential nominee", "his campaign has spent little"),
                                  speaker_mention="The Republican presidential nominee")
    assert not identified(nominee)
    assert not identified(dataclasses.replace(nominee, speaker="former first lady and U.S. senator",
                                              speaker_mention="the former first lady and U.S. senator"))
    # Resolved to a name, plural, or indefinite, a description does name a source.
    assert identified(dataclasses.replace(nominee, speaker="Donald Trump"))
    assert identified(dataclasses.replace(nominee, speaker="senators", speaker_mention="the senators"))
    assert identified(dataclasses.replace(nominee, speaker="a county judge", speaker_mention="a county judge"))


def test_a_question_that_asks_disputes_nothing() -> None:
    claim = stmt("s1", "Donald Trump", "his proposed wall might be 40 to 50 feet high", keywords=("wall", "high"))
    vec = unit([1, 0.1], [1, 0.1])
    for cue, expected in (("ask", []), ("wonder", []), ("question", [("s1", "s2")])):
        doubt = stmt("s2", "Sean Hannity", "how high the wall would be", stance="question", cue_lemma=cue, start=80,
                     keywords=("wall", "high"))
        assert [(p.a.id, p.b.id) for p in find_candidates("x", [claim, doubt], vec, config=PairingConfig())] == \
            expected, cue
