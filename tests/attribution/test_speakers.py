from __future__ import annotations

import pytest
from attribution_statements import statements

from factcheck.attribution.stage import AttributionStage
from factcheck.records import Statement


def last(stage: AttributionStage, text: str) -> Statement:
    return statements(stage, text)[-1]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # the name says the kind: "Pharma", "Athletic", "Institute", "Trust"
        ("Health regulators ordered Dalgren Pharma to withdraw a vaccine. "
         "The company said the vaccine was safe.", "The company", "Dalgren Pharma"),
        ("Former Northbay Athletic manager Ian Cole sued his employer on Monday. "
         "The club said Cole had broken his contract.", "The club", "Northbay Athletic"),
        ("The Halvard Policy Institute published a report on rents. "
         "The think tank said rents had doubled.", "The think tank", "Halvard Policy Institute"),
        # a description says the kind: apposition and a noun before the name
        ("Farmers met officials from Brightwell, a renewable energy company, on Friday. "
         "The company said the turbines would be quiet.", "The company", "Brightwell"),
        ("Travellers accused the budget carrier Zentair of ignoring them. "
         "The airline said it had paid every claim.", "The airline", "Zentair"),
        # an organisation of unknown kind that has spoken already
        ("Torvik said profits rose in the spring. The company said it would hire 200 staff.",
         "The company", "Torvik"),
        # a short form of the organisation's name is the organisation
        ("Osmund Logistics lost a contract on Monday. Osmund said the loss was small. "
         "The company said it would appeal.", "The company", "Osmund Logistics"),
        # of the organisations that have spoken, the one the nominal's own sentence names
        ("EgyptAir has confirmed that there were 56 passengers on board. \u201cAhmed was a friend to us,\u201d one "
         "P&G Amiens employee told French television station BFMTV. Assem, the plane\u2019s co-pilot, had logged "
         "2,766 flying hours with EgyptAir, the airline said Thursday.", "the airline", "EgyptAir"),
    ],
)
def test_definite_nominal_resolves_to_the_organisation(stage: AttributionStage, text: str, mention: str,
                                                       speaker: str) -> None:
    s = last(stage, text)
    assert (s.speaker_mention, s.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a ministry is not a company, even an untyped one that has spoken
        ("Torvik said profits rose. The ministry said the figures were wrong.", "ministry"),
        # the government is not a bureau the article names
        ("The Central Bureau of Statistics said prices rose. The government said wages rose faster.",
         "government"),
        # nothing the nominal could be
        ("The union said the strike would go ahead.", "union"),
    ],
)
def test_nominal_without_a_fitting_organisation_stays_as_written(stage: AttributionStage, text: str,
                                                                 speaker: str) -> None:
    assert last(stage, text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "first_speaker"),
    [
        ("An environmental group on Monday accused a mining firm of polluting the river. "
         "The Orla Basin Trust said its tests showed copper in the water.", "Orla Basin Trust"),
        ("The council and a leading think tank clashed, with the think tank accusing the council of bad sums. "
         "The Kessler Institute said the true figure was lower.", "Kessler Institute"),
        # A possessive pronoun makes the nominal definite: the drivers' union is the one named next.
        ("Tram drivers walked off the job on Wednesday, with their union saying only two lines had run. "
         "The Rail and Tram Workers’ Union said the strike would go on.", "Rail and Tram Workers’ Union"),
    ],
)
def test_nominal_before_its_name_resolves_forward(stage: AttributionStage, text: str, first_speaker: str) -> None:
    assert statements(stage, text)[0].speaker == first_speaker


def test_self_described_group_is_not_resolved_forward(stage: AttributionStage) -> None:
    text = ("Charges were filed by a group of reporters claiming that the police spied on them. "
            "The Press Freedom Union said the case was strong.")
    assert statements(stage, text)[0].speaker != "Press Freedom Union"


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("The budget airline Zentair cancelled a flight to Rome. A spokeswoman for the airline said the crew was ill.",
         "A spokeswoman for the airline", "Zentair"),
        ("Brook Valley Hospital admitted the patient on Sunday. "
         "A hospital spokeswoman said the patient was stable.", "A hospital spokeswoman", "Brook Valley Hospital"),
        ("Harlan Systems lost data last week. According to a notice Harlan filed with regulators, "
         "the breach began in May.", "a notice", "Harlan Systems"),
        ("The mayor cut the budget. A spokesman for the mayor, Tom Reed, said the cuts were needed.",
         "A spokesman for the mayor, Tom Reed", "Tom Reed"),
        # A legal paper speaks for whoever filed it, not for the court it went to.
        ("Republicans filed an ethics complaint on Monday. The GOP’s complaint to the D.C. Court of Appeals’ "
         "Board says Mills violated conduct standards.",
         "The GOP’s complaint to the D.C. Court of Appeals’ Board", "GOP"),
    ],
)
def test_spokesperson_and_document_speak_for_their_source(stage: AttributionStage, text: str, mention: str,
                                                          speaker: str) -> None:
    s = last(stage, text)
    assert (s.speaker_mention, s.speaker) == (mention, speaker)


def test_unresolved_spokesperson_keeps_the_organisation_noun(stage: AttributionStage) -> None:
    s = last(stage, "A spokeswoman for the airline said the crew was ill.")
    assert s.speaker == "airline"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name inside the previous speaker's reported words is not who "he" is
        ("Paul Ames, a former judge, said people in Lund's position usually appeal. "
         "\u201cThe appeal is where these cases are decided,\u201d he said.", "Paul Ames"),
        # a name inside a relative clause of the speaker's description is an organisation
        ("Omar Ruiz, who owns two shops that use Farrow Systems, said he was never told. "
         "\u201cNobody from Farrow has called me,\u201d he said.", "Omar Ruiz"),
    ],
)
def test_pronoun_prefers_the_speaker_to_names_in_reported_words(stage: AttributionStage, text: str,
                                                                speaker: str) -> None:
    assert last(stage, text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The campaign of Ann Ross accused officials of losing ballots. It also demanded a full recount.",
         "demanded", "a full recount"),
        ("The union of Dock Workers rejected the pay offer on Monday. It also denied that talks had failed.",
         "denied", "talks had failed"),
    ],
)
def test_it_as_source_of_an_agentive_cue(stage: AttributionStage, text: str, cue: str, content: str) -> None:
    s = last(stage, text)
    assert (s.cue, s.content) == (cue, content)
    assert s.speaker == statements(stage, text)[0].speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The state Harbor Safety Commission fined the port. According to the commission’s filing, "
         "the cranes failed twice.", "Harbor Safety Commission"),
        ("The Department of Water Affairs visited the mine. A department spokeswoman said the tests were late.",
         "Department of Water Affairs"),
    ],
)
def test_public_body_behind_its_document_or_spokesperson(stage: AttributionStage, text: str, speaker: str) -> None:
    assert last(stage, text).speaker == speaker


@pytest.mark.parametrize("text", [
    # The parser takes "Maeve Donnelly" for an organisation; "said she had counted" makes her a woman.
    ("“Those ditches were cleared, not dug,” said Giles Ashdown, who manages Ravensholt for his family.\n\n"
     "Maeve Donnelly, the trust’s reserve warden, said she had counted four booming males on the marsh last spring. "
     "“It is the quietest spring I have known here in 20 years,” she said."),
    # A title says it too.
    ("Mr. Pell said the club had acted within its rules. Dana Whitlock, the board's secretary, said the vote "
     "was unanimous. “We had no choice,” Mr. Pell told reporters, “and nobody on the board has asked me to go.” "
     "“We will publish the minutes,” she said."),
])
def test_she_is_not_a_man_the_article_has_called_he_or_mr(stage: AttributionStage, text: str) -> None:
    last = statements(stage, text)[-1]
    assert last.speaker_mention == "she"
    assert last.speaker in {"Maeve Donnelly", "Dana Whitlock"}


@pytest.mark.parametrize(("text", "speaker"), [
    # An epithet or what is left of a title is no part of the name the article otherwise uses.
    ("Former Miss Universe Alicia Machado said the tweets were lies. Alicia Machado became a citizen in May.",
     "Alicia Machado"),
    # A particle begins no name: "van Loon" is not the name of "Pieter van Loon".
    ("Mine manager Pieter van Loon said the water was treated. van Loon has run the mine since 2019.",
     "Pieter van Loon"),
])
def test_canonical_name_leaves_out_an_epithet(stage: AttributionStage, text: str, speaker: str) -> None:
    assert statements(stage, text)[0].speaker == speaker


def test_a_rare_longer_form_of_a_common_name_is_an_epithet(stage: AttributionStage) -> None:
    text = ("Hillary Clinton said the plan was sound. Hillary Clinton said it again on Monday. "
            "“Crooked Hillary Clinton is unfit,” a campaign post said. Hillary Clinton said nothing of it.")
    assert {s.speaker for s in statements(stage, text) if "Clinton" in s.speaker} == {"Hillary Clinton"}


def test_a_pronoun_skips_a_person_whose_first_name_is_of_the_other_gender(stage: AttributionStage) -> None:
    # Nothing in the article says Hillary Clinton is a woman; news copy's use of "Hillary" does.
    text = ("Tim Reyes, a county official, met Hillary Clinton in Dayton on Monday. "
            "He said the meeting had gone well.")
    assert last(stage, text).speaker == "Tim Reyes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the article gave the person the role: a title before the name, or an apposition after it
        ("Mayor Bill de Blasio visited the site on Sunday. Police closed the street. "
         "The mayor said there was no sign of terrorism.", "Bill de Blasio"),
        ("South Carolina Sen. Lindsey Graham met Donald Trump in June. The South Carolina senator said the plan "
         "would fail.", "Lindsey Graham"),
        ("Donald Trump spoke first. Elizabeth Warren, the Democratic senator from Massachusetts, followed. "
         "The senator said the bank had lied.", "Elizabeth Warren"),
        # a role the article gives no one stays unresolved, rather than going to the nearest person
        ("Donald Trump spoke first. Hillary Clinton spoke second. The senator said the vote was close.",
         "senator"),
        # nor does one the article gave someone with other words
        ("Republican presidential nominee Donald Trump spoke first. The Democratic presidential nominee said "
         "the vote was close.", "Democratic presidential nominee"),
    ],
)
def test_a_definite_person_role_resolves_to_whom_the_article_gave_it(stage: AttributionStage, text: str,
                                                                     speaker: str) -> None:
    assert last(stage, text).speaker == speaker


def test_a_title_of_the_other_gender_keeps_a_shared_surname_apart(stage: AttributionStage) -> None:
    text = ("Hillary Clinton spoke in Ohio on Monday. Mr. Clinton said the plan would pass. "
            "Mrs. Clinton said it would not.")
    said = statements(stage, text)
    assert [s.speaker for s in said] == ["Clinton", "Hillary Clinton"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Tom Clarke bought the mine from Patriot Coal. Mr. Clarke said the deal helped him. "
     "\"Coal isn't the villain,\" he said.", "Tom Clarke"),
    ("Barack Obama spoke for an hour. \"I think if Donald Trump is elected, the agency will change,\" he said.",
     "Barack Obama"),
])
def test_a_pronoun_is_not_someone_named_in_its_own_quotation(stage: AttributionStage, text: str,
                                                             speaker: str) -> None:
    assert last(stage, text).speaker == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # The subject of the sentence before, not a person it names after the verb ...
    ("Dan McLaughlin at the National Review agreed with Chris Matthews about the winner. "
     "\"Pence succeeded with flying colors,\" he wrote.", "Dan McLaughlin"),
    ("Hillary Clinton is describing a tweet attacking Alicia Machado as unhinged. "
     "She says the tweets are lies.", "Hillary Clinton"),
    # ... and the subject of its main clause, not of a clause inside it.
    ("While Barack Obama had many songs written about him, that worries Henry Crespo, a party official. "
     "\"No one is writing songs for her,\" he said.", "Henry Crespo"),
    # "he", the main clause's subject, is the subject of the clause put before it, not a person that names
    ("While Donald Trump affirmed that he likes Ted Cruz, he also stated a day earlier, "
     "\u201cIf Cruz catches on, I guess we\u2019ll have to go to war.\u201d", "Donald Trump"),
])
def test_a_pronoun_is_the_subject_of_the_sentence_before(stage: AttributionStage, text: str, speaker: str) -> None:
    assert last(stage, text).speaker == speaker


def test_a_pronoun_is_the_known_subject_the_tagger_missed(stage: AttributionStage) -> None:
    # "Gorka" as a subject, untagged: the pronoun after his sentence is still him, not Obama of his words.
    text = ("Breitbart News editor Dr. Sebastian Gorka spoke on Monday. Gorka said the plan was weak.\n\n"
            "Gorka also made the point that her philosophy would make her completely a third Obama term.\n\n"
            "“She has refused to use the phrase,” he noted.")
    assert last(stage, text).speaker == "Sebastian Gorka"


def test_supporters_named_after_a_person_are_not_the_person(stage: AttributionStage) -> None:
    text = ("Bernie Sanders endorsed Hillary Clinton in July. Many diehard Sanders supporters say they will back "
            "Stein unless Sanders disavows the endorsement.")
    s = last(stage, text)
    assert s.speaker_mention == "Many diehard Sanders supporters"
    assert s.speaker != "Bernie Sanders"


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # The parser misses "Ivanka Trump" as a person; without her every later "Trump" is her father.
        ("Donald Trump praised the brand. Ivanka Trump strode across the stage in a blue dress. "
         "Trump told reporters that the company would hire twenty designers.", "Trump", "Ivanka Trump"),
        # "he" opens Mrs. Alvarez's content but is her rival: the later "he" is still Mr. Brandt.
        ("Mrs. Alvarez said he had not read the budget. Mr. Brandt was in Leeds on Friday. "
         "While saying that he respects Mrs. Alvarez, he said the budget was wrong.", "he", "Brandt"),
        # "the initial Benghazi attack" is tagged an organisation; the city's other mentions are places.
        ("The committee met hours after the initial Benghazi attack. The Benghazi email was released on "
         "Tuesday. Officials flew to Benghazi. The fighters stayed over Benghazi. The email said that no forces "
         "were ready.", "The email", "email"),
        # A reduced relative the parser gives two subjects.
        ("The bill led to a long fight, and a setback Governor Ana Ruiz believes to be the worst of her term.",
         "Governor Ana Ruiz", "Ana Ruiz"),
        # A relative clause on an apposition.
        ("\"Do these people read the papers?\" said Tom Reyes, a county delegate and party donor who has "
         "accused the mayor's staff of hiding the figures.", "Tom Reyes, a county delegate and party donor",
         "Tom Reyes"),
        # A name with a modifier after it.
        ("Donald Trump spoke in Iowa on Monday. Trump at the time said he had asked his people to look into it.",
         "Trump at the time", "Donald Trump"),
    ],
)
def test_who_speaks_where_the_parse_misleads(stage: AttributionStage, text: str, mention: str,
                                             speaker: str) -> None:
    s = last(stage, text)
    assert (s.speaker_mention, s.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        ("The two Labour Party contenders are questioning each other's record on housing.", "Labour Party"),
        ("The state's Republican governor said he would sign the bill. Senators from the other party held "
         "the floor for two days. They said voters would reject the bill.", "state's Republican governor"),
    ],
)
def test_a_party_or_a_role_that_does_not_speak(stage: AttributionStage, text: str, not_speaker: str) -> None:
    assert last(stage, text).speaker != not_speaker


def test_an_organisation_named_throughout_is_no_first_name_of_a_person_seen_once(
        stage: AttributionStage) -> None:
    text = ("EgyptAir said the plane had 66 people on board. EgyptAir said the search was going on. "
            "Shoukair had logged nearly 6,300 hours of flying time, EgyptAir said on Thursday. "
            "Related: EgyptAir Crash Seen By Hillary Clinton As Terrorism.")
    assert {s.speaker for s in statements(stage, text)} == {"EgyptAir"}


def test_a_spaced_dash_joins_no_name(stage: AttributionStage) -> None:
    text = ("Donald Trump ratcheted up his attacks on Marco Rubio, saying he is \"weak on illegal immigration. "
            "Weak - Rubio - weak on illegal immigration.\" Asked about the charges, Rubio said that the reforms "
            "did not amount to \"amnesty.\"")
    assert last(stage, text).speaker == "Marco Rubio"


def test_a_place_that_leads_a_party_name_is_the_place(stage: AttributionStage) -> None:
    text = ("Officials of the New Hampshire Democratic Party met in Concord. Voters in New Hampshire will decide "
            "next week. \"There are more candidates competing in New Hampshire than ever,\" said a New Hampshire "
            "Republican.")
    assert last(stage, text).speaker != "New Hampshire Democratic Party"


def test_a_second_he_in_a_sentence_is_its_first_not_a_name_between(stage: AttributionStage) -> None:
    text = ("Sen. Jeff Sessions of Alabama endorsed Donald Trump on Sunday. \"This is a movement,\" Sessions said. "
            "Later he appeared at a Trump rally where he said the country needed Trump.")
    assert last(stage, text).speaker == "Jeff Sessions"


def test_he_is_not_a_person_his_content_names_in_full(stage: AttributionStage) -> None:
    text = "Ted Cruz campaigned in Iowa on Monday. A rally for Donald Trump drew thousands. He said Donald Trump " \
           "would lose the state."
    assert last(stage, text).speaker == "Ted Cruz"


def test_he_carries_on_the_chain_of_the_sentence_before_whose_subject_is_he(stage: AttributionStage) -> None:
    text = ("Ted Cruz, who won Oklahoma and his home state of Texas, is calling for some of his Republican rivals "
            "to drop out.\n\nThough he did not mention Marco Rubio or John Kasich by name, he made it clear that he "
            "felt they should drop out so Republicans could consolidate around him as a viable alternative to Trump."
            "\n\nHe asked them \u201cprayerfully consider\u201d the future of their campaigns.")
    assert last(stage, text).speaker == "Ted Cruz"


@pytest.mark.parametrize(("text", "speaker"), [
    # the plural subject of a clause put before "they"
    ("As Republicans scrambled to raise campaign cash last year, they proposed sweeping overhauls of the tax code.",
     "Republicans"),
    # the plural subject of the sentence before
    ("Since Mr. Ailes's departure, Fox executives have not pushed the issue. Nor, apparently, have they warned "
     "Mr. Hannity away from giving advice.", "Fox executives"),
    # a plural that names no people is no one's voice
    ("Sales fell 5 percent in March. They said the company would recover.", "They"),
])
def test_they_is_the_people_a_plural_subject_before_it_names(stage: AttributionStage, text: str,
                                                             speaker: str) -> None:
    assert last(stage, text).speaker == speaker

