"""The cue lexicon: which words report speech or belief, and with what stance.

The hand-written core covers rebuttal verbs; a lexicon learned from PolNeAR's
training split (``cue_lexicon.json``, built by ``pipelines/build_cue_lexicon.py``)
adds the long tail of reporting verbs with the share of their uses that were
annotated as cues.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from factcheck.attribution.learned import read_learned
from factcheck.records import Stance

LEARNED_LEXICON = Path(__file__).resolve().parent / "cue_lexicon.json"

# Verb lemma -> stance. Every verb here is a cue wherever it has reported content.
CORE_VERB_CUES: dict[str, Stance] = {
    # assertion
    "say": "assert", "tell": "assert", "state": "assert", "claim": "assert", "assert": "assert",
    "announce": "assert", "declare": "assert", "insist": "assert", "maintain": "assert", "argue": "assert",
    "contend": "assert", "report": "assert", "write": "assert", "add": "assert", "explain": "assert",
    "note": "assert", "predict": "assert", "promise": "assert", "pledge": "assert", "vow": "assert",
    "confirm": "assert", "reveal": "assert", "disclose": "assert", "suggest": "assert", "believe": "assert",
    "think": "assert", "estimate": "assert", "tweet": "assert", "post": "assert", "testify": "assert",
    "stress": "assert", "emphasize": "assert", "reiterate": "assert", "acknowledge": "admit", "boast": "assert",
    "indicate": "assert", "conclude": "assert", "find": "assert", "show": "assert", "recall": "assert",
    "describe": "assert", "call": "assert", "brand": "assert", "label": "assert", "characterize": "assert",
    "remark": "assert", "comment": "assert", "respond": "assert", "reply": "assert", "retort": "assert",
    "counter": "reject", "recount": "assert", "forecast": "assert", "hint": "assert",
    "agree": "assert", "guarantee": "assert", "swear": "assert", "tout": "assert", "praise": "assert",
    "hope": "assert", "expect": "assert", "fear": "warn", "worry": "warn",
    # denial and rejection
    "deny": "deny", "refute": "deny", "dispute": "deny", "contradict": "deny", "rebut": "deny",
    "disavow": "deny", "debunk": "deny", "reject": "reject", "dismiss": "reject", "rebuff": "reject",
    "repudiate": "reject", "slam": "reject", "criticize": "reject", "criticise": "reject", "condemn": "reject",
    "denounce": "reject", "decry": "reject", "oppose": "reject", "scoff": "reject", "ridicule": "reject",
    "disagree": "reject", "challenge": "reject", "blast": "reject", "lambaste": "reject", "mock": "reject",
    # accusation
    "accuse": "accuse", "allege": "accuse", "charge": "accuse", "blame": "accuse", "fault": "accuse",
    "attack": "accuse", "implicate": "accuse",
    # questions and doubts
    "question": "question", "doubt": "question", "ask": "question", "wonder": "question",
    "query": "question",
    # admission
    "admit": "admit", "concede": "admit", "confess": "admit", "grant": "admit", "allow": "admit",
    # warnings and demands
    "warn": "warn", "caution": "warn", "threaten": "warn",
    "demand": "demand", "urge": "demand", "request": "demand", "propose": "demand",
    "recommend": "demand", "order": "demand", "plead": "demand", "appeal": "demand",
}

# Verb + particle/preposition cues: "call for", "point out", "push back"; None where the particle makes the verb
# no cue ("blasted out a barrage of news releases" sends them).
PHRASAL_CUES: dict[tuple[str, str], Stance | None] = {
    ("call", "for"): "demand",
    ("call", "on"): "demand",
    ("call", "upon"): "demand",
    ("point", "out"): "assert",
    ("push", "back"): "reject",
    ("hit", "back"): "reject",
    ("fire", "back"): "reject",
    ("speak", "out"): "assert",
    ("lash", "out"): "reject",
    ("ask", "for"): "demand",
    ("weigh", "in"): "assert",
    ("blast", "out"): None,
}

# Nouns that report content: "a statement from X", "X's claim that ...".
NOUN_CUES: dict[str, Stance] = {
    "statement": "assert", "claim": "assert", "allegation": "accuse", "accusation": "accuse",
    "denial": "deny", "assertion": "assert", "announcement": "assert", "warning": "warn",
    "promise": "assert", "pledge": "assert", "charge": "accuse", "argument": "assert",
    "insistence": "assert", "admission": "admit", "report": "assert", "rejection": "reject",
}

# Nouns whose "from/of X" names the real source: "a statement from the center".
# Documents that carry someone's words ("a statement from the center", "his tweet").
DOCUMENT_CARRIERS = frozenset({
    "statement", "release", "report", "letter", "email", "tweet", "post", "memo", "filing", "document",
    "communique", "notice", "bulletin",
    # legal papers speak for whoever filed them: "The GOP's complaint to the board says ..."
    "complaint", "lawsuit", "suit", "petition", "motion", "brief", "indictment", "affidavit", "ruling",
    "editorial", "op-ed",
})
SOURCE_CARRIER_NOUNS = DOCUMENT_CARRIERS | frozenset({
    "spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney", "press",
})

# A reported act that a later "rejected the X" refers back to.
ANAPHORIC_NOUNS: dict[str, frozenset[str]] = {
    "announcement": frozenset({"announce", "unveil", "declare"}),
    "claim": frozenset({"claim", "say", "assert", "insist", "argue"}),
    "claims": frozenset({"claim", "say", "assert", "insist", "argue"}),
    "allegation": frozenset({"allege", "accuse", "claim", "charge"}),
    "allegations": frozenset({"allege", "accuse", "claim", "charge"}),
    "accusation": frozenset({"accuse", "allege", "charge"}),
    "accusations": frozenset({"accuse", "allege", "charge"}),
    "charge": frozenset({"accuse", "allege", "charge"}),
    "charges": frozenset({"accuse", "allege", "charge"}),
    "proposal": frozenset({"propose", "announce", "suggest"}),
    "plan": frozenset({"announce", "propose", "unveil"}),
    "offer": frozenset({"offer", "propose", "announce"}),
    "statement": frozenset({"say", "state", "announce", "declare"}),
    "report": frozenset({"report", "say", "announce"}),
    "decision": frozenset({"announce", "decide", "declare"}),
    "denial": frozenset({"deny"}),
    "denials": frozenset({"deny"}),
    "suggestion": frozenset({"suggest", "propose"}),
    "assertion": frozenset({"assert", "claim", "say"}),
    "idea": frozenset({"propose", "suggest"}),
    "remarks": frozenset({"say", "tell", "remark"}),
    "comments": frozenset({"say", "tell", "comment"}),
}

NEGATIVE_STANCES = frozenset({"deny", "reject"})

# Content that rejects what came before: "This does not meet our demand ...", "That's simply not true", "The
# plan falls short". The negation must follow the pronoun or noun within a couple of words: in "that means Trump
# may not have paid a dime", "that" is the subject of "means", and what is negated is said of Trump. "It" points
# back at nothing in news copy: "It's not a campaign anymore, it's a movement", "It's not a question of ...",
# "It wasn't surprising for me" (on the train samples, 10 such links wrong and 2 weak); nor does "not only".
_REJECTING_SUBJECT = re.compile(
    r"^(?:this|that|these|those|the (?:plan|move|proposal|announcement|group|panel|measure|decision|offer))\b",
    re.IGNORECASE)
_REJECTING_WORDS = frozenset({"not", "never", "no", "fail", "fails", "failed"})
_FALLING = frozenset({"fall", "falls", "fell"})
MAX_WORDS_BEFORE_REJECTION = 2


def rejects_what_came_before(content: str) -> bool:
    """Does the content open by saying that what it points back at is not so, or falls short?"""
    text = content.strip().lstrip("“\"'‘")
    m = _REJECTING_SUBJECT.match(text)
    if not m:
        return False
    rest = re.sub(r"\bnot only\b", "", re.sub(r"n[’']t\b", " not", text[m.end():].lower()))
    words = re.findall(r"[a-z]+", rest)[: MAX_WORDS_BEFORE_REJECTION + 2]
    return any(w in _REJECTING_WORDS or (w in _FALLING and following == "short")
               for w, following in zip(words[: MAX_WORDS_BEFORE_REJECTION + 1], [*words[1:], ""]))


def content_stance(stance: Stance, content: str) -> Stance:
    """A neutral cue ('said') with rejecting content is a rejection."""
    if stance == "assert" and rejects_what_came_before(content):
        return "reject"
    return stance


@functools.lru_cache(maxsize=1)
def learned_verb_cues() -> dict[str, float]:
    """Lemma -> share of uses annotated as a cue in PolNeAR train (empty if not built)."""
    return {str(k): float(v) for k, v in read_learned(LEARNED_LEXICON, "verbs").items()}


def verb_cue_stance(lemma: str, *, min_share: float) -> Stance | None:
    """Stance of a verb cue, or None when the lemma is not a cue."""
    lemma = lemma.lower()
    stance = CORE_VERB_CUES.get(lemma)
    if stance is not None:
        return stance
    if learned_verb_cues().get(lemma, 0.0) >= min_share:
        return "assert"
    return None


# Opinion verbs whose negation moves into what is held ("does not believe the figures are right" holds that
# they are not): negated, they deny or reject. Negated, any other asserting cue reports nothing said ("has
# not mentioned Machado", "did not respond to requests for comment", "did not unveil plans").
NEGATION_RAISING: dict[str, Stance] = {"think": "deny", "believe": "deny", "agree": "reject", "accept": "reject"}


def flip_for_negation(stance: Stance, lemma: str = "") -> Stance | None:
    """The stance of a negated cue: 'did not deny' or 'did not dispute' concedes what it does not deny, 'did
    not reject' is no rejection, 'does not believe' denies, and 'did not say' says nothing (None: no
    statement)."""
    if stance == "deny":
        return "admit"
    if stance in NEGATIVE_STANCES:
        return "assert"
    if stance == "assert":
        return NEGATION_RAISING.get(lemma)
    return stance
