"""Figures in a statement's content: a value and what it counts.

"212 homes" -> (212, "home"), "$14 million" -> (14e6, "$"), "5.1 percent" ->
(5.1, "percent"). Two sources giving different figures for the same thing on
the same topic is the commonest dispute in news, and small NLI models miss it.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from factcheck.attribution.syntax import NOMINAL_SUBJECTS
from factcheck.pairing.words import stem

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "hundred": 100, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = frozenset(_WORDS)
# Nouns that count the same thing: "17 workers" and "nine employees", "168 pupils" and "241 children".
_SAME_COUNT = {"employee": "worker", "staff": "worker", "staffer": "worker", "child": "pupil", "student": "pupil",
               "kid": "pupil", "person": "people", "individual": "people", "resident": "people"}
_NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?$")
_YEARS = range(1900, 2100)
MONEY_UNITS = frozenset({"$", "money", "euro", "dollar", "pound", "yen", "yuan", "franc", "rupee", "peso", "real",
                         "rouble", "ruble", "won", "lira", "krona", "krone", "zloty", "cent"})
# One or two of something is rarely the disputed figure ("one nurse for every 12 patients").
MIN_FIGURE = 3.0
_TIME_UNITS = frozenset({"year", "month", "week", "day", "minute", "second", "time", "page", "age"})


def _value(tok: Token) -> float | None:
    text = tok.text.lower().lstrip("$€£")
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    return float(_WORDS[text]) if text in _WORDS else None


# "I am 100% convinced", "110 percent behind him": a degree of conviction after a percentage, not a measurement.
_DEGREE_WORDS = frozenset({"behind", "sure", "certain", "confident", "committed", "convinced", "positive", "right",
                           "wrong", "true", "accurate", "guaranteed", "supportive", "focused"})


def _unit(tok: Token, doc: Doc) -> str:
    """What a number counts: the noun it modifies, or the currency/percent around it."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.text in {"$", "€", "£"} or tok.text[:1] in {"$", "€", "£"}:
        return "$" if (prev is not None and prev.text == "$") or tok.text.startswith("$") else "money"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in {"percent", "%", "per"}:
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if after is not None and after.lower_ in _DEGREE_WORDS:
            return ""
        return _percent_of(nxt)
    head = tok.head
    while head.lower_ in _SCALE and head.head.i != head.i:
        head = head.head
    if tok.dep_ in {"nummod", "quantmod"} or head.pos_ in {"NOUN", "PROPN"}:
        lemma = head.lemma_.lower()
        return _SAME_COUNT.get(lemma, lemma)
    return ""


def _percent_of(percent: Token) -> str:
    """ "percent", or what it is a share of: "74 percent of likely voters" and "98 percent of the refugees"
    measure different things, and neither is "15 percent over the limit"."""
    of = next((c for c in percent.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.pos_ not in {"NOUN", "PROPN"}:
        return "percent"
    lemma = whole.lemma_.lower()
    return f"percent of {_SAME_COUNT.get(lemma, lemma)}"


_FIGURE_TEXT = re.compile(r"^[$€£]?(?P<number>\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)"
                          rf"(?:\s+(?P<scale>{'|'.join(_SCALE)}))?$", re.IGNORECASE)


def figure_value(text: str) -> float | None:
    """The number a short phrase is ("Eighteen million", "$18m" is not one, "241", "twenty-one"), else None."""
    m = _FIGURE_TEXT.match(text.strip())
    if m is None:
        return None
    number = m.group("number").lower()
    if _NUMBER.match(number):
        value = float(number.replace(",", ""))
    else:
        tens, _, ones = number.partition("-")
        if tens not in _WORDS or (ones and ones not in _WORDS):
            return None
        value = float(_WORDS[tens] + (_WORDS[ones] if ones else 0))
    return value * _SCALE[m.group("scale").lower()] if m.group("scale") else value


_DEFINITE = frozenset({"the", "this", "these", "those", "that"})
# Nouns whose "of" names what a copular figure counts: "the true number of additional homes was about 164,000".
_COUNT_NOUNS = frozenset({"number", "total", "count", "tally", "figure"})


def _negated(tok: Token) -> bool:
    """Is the figure in a negated clause ("would not blow open an estimated $10 trillion hole")? The speaker
    then rejects that figure (usually someone else's) and gives none of their own. A definite phrase keeps
    its figure under negation: "had not subtracted the 48,000 homes demolished" still says 48,000 were."""
    node = tok
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in node.children):
            return False
        node = node.head
    return any(c.dep_ == "neg" for c in node.children)


# Verbs by which someone else gives a figure: "far short of the 30 hours the manufacturer advertises".
_FIGURE_GIVING_LEMMAS = frozenset({"advertise", "claim", "say", "state", "promise", "quote", "cite", "report",
                                   "estimate", "announce", "publish", "tout", "allege", "insist", "predict",
                                   "forecast", "pledge"})


def _attributed(tok: Token) -> bool:
    """Is the figure one the content reports as someone else's, in a relative clause on what it counts?"""
    node = tok
    while node.head.i != node.i and node.pos_ not in {"NOUN", "PROPN", "VERB", "AUX"}:
        node = node.head
    return node.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "relcl" and c.lemma_.lower() in _FIGURE_GIVING_LEMMAS for c in node.children)


def _copular_unit(tok: Token) -> str:
    """What "the number of X was N" counts: X."""
    if tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return ""
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _COUNT_NOUNS:
        return ""
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of else None
    if counted is None:
        return ""
    lemma = counted.lemma_.lower()
    return _SAME_COUNT.get(lemma, lemma)


# Verbs whose share of subjects is a poll result, not a measure ("74 percent of voters said"), or says
# nothing without its complement ("40 percent of whom are black", "98 percent are Sunni Muslims").
_NOT_SHARED_LEMMAS = frozenset({"say", "think", "believe", "want", "support", "oppose", "approve", "disapprove",
                                "favor", "prefer", "agree", "disagree", "expect", "plan", "intend", "vote",
                                "be", "have", "become", "remain", "seem"})


def _share(tok: Token) -> tuple[float, str] | None:
    """A share of something that did what the clause says, in percent: "only two of the city's 11 lines had
    run" -> (18.2, "share that run"), "about 60 percent of scheduled trams had run" -> (60, "share that run").
    Two accounts of one service can give it in different units; the share is what they dispute."""
    if tok.dep_ not in NOMINAL_SUBJECTS or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = tok.head.lemma_.lower()
    if verb in _NOT_SHARED_LEMMAS or _negated(tok):
        return None
    if tok.lower_ in {"percent", "%"}:
        if any(c.dep_ == "amod" for c in tok.children):
            return None  # "the top 1 percent of taxpayers" is a group, not a share
        count = next((c for c in tok.children if c.dep_ == "nummod"), None)
        value = _value(count) if count is not None else None
        return (value, f"share that {verb}") if value is not None and value <= 100 else None
    part = _value(tok) if tok.like_num else None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    total = next((_value(c) for c in whole.children if c.dep_ == "nummod" and c.like_num), None) if whole else None
    if part is None or not total or part > total:
        return None
    return round(100 * part / total, 1), f"share that {verb}"


def content_quantities(doc: Doc, start: int, end: int) -> tuple[tuple[float, str], ...]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    out: list[tuple[float, str]] = []
    for tok in span:
        share = _share(tok)
        if share is not None:
            out.append(share)
        if not tok.like_num:
            continue
        value = _value(tok)
        if value is None or (value in _YEARS and "." not in tok.text and "," not in tok.text):
            continue
        if _negated(tok) or _attributed(tok):
            continue  # not the speaker's own figure
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _SCALE:
            value *= _SCALE[doc[tok.i + 1].lower_]
        unit = _unit(tok, doc) or _copular_unit(tok)
        if unit and unit not in _TIME_UNITS and unit not in _SCALE:
            out.append((value, unit))
    return tuple(out)


def conflicting_figures(a: tuple[tuple[float, str], ...], b: tuple[tuple[float, str], ...], *,
                        min_ratio: float = 1.2, max_ratio: float = 100.0) -> tuple[str, float, float] | None:
    """A unit both statements count with values too far apart to agree, when no
    other pair of their figures for that unit agrees. Figures ``max_ratio`` or
    more apart count different things ("$1 million" of investment, "$1.1
    trillion" of revenue): they are no dispute."""
    for unit in sorted({u for _, u in a} & {u for _, u in b}):
        va = [v for v, u in a if u == unit and v >= MIN_FIGURE]
        vb = [v for v, u in b if u == unit and v >= MIN_FIGURE]
        if not va or not vb:
            continue
        if any(max(x, y) / min(x, y) < min_ratio for x in va for y in vb):
            continue
        apart = [(x, y) for x in va for y in vb if max(x, y) / min(x, y) < max_ratio]
        if apart:
            return unit, apart[0][0], apart[0][1]
    return None


# Words that put a figure on opposite sides; both statements must use one side each.
_DIRECTIONS = (
    ({"above", "over", "exceeded", "exceeds", "exceed"}, {"below", "under", "within"}),
    ({"more", "higher", "increase", "increased", "rose", "rise", "risen", "up", "grew", "growth"},
     {"fewer", "less", "lower", "decrease", "decreased", "fell", "fall", "fallen", "down", "shrank", "drop",
      "dropped"}),
    ({"safe", "safely"}, {"unsafe", "dangerous"}),
)
_WORD = re.compile(r"[a-z]+")
# Phrasal senses that say nothing of a measure's direction: "clean up the mines", "cracking down on tax
# breaks", "the cost could fall to taxpayers" (but "fell to 5 percent" is one).
_PHRASAL = re.compile(r"\b(?:clean|set|make|pick|take|give|end|sign|show|look|shut|crack|crackdown|turn|back|"
                      r"step|break|track|head|cut|put|bring|keep|come|stand|speak|wind|play|water|tone|"
                      r"slow|calm|mark|vote|hand|let|knock|shoot|burn|tear|write|sit|lie)(?:s|ed|ing|ped|ping)?\s+"
                      r"(?:up|down)\b"
                      r"|\b(?:fall|falls|fell|fallen|falling)\s+(?:to|on|upon)\s+(?!(?:about\s+|around\s+|just\s+)?"
                      r"[$€£]?\d)"
                      # "growth to occur over time", "under threat", "over objections", "under FOIA": over and
                      # under put a figure on a side only before a figure or a measure ("over 50 percent", "under
                      # budget", "over the limit").
                      r"|\b(?:over|under)\b(?!\s+(?:\S+\s+){0,2}?(?:[$€£]?\d|(?:" + "|".join(sorted(_WORDS)) + r")\b|"
                      r"(?:limit|limits|budget|target|threshold|cap|line|par|estimate|estimates|average|mark|"
                      r"quota|projection|projections|forecast|level|levels|percent|million|billion)\b))")


# How many words either side of a direction word may name what it moves: "levels above the permitted limit".
DIRECTION_WINDOW = 3


def _direction_words(text: str) -> dict[str, set[str]]:
    """Each direction-bearing word of the text and the content words next to it (stemmed)."""
    words = _WORD.findall(_PHRASAL.sub(" ", text.lower()))
    out: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        near = words[max(0, i - DIRECTION_WINDOW): i] + words[i + 1: i + 1 + DIRECTION_WINDOW]
        out.setdefault(word, set()).update(stem(w) for w in near if w not in STOP_WORDS)
    return out


def opposite_directions(a: str, b: str) -> tuple[str, str] | None:
    """A pair of opposite direction words, one in each text, each next to a word the other's is next to: what
    moves ("levels above the permitted limit" / "well below the limit"; not "estimates are more a snapshot" /
    "retain that support in the fall", whose directions move different things)."""
    wa, wb = _direction_words(a), _direction_words(b)
    for up, down in _DIRECTIONS:
        a_up, a_down, b_up, b_down = wa.keys() & up, wa.keys() & down, wb.keys() & up, wb.keys() & down
        if a_up and b_down and not a_down and not b_up:
            first, second = a_up, b_down
        elif a_down and b_up and not a_up and not b_down:
            first, second = a_down, b_up
        else:
            continue
        for x in sorted(first):
            for y in sorted(second):
                if wa[x] & wb[y]:
                    return x, y
    return None
