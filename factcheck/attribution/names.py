"""People's names without what comes before them in a mention: titles, roles
and honorifics ("Superintendent Carol Fenwick", "Housing Minister Priya
Ramanathan", "Chief executive Alan Brightwell", "Dr. Helene Marchetti" ->
the name alone).

A name is the run of title-cased proper nouns at the end of a person's
phrase; everything up to the last word of its leading part that says a role
goes: a title or role word, a lowercase word ("state", "executive"), an
abbreviation ("Sen.", "Gov.") or a role noun in -man/-woman/-person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Token

from factcheck.attribution.learned import read_learned
from factcheck.attribution.nominals import ORG_NOUNS, name_kinds

# Words that say a role when they stand before a person's name.
TITLE_WORDS = frozenset({
    # honorifics and forms of address
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "madam", "madame", "monsieur",
    "herr", "frau", "senor", "senora", "don", "dona", "hon", "honorable", "honourable", "rt",
    # politics and government
    "president", "vice", "prime", "premier", "chancellor", "minister", "secretary", "senator", "sen",
    "representative", "rep", "congressman", "congresswoman", "congressmember", "assemblyman",
    "assemblywoman", "assemblymember", "councilman", "councilwoman", "councillor", "councilor",
    "councilmember", "alderman", "alderwoman", "mayor", "governor", "gov", "lt", "deputy", "speaker",
    "ambassador", "envoy", "commissioner", "delegate", "leader", "chairman", "chairwoman", "chairperson",
    "chair", "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "incumbent", "king", "queen",
    "prince", "princess", "sheikh", "emir", "sultan", "superintendent", "trustee", "treasurer", "auditor",
    "comptroller", "controller", "clerk", "registrar", "member", "mp", "mep", "mla",
    # law and order
    "judge", "justice", "magistrate", "prosecutor", "attorney", "lawyer", "counsel", "solicitor",
    "barrister", "sheriff", "marshal", "officer", "constable", "detective", "det", "inspector",
    "insp", "sergeant", "sgt", "lieutenant", "captain", "capt", "cpt", "chief", "commander", "cmdr",
    "supt", "trooper", "agent", "warden", "coroner",
    # military
    "general", "gen", "colonel", "col", "major", "maj", "corporal", "cpl", "private", "pvt", "admiral",
    "adm", "brigadier", "commodore", "ensign", "airman", "seaman",
    # church
    "pope", "cardinal", "archbishop", "bishop", "father", "fr", "reverend", "rev", "pastor", "rabbi",
    "imam", "sister", "brother", "elder", "deacon",
    # work, sport and academia
    "executive", "ceo", "cfo", "coo", "cto", "founder", "cofounder", "co-founder", "director", "manager",
    "head", "boss", "owner", "partner", "editor", "coach", "skipper", "striker", "goalkeeper",
    "midfielder", "defender", "player", "winger", "professor", "prof", "provost", "dean", "lecturer",
    "researcher", "scientist", "economist", "analyst", "doctor", "nurse", "surgeon", "physician",
    "principal", "headteacher", "headmaster", "headmistress", "teacher", "engineer", "architect",
    "organiser", "organizer", "activist", "campaigner", "official", "vice-president", "vp", "rector", "bursar",
})
# Titles that are also first names ("Dean Sorensen", "Major Tom"): they go only
# before two or more name words.
_NAME_LIKE = frozenset({"dean", "don", "major", "king", "prince", "princess", "queen", "justice", "sister",
                        "brother", "father", "elder", "general", "private", "marshal", "chance", "bishop",
                        "cardinal", "partner", "head", "member", "chair", "leader", "speaker", "principal",
                        "official", "player", "agent", "owner", "manager", "director", "editor", "lady",
                        "lord"})
# Role nouns made from a word and a person ("councilwoman", "spokesperson"); as
# surnames are "Chapman" and "Freeman", these too go only before two name words.
_ROLE_SUFFIX = re.compile(r"[a-z](?:man|woman|person)$")
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al",
                        "ibn", "ter"})


def _word(token: Token) -> str:
    return token.text.lower().rstrip(".")


def _title_strength(token: Token) -> int:
    """How many name words must follow ``token`` for it to be a title before
    them: 0 when it is no title, 1 for a plain title ("Superintendent", "Sen.",
    "executive"), 2 for one that could be a name ("Dean", "Chapman")."""
    text, word = token.text, _word(token)
    if not text[:1].isalpha():
        return 0
    if text[:1].islower():
        return 0 if word in NAME_PARTICLES else 1  # "state", "executive", "head coach"
    if word in TITLE_WORDS:
        return 2 if word in _NAME_LIKE else 1
    if text.endswith(".") and len(word) >= 2:
        return 1  # "Sen.", "Gov." ("J." is an initial)
    if _ROLE_SUFFIX.search(word):
        return 2
    return 0


def _is_role(token: Token) -> bool:
    """A title proper, not just a modifier before a name ("top", "fellow")."""
    word = _word(token)
    return word in TITLE_WORDS or token.text.endswith(".") and len(word) >= 2 or bool(_ROLE_SUFFIX.search(word))


def is_name_word(token: Token) -> bool:
    """A word that can be part of a person's name: title-cased ("Fenwick",
    "O'Neill"), an initial ("J.") or a particle ("van")."""
    text = token.text
    if token.lower_ in NAME_PARTICLES:
        return True
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return True
    return text[:1].isupper() and text[1:2].islower() or text[:1].isupper() and len(text) == 1


def name_start(tokens: Sequence[Token]) -> int:
    """Index in ``tokens`` where the name begins: after the last word of the
    leading part that says a role ("Housing Minister | Priya Ramanathan")."""
    end = len(tokens)
    while end > 0 and not tokens[end - 1].text[:1].isalpha():
        end -= 1  # a trailing "'s"
    start = 0
    for i in range(end - 1):
        need = _title_strength(tokens[i])
        if need and end - i - 1 >= need:
            start = i + 1
    return start


def person_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of the person's name in a mention of them, titles dropped;
    the mention as it is when what is left does not look like a name."""
    out = list(tokens[name_start(tokens):])
    while out and not out[-1].text[:1].isalpha():
        out.pop()
    return out if out and all(is_name_word(t) for t in out) else list(tokens)


def titled_names(doc: Doc) -> list[tuple[int, int, int]]:
    """``(title_start, name_start, end)`` token positions of names that a role
    word leads ("Superintendent Carol Fenwick", "Councilwoman Teresa
    Lindqvist"): a run of proper nouns compounded onto one proper-noun head
    after a title, whatever entity label the parser gave it."""
    out: list[tuple[int, int, int]] = []
    for head in doc:
        if head.pos_ != "PROPN" or head.dep_ == "compound" and head.head.pos_ == "PROPN":
            continue
        i = head.i
        while i > head.sent.start and doc[i - 1].dep_ in _CHAIN_DEPS and not doc[i - 1].is_punct \
                and head.i in {a.i for a in doc[i - 1].ancestors}:
            i -= 1
        chain = list(doc[i:head.i + 1])
        start = name_start(chain)
        name = chain[start:]
        if start == 0 or not name or not all(t.pos_ == "PROPN" and is_name_word(t) for t in name):
            continue
        if not _is_role(chain[start - 1]) or len(name) == 1 and chain[start - 1].text[:1].islower():
            continue  # "the top Democrat", "chief executive Smith"
        if any(t.lower_ in ORG_NOUNS for t in name) or name_kinds(" ".join(t.text for t in name)):
            continue  # "Prince Charles Hospital"
        out.append((i, name[0].i, head.i + 1))
    return out


_CHAIN_DEPS = frozenset({"compound", "amod", "nmod"})


FIRST_NAMES = Path(__file__).resolve().parent / "first_names.json"


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name (lowercase) -> "f" or "m", learned from news copy (``learn_names``); empty if not built."""
    return {str(k): str(v) for k, v in read_learned(FIRST_NAMES, "names").items()}
