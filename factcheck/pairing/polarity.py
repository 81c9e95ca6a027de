"""Opposite polarity on the same thing: one side says it, the other says it is not so.

"the bins held empty outer envelopes, not ballots" against "poll workers saw
ballots placed in recycling bins"; "no bank account numbers were exposed"
against "a file containing bank account numbers". Attribution reads the nouns a
content negates off the parse (``Statement.negated_terms``); a pair conflicts
when one side negates a noun the other uses outside any negation. Two narrower
patterns are read off the text: a cause one side names and the other says had
no effect ("caused by a strike" / "the strike had not affected the route"), and
a correction about a shared subject ("were cleared, not dug"). NLI on the whole
contents often reads such pairs as neutral, because the rest of the two
sentences differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.attribution.negation import FOCUS_WORDS
from factcheck.pairing.words import stem
from factcheck.records import Statement

_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*")
MIN_COMPOUND_HEAD = 3




# Does a compound name a kind of its head ("handgun", "gun")? Not every word ending in another does
# ("loophole", "hole"): the pairing stage asks its embedder (``compounds.CompoundKinds``).
KindOf = Callable[[str, str], bool]


def _same_term(x: str, y: str, kind_of: KindOf | None = None) -> bool:
    # "handgun" names a kind of "gun": a compound's head counts as the same thing.
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if not (len(short) >= MIN_COMPOUND_HEAD and long.endswith(short) and len(long) - len(short) >= 3):
        return False
    return kind_of is None or kind_of(long, short)


# Nouns too general to be what two statements dispute: "is not having a good night" says nothing against
# "Monday night's debate", nor "That's not fact-checking" against a fact-check.
_GENERIC_TERMS = frozenset(stem(w) for w in (
    "night", "day", "week", "month", "year", "decade", "time", "moment", "today", "people", "thing", "way", "lot",
    "fact", "issue", "problem", "question", "part", "kind", "sort", "place", "point", "case", "word", "one"))


# Words in -ing that open a content without being a verb whose subject is the speaker.
_NOT_GERUNDS = frozenset({"nothing", "something", "anything", "everything", "during", "according", "morning",
                          "evening", "thing", "spring", "string", "bring", "ceiling"})


def speaks_of_itself(stmt: Statement) -> bool:
    """Is the content about its own speaker: "we" or "I" its subject (or, where the parse found none, its first
    word), the "he" or "she" that opens a person's indirect speech ("Ayotte says she is going to vote for
    Trump"; not "authorities say he never obtained access"), the "it" of a body's ("the campaign says it
    raised"), or a verb in -ing with no subject of its own, whose subject is the speaker ("liberal groups
    reported spending only $1 million supporting her")?"""
    first = re.sub(r"[^a-z]", "", (stmt.content.split() or [""])[0].lower())
    subject = re.sub(r"[^a-z]", "", stmt.subject.lower()) if stmt.subject else first
    if not stmt.subject and stmt.kind == "indirect" and len(first) > 4 and first.endswith("ing") \
            and first not in _NOT_GERUNDS:
        return True
    if stmt.kind == "indirect" and subject == "it":
        return _a_body(stmt)
    return subject in {"i", "we"} or stmt.kind == "indirect" and subject in {"he", "she"} and _a_person(stmt)


def _a_body(stmt: Statement) -> bool:
    """Is the speaker one body a common noun names ("Bernie Sanders' campaign", "the company"), the "it" of
    whose indirect speech is itself ("Bernie Sanders' campaign says it raised more than $21 million")? Not
    people ("officials say it was ..."), and not a name, which may be a person's."""
    last = re.sub(r"[^A-Za-z]", "", (stmt.speaker_mention.split() or [""])[-1])
    return last.islower() and not last.endswith("s")


def _a_person(stmt: Statement) -> bool:
    """Is the speaker one person: "he" or "she", or a name of two or more capitalised words ("Kelly Ayotte")?"""
    words = stmt.speaker.split()
    return stmt.speaker_mention.strip().lower() in {"he", "she"} or (
        len(words) >= 2 and all(w[:1].isupper() for w in words))


def polarity_conflict(a: Statement, b: Statement, *, ignore: frozenset[str] = frozenset(),
                      max_words: int = 0, kind_of: KindOf | None = None) -> tuple[str, str] | None:
    """A noun one statement negates and the other affirms, and which one negates it ("a" or "b").
    Words in ``ignore`` (the names of the article's parties) never count. With ``max_words``, only a
    negating content of at most that many words counts: a short denial ("her brother never had a gun")
    is about the noun it negates; a negation somewhere in a long quote seldom answers anyone. ``kind_of``
    says whether a compound is its head; without it, any compound is. Two sources each speaking of what
    they themselves do ("we won't be running his columns" / "we always enjoy his columns") dispute nothing."""
    if speaks_of_itself(a) and speaks_of_itself(b):
        return None
    for negating, other, side in ((b, a, "b"), (a, b, "a")):
        if max_words and len(negating.content.split()) > max_words:
            continue
        affirmed = {stem(w) for w in other.keywords} - {stem(w) for w in other.negated_terms}
        # A letter the tagger took for a noun ("not a good idea" -> "a") is no thing anyone disputes.
        negated = {t for t in (stem(w) for w in negating.negated_terms) if len(t) > 1}
        for term in sorted(negated - ignore - _GENERIC_TERMS):
            if any(_same_term(term, word, kind_of) for word in affirmed):
                return term, side
    return None


# "the cancellation was caused by an air traffic control strike" against "the French strike had not affected
# the route": one side names a cause, the other says that cause had no effect.
_CAUSE = re.compile(r"\b(?:caused by|because of|due to|blamed on|the result of|owing to|brought on by)\s+"
                    r"(?P<cause>(?:[\w-]+\s+){0,5}[\w-]+)\b", re.IGNORECASE)
_NO_EFFECT = re.compile(r"\b(?P<subject>[a-z][\w-]*)\s+(?:that\s+|which\s+)?(?:had|has|have|did|does|do|was|were)?\s*"
                        r"(?:not|never|n't)\s+(?:\w+\s+)?(?:affect|touch|hit|caus|disrupt|impact|delay|reach|"
                        r"stop|close)\w*", re.IGNORECASE)
_NOT_A_CAUSE = frozenset({"that", "which", "it", "this", "they", "he", "she", "what", "who"})


def causal_denial(a: str, b: str) -> str | None:
    """A cause ``a`` names that ``b`` says had no effect ("strike"), if any."""
    causes = {stem(w) for m in _CAUSE.finditer(a) for w in _TOKEN.findall(m.group("cause"))}
    for m in _NO_EFFECT.finditer(b):
        subject = stem(m.group("subject"))
        if subject in causes and subject not in _NOT_A_CAUSE:
            return subject
    return None


# "Those ditches were cleared, not dug": a reply that corrects how the other side described the same thing.
_CORRECTION = re.compile(r"\b(?:were|was|is|are|had been|has been|have been)\s+(?:\w+\s+)?(\w+),?\s+not\s+(\w+)\b",
                         re.IGNORECASE)


# "is simply not working", "are Muslim does not mean": an adverb or an auxiliary before "not" negates a verb;
# it puts no word in the place of another.
_NOT_A_CORRECTION = frozenset({"do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "shall",
                               "should", "may", "might", "must", "just", "still", "also", "even", "really", "so",
                               "and", "but", "or"})
# "dangerous and not a good idea": what follows "not" must be a word put aside, not an article; nor a word
# that shifts the focus ("was worried not so much about miscalculations").
_NOT_A_REJECTED_WORD = FOCUS_WORDS | {"a", "an", "the", "all", "every", "any", "one", "to", "in", "at", "so",
                                      "necessarily", "quite", "exactly"}


def correction(text: str) -> tuple[str, str] | None:
    """The word a contrastive correction puts in place ("cleared") and the one it rejects ("dug")."""
    for m in _CORRECTION.finditer(text):
        put = m.group(1).lower()
        # "is Donald Trump, not Hillary Clinton" contrasts two people, not two accounts of one thing.
        named = m.group(1)[:1].isupper() or m.group(2)[:1].isupper()
        if put not in _NOT_A_CORRECTION and not put.endswith("ly") and not named \
                and m.group(2).lower() not in _NOT_A_REJECTED_WORD:
            return put, m.group(2).lower()
    return None


def opposite_polarity(a: Statement, b: Statement, *, shared_subject: bool,
                      ignore: frozenset[str] = frozenset(), max_words: int = 0) -> tuple[str, str] | None:
    """The word on which two statements take opposite polarity, and which one negates it ("a" or "b"): a
    noun one negates and the other affirms, a cause one says had no effect, or, about a shared subject, a
    correction ("cleared, not dug")."""
    return polarity_conflict(a, b, ignore=ignore, max_words=max_words) or denied_effect_or_correction(
        a, b, shared_subject=shared_subject, ignore=ignore)


def denied_effect_or_correction(a: Statement, b: Statement, *, shared_subject: bool,
                                ignore: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """A cause one statement names and the other says had no effect, or, about a shared subject, a
    correction; the word and which statement negates it ("a" or "b")."""
    for cause_text, effect_text, side in ((a.content, b.content, "b"), (b.content, a.content, "a")):
        cause = causal_denial(cause_text, effect_text)
        if cause is not None and cause not in ignore:
            return cause, side
    if not shared_subject:
        return None
    for text, side in ((b.content, "b"), (a.content, "a")):
        corrected = correction(text)
        if corrected is not None:
            return corrected[1], side
    return None
