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

from factcheck.attribution.cues import ANAPHORIC_NOUNS, NEGATIVE_STANCES, REJECTING_CONTENT
from factcheck.attribution.quantities import MONEY_UNITS, conflicting_figures, opposite_directions
from factcheck.config import PairingConfig
from factcheck.pairing.polarity import opposite_polarity
from factcheck.pairing.sides import Side, SideIndex, named_in, names_side, same_side
from factcheck.records import CandidatePair, Statement

# "the announcement", "that characterization", "the lawyer's account", "the union's figures".
_ANAPHOR = re.compile(
    r"^(?:(?:the|this|that|these|those|its|their|his|her)\s+|(?P<owner>(?:the\s+)?[\w .-]{2,40}?)[’']s\s+)"
    r"(?:\w+\s+){0,2}?(?P<noun>\w+)$",
    re.IGNORECASE,
)
# Cues that introduce a measure or proposal that a later "this does not ..." can answer.
PROPOSAL_CUES = frozenset({"announce", "propose", "unveil", "offer", "promise", "pledge", "plan", "launch"})
FIGURE_NOUNS = frozenset({"figure", "figures", "number", "numbers", "data", "statistic", "statistics", "estimate",
                          "estimates", "calculation", "calculations", "count", "tally", "math", "arithmetic"})
CHARGE_NOUNS = frozenset({"characterization", "characterisation", "accusation", "accusations", "allegation",
                          "allegations", "claim", "claims", "charge", "charges", "criticism", "suggestion"})
ACCOUNT_NOUNS = frozenset({"account", "explanation", "version", "story", "description", "interpretation",
                           "reading", "view", "argument", "assessment", "analysis", "findings", "conclusion"})
ACCUSING_CUES = frozenset({"accuse", "allege", "charge", "blame", "claim", "criticize", "attack", "fault"})
MAX_BACK_REFERENCE_CHARS = 2500
MAX_ANAPHOR_WORDS = 6


def speaker_key(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower().replace("’s", "").replace("'s", "")).strip()


def anaphoric_target(stmt: Statement, earlier: Sequence[Statement],
                     sides: SideIndex | None = None) -> Statement | None:
    """The earlier statement a rejection refers back to, if any (the latest, when it refers to several)."""
    found = back_references(stmt, earlier, sides)
    return found[0] if found else None


def back_references(stmt: Statement, earlier: Sequence[Statement],
                    sides: SideIndex | None = None) -> tuple[Statement, ...]:
    """The earlier statements a rejection refers back to, latest first.

    The rejected thing is a short definite phrase: its owner names the speaker
    or the side it speaks for ("the lawyer's account", "the company's
    explanation" given by its chief executive), or its noun names what was
    said: a cue ("the announcement"), a word of the content ("the voucher
    offer"), figures ("the figures"), an accusation ("that characterization").
    An owner's account is everything the owner said of it: the last two of
    its statements. "This does not meet our demand" answers the latest
    announced measure.
    """
    index = sides or SideIndex([*earlier, stmt])
    own = index[stmt.id]
    recent = [s for s in reversed(earlier)
              if not same_side(index[s.id], own) and stmt.start - s.end < MAX_BACK_REFERENCE_CHARS]
    content = stmt.content.strip()
    if stmt.stance not in NEGATIVE_STANCES:
        dismissed = _dismissed(content, recent, index)
        return (dismissed,) if dismissed is not None else ()
    m = _ANAPHOR.match(content)
    if m and len(content.split()) <= MAX_ANAPHOR_WORDS:
        owner, noun = m.group("owner"), m.group("noun").lower()
        pool = recent
        if owner:
            by_owner = [s for s in recent if names_side(owner, index[s.id]) or _is_alias(owner, index[s.id])]
            pool = by_owner or recent
        if owner and pool is not recent and noun in ACCOUNT_NOUNS:
            return tuple(pool[:MAX_ACCOUNT_STATEMENTS])
        found = _first_referred(noun, pool)
        if found is not None:
            return (found,)
        if pool and (noun in ACCOUNT_NOUNS or (owner and pool is not recent)):
            return (pool[0],)
    if REJECTING_CONTENT.match(content):
        proposal = next((s for s in recent if s.cue_lemma.split()[0] in PROPOSAL_CUES), None)
        return (proposal,) if proposal is not None else ()
    return ()


MAX_ACCOUNT_STATEMENTS = 2
MIN_FIGURES_FOR_PLURAL = 2


def _first_referred(noun: str, pool: Sequence[Statement]) -> Statement | None:
    """The latest statement "the <noun>" can name; "the figures" prefers one that gives several."""
    if noun in FIGURE_NOUNS and noun.endswith("s"):
        several = next((s for s in pool if len(s.quantities) >= MIN_FIGURES_FOR_PLURAL), None)
        if several is not None:
            return several
    return next((s for s in pool if _refers_to(noun, s)), None)


# "The figures the superintendent read out tonight are simply not true": a definite thing called false.
_DISMISSAL = re.compile(r"^(?:the|these|those|this|that|their|his|her|its)\s+(?:\w+\s+)??(?P<noun>\w+)\b"
                        r"(?P<rest>.{0,120}?)\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:not true|untrue|wrong|false|"
                        r"not accurate|inaccurate|nonsense|misleading|invented|made up|fabricated)\b", re.IGNORECASE)


def _dismissed(content: str, recent: Sequence[Statement], index: SideIndex) -> Statement | None:
    """What a statement that calls a definite thing false refers back to: the latest statement of the side
    it names ("the superintendent") that the noun can name ("the figures")."""
    m = _DISMISSAL.match(content)
    if m is None:
        return None
    noun, named = m.group("noun").lower(), m.group("rest")
    pool = [s for s in recent if named_in(named, index[s.id])]
    return next((s for s in pool if _refers_to(noun, s)), None)


def _is_alias(phrase: str, side: Side) -> bool:
    text = phrase.strip().lower()
    return text in side.aliases or f"the {text}" in side.aliases


# "rejected the proposal / the idea / the demand" answers a call for something: "called for an inquiry",
# "demanded that the ditches be blocked", "parents had proposed sharing the building".
DEMAND_NOUNS = frozenset({"proposal", "proposals", "idea", "ideas", "plan", "plans", "demand", "demands", "call",
                          "calls", "request", "requests", "suggestion", "suggestions", "bid"})
DEMAND_CUES = frozenset({"call", "demand", "urge", "ask", "seek", "propose", "suggest", "request", "press"})


def _refers_to(noun: str, stmt: Statement) -> bool:
    """Can "the <noun>" name what ``stmt`` said?"""
    cue = stmt.cue_lemma.split()[0] if stmt.cue_lemma else ""
    singular = noun[:-1] if noun.endswith("s") else noun
    if noun in DEMAND_NOUNS and (stmt.stance == "demand" or cue in DEMAND_CUES
                                 or re.search(r"\bpropos(?:ed|ing|al)\b", stmt.content)):
        return True
    if cue in ANAPHORIC_NOUNS.get(noun, frozenset()) or singular in stmt.keywords or noun in stmt.keywords:
        return True
    if noun in FIGURE_NOUNS:
        return bool(stmt.quantities)
    if noun in CHARGE_NOUNS:
        return stmt.stance == "accuse" or cue in ACCUSING_CUES
    return False


_NOT_NAMES = frozenset({"the", "a", "an", "of", "and", "co", "inc", "corp", "ltd", "group", "office", "officials",
                        "official", "mr", "mrs", "ms", "dr", "spokesman", "spokeswoman", "spokesperson", "for"})
MAX_DESCRIPTION_WORDS = 4


def _name_words(text: str) -> set[str]:
    words = {w for w in speaker_key(text).split() if w not in _NOT_NAMES and len(w) > 1}
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words}


def _names_speaker(target: str, stmt: Statement) -> bool:
    """Does ``target`` name the statement's speaker, by name or by a short description?"""
    if same_party(target, stmt.speaker):
        return True
    # "Russo's team" is not Russo: what comes before a possessive names someone else.
    description = re.split(r"[’']s\b", stmt.speaker_mention)[-1]
    return len(description.split()) <= MAX_DESCRIPTION_WORDS and same_party(target, description)


def same_party(target: str, speaker: str) -> bool:
    """Does ``target`` name ``speaker``? "Darnell Okoye" is not "Amara Okoye"."""
    t_words, s_words = speaker_key(target).split(), speaker_key(speaker).split()
    if not _name_words(target) & _name_words(speaker):
        return False
    if len(t_words) == 2 and len(s_words) == 2 and t_words[-1] == s_words[-1] and t_words[0] != s_words[0]:
        # Both give a first name and they differ: two people sharing a surname.
        return t_words[0] in _NOT_NAMES or s_words[0] in _NOT_NAMES
    return True


_ACCUSED = re.compile(r"^(?P<who>.{2,80}?)\s+of\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)


def accused_phrase(stmt: Statement) -> str:
    """Whom a statement accuses or is about: "the low-cost carrier SkyMara" of "accused the low-cost
    carrier SkyMara of dodging ..."; else the subject attribution found."""
    if stmt.stance == "accuse" or (stmt.cue_lemma.split() or [""])[0] in ACCUSING_CUES:
        m = _ACCUSED.match(stmt.content.strip())
        if m:
            return m.group("who")
    return stmt.target


def _own_side(stmt: Statement) -> Side:
    return SideIndex([stmt])[stmt.id]


# What a reply can answer: a claim, an accusation, a warning, a doubt; not a demand or an admission.
ANSWERABLE_STANCES = frozenset({"assert", "accuse", "warn", "question"})


def accused_responds(response: Statement, claim: Statement, *, response_side: Side | None = None) -> str:
    """How the party a claim is about answers it: "accused" when the claim accuses the party or makes it
    the subject of its content, "named" when the content only names it ("the hospital's wards"), "" when
    the response is not such an answer. Anyone who speaks for the party answers for it; admissions are
    not rebuttals."""
    if response.stance == "admit" or claim.stance not in ANSWERABLE_STANCES or claim.negated:
        return ""
    side = response_side or _own_side(response)
    target = accused_phrase(claim)
    if target and (names_side(target, side) or _names_speaker(target, response)):
        return "accused"
    return "named" if named_in(claim.content, side) else ""


def accused_denies(denial: Statement, claim: Statement, *, denial_side: Side | None = None) -> bool:
    """The speaker of a denial (or of a flatly negative statement) is the one the
    other statement accuses or makes the subject of its content ("X used
    spyware" ... "X denies ..."; "Russo tested positive" ... "I never cheated"),
    or speaks for it."""
    disputing = denial.stance in NEGATIVE_STANCES or (denial.negated and denial.stance == "assert")
    target = accused_phrase(claim)
    if not disputing or claim.stance not in ANSWERABLE_STANCES or claim.negated or not target:
        return False
    side = denial_side or _own_side(denial)
    return names_side(target, side) or _names_speaker(target, denial)


def find_candidates(
    article_id: str, statements: Sequence[Statement], vectors: np.ndarray, *, config: PairingConfig
) -> list[CandidatePair]:
    """Candidate pairs of one article, ``a`` always the earlier statement."""
    sims = vectors @ vectors.T if len(statements) else np.zeros((0, 0))
    sides = SideIndex(statements)
    anaphora: dict[str, set[str]] = {}
    for i, s in enumerate(statements):
        targets = back_references(s, statements[:i], sides)
        if targets:
            anaphora[s.id] = {t.id for t in targets}
    answered = _denials_answer(statements, sims, sides, config)
    responses = _responses(statements, sims, sides, config)
    party_words = sides.name_words()
    out: list[CandidatePair] = []
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if speaker_key(a.speaker) == speaker_key(b.speaker) or same_side(sides[a.id], sides[b.id]):
                continue
            sim = float(sims[i, j])
            shared = tuple(sorted(set(a.keywords) & set(b.keywords)))
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
                link = _link(a, b, sim, shared, config, sides, party_words)
            on_topic = sim >= config.topic_similarity or (
                len(shared) >= config.min_shared_keywords and sim >= config.topic_similarity_with_keywords
            )
            if link or on_topic:
                out.append(CandidatePair(article_id, a, b, sim, shared, link))
    return out


def _denials_answer(statements: Sequence[Statement], sims: np.ndarray, sides: SideIndex,
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
                  and accused_denies(denial, c, denial_side=sides[denial.id])]
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
            # A negative statement's links are confirmed by NLI later, so it may answer any of the claims.
            # A claim reported after the denial must be close in meaning: answers usually follow claims.
            if claim.start > denial.start and sim < config.response_similarity:
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


def _responses(statements: Sequence[Statement], sims: np.ndarray, sides: SideIndex,
               config: PairingConfig) -> set[tuple[str, str]]:
    """(claim, answer) pairs: a statement by the side an earlier claim accuses or names, on the same
    specifics, answers the closest such claim in meaning (an answer answers one claim, not every claim
    about its side)."""
    links: set[tuple[str, str]] = set()
    for j, b in enumerate(statements):
        scored: list[tuple[float, str]] = []
        for i, a in enumerate(statements[:j]):
            if same_side(sides[a.id], sides[b.id]):
                continue
            sim = float(sims[i, j])
            shared = set(a.keywords) & set(b.keywords)
            same_specifics = sim >= config.response_similarity or len(shared) >= config.response_shared_keywords
            answer = accused_responds(b, a, response_side=sides[b.id])
            # A party only named in the claim answers it on the same specifics in meaning, not just in words.
            if answer == "accused" and same_specifics and sim >= config.min_link_similarity:
                scored.append((1, sim, a.id))
            elif answer == "named" and sim >= config.response_similarity and not _plan(a) and not _plan(b) \
                    and named_in(_subject_part(a.content), sides[b.id]):
                scored.append((0, sim, a.id))
        if scored:
            # An answer answers a claim against its side before one that only names it.
            links.add((max(scored)[2], b.id))
    return links


# The part of a content before its first auxiliary: roughly its subject ("night shifts on the hospital's
# wards ran ..."), where a claim names what it is about, unlike "it had received complaints about the airline".
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|would|will|could|should|did|does|do)\b", re.IGNORECASE)


def _subject_part(content: str) -> str:
    m = _AUXILIARY.search(content)
    return content[: m.start()] if m else content


def _link(a: Statement, b: Statement, sim: float, shared: tuple[str, ...], config: PairingConfig,
          sides: SideIndex, party_words: frozenset[str] = frozenset()) -> str:
    """Why two statements are about the same proposition, beyond topic overlap."""
    on_shared_topic = sim >= config.figure_similarity
    figures = conflicting_figures(a.quantities, b.quantities) if on_shared_topic else None
    # Money is too generic a unit to say two figures count the same thing without a shared word.
    if figures and (shared or figures[0] not in MONEY_UNITS) and _same_period(a.content, b.content):
        return "conflicting-figures"
    if on_shared_topic and len(shared) >= 2 and opposite_directions(a.content, b.content):
        return "opposite-directions"
    if _opposite_polarity(a, b, party_words, bool(shared)):
        return "opposite-polarity"
    return ""


# What can negate a claim: a statement, a denial or a rejection; not advice ("Patients should not stop ...").
NEGATING_STANCES = frozenset({"assert", "deny", "reject"})


def _opposite_polarity(a: Statement, b: Statement, party_words: frozenset[str], shared_subject: bool) -> bool:
    """One side negates a word the other affirms; the sides' own names are no such word ("Nobody from
    Corvane called me" denies no statement about Corvane)."""
    found = opposite_polarity(a.content, b.content, shared_subject=shared_subject, ignore=party_words)
    if found is None:
        return False
    negating, other = (b, a) if found[1] == "b" else (a, b)
    return negating.stance in NEGATING_STANCES and other.stance in ANSWERABLE_STANCES


# "it would recruit 60 nurses", "will examine the explanation": a plan answers no claim, and is none.
_PLAN = re.compile(r"^(?:\w+\s+){0,5}?(?:would|will|plans? to|intends? to|is going to)\s+(?!not\b)", re.IGNORECASE)


def _plan(stmt: Statement) -> bool:
    return bool(_PLAN.match(stmt.content.strip()))


# A figure for a span of years ("a combined 31 percent over the past five years") does not measure what a
# figure for one period does ("would rise by 3.8 percent in the autumn").
_CUMULATIVE = re.compile(r"\b(?:combined|cumulative|cumulatively|in total|altogether|over the (?:past|last|next) "
                         r"(?:\w+ )?(?:years|decades|months)|since (?:19|20)\d\d)\b", re.IGNORECASE)


def _same_period(a: str, b: str) -> bool:
    return bool(_CUMULATIVE.search(a)) == bool(_CUMULATIVE.search(b))
