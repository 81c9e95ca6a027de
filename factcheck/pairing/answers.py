"""Answers: which claim a side's denial, negative statement or reply answers.

The party a claim accuses, makes its subject or names is the one who answers
it, through anyone who speaks for it (``sides``). A denial answers an earlier
accusation of its side, else the closest earlier claim; a flatly negative
statement ("I have never cheated") is an answer NLI must confirm; a reply on
the same specifics answers the one claim closest to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Sequence

import numpy as np

from factcheck.attribution.cues import NEGATIVE_STANCES
from factcheck.config import PairingConfig
from factcheck.pairing.back_references import ACCUSING_CUES, MAX_BACK_REFERENCE_CHARS, possessive_owner
from factcheck.pairing.sides import (Side, SideIndex, named_in, names_match, names_side, own_name, same_side,
                                     speaker_key)
from factcheck.records import Statement

MAX_DESCRIPTION_WORDS = 4


def _names_speaker(target: str, stmt: Statement) -> bool:
    """Does ``target`` name the statement's speaker, by name or by a short description?"""
    # "Russo's team" is not Russo, nor "One of Grayson's former supporters" Grayson: what comes before a
    # possessive names someone else.
    if names_match(target, own_name(stmt.speaker)):
        return True
    description = re.split(r"[’']s\b", stmt.speaker_mention)[-1]
    return len(description.split()) <= MAX_DESCRIPTION_WORDS and names_match(target, description)


_ACCUSED = re.compile(r"^(?P<who>.{2,80}?)\s+of\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)


def accused_phrase(stmt: Statement) -> str:
    """Whom a statement accuses or is about: "the low-cost carrier SkyMara" of "accused the low-cost
    carrier SkyMara of dodging ..."; else the subject attribution found."""
    if stmt.stance == "accuse" or stmt.cue_verb in ACCUSING_CUES:
        m = _ACCUSED.match(stmt.content.strip())
        if m:
            return m.group("who")
    return _as_written(stmt.target, stmt.content)


@functools.lru_cache(maxsize=4096)
def _as_written(phrase: str, text: str) -> str:
    """``phrase`` (lowercased words of ``text``) with the capitals ``text`` gives its words: "justice
    department" -> "Justice Department", which names another body than "the State Department". Cached: the
    answer rules ask it of each claim once for every later statement."""
    def written(word: str) -> str:
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
        return m.group(0) if m else word

    return " ".join(written(w) for w in phrase.split())


def _own_side(stmt: Statement) -> Side:
    return SideIndex([stmt])[stmt.id]


# What a reply can answer: a claim, an accusation, a warning, a doubt; not a demand or an admission.
ANSWERABLE_STANCES = frozenset({"assert", "accuse", "warn", "question"})
# Cues whose content, a thing, is defended against its critics: "is defending his early-morning tweets".
DEFENDING_CUES = frozenset({"defend", "justify"})
# Praise and agreement ("praised Mr. Clarke's work", "Patriot agreed to lend him $5 million") say nothing
# against the party they name; hopes and jokes ("he hopes to offset the emissions", "Scott joked that ...")
# answer nothing. ("hop" is the parser's lemma of "hoping".) A party confirming ("the FBI confirmed that it
# was working on matters related to ...") bears the claim out. Refusing or declining to act ("Grassley has
# refused to hold hearings", "declined to comment") reports a deed, not an answer.
UNANSWERABLE_CUES = frozenset({"praise", "agree", "applaud", "welcome", "thank", "congratulate", "commend"})
NON_ANSWER_CUES = frozenset({"hope", "hop", "joke", "wish", "dream", "quip", "confirm", "refuse", "decline"})


# "Carter believes his use of personal email for work-related business was a mistake": an admission in so many
# words, whatever the cue.
_ADMISSION = re.compile(r"\b(?:was|were|is|are|had been|has been)\s+(?:a\s+)?(?:\w+\s+)?mistakes?\b"
                        r"|\b(?:regrets?|regretted|apologi[sz]e[sd]?|apologi[sz]ing)\b", re.IGNORECASE)


def _admits(content: str) -> bool:
    return bool(_ADMISSION.search(content))


def accused_responds(response: Statement, claim: Statement, *, response_side: Side | None = None,
                     claim_side: Side | None = None) -> str:
    """How the party a claim is about answers it: "accused" when the claim accuses the party or makes it
    the subject of its content, "named" when the content only names it ("the hospital's wards"), "" when
    the response is not such an answer. Anyone who speaks for the party answers for it; admissions are
    not rebuttals."""
    # A counter-accusation ("Trump accused her of being asleep") attacks and a demand ("called for taxing
    # pass-through income") asks; neither answers.
    # Nor does naming a thing ("Obama is unveiling [the new actions at the White House]"), unless the accused
    # defends it ("is defending [his early-morning tweets]").
    if response.stance in {"admit", "accuse", "demand"} or claim.stance not in ANSWERABLE_STANCES or claim.negated \
            or response.noun_phrase and response.cue_verb not in DEFENDING_CUES:
        return ""
    if claim.cue_verb in UNANSWERABLE_CUES or response.cue_verb in NON_ANSWER_CUES or _admits(response.content):
        return ""
    # What the article sources "according to" a poll, a paper or an official ("according to exit polls",
    # "According to HuffPo: Senator Tim Kaine has had a mixed record") is the reporter's evidence, not one
    # side's claim, and what the party it names says later carries on rather than answers it. (A denial of
    # it still answers it: ``denials_answer``.)
    if claim.kind == "according_to":
        return ""
    if not _rejects_claim_side(response, claim, claim_side):
        return ""
    side = response_side or _own_side(response)
    target = accused_phrase(claim)
    if target and (names_side(target, side) or _names_speaker(target, response)):
        return "accused"
    return "named" if named_in(claim.content, side) else ""


# "rejected a request from Democrats in Ohio": what is rejected has an owner (as in "the union's demand").
_THING_FROM = re.compile(r"^(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}?\w+\s+(?:from|by)\s+(?P<owner>[\w .-]{2,40})$",
                         re.IGNORECASE)
MAX_OWNED_THING_WORDS = 8
_NAMED_FOR = re.compile(r"^(?P<who>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+for\b")


def rejected_owner(stmt: Statement) -> str:
    """Whose thing a rejection rejects ("Democrats in Ohio" of "a request from Democrats in Ohio to restore
    an extra week"), or "" when its content names no owner."""
    if stmt.stance != "reject":
        return ""
    # "mocked Marco Rubio for “having a tough night”": a rejection of someone, for what they did.
    named = _NAMED_FOR.match(stmt.content.strip())
    if named:
        return named.group("who")
    # "Trump's remarks about Muslims but will meet with him": the thing ends where its clause goes on.
    head = re.split(r"\s+(?:to|that|which|who|for|about|but|and)\s+", stmt.content.strip(), maxsplit=1)[0]
    head = head.strip(" .,")
    if len(head.split()) > MAX_OWNED_THING_WORDS:
        return ""
    m = _THING_FROM.match(head)
    return m.group("owner").strip() if m else possessive_owner(head)


def _rejects_claim_side(rejection: Statement, claim: Statement, claim_side: Side | None) -> bool:
    """False when the rejection rejects someone else's thing ("a request from Democrats"), not the claim's side."""
    owner = rejected_owner(rejection)
    return not owner or names_side(owner, claim_side or _own_side(claim))


def accused_denies(denial: Statement, claim: Statement, *, denial_side: Side | None = None,
                   claim_side: Side | None = None) -> bool:
    """The speaker of a denial (or of a flatly negative statement) is the one the
    other statement accuses or makes the subject of its content ("X used
    spyware" ... "X denies ..."; "Russo tested positive" ... "I never cheated"),
    or speaks for it. A rejection of someone's thing ("rejected a request from
    Democrats") answers that owner's side only."""
    disputing = denial.stance in NEGATIVE_STANCES or (denial.negated and denial.stance == "assert")
    target = accused_phrase(claim)
    if not disputing or claim.stance not in ANSWERABLE_STANCES or claim.negated or not target:
        return False
    if not _rejects_claim_side(denial, claim, claim_side):
        return False
    side = denial_side or _own_side(denial)
    return names_side(target, side) or _names_speaker(target, denial)


def denials_answer(statements: Sequence[Statement], sims: np.ndarray, sides: SideIndex,
                    config: PairingConfig) -> dict[frozenset[str], str]:
    """Which claims each denial by the accused answers: the closest one in
    meaning, and any other close enough on its own. An explicit denial ("X
    denied ...") links as "accused-denies"; a flatly negative statement ("I
    have never cheated") as "accused-negates", which NLI must then confirm
    unless the two are close in meaning."""
    links: dict[frozenset[str], str] = {}
    for i, denial in enumerate(statements):
        claims = [(float(sims[i, j]), c) for j, c in enumerate(statements)
                  if j != i and not same_side(sides[c.id], sides[denial.id])
                  and accused_denies(denial, c, denial_side=sides[denial.id], claim_side=sides[c.id])]
        if denial.stance == "deny":
            # A denial answers an earlier accusation of its side; with none, the closest claim before it.
            answered = None if any(c.start < denial.start for _, c in claims) else _closest_claim(
                i, statements, sims, sides, config)
            if answered is not None:
                links[frozenset((denial.id, answered.id))] = "denial-answers"
        if not claims:
            continue
        best = max(sim for sim, _ in claims)
        explicit = denial.stance in NEGATIVE_STANCES
        for sim, claim in claims:
            # A negative statement's links are confirmed by NLI later, so it may answer any of the claims
            # near it: like any negation, it answers what was said close by (``polarity_max_distance``).
            # A claim reported after the denial must be close in meaning: answers usually follow claims.
            if claim.start > denial.start and sim < config.response_similarity:
                continue
            # Far from the claim, even an explicit denial must share some of its topic ("Kendall rebuffed
            # several requests for interviews" answers no report six paragraphs before it).
            apart = claim.chars_apart(denial)
            far = config.polarity_max_distance and apart > config.polarity_max_distance
            if far and (not explicit or sim < config.min_link_similarity):
                continue
            if config.denial_max_distance and apart > config.denial_max_distance:
                continue
            if sim == best or sim >= config.response_similarity or not explicit:
                links[frozenset((denial.id, claim.id))] = "accused-denies" if explicit else "accused-negates"
    return links


def _closest_claim(i: int, statements: Sequence[Statement], sims: np.ndarray, sides: SideIndex,
                   config: PairingConfig) -> Statement | None:
    """What a denial that names no accuser answers: "the company denied any exit had been locked" answers
    the closest earlier claim of another side in meaning ("exits had been chained shut"), when close enough."""
    denial = statements[i]
    scored = [(float(sims[i, j]), c) for j, c in enumerate(statements[:i])
              if c.stance in ANSWERABLE_STANCES and not c.negated and not _plan(c)
              and denial.start - c.end < MAX_BACK_REFERENCE_CHARS and not same_side(sides[c.id], sides[denial.id])]
    if not scored:
        return None
    sim, claim = max(scored, key=_by_similarity)
    return claim if sim >= config.denial_similarity else None


def _by_similarity(item: tuple[float, Statement]) -> float:
    return item[0]


def responses(statements: Sequence[Statement], sims: np.ndarray, sides: SideIndex, config: PairingConfig, *,
              linked: Container[frozenset[str]] = frozenset(), back_referring: Container[str] = frozenset(),
              ) -> set[tuple[str, str]]:
    """(claim, answer) pairs: a statement by the side an earlier claim accuses or names, on the same
    specifics, answers the closest such claim in meaning (an answer answers one claim, not every claim
    about its side), and a claim takes one answer from each speaker, the closest in meaning (a speaker
    quoted three times on a topic answers once). Pairs in ``linked`` and statements in ``back_referring``
    are answers another rule links, and take no part."""
    best: dict[tuple[str, str], tuple[tuple[int, float], str]] = {}
    for j, b in enumerate(statements):
        if b.id in back_referring:
            continue
        scored: list[tuple[int, float, str]] = []
        for i, a in enumerate(statements[:j]):
            if same_side(sides[a.id], sides[b.id]) or frozenset((a.id, b.id)) in linked:
                continue
            sim = float(sims[i, j])
            shared = set(a.keywords) & set(b.keywords)
            in_meaning = sim >= config.response_similarity
            in_words = len(shared) >= config.response_shared_keywords or _points_back(b.content)
            # Far from the claim ("the Fed might achieve better results" two paragraphs after "Brainard's
            # donations call into question ..."), the accused mostly carries on about its own business.
            far = config.answer_max_distance and a.chars_apart(b) > config.answer_max_distance
            same_specifics = (in_meaning and in_words) if far else (in_meaning or in_words)
            answer = accused_responds(b, a, response_side=sides[b.id], claim_side=sides[a.id])
            # A party only named in the claim answers it on the same specifics in meaning, not just in words.
            if answer == "accused" and same_specifics and sim >= config.min_link_similarity and not _own_plan(b):
                scored.append((1, sim, a.id))
            elif answer == "named" and in_meaning and (in_words or not far) and not _plan(a) and not _plan(b) \
                    and _names_in_subject(a, sides[b.id]):
                scored.append((0, sim, a.id))
        if scored:
            # An answer answers a claim against its side before one that only names it.
            rank, sim, claim = max(scored)
            key = (claim, speaker_key(b.speaker))
            if key not in best or (rank, sim) > best[key][0]:
                best[key] = ((rank, sim), b.id)
    return {(claim, answer) for (claim, _), (_, answer) in best.items()}


# "Varga had missed those matches while recovering": a plural demonstrative points back at what the claim
# against the speaker's side described ("freezing the player out of the first team for six weeks").
_POINTING_BACK = re.compile(r"\b(?:those|these)\s+(?:[a-z]+\s+)?[a-z]+s\b")


def _points_back(content: str) -> bool:
    return bool(_POINTING_BACK.search(content))


# The part of a content before its first auxiliary: roughly its subject ("night shifts on the hospital's
# wards ran ..."), when the parse found none.
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|would|will|could|should|did|does|do)\b", re.IGNORECASE)
# "the company’s", "Mr. Clarke's": a possessive.
_POSSESSIVE = re.compile(r"(?:\b(?:the|its|their)\s+)?(?:[A-Z][\w.-]*\s+){0,3}[\w.-]+[’']s\b")


def _subject_part(content: str) -> str:
    m = _AUXILIARY.search(content)
    return content[: m.start()] if m else content


def _names_in_subject(claim: Statement, side: Side) -> bool:
    """Does the claim name the side where it says what it is about: in its subject ("night shifts on the
    hospital's wards ran ..."), not in what the subject did ("Scott's relatives watched the police videos",
    "she suspected Crutcher was ...")? A possessive before the main verb counts too ("samples its volunteers
    took downstream of the company's mine contained ..."), where the parse may lose the subject."""
    before_verb = _subject_part(claim.content)
    if named_in(claim.subject or before_verb, side):
        return True
    # A phrase fronted before the subject only sets the scene: "in the state's three largest counties, ...,
    # voters have been taken off the rolls" says nothing of the state.
    subject_at = claim.content.find(claim.subject) if claim.subject else -1
    if 0 < subject_at < len(before_verb):
        before_verb = before_verb[subject_at:]
    return any(named_in(m.group(0), side) for m in _POSSESSIVE.finditer(before_verb))


# "it would recruit 60 nurses", "she'll continue her march": a plan answers no claim, and is none.
_PLAN = re.compile(r"^(?:[\w’']+\s+){0,5}?(?:would|will|plans? to|intends? to|is going to|is expected to)\s+(?!not\b)"
                   r"|^\w+[’']ll\s+(?!not\b)", re.IGNORECASE)


def _plan(stmt: Statement) -> bool:
    return bool(_PLAN.match(stmt.content.strip()))


# "she'll continue her march toward Election Day", "he wants a foreign policy focused on ...", "we must
# continue to push policies ...": what the accused party itself will do, wants or must do is no answer to what
# it is accused of, unlike "it would cost". An opinion frame, a time or a "maybe" before it change nothing ("I
# think by the middle of the week she'll be out there campaigning", "maybe he'll let daughter Ivanka ..."); "she
# will be out (back) ..." is a plan too, where "she will be fine" is a claim.
_OPINION_FRAME = (r"(?:(?:i|we|he|she|they)\s+(?:think|thinks|believe|believes|expect|expects|know|knows)\s+"
                  r"(?:that\s+)?)?(?:(?:by|in|on|at|after|before|within)\s+(?:[\w’']+\s+){1,5}?)?"
                  r"(?:(?:maybe|perhaps)\s+)?")
_NOT_A_PLAN = r"(?!not\b|be\b(?!\s+(?:out|back)\b))"
_OWN_PLAN = re.compile(rf"^{_OPINION_FRAME}(?:he|she|we|they|i|it)\s+(?:will|plans? to|intends? to|is going to|"
                       rf"are going to|wants?|must|needs? to)\s+{_NOT_A_PLAN}"
                       rf"|^{_OPINION_FRAME}(?:he|she|we|they|i|it)[’']ll\s+{_NOT_A_PLAN}", re.IGNORECASE)


def _own_plan(stmt: Statement) -> bool:
    return bool(_OWN_PLAN.match(stmt.content.strip()))
