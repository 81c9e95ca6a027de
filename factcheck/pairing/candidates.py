"""Candidate pairs: statements of different speakers about the same proposition.

Most statement pairs of an article are about different things; scoring them
all with NLI is slow and, worse, noisy. A pair becomes a candidate only when
the speakers differ and either the contents share a topic (embedding
similarity and shared content words), or something in the article ties the two
together: a rejection that refers back to the other statement ("rejected the
announcement", "dismissed the lawyer's account"), the party a statement
accuses answering it, two figures for the same thing, or opposite directions
for the same measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from factcheck.attribution.cues import DOCUMENT_CARRIERS
from factcheck.attribution.names import TITLE_WORDS
from factcheck.attribution.quantities import MONEY_UNITS, conflicting_figures, opposite_directions
from factcheck.attribution.speakers import GROUP_PRONOUNS, PERSON_PRONOUNS, ends_in_role
from factcheck.config import PairingConfig
from factcheck.pairing.answers import ANSWERABLE_STANCES, DEFENDING_CUES, denials_answer
from factcheck.pairing.answers import responses as responses_to
from factcheck.pairing.back_references import PROPOSAL_CUES, back_references
from factcheck.pairing.polarity import KindOf, denied_effect_or_correction, polarity_conflict, speaks_of_itself
from factcheck.pairing.sides import SideIndex, same_side, speaker_key
from factcheck.pairing.words import stem
from factcheck.records import CandidatePair, Statement

# Speakers that name no source: a pronoun speaker resolution could not resolve, a bare quantifier.
UNIDENTIFIED_SPEAKERS = frozenset({"i", "me", "you", "we", "us", "they", "them", "he", "him", "she", "her", "it",
                                   "someone", "somebody", "anyone", "everyone", "who", "which", "that", "this",
                                   "each", "all", "some", "many", "others", "one", "his", "its", "their"})


# Things that say nothing of themselves, left as the speaker when resolution found no one behind them:
# "tweets criticizing Alicia Machado", "Trump's plan rejected single mothers", "federal statistics", "another
# 19 percent said", "the lack of enthusiasm ... seems". (A study, a poll or a survey reports its findings.)
_THING_HEADS = frozenset(stem(w) for w in DOCUMENT_CARRIERS | {
    "tweets", "plan", "proposal", "lack", "percent", "analysis", "statistics", "statistic", "spot", "ad", "video",
    "footage", "headline", "finding", "findings", "decision", "microphone", "recording", "transcript", "audio",
    "remarks", "comments", "clause", "language"})


# "17%", "62 percent" left as the speaker: a share of a poll's respondents, no source a reader can name.
_FIGURE = re.compile(r"^\d[\d.,]*%?$")

# "Each side", "both campaigns", "either party": several sources at once, no one of them.
_DISTRIBUTIVE = re.compile(r"^(?:each|either|both|neither)\s")

_PARTITIVE = re.compile(r"^(?:several|some|many|most|all|few|both|each|one|two|three)\s+of\s+"
                        r"(?:the|his|her|its|their)?\s*")


def identified(stmt: Statement) -> bool:
    """Does the statement name its source? A dispute needs two sources a reader can name."""
    key = speaker_key(stmt.speaker)
    # The head of "the lack of enthusiasm for Clinton among black voters" comes before its first preposition,
    # and that of "several of his findings" after its quantifier.
    head = re.split(r"\s(?:of|for|among|from|in|on|about|by|with)\s", _PARTITIVE.sub("", key))[0].split()
    return (key not in UNIDENTIFIED_SPEAKERS and not _DISTRIBUTIVE.match(key) and bool(head)
            and stem(head[-1]) not in _THING_HEADS and not _FIGURE.match(head[-1]) and not _unresolved_person(stmt))


_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?P<rest>.+)$", re.IGNORECASE)


def _unresolved_person(stmt: Statement) -> bool:
    """"The Republican presidential nominee", "the former first lady and U.S. senator", left as they are by
    speaker resolution: a definite person role refers back to someone the article names, but not to whom
    the article says (it may be the very person of the other statement)."""
    m = _DEFINITE.match(stmt.speaker_mention.strip())
    if m is None or speaker_key(m.group("rest")) != speaker_key(stmt.speaker):
        return False
    return ends_in_role(stmt.speaker)


# Stances whose content must be a claim to be disputed: "cited derogatory comments Trump had made",
# "echoing Mr. Putin", "endorses Trump" name a thing and claim nothing. A denial or rejection of a thing
# ("denied any involvement", "rejected the plan"), an accusation ("X of doing Y") or a doubt ("questioned
# Cruz's eligibility") does dispute something; an announced plan can be rejected, and defending a thing
# ("is defending his early-morning tweets") answers its critics.
_CLAIMING_STANCES = frozenset({"assert", "warn", "admit"})
_THING_CUES = PROPOSAL_CUES | DEFENDING_CUES


# Cues of a question that asks rather than doubts: "Hannity asked Trump how high the wall would be", "asked
# Mook if a Clinton administration would continue to decline press conferences" dispute nothing (unlike
# "questioned whether Curiel's heritage made him biased").
ASKING_CUES = frozenset({"ask", "wonder", "inquire", "enquire"})


# Cues whose figure is a goal, not a measurement.
PLEDGE_CUES = frozenset({"pledge", "promise", "vow", "aim", "target", "hope", "plan", "intend"})


def disputable(stmt: Statement) -> bool:
    """Can the statement take part in a dispute? Not a claim that relays another source's report (that
    source's own statement is the claim), nor one whose content only names a thing, unless it announces,
    proposes or defends that thing."""
    if stmt.second_hand and stmt.stance in _CLAIMING_STANCES:
        return False
    if stmt.stance == "question" and stmt.cue_verb in ASKING_CUES:
        return False
    if not stmt.noun_phrase or stmt.stance not in _CLAIMING_STANCES:
        return True
    return stmt.cue_verb in _THING_CUES


def find_candidates(
    article_id: str, statements: Sequence[Statement], vectors: np.ndarray, *, config: PairingConfig,
    kind_of: KindOf | None = None,
) -> list[CandidatePair]:
    """Candidate pairs of one article, ``a`` always the earlier statement. ``kind_of`` says whether a
    compound is the same thing as its head, for opposite polarity."""
    keep = [i for i, s in enumerate(statements) if disputable(s)]
    if len(keep) < len(statements):
        statements, vectors = [statements[i] for i in keep], vectors[keep]
    sims = vectors @ vectors.T if len(statements) else np.zeros((0, 0))
    sides = SideIndex(statements)
    anaphora: dict[str, set[str]] = {}
    for i, s in enumerate(statements):
        targets = back_references(s, statements[:i], sides)
        if targets:
            anaphora[s.id] = {t.id for t in targets}
    answered = denials_answer(statements, sims, sides, config)
    responses = responses_to(statements, sims, sides, config, linked=answered, back_referring=anaphora)
    party_words = sides.name_words()
    # Once per statement, not per pair: who speaks, and whether a reader can name them.
    keys = [speaker_key(s.speaker) for s in statements]
    named = [identified(s) for s in statements]
    out: list[CandidatePair] = []
    for i, a in enumerate(statements):
        if not named[i]:
            continue
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if not named[j] or keys[i] == keys[j] or same_side(sides[a.id], sides[b.id]):
                continue
            sim = float(sims[i, j])
            shared = tuple(sorted(set(a.keywords) & set(b.keywords)))
            detail: tuple[str, ...] = ()
            if b.id in anaphora:
                # A rejection of a definite thing answers that thing only.
                link = "back-reference" if a.id in anaphora[b.id] else ""
                if not link:
                    continue
            elif frozenset((a.id, b.id)) in answered:
                link = answered[frozenset((a.id, b.id))]
            elif (a.id, b.id) in responses:
                link = "accused-responds"
            else:
                link, detail = _link(a, b, sim, shared, config, party_words, kind_of)
            on_topic = sim >= config.topic_similarity or (
                len(shared) >= config.min_shared_keywords and sim >= config.topic_similarity_with_keywords
            )
            if link or on_topic:
                out.append(CandidatePair(article_id, a, b, sim, shared, link, detail))
    return out


def _link(a: Statement, b: Statement, sim: float, shared: tuple[str, ...], config: PairingConfig,
          party_words: frozenset[str], kind_of: KindOf | None = None) -> tuple[str, tuple[str, ...]]:
    """Why two statements are about the same proposition, beyond topic overlap, and what it rests on."""
    # Figures, directions and negations dispute what was said near them; far apart, two statements share a
    # unit ("$9 million short" / "it would give $75,000"), a direction word or a common noun by chance.
    apart = a.chars_apart(b)
    if config.polarity_max_distance and apart > config.polarity_max_distance:
        return "", ()
    near = not config.figure_max_distance or apart <= config.figure_max_distance
    on_shared_topic = near and sim >= config.figure_similarity
    # A demand's figure is a target ("cut the corporate rate to 28 percent"), not a measurement to dispute.
    # Nor is a pledged one ("pledged he would get the unemployment rate down to 6 percent").
    measured = a.stance != "demand" and b.stance != "demand" and not ({a.cue_verb, b.cue_verb} & PLEDGE_CUES)
    figures = conflicting_figures(a.quantities, b.quantities) if on_shared_topic and measured else None
    # Money is too generic a unit to say two figures count the same thing without a shared word.
    # Two sources each giving a figure of their own doing ("reported spending $6 million attacking Clinton" /
    # "reported spending $513,000 supporting him") count different things.
    if figures and (shared or figures[0] not in MONEY_UNITS) and _same_period(a.content, b.content) \
            and not _figures_of_different_owners(a.content, b.content) \
            and not (speaks_of_itself(a) and speaks_of_itself(b)):
        return "conflicting-figures", ()
    if on_shared_topic and len(shared) >= 2 and opposite_directions(a.content, b.content):
        return "opposite-directions", ()
    # The sides' own names are no negated thing: "Nobody from Corvane called me" denies nothing about Corvane.
    found = polarity_conflict(a, b, ignore=party_words, max_words=config.polarity_max_words, kind_of=kind_of)
    link = "opposite-polarity"
    if found is None:
        found = denied_effect_or_correction(a, b, shared_subject=bool(shared), ignore=party_words)
        link = "denied-effect"
    if found is None or not _negates_a_claim(found[1], a, b):
        return "", ()
    return link, found


# What can negate a claim: a statement, a denial or a rejection; not advice ("Patients should not stop ...").
NEGATING_STANCES = frozenset({"assert", "deny", "reject"})


def _negates_a_claim(negating_side: str, a: Statement, b: Statement) -> bool:
    negating, other = (b, a) if negating_side == "b" else (a, b)
    return negating.stance in NEGATING_STANCES and other.stance in ANSWERABLE_STANCES


# A figure for a span of years ("a combined 31 percent over the past five years") does not measure what a
# figure for one period does ("would rise by 3.8 percent in the autumn").
_CUMULATIVE = re.compile(r"\b(?:combined|cumulative|cumulatively|in total|altogether|over the (?:past|last|next) "
                         r"(?:\w+ )?(?:years|decades|months)|since (?:19|20)\d\d)\b", re.IGNORECASE)


_NAME = re.compile(r"^[A-Z][a-z][\w’'-]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SENTENCE_END = re.compile(r"[.!?:;…]$")
# Capitalised words that own no figure: titles, pronouns and openers, parties, days and months.
_NOT_OWNERS = TITLE_WORDS | PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset({
    "i", "i'm", "i’m", "the", "a", "an", "if", "but", "and", "it", "this", "that", "sens", "republican",
    "republicans", "democrat", "democrats", "democratic", "american", "americans", "gop", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"})


def _figure_owners(content: str) -> tuple[set[str], set[str]]:
    """The names and the years a content gives: whose figures it counts, and when ("Assem, the co-pilot, had
    logged 2,766 flying hours", "in 2008, when 42% of eligible voters participated"). A capitalised word
    opening the content or a sentence counts only as an apposition's name ("Assem, ...")."""
    words = content.split()
    names: set[str] = set()
    years: set[str] = set()
    for i, raw in enumerate(words):
        word = raw.strip("\"“”‘’'()[],.;:!?…")
        if _YEAR.match(word):
            years.add(word)
            continue
        opening = i == 0 or _SENTENCE_END.search(words[i - 1]) is not None
        if not _NAME.match(word) or opening and not raw.endswith(","):
            continue
        key = word.removesuffix("’s").removesuffix("'s").split("-")[0].lower()
        if key not in _NOT_OWNERS:
            names.add(key)
    return names, years


def _figures_of_different_owners(a: str, b: str) -> bool:
    """Do the two contents name different people or places, or different years, and none in common, so that
    their figures count different things? "Assem had logged 2,766 flying hours" and "Shoukair had logged
    nearly 6,300 hours" count two pilots' hours; "Ted Cruz is agreeing with me 100 percent" and "Ben Carson at
    14 percent" two things; "in 2008, 42% of voters" and "17% of voters in 2016" two years."""
    (na, ya), (nb, yb) = _figure_owners(a), _figure_owners(b)
    return bool(na and nb and not na & nb) or bool(ya and yb and not ya & yb)


def _same_period(a: str, b: str) -> bool:
    return bool(_CUMULATIVE.search(a)) == bool(_CUMULATIVE.search(b))
