"""Opposite polarity on the same thing: one side says it, the other says it is not so.

"the bins held empty outer envelopes, not ballots" against "poll workers saw
ballots placed in recycling bins"; "the French strike had not affected the
route" against "the cancellation was caused by a strike"; "no bank account or
Social Security numbers were exposed" against "a file containing Social
Security numbers". A word is negated when it falls in the forward scope of a negator
(the next few content words of its clause: "never had a gun", "not
ballots"); it conflicts when the other statement uses it outside any
negation. Words before the negator are its subject, which the negation does
not deny ("Patients should not stop ..." says nothing against patients), and
names are left out: "Nobody from Corvane called" does not deny Corvane. NLI on the whole contents often reads
such pairs as neutral, because the rest of the two sentences differ.
"""

from __future__ import annotations

import dataclasses
import re

NEGATORS = frozenset({"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot",
                      "n't", "nowhere"})
# Words that carry no proposition of their own.
_FUNCTION = frozenset(["a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our", "you", "your", "i", "me", "my", "is", "was", "were", "be", "been", "being", "are", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "of", "to", "in", "on", "for", "by", "with", "from", "at", "as", "into", "onto", "over", "under", "about", "after", "before", "than", "then", "so", "such", "very", "also", "just", "and", "or", "but", "if", "because", "while", "when", "where", "which", "who", "whom", "whose", "what", "there", "here", "all", "any", "some", "each", "every", "one", "more", "most", "other", "same", "own", "only", "even", "still", "ever", "again", "out", "up", "down", "off", "too", "yet", "say", "said", "says", "tell", "told", "claim", "claimed"])
_CLAUSE_BREAK = re.compile(r"[,;:.!?()“”\"—–]|\b(?:but|because|although|though|while|whereas|and that)\b")
_TOKEN = re.compile(r"n't|[A-Za-z][A-Za-z-]*")
WORDS_AFTER = 4  # the negated object: "never had a gun", "not ballots"
MIN_COMPOUND_HEAD = 3
# "would not comment on the campaign's claims", "have not clarified what assistance": refusing or failing to
# speak negates nothing it names. Stems, so every form of the verb counts.
REFUSAL_STEMS = ("comment", "say", "said", "discuss", "disclos", "confirm", "elaborat", "respond", "speculat",
                 "reveal", "answer", "specif", "identif", "clarif", "explain", "detail", "state")


@dataclasses.dataclass(frozen=True)
class Polarity:
    negated: frozenset[str]
    affirmed: frozenset[str]


def _stem(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def polarity(text: str) -> Polarity:
    """The content words of ``text`` in the scope of a negation, and those outside every negation."""
    negated: set[str] = set()
    affirmed: set[str] = set()
    for clause in _CLAUSE_BREAK.split(text):
        raw = _TOKEN.findall(clause or "")
        tokens = [t.lower() for t in raw]
        scope: set[int] = set()
        for i, t in enumerate(tokens):
            if t in NEGATORS and not _refusal(tokens, i):
                scope |= _scope(tokens, i)
        for i, t in enumerate(tokens):
            if t in NEGATORS or t in _FUNCTION or len(t) < 3:
                continue
            if i in scope:
                if not raw[i][:1].isupper():
                    negated.add(_stem(t))
            else:
                affirmed.add(_stem(t))
    return Polarity(frozenset(negated), frozenset(affirmed - negated))


def _refusal(tokens: list[str], at: int) -> bool:
    following = [t for t in tokens[at + 1 : at + 4] if t not in _FUNCTION or t.startswith(REFUSAL_STEMS)]
    return bool(following) and following[0].startswith(REFUSAL_STEMS)


# A negated noun phrase ends at its first attachment: "no permit to alter drainage on the marsh" denies a
# permit, not the marsh.
_ATTACHMENTS = frozenset({"to", "of", "on", "in", "for", "at", "by", "with", "from", "about", "that", "which",
                          "who", "because", "since", "until", "after", "before"})
_DETERMINER_NEGATORS = frozenset({"no", "none", "nothing", "nobody", "neither", "nor"})


def _scope(tokens: list[str], at: int) -> set[int]:
    """Positions of the content words a negator at ``at`` governs: the next few of its clause, and for
    "no X" only the noun phrase X."""
    out: set[int] = set()
    i = at + 1
    while i < len(tokens) and len(out) < WORDS_AFTER:
        if out and tokens[at] in _DETERMINER_NEGATORS and tokens[i] in _ATTACHMENTS:
            break
        if tokens[i] not in _FUNCTION and tokens[i] not in NEGATORS:
            out.add(i)
        i += 1
    return out


def _same_term(x: str, y: str) -> bool:
    # "handgun" names a kind of "gun": a compound's head counts as the same thing.
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= MIN_COMPOUND_HEAD and long.endswith(short) and len(long) - len(short) >= 3


def polarity_conflict(a: str, b: str, *, ignore: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """A word one text negates and the other affirms, and which text negates it ("a" or "b").
    Words in ``ignore`` (the names of the article's parties) never count."""
    pa, pb = polarity(a), polarity(b)
    for negated, affirmed, side in ((pb.negated, pa.affirmed, "b"), (pa.negated, pb.affirmed, "a")):
        for term in sorted(negated - ignore):
            if any(_same_term(term, other) for other in affirmed):
                return term, side
    return None


# "Those ditches were cleared, not dug": a reply that corrects how the other side described the same thing.
_CORRECTION = re.compile(r"\b(?:were|was|is|are|had been|has been|have been)\s+(?:\w+\s+)?(\w+),?\s+not\s+(\w+)\b",
                         re.IGNORECASE)


def correction(text: str) -> tuple[str, str] | None:
    """The word a contrastive correction puts in place ("cleared") and the one it rejects ("dug")."""
    m = _CORRECTION.search(text)
    return (m.group(1).lower(), m.group(2).lower()) if m else None


# "the cancellation was caused by an air traffic control strike" against "the French strike had not affected
# the route": one side names a cause, the other says that cause had no effect.
_CAUSE = re.compile(r"\b(?:caused by|because of|due to|blamed on|the result of|owing to|brought on by)\s+"
                    r"(?P<cause>(?:[\w-]+\s+){0,5}[\w-]+)\b", re.IGNORECASE)
_NO_EFFECT = re.compile(r"\b(?P<subject>[a-z][\w-]*)\s+(?:that\s+|which\s+)?(?:had|has|have|did|does|do|was|were)?\s*"
                        r"(?:not|never|n't)\s+(?:\w+\s+)?(?:affect|touch|hit|caus|disrupt|impact|delay|reach|"
                        r"stop|close)\w*", re.IGNORECASE)


def causal_denial(a: str, b: str) -> str | None:
    """A cause ``a`` names that ``b`` says had no effect ("strike"), if any."""
    causes = {_stem(w) for m in _CAUSE.finditer(a) for w in _TOKEN.findall(m.group("cause"))}
    for m in _NO_EFFECT.finditer(b):
        subject = _stem(m.group("subject"))
        if subject in causes and subject not in _FUNCTION:
            return subject
    return None


def opposite_polarity(a: str, b: str, *, shared_subject: bool,
                      ignore: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The word on which two texts take opposite polarity, and which text negates it ("a" or "b"): a word
    one negates and the other affirms, or, about a shared subject, a correction ("cleared, not dug")."""
    found = polarity_conflict(a, b, ignore=ignore)
    if found is not None:
        return found
    for cause_text, effect_text, side in ((a, b, "b"), (b, a, "a")):
        cause = causal_denial(cause_text, effect_text)
        if cause is not None and cause not in ignore:
            return cause, side
    if not shared_subject:
        return None
    for text, side in ((b, "b"), (a, "a")):
        corrected = correction(text)
        if corrected is not None:
            return corrected[1], side
    return None
