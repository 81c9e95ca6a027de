"""Which side of a dispute each statement of an article speaks for.

A statement has one speaker, but a dispute is between sides: the company's
chief operating officer speaks for the company, a spokeswoman for the ministry
for the ministry, the trust's lead scientist for the trust, and Ferrante's
lawyer for Ferrante. Pairing compares sides, not speaker strings: two
statements of one side are never a dispute, and a claim that names a side
("accused the low-cost carrier SkyMara of ...", "the minister had misled
parliament", "the hospital's surgical wards") is answered by anyone who
speaks for it.

Everything here is read off the article's own statements (speakers, their
mentions, their sentences), so it is article-local, like speaker resolution.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from factcheck.attribution.speakers import FOLLOWER_NOUNS
from factcheck.pairing.words import stem
from factcheck.records import Statement

_WORD = re.compile(r"[a-z][a-z0-9-]*")
_DETERMINER = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)
# "the company’s chief executive", "Ferrante's lawyer": an owner, then the speaker's role.
_POSSESSIVE_OWNER = re.compile(r"(?P<owner>(?:\b(?:the|its|their)\s+)?[\w .-]{2,40}?)[’']s?\s+(?P<role>[\w -]{2,40})$")
_POSSESSIVE_PRONOUN = re.compile(r"^(?P<pronoun>its|their|his|her)\s+(?P<role>[\w -]{2,40})$", re.IGNORECASE)
# "a spokeswoman for the airline", "the director of the institute", "an official at the ministry".
_FOR_OWNER = re.compile(r"\b(?P<role>[a-z][\w -]{1,30}?)\s+(?:for|of|at|from)\s+(?P<owner>(?:the\s+)?[\w .-]{2,40})$",
                        re.IGNORECASE)
_SPOKESPEOPLE = "spokesman|spokeswoman|spokesperson"
# "a surgical nurse and union representative": an owner noun right before a representing role.
_ROLE_AFTER_OWNER = re.compile(rf"\b(?P<owner>[a-z]+)\s+(?P<role>representative|official|{_SPOKESPEOPLE}|leader|"
                               r"member|officer|steward|lawyer|attorney)s?\b", re.IGNORECASE)
# "Trump campaign spokesman Jason Miller", "Clinton spokesman Nick Merrill", "Clinton campaign communications
# director Jennifer Palmieri": a name, then the role.
_NAMED_OWNER_ROLE = re.compile(r"^(?P<owner>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2}(?:\s+campaign)?)\s+(?:[a-z]+\s+){0,2}?"
                               rf"(?P<role>{_SPOKESPEOPLE}|lawyer|attorney|aide|adviser|advisor|manager|strategist|"
                               r"counsel|director|chairman|chairwoman|secretary)s?\s+[A-Z]")
# "Spokeswoman Jessica Ditto said ...": a spokesperson the article gives no owner speaks for the body
# the statement just before spoke of ("Donald Trump's campaign is defending his tweets").
_BARE_ROLE = re.compile(rf"^(?:(?:a|the)\s+)?(?:campaign\s+)?(?:{_SPOKESPEOPLE})\s+[A-Z]", re.IGNORECASE)
MAX_BARE_ROLE_CHARS = 600
# "A Democratic aide", "a senior Republican committee aide": a party's staff speak for the party ("Democrats").
_PARTY_ROLE = re.compile(r"^(?i:(?:a|an|the|one|another|two|several)\s+)?(?i:(?:senior|top)\s+)?"
                         r"(?P<party>Democratic|Republican|GOP)\s+(?:[a-z]+\s+){0,2}?(?:aide|official|staffer|"
                         r"strategist|operative|spokesman|spokeswoman|spokesperson)s?\b")
_PARTY_MEMBERS = {"democratic": "Democrats", "republican": "Republicans", "gop": "Republicans"}
# Roles that stand against the owner rather than for it, or no longer speak for it: "the mayor's rival" is not
# the mayor's side, nor is "a two-decade veteran of the DNC Rules Committee" the committee's.
OPPOSING_ROLES = frozenset({"rival", "rivals", "opponent", "opponents", "critic", "critics", "challenger",
                            "accuser", "accusers", "victim", "victims", "adversary", "predecessor", "successor",
                            "former", "ex", "opposition", "shadow", "veteran", "veterans"})
# Roles that speak for a person or body named before them ("Ferrante's lawyer", "Hale's campaign manager"), in
# the singular: ``_represents`` reads a plural ("Mrs. Clinton's advisers") through its stem.
REPRESENTING_ROLES = frozenset({"lawyer", "attorney", "counsel", "solicitor", "barrister", "spokesman",
                                "spokeswoman", "spokesperson", "agent", "representative", "aide",
                                "adviser", "advisor", "campaign", "family", "office", "executive", "officer",
                                "director", "chairman", "chairwoman", "chair", "president", "head", "secretary",
                                "sister", "brother", "wife", "husband", "mother", "father", "son", "daughter"})
# Words of a description that say nothing about who someone is.
_PLAIN = frozenset({"the", "a", "an", "of", "and", "for", "at", "from", "in", "on", "its", "their", "his", "her",
                    "mr", "mrs", "ms", "dr", "who", "which", "that", "said", "also", "s", "he", "she", "they",
                    "it", "we", "i", "you", "them", "him", "us"})
# An accusation against "managers" or "the management" is answered by the people who run the body.
MANAGEMENT_WORDS = frozenset({"manager", "managers", "management", "boss", "bosses", "executive", "executives",
                              "leadership", "administrator", "administrators", "administration", "director",
                              "directors", "board", "chief"})


# Heads of a phrase for the people who act for a body named before them ("union officials").
_OFFICIAL_STEMS = frozenset(stem(w) for w in ("official", "officials", "representative", "representatives", "leader",
                                              "leaders", "spokesman", "spokeswoman", "spokesperson", "officer",
                                              "officers", "negotiator", "negotiators"))


@dataclasses.dataclass(frozen=True)
class Side:
    """Who a statement speaks for: its speaker and the bodies the speaker represents."""

    names: tuple[str, ...]
    roles: frozenset[str] = frozenset()  # every word of its descriptions: "chief", "executive", "housing"
    kinds: frozenset[str] = frozenset()  # their head nouns: "executive", "minister", "company", "captain"
    aliases: frozenset[str] = frozenset()  # definite phrases the article uses for it: "the hospital"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’s", "").replace("'s", ""))


# Words of a name that do not identify anyone: "Co.", "Group", "officials", "spokesman"; "Other leaders" and
# "the North's leader, Kim Jong Un" are not one party.
_NOT_NAME = _PLAIN | {"co", "inc", "corp", "ltd", "group", "office", "officials", "official", "spokesman",
                      "spokeswoman", "spokesperson", "leader", "leaders", "other", "others",
                      # abbreviated titles, never a name of their own: "Sen. Mark Kirk" is not "Sen. Heidi Heitkamp"
                      "sen", "rep", "gov", "pres", "gen", "adm", "prof", "lt", "sgt", "col", "capt", "supt"}


def _name_words(name: str) -> set[str]:
    return {stem(w) for w in _words(name) if w not in _NOT_NAME and len(w) > 1}


# Heads of the names of bodies: "the Justice Department" and "the State Department" share only the head,
# and are two bodies; "the department" names either.
_BODY_HEADS = frozenset(stem(w) for w in (
    "department", "ministry", "committee", "commission", "council", "court", "agency", "party", "university",
    "college", "school", "bank", "center", "centre", "association", "union", "institute", "foundation", "service",
    "board", "bureau", "authority", "campaign", "house", "senate", "assembly", "administration", "government",
    "company", "club", "network", "coalition", "alliance", "federation", "trust", "fund", "organization"))


# A word written with a capital: "Justice" of "the Justice Department".
_CAPITALISED = re.compile(r"\b[A-Z][\w-]+")


def _proper_words(text: str) -> set[str]:
    """The name words of a phrase written with capitals ("Justice" of "the Justice Department"; none of
    "the court's decision")."""
    return _name_words(" ".join(_CAPITALISED.findall(text)))


def names_match(phrase: str, name: str) -> bool:
    """Does ``phrase`` name ``name``? A shared name word, but two people sharing a surname differ, and so do
    two bodies sharing only their head ("Justice Department", "State Department")."""
    p, n = _words(phrase), _words(name)
    shared = _name_words(phrase) & _name_words(name)
    if not shared:
        return False
    if shared <= _BODY_HEADS and _proper_words(phrase) - shared and _proper_words(name) - shared:
        return False
    if len(p) == 2 and len(n) == 2 and p[-1] == n[-1] and p[0] != n[0]:
        return p[0] in _PLAIN or n[0] in _PLAIN
    return True


class SideIndex:
    """The sides of one article's statements."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = list(statements)
        self.canonical = list(dict.fromkeys(s.speaker for s in statements))
        self.mentions: dict[str, set[str]] = {c: set() for c in self.canonical}
        self.roles: dict[str, set[str]] = {c: set() for c in self.canonical}
        self.kinds: dict[str, set[str]] = {c: set() for c in self.canonical}
        for s in statements:
            self.mentions[s.speaker].add(s.speaker_mention.strip())
            words = self._description_words(s.speaker_mention, s.speaker)
            self.roles[s.speaker] |= set(words)
            self.kinds[s.speaker] |= set(words[-1:])
        self._collect_descriptors()
        # Keyed by speaker: "the company's chief executive, Pieter van Loon" speaks for the company in
        # every statement, including those where the article calls him "he".
        self.affiliation: dict[str, str] = {}
        self.owner_phrases: dict[str, set[str]] = {}
        for i, s in enumerate(statements):
            owner = self._owner(s, statements[:i])
            if owner is not None and owner != s.speaker:
                self.affiliation.setdefault(s.speaker, owner)
                self.owner_phrases.setdefault(owner, set()).update(_owner_phrases(s.speaker_mention))
        self.sides = {s.id: self._side(s) for s in statements}

    def __getitem__(self, statement_id: str) -> Side:
        return self.sides[statement_id]

    def name_words(self) -> frozenset[str]:
        """Every word of the article's speakers' names and of the phrases it uses for them."""
        words: set[str] = set()
        for side in self.sides.values():
            for text in (*side.names, *side.aliases):
                words |= _name_words(text)
        return frozenset(words)

    @staticmethod
    def _description_words(mention: str, speaker: str) -> list[str]:
        # What the mention says beyond the name, head last: "Housing Minister Priya Ramanathan" -> housing,
        # minister; "club captain Dean Sorensen" -> club, captain (a captain, not the club).
        described = re.split(r"[’']s\b", mention)[-1]
        name = _name_words(speaker)
        return [stem(w) for w in _words(described) if w not in _PLAIN and stem(w) not in name]

    def _collect_descriptors(self) -> None:
        """Nouns the article puts right before or after a speaker's name: "the mining company Ostrava
        Copper", "FlyFair, a consumer organisation"."""
        texts = {s.sentence for s in self.statements} | {s.content for s in self.statements}
        for name in self.canonical:
            if len(name) < 3 or not name[:1].isupper():
                continue
            escaped = re.escape(name)
            before = re.compile(rf"\b(?i:the|a|an)\s+((?:[\w-]+\s+){{0,2}}?[a-z][\w-]*)\s+{escaped}\b")
            after = re.compile(rf"\b{escaped},\s+(?i:a|an|the)\s+((?:[\w-]+\s+){{0,2}}?[a-z][\w-]*)\b")
            for text in texts:
                for m in (*before.finditer(text), *after.finditer(text)):
                    words = [stem(w) for w in _words(m.group(1)) if w not in _PLAIN]
                    self.roles[name] |= set(words)
                    self.kinds[name] |= set(words[-1:])

    def resolve(self, phrase: str, *, before: int, other_than: str = "") -> str | None:
        """The canonical speaker a phrase ("the company", "the institute", "Ferrante") names, nearest first.

        The phrase's head must be a word of the name ("the institute" -> Meridian Policy Institute), or a
        capitalised word of it must be ("Ferrante"); else a definite phrase goes to a speaker the article
        describes with its head ("the mining company Ostrava Copper") or mentions with it ("The company").
        ``other_than`` is left out: a speaker named for a body ("Executives for Mondelez") is not that body.
        """
        plain = _DETERMINER.sub("", phrase.strip()).strip(" ,")
        words = _words(re.split(r"\s+(?:of|for|at|from)\s+", plain)[0])
        if not words:
            return None
        head = stem(words[-1])
        capitalised = {stem(w.lower()) for w in _CAPITALISED.findall(plain)}
        # "the Tax Policy Center" is a name of its own: a capitalised head that is no word of a speaker's name
        # names someone else, whatever words the two share ("Tax Foundation").
        proper_head = len(words) > 1 and head in capitalised
        order = sorted(self.statements, key=lambda s: (s.start >= before, abs(before - s.start)))
        speakers = [s.speaker for s in order if not re.search(r"[’']s\b", s.speaker) and s.speaker != other_than]
        for c in speakers:
            name = _name_words(c)
            if head in name or capitalised & name and not proper_head and names_match(plain, c):
                return c
        if not (_DETERMINER.match(phrase.strip()) or len(words) == 1):
            return None
        for c in speakers:
            lowered = {m.lower() for m in self.mentions[c]}
            if head in self.kinds[c] or f"the {' '.join(words)}" in lowered:
                return c
        return None

    def _owner(self, s: Statement, earlier: Sequence[Statement]) -> str | None:
        mention = s.speaker_mention.strip()
        m = _POSSESSIVE_PRONOUN.match(re.split(r",\s*", mention)[0].strip())
        if m and not set(_words(m.group("role"))) & OPPOSING_ROLES:
            role = set(_words(m.group("role")))
            # "Its director, Tomas Reyes": the body the sentence before spoke of. "His lawyer" speaks for
            # the person before; "his rival" or "her colleague" does not.
            if m.group("pronoun").lower() in {"its", "their"} or _represents(role):
                return next((e.speaker for e in reversed(earlier) if e.speaker != s.speaker), None)
        if _BARE_ROLE.match(mention) and not _FOR_OWNER.search(mention):
            return next((e.speaker for e in reversed(earlier) if e.speaker != s.speaker
                         and s.start - e.end <= MAX_BARE_ROLE_CHARS), None)
        # "A Democratic aide" speaks for Democrats, "Trump campaign spokesman Jason Miller" for the Trump campaign.
        party, named = _PARTY_ROLE.match(mention), _NAMED_OWNER_ROLE.match(mention)
        for owner in (_PARTY_MEMBERS[party.group("party").lower()] if party else None,
                      named.group("owner") if named else None):
            found = self.resolve(owner, before=s.start, other_than=s.speaker) if owner else None
            if found is not None:
                return found
        for pattern in (_POSSESSIVE_OWNER, _FOR_OWNER, _ROLE_AFTER_OWNER):
            for part in re.split(r",\s*", mention):
                m = pattern.search(part.strip())
                if m is None or set(_words(part)) & OPPOSING_ROLES:
                    continue
                owner = m.group("owner")
                if owner.lower().split()[0] in {"its", "their"}:
                    continue
                # "Ferrante's lawyer" speaks for Ferrante; "Russo's team" employs Russo, and is a side of its own.
                if pattern is _POSSESSIVE_OWNER and not _DETERMINER.match(owner.strip()) and not _represents(
                        set(_words(m.group("role")))):
                    continue
                found = self.resolve(owner, before=s.start, other_than=s.speaker)
                # "union representative" speaks for the Allied Nurses Union; "housing spokesman" is no
                # spokesman of the housing ministry: a bare owner noun must be the body's head noun.
                if pattern is _ROLE_AFTER_OWNER and found and stem(owner.lower()) != stem(_words(found)[-1]):
                    found = None
                if found is not None:
                    return found
        return None

    def _side(self, s: Statement) -> Side:
        names = [s.speaker]
        owner = self.affiliation.get(s.speaker)
        if owner is not None:
            names.append(owner)
        roles = set().union(*(self.roles[n] for n in names))
        kinds = set().union(*(self.kinds[n] for n in names))
        aliases = {m.lower() for n in names for m in self.mentions[n] if _DETERMINER.match(m)}
        aliases |= {p.lower() for n in names for p in self.owner_phrases.get(n, ())}
        return Side(names=tuple(names), roles=frozenset(roles), kinds=frozenset(kinds), aliases=frozenset(aliases))


def _represents(role_words: set[str]) -> bool:
    """Do the words of a role speak for whoever it belongs to, in the singular or plural ("Mrs. Clinton's
    advisers", "his aides")?"""
    return any(stem(w) in REPRESENTING_ROLES for w in role_words)


def _owner_phrases(mention: str) -> Iterable[str]:
    for part in re.split(r",\s*", mention):
        m = _POSSESSIVE_OWNER.search(part.strip()) or _FOR_OWNER.search(part.strip())
        if m is not None and _DETERMINER.match(m.group("owner").strip()):
            yield m.group("owner").strip()


@functools.lru_cache(maxsize=4096)
def own_name(speaker: str) -> str:
    """What a speaker's name names them by: "One of Grayson's former supporters" are supporters, or former
    ones, not Grayson; "her campaign's leadership" still names the campaign."""
    after = re.split(r"[’']s\b", speaker)[-1]
    words = {stem(w) for w in _words(after)}
    return after if words & (FOLLOWER_NOUNS | OPPOSING_ROLES) else speaker


def speaker_key(name: str) -> str:
    """A speaker's name compared loosely: lowercased, without possessives or punctuation."""
    return re.sub(r"[^a-z0-9 ]", "", name.lower().replace("’s", "").replace("'s", "")).strip()


def same_side(a: Side, b: Side) -> bool:
    """Do two sides share a speaker or a body they speak for? One name must hold all the name words of
    the other ("Ferrante", "Luca Ferrante"): "Carrick University" and "Carrick Student Union" differ."""
    return any(x == y or _contains(x, y) for x in a.names for y in b.names)


def _contains(x: str, y: str) -> bool:
    wx, wy = _name_words(x), _name_words(y)
    return bool(wx) and bool(wy) and (wx <= wy or wy <= wx) and names_match(x, y)


_MANAGEMENT_STEMS = frozenset(stem(w) for w in MANAGEMENT_WORDS)


def names_side(phrase: str, side: Side) -> bool:
    """Does ``phrase`` (an accused party, a content's subject) name ``side``?"""
    if not phrase.strip():
        return False
    if any(names_match(phrase, own_name(n)) for n in side.names):
        return True
    words = {stem(w) for w in _words(phrase)}
    if words & _MANAGEMENT_STEMS and side.roles & _MANAGEMENT_STEMS:
        return True
    head = stem(_words(phrase)[-1]) if _words(phrase) else ""
    if head in _OFFICIAL_STEMS:
        # "union officials", "club representatives": the people who speak for a body of the side's kind.
        return any(stem(w) in side.kinds for w in _words(phrase)[:-1] if w not in _PLAIN)
    return bool(head) and head in side.kinds and head not in _PLAIN


def named_in(text: str, side: Side) -> bool:
    """Is ``side`` named in ``text``, by name or by a definite phrase the article uses for it?"""
    lowered = " " + " ".join(_words(text)) + " "
    for name in side.names:
        words = [w for w in _words(name) if w not in _PLAIN]
        if words and f" {' '.join(words)} " in lowered:
            return True
        last = name.split()[-1] if len(name.split()) >= 2 else ""
        # A surname alone ("Ferrante was dismissed"), written as a name, not as a common word ("copper").
        # Not a place: "spending more per child at Millbrook" does not name Save Millbrook.
        if last[:1].isupper() and re.search(rf"(?<!\bat )(?<!\bin )(?<!\bof )(?<!\bfrom )(?<!\bnear )"
                                            rf"(?<!\bto )\b{re.escape(last)}\b(?! [A-Z])", text):
            return True
    titles = {_words(n)[0] for n in side.names if len(_words(n)) >= 3}  # "Superintendent Carol Fenwick"
    if any(f" the {kind} " in lowered for kind in side.kinds | titles if kind not in _PLAIN):
        return True  # "the superintendent", for Superintendent Carla Fenwick
    return any(f" {' '.join(_words(alias))} " in lowered for alias in side.aliases)


def sides_of(statements: Sequence[Statement]) -> Mapping[str, Side]:
    return SideIndex(statements).sides
