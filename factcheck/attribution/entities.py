"""The named sources of one article: people with their aliases ("Nieto" for
"Enrique Pena Nieto"), organisations with theirs ("Veltra" for "Veltra Pharma")
and the kinds of organisation the article says each one is.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from factcheck.attribution.names import NAME_PARTICLES, TITLE_WORDS, person_tokens, titled_names
from factcheck.attribution.nominals import description_kinds, name_kinds

_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Mentions of these kinds are organisations only when the article says so.
_MAYBE_ORG = frozenset({"PERSON", "GPE", "NORP", "FAC"})
# A person-like or place name whose own words say organisation ("Dalgren Pharma"); not
# a city ("Kansas City").
_NAMED_LIKE_ORG = frozenset({"PERSON", "FAC"})
# Nouns for a kind of company that are people's jobs too: they do not make a
# person the parser found into an organisation.
_JOBS_TOO = frozenset({"operator", "developer", "producer", "publisher", "miner", "processor", "vendor",
                       "maker", "supplier"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_NAME_GLUE = frozenset({"of", "for", "and", "the", "&"})


def strip_det(text: str) -> str:
    return _DETERMINERS.sub("", text.strip()).strip(" ,;:")


def bare_name(text: str) -> str:
    """'The Sela River Trust' -> 'Sela River Trust'; "Russo's" -> 'Russo'."""
    return strip_det(_POSSESSIVE.sub("", text.strip()))


@dataclasses.dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, NORP, GPE or FAC as the parser saw it
    start: int
    end: int
    described_as: frozenset[str] = frozenset()
    role: str = ""  # the dependency of the mention's head ("nsubj", "compound", ...)


def _descriptions(doc: Doc, span: Span) -> frozenset[str]:
    """Heads above the mention and appositions to it (for nominal matching)."""
    words: set[str] = set()
    head = span.root
    for _ in range(3):
        words.add(head.lemma_.lower())
        for child in head.children:
            if child.dep_ == "appos":
                words.add(child.lemma_.lower())
        if head.head.i == head.i:
            break
        head = head.head
    return frozenset(words)


def _kind_nouns(span: Span) -> set[str]:
    """Nouns the article describes a mention with: 'FlyFair, a consumer
    organisation', 'the low-cost carrier SkyMara', 'the company Veltra'."""
    root = span.root
    nouns = {c.lemma_.lower() for c in root.children
             if c.dep_ in {"appos", "compound"} and c.pos_ == "NOUN" and c.i not in range(span.start, span.end)}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.add(root.head.lemma_.lower())
    return nouns


class ArticleEntities:
    """Named mentions of one parsed article, with canonical names and kinds.

    An organisation is a mention the parser calls one or the article describes
    as one ("the mining company Ostrava Copper") or whose name says it is one
    ("Dalgren Pharma"); its leading words are its
    aliases when no other organisation shares them. A person's full name and
    its surname win over an organisation label on the surname alone.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[Entity] = []
        described: list[set[str]] = []
        roles: list[bool] = []
        for span, label in _named_spans(doc):
            self.mentions.append(Entity(span.text, label, span.start_char, span.end_char,
                                        _descriptions(doc, span), span.root.dep_))
            nouns = _kind_nouns(span)
            if label == "PERSON":
                nouns -= _JOBS_TOO  # "Leticia Moraes, a machine operator"
            described.append(description_kinds(nouns))
            roles.append(_has_role_noun(span))
        self.mentions = _people_named_as_orgs(self.mentions, described, roles)
        orgs = _org_names(self.mentions, described)
        places = {bare_name(m.text) for m in self.mentions if m.label in _PLACE_LABELS} - orgs
        self.org_alias = _org_aliases(orgs, places)
        self.people = self._full_names()
        self.kinds: dict[str, set[str]] = {}
        for m, kinds in zip(self.mentions, described, strict=True):
            name = self.org_name(m)
            if name is not None:
                self.kinds.setdefault(name, set()).update(name_kinds(name) | kinds)

    def _full_names(self) -> dict[str, str]:
        """Alias -> full name for people ("Nieto", "Pena Nieto", "Enrique" ->
        "Enrique Pena Nieto"). A surname or first name that two people share is
        no alias of either here; :meth:`person_name` picks the one named last."""
        owners: dict[str, set[str]] = {}
        first_names: dict[str, set[str]] = {}
        self._named_at: list[tuple[int, str]] = []
        people = [m for m in self.mentions if m.label == "PERSON" and bare_name(m.text) not in self.org_alias]
        uses = Counter(bare_name(m.text) for m in people)
        epithets: dict[str, str] = {}
        for m in sorted(people, key=lambda m: (-len(m.text.split()), m.start)):
            words = bare_name(m.text).split()
            name_words = _without_epithet(words, uses, self.doc.char_span(m.start, m.end, alignment_mode="expand"))
            if len(name_words) < len(words):
                epithets[" ".join(words)] = " ".join(name_words)
            words = name_words
            full = " ".join(words)
            known = owners.get(full) or first_names.get(full)
            if known:
                if len(known) == 1 and len(words) > 1:
                    self._named_at.append((m.start, next(iter(known))))
                continue
            for k in range(1, len(words) + 1):
                owners.setdefault(" ".join(words[-k:]), set()).add(full)
            if len(words) > 1:
                first_names.setdefault(words[0], set()).add(full)
                self._named_at.append((m.start, full))
        # "EgyptAir", tagged an organisation throughout, is no first name of a "EgyptAir Crash Seen" the parser
        # took for a person once.
        org_uses = Counter(bare_name(m.text) for m in self.mentions if m.label == "ORG")
        for first, fulls in first_names.items():
            if first not in self.org_alias or org_uses[first] <= sum(uses[f] for f in fulls):
                owners.setdefault(first, fulls)
        for longer, name in epithets.items():
            for alias in (longer, longer.split()[0]):  # "Universe" alone still names Alicia Machado
                owners.setdefault(alias, set()).update(owners.get(name, {name}))
        self._shared = {alias: fulls for alias, fulls in owners.items() if len(fulls) > 1}
        return {alias: next(iter(fulls)) for alias, fulls in owners.items() if len(fulls) == 1}

    def person_name(self, text: str, pos: int) -> str | None:
        """The full name of the person ``text`` names at character ``pos``; for a
        name two people share, the one of them the article named last before."""
        if text in self.people:
            return self.people[text]
        fulls = self._shared.get(text)
        if not fulls:
            return None
        before = [(at, full) for at, full in self._named_at if full in fulls and at < pos]
        return max(before)[1] if before else None

    def names_person(self, text: str) -> bool:
        return text in self.people or text in self._shared

    def org_name(self, m: Entity) -> str | None:
        """The full name of the organisation a mention names, or None."""
        name = bare_name(m.text)
        if self.names_person(name):
            return None
        return self.org_alias.get(name)

    def kinds_of(self, name: str) -> set[str]:
        return self.kinds.get(name, set())

    def is_person(self, m: Entity) -> bool:
        return self.org_name(m) is None and (m.label == "PERSON" or self.names_person(bare_name(m.text)))


def _org_names(mentions: list[Entity], described: list[set[str]]) -> set[str]:
    """The names of the article's organisations: what the parser tags one, what the article describes as one,
    and a person-like or place name whose own words say so. A name the parser takes for a place more often
    than for an organisation ("Benghazi", tagged an organisation in "the initial Benghazi attack") is a place,
    unless the article describes it as an organisation or its words say so ("the State Department")."""
    places = Counter(bare_name(m.text) for m in mentions if m.label in _PLACE_LABELS)
    orgs = Counter(bare_name(m.text) for m in mentions if m.label == "ORG")
    out: set[str] = set()
    for m, kinds in zip(mentions, described, strict=True):
        name = bare_name(m.text)
        if (m.label == "ORG" and (kinds or name_kinds(name) or places[name] <= orgs[name])
                or m.label in _MAYBE_ORG and kinds or m.label in _NAMED_LIKE_ORG and name_kinds(name)):
            out.add(name)
    return out


def _org_aliases(names: set[str], places: set[str]) -> dict[str, str]:
    """Each name and its unique leading words -> the full organisation name. Leading words the article uses
    as a place's name are the place: "New Hampshire" of "New Hampshire Democratic Party" names the state,
    and "a New Hampshire Republican" is no member of that party (nor is "New" a name of it)."""
    alias: dict[str, str] = {n: n for n in names}
    shared: dict[str, set[str]] = {}
    place_starts = {tuple(p.split()[:k]) for p in places for k in range(1, len(p.split()) + 1)}
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            if words[k - 1].lower() in _NAME_GLUE or tuple(words[:k]) in place_starts:
                break
            shared.setdefault(" ".join(words[:k]), set()).add(name)
    for short, full in shared.items():
        if len(full) == 1:
            alias[short] = next(iter(full))
    return alias


def _without_epithet(words: list[str], uses: Counter[str], span: Span | None) -> list[str]:
    """"Crooked Hillary Clinton", "(Miss) Universe Alicia Machado": an adjective or a word after a title
    before a name of two or more words that the article uses on its own at least as often, or any word before
    a name it uses three times as often (and at least three times), is an epithet or part of a title, not of
    the name. "Ildefonso Guajardo Villarreal", named so once, keeps his first name."""
    first = next((t for t in span if t.text == words[0]), None) if span is not None else None
    if first is None or len(words) <= 2 or words[1].lower() in NAME_PARTICLES:
        return words
    after_title = first.i > 0 and first.doc[first.i - 1].text.lower().rstrip(".") in TITLE_WORDS
    shorter, longer = uses.get(" ".join(words[1:]), 0), uses.get(" ".join(words), 0)
    if (first.pos_ == "ADJ" or after_title) and shorter >= longer or shorter >= max(3, 3 * longer):
        return words[1:]
    return words


def _named_spans(doc: Doc) -> list[tuple[Span, str]]:
    """The parser's named entities, people's names without their titles, and
    names a title leads that the parser missed or took for an organisation
    ("Superintendent Carol Fenwick", "Councilwoman Teresa Lindqvist")."""
    titled = titled_names(doc)
    out: list[tuple[Span, str]] = []
    for e in doc.ents:
        if e.label_ not in NAMED_LABELS | {"FAC"}:
            continue
        inside = [(t, n, end) for t, n, end in titled if e.start < end and n < e.end]
        if any(t <= e.start and e.end <= end for t, _, end in inside):
            continue  # the titled name stands for it
        if inside:
            titled = [x for x in titled if x not in inside]  # part of a longer name
        label = e.label_
        if label == "PERSON":
            # "Trump’s Indiana chairman": a name runs up to a possessive inside the mention, not past it.
            cut = next((t.i for t in e[1:-1] if t.tag_ == "POS"), None)
            if cut is not None:
                e = doc[e.start : cut]
            # "Weak - Rubio - weak on illegal immigration": a spaced dash parts two words, it joins no name.
            dash = next((t.i for t in e[1:-1] if t.text in {"-", "–", "—"} and t.whitespace_), None)
            if dash is not None:
                e = doc[dash + 1 : e.end]
            name = person_tokens(list(e))
            e = doc[name[0].i : name[-1].i + 1]
        out.append((e, label))
    out += [(doc[n:end], "PERSON") for _, n, end in titled]
    out += _relatives(doc, out)
    return sorted(out, key=lambda x: x[0].start_char)


_INFLECTED = re.compile(r"..(?:ing|ed|ly)$")


def _relatives(doc: Doc, found: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Names the parser missed that join a first name to the surname of a person it found: "Ivanka Trump"
    (tagged a product, or nothing) in an article that names Donald Trump. Without them every "Trump" of the
    article is his."""
    surnames = {span[-1].text for span, label in found if label == "PERSON" and len(span) >= 2}
    taken = {i for span, label in found if label in NAMED_LABELS for i in range(span.start, span.end)}
    return [(doc[tok.i : tok.i + 2], "PERSON") for tok in doc[:-1]
            if doc[tok.i + 1].text in surnames and tok.i not in taken and _a_first_name(tok, surnames)]


def _a_first_name(tok: Token, surnames: set[str]) -> bool:
    """Could ``tok`` be a first name that starts a name? Not "Never Trump" (a movement), "Sen. Trump" or
    "Chasing Trump and Cruz was Rubio": a first name is no stop word, title, inflected word or surname, and no
    proper noun comes before it."""
    return (tok.pos_ == "PROPN" and _name_shaped(tok.text) and bool(tok.whitespace_) and tok.text not in surnames
            and not tok.is_stop and tok.lower_.rstrip(".") not in TITLE_WORDS and not _INFLECTED.search(tok.lower_)
            and (tok.i == 0 or tok.doc[tok.i - 1].pos_ != "PROPN"))


def _has_role_noun(span: Span) -> bool:
    """Is the mention in apposition to a person's role ("Varga's agent, Dragan
    Petrov"; "Dragan Petrov, the player's agent")?"""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i not in range(span.start, span.end)]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in TITLE_WORDS for n in nouns)


def _people_named_as_orgs(mentions: list[Entity], described: list[set[str]], roles: list[bool]) -> list[Entity]:
    """An 'organisation' of two or three name words, that no word or
    description says is one, that stands beside a person's role or whose last
    word the article elsewhere uses for a person ("Varga's agent, Dragan
    Petrov" ... "Petrov said"), is that person."""
    surnames = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) == 1}
    out = []
    for m, kinds, role in zip(mentions, described, roles, strict=True):
        words = bare_name(m.text).split()
        if (m.label == "ORG" and 2 <= len(words) <= 3 and (role or words[-1] in surnames) and not kinds
                and not name_kinds(bare_name(m.text)) and all(_name_shaped(w) for w in words)):
            m = dataclasses.replace(m, label="PERSON")
        out.append(m)
    return out


def _name_shaped(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()
