"""Resolve speaker phrases ("he", "the company", "a statement from the center")
to the canonical named source of the article.

A light, article-local coreference over :mod:`factcheck.attribution.entities`:
pronouns go to the nearest compatible source before them that is not merely
mentioned inside someone's reported content; definite nominals ("the club")
go to the latest organisation whose name or description says that kind, else
to an organisation of unknown kind that has spoken, else to one named just
after them ("a leading think tank ... The Meridian Policy Institute said").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from factcheck.attribution.entities import ArticleEntities, Entity, bare_name, strip_det
from factcheck.attribution.extract import carrier_source, noun_phrase
from factcheck.attribution.names import first_name_genders
from factcheck.attribution.nominals import ORG_NOUNS, compatible, noun_kind
from factcheck.attribution.raw import RawAttribution
from factcheck.attribution.syntax import NOMINAL_SUBJECTS
from factcheck.attribution.transcripts import is_label

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# What a pronoun or a title says of a person's gender: the article's own evidence first, then the first
# names news copy uses for women and men (``first_names.json``, learned by ``learn_names``).
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                "miss": "f", "dame": "f", "lady": "f"}
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})
_WINDOW_CHARS = 2500
_AHEAD_CHARS = 1500
_OPENING_QUOTES = frozenset({"“", '"', "‘", "'", "``"})
# Bodies that serve one person ("the campaign of Rebecca Hale"), unlike a company
# someone runs or a union someone leads.
_PERSONAL_BODIES = frozenset({"campaign", "office", "team", "camp", "staff", "administration", "cabinet",
                              "government", "family"})
# Kinds whose nominal may name an organisation the article never typed ("the company" -> "Veltra").
_UNTYPED_OK = frozenset({"company", "airline", "bank", "club", "advocacy", "media"})
# People named by whom they back or oppose: "Sanders supporters", "Trump's critics" speak for themselves.
FOLLOWER_NOUNS = frozenset({"supporter", "voter", "fan", "critic", "opponent", "backer", "loyalist", "detractor",
                            "donor", "follower", "admirer", "rival", "delegate"})
# Roles only a person holds, by which news copy refers back to someone it has named ("the senator").
PERSON_ROLES = frozenset({
    "senator", "nominee", "candidate", "governor", "mayor", "president", "secretary", "minister", "lawmaker",
    "legislator", "congressman", "congresswoman", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "ambassador", "envoy", "judge", "prosecutor", "sheriff", "incumbent", "challenger", "representative",
    "chancellor", "premier", "founder", "economist", "commissioner", "superintendent", "coach", "manager",
    "captain", "striker", "lawyer", "attorney", "mogul", "billionaire", "businessman", "businesswoman",
    "contender", "frontrunner"})
# Nouns for people in the plural that "they" stands for: "Fox executives", "gay Republicans", "activists".
PEOPLE_NOUNS = FOLLOWER_NOUNS | PERSON_ROLES | ORG_NOUNS | frozenset({
    "official", "executive", "leader", "member", "activist", "expert", "analyst", "aide", "adviser", "advisor",
    "strategist", "resident", "parent", "worker", "student", "organizer", "protester", "demonstrator", "people",
    "republican", "democrat", "conservative", "liberal", "progressive", "millennial", "investigator",
    "researcher", "scientist", "officer", "agent", "staffer", "employee", "volunteer", "editor", "writer",
    "reporter", "journalist", "pollster", "observer", "insider", "source", "operative", "donor", "citizen",
    "immigrant", "veteran", "victim", "family", "farmer", "owner", "teacher", "doctor", "nurse", "police"})
# Titles a transcript label may carry before the name: "GOV. PENCE", "MR. TRUMP", "SEN. KAINE".
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "pres", "secretary", "senator", "governor",
                         "president", "mayor", "judge", "gen", "adm", "prof", "sir"})
ROLE_ABBREVIATIONS = {"senator": ("sen",), "governor": ("gov",), "representative": ("rep",),
                      "president": ("pres",), "secretary": ("sec",)}


@dataclasses.dataclass(frozen=True)
class ResolvedSpeaker:
    canonical: str
    mention: str
    label: str  # PERSON, ORG, GROUP or "" when unknown


class SpeakerResolver:
    """Article-local speaker resolution over one parsed article."""

    def __init__(self, doc: Doc, contents: Sequence[tuple[int, int]] = (),
                 sources: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens again on every ``doc.text``
        self.ents = ArticleEntities(doc)
        self.entities = self.ents.mentions
        self.contents = list(contents)
        self.sources = list(sources)
        self.history: list[tuple[int, ResolvedSpeaker]] = []
        self.gender: dict[str, str] = {}
        for e in self.entities:
            if self.ents.is_person(e):
                gender = self._title_gender(e)
                if gender:
                    self._note_gender(self._canonical_entity(e).canonical, gender)

    def _canonical_entity(self, e: Entity) -> ResolvedSpeaker:
        org = self.ents.org_name(e)
        if org is not None:
            return ResolvedSpeaker(org, e.text, "ORG")
        text = bare_name(e.text) if e.text.endswith(("’s", "'s")) else strip_det(e.text)
        if self.ents.names_person(text):
            full = self.ents.person_name(text, e.start) or text
            # "Mr. Obama" in an article that also names Michelle Obama is not her.
            title = self._title_gender(e)
            if title and full != text and first_name_genders().get(full.split()[0].lower(), title) != title:
                full = text
            return ResolvedSpeaker(full, e.text, "PERSON")
        return ResolvedSpeaker(text, e.text, "GROUP" if e.label == "NORP" else e.label)

    def _title_gender(self, e: Entity) -> str:
        """The gender a title of a mention says, in it or right before it ("Mr. Obama" -> "m"), else ""."""
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            return ""
        words = [span[0]] + ([self.doc[span.start - 1]] if span.start > 0 else [])
        return next((TITLE_GENDER[w.lower_] for w in words if w.lower_ in TITLE_GENDER), "")

    def _entities_in(self, start: int, end: int) -> list[Entity]:
        return [e for e in self.entities if start <= e.start and e.end <= end]

    def _before(self, pos: int) -> list[Entity]:
        return sorted((e for e in self.entities if e.end <= pos and pos - e.end < _WINDOW_CHARS),
                      key=lambda e: -e.end)

    def _reported(self, e: Entity, pos: int) -> bool:
        """The mention sits inside someone's reported content ("Russo's position") in a sentence before the
        one at ``pos``, or inside a content that ends before ``pos``."""
        inside = [(s, t) for s, t in self.contents if s <= e.start and e.end <= t]
        # '"Coal isn't the villain," he said': a name inside the quotation a pronoun is reported as saying.
        if any(t <= pos and self.text[s - 1 : s] in _OPENING_QUOTES for s, t in inside):
            return True
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or span.sent.end_char > pos:
            return False
        return bool(inside)

    def resolve(self, att: RawAttribution) -> ResolvedSpeaker:
        resolved = self._resolve(att)
        gender = self._own_pronoun(att) if resolved.label in {"PERSON", "ORG"} else None
        # "Mrs. Clinton said he had not done his homework": a pronoun against what a title or first name says
        # is someone else.
        if gender is not None and self._gender_of(resolved, default=gender) in {gender, "?"}:
            # "Maeve Donnelly, the trust's reserve warden, said she had counted ...": whoever the parser took
            # the name for, "she" makes it a woman.
            resolved = dataclasses.replace(resolved, label="PERSON")
            self._note_gender(resolved.canonical, gender)
        self.history.append((att.speaker_start, resolved))
        return resolved

    def _own_pronoun(self, att: RawAttribution) -> str | None:
        """The gender of "he" or "she" opening a named speaker's indirect content: nearly always the speaker."""
        head = self.doc[att.speaker_head] if att.speaker_head >= 0 else None
        if head is None or head.pos_ == "PRON" or att.kind != "indirect":
            return None
        content = self.doc.char_span(att.content_start, att.content_end, alignment_mode="expand")
        if content is None or not len(content) or content[0].dep_ not in NOMINAL_SUBJECTS:
            return None
        word = content[0].lower_
        return PRONOUN_GENDER[word] if word in {"he", "she"} else None

    def _gender_of(self, speaker: ResolvedSpeaker, *, default: str) -> str:
        """What the article says of a person's gender; where it says nothing, what news copy's use of the
        first name says ("Hillary", "Donald"); else ``default``."""
        if speaker.canonical in self.gender:
            return self.gender[speaker.canonical]
        words = speaker.canonical.split()
        if speaker.label == "PERSON" and len(words) >= 2:
            return first_name_genders().get(words[0].lower(), default)
        return default

    def _note_gender(self, name: str, gender: str) -> None:
        # Conflicting evidence (two people of one surname, a misread sentence) leaves the name unknown.
        self.gender[name] = gender if self.gender.get(name, gender) == gender else "?"

    def _labelled(self, att: RawAttribution) -> ResolvedSpeaker:
        """The speaker a transcript label names: "PENCE" -> Mike Pence, "GOV. PENCE" too."""
        words = att.speaker_text.split()
        if len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
            words = words[1:]
        name = " ".join(w.capitalize() if w.isupper() else w for w in words)
        full = self.ents.person_name(name, att.speaker_start)
        if full is not None:
            return ResolvedSpeaker(full, att.speaker_text, "PERSON")
        org = self.ents.org_alias.get(name)
        if org is not None:
            return ResolvedSpeaker(org, att.speaker_text, "ORG")
        return ResolvedSpeaker(name, att.speaker_text, "PERSON" if att.speaker_text.isupper() else "")

    def _resolve(self, att: RawAttribution) -> ResolvedSpeaker:
        if is_label(att):
            return self._labelled(att)
        mention = att.speaker_text
        head = self.doc[att.speaker_head] if att.speaker_head >= 0 else None
        if head is None:
            return ResolvedSpeaker(strip_det(mention), mention, "")
        source = carrier_source(head)
        if source.i != head.i:
            named = self._from_phrase(head, mention)  # "A spokesman for the mayor, Derek Fong"
            if named is not None:
                return named
            inner = self._from_phrase(source, mention)
            if inner is not None:
                return inner
            phrase = noun_phrase(source)
            plain = " ".join(t.text for t in phrase) if phrase else source.text
            return self._nominal(source, mention, source.idx, plain=strip_det(plain), carried=True)
        if head.pos_ == "PRON":
            # Only reported speech after its speaker ("He declared that ...") is the source's own wording of
            # others: a quote, or a content before "he said", may take in the sentence that names its speaker
            # ("Vice President Joe Biden weighed in as well, telling Mic ..., he said").
            own_words = att.kind == "indirect" and att.speaker_start < att.content_start
            content = self.text[att.content_start : att.content_end] if own_words else ""
            return self._pronoun(head, mention, content=content)
        found = self._from_phrase(head, mention)
        if found is not None:
            return found
        return self._nominal(head, mention, att.speaker_start, plain=strip_det(mention))

    def _from_phrase(self, head: Token, mention: str) -> ResolvedSpeaker | None:
        if head.pos_ == "PRON":
            return self._pronoun(head, mention)
        phrase = noun_phrase(head)
        if not phrase:
            return None
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        ents = self._entities_in(start, end)
        people = [e for e in ents if self.ents.is_person(e)]
        orgs = [e for e in ents if self.ents.org_name(e) is not None]
        # The entity must be the phrase's head or stand in apposition to it,
        # not sit in a modifier ("the lawyer for Smith's rival").
        for pool in (people, orgs):
            for e in reversed(pool):
                span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                if pool is orgs and root.dep_ in {"compound", "amod"} and head.lemma_.lower() in PERSON_ROLES:
                    continue  # "the GOP nominee" is a person the GOP nominated, not the GOP
                if root.dep_ in {"compound", "poss"} and head.lemma_.lower() in FOLLOWER_NOUNS:
                    continue  # "many diehard Sanders supporters" are not Sanders
                if root.i == head.i or root.dep_ in {"appos", "compound"} and root.head.i == head.i or head in span:
                    r = self._canonical_entity(e)
                    return ResolvedSpeaker(r.canonical, mention, r.label)
        owned = self._owned_by_person(head, people)
        if owned is not None:
            return ResolvedSpeaker(owned, mention, "ORG")
        text = strip_det(" ".join(t.text for t in phrase))
        # "Trump at the time said ...": the name is the head and its compounds, not what modifies it.
        name = " ".join(t.text for t in phrase if t.i == head.i or t.dep_ == "compound" and t.head.i == head.i)
        for words in dict.fromkeys((text, name)):
            if (head.pos_ == "PROPN" or head.text[:1].isupper()) and self.ents.names_person(words):
                return ResolvedSpeaker(self.ents.person_name(words, head.idx) or words, mention, "PERSON")
        if head.pos_ == "PROPN" and not ents:
            org = self.ents.org_alias.get(bare_name(text))
            return ResolvedSpeaker(org, mention, "ORG") if org else ResolvedSpeaker(text, mention, "")
        return None

    def _owned_by_person(self, head: Token, people: Sequence[Entity]) -> str | None:
        """'The campaign of state Senate candidate Rebecca Hale', 'Hale's office':
        a body of one person, named by the person ("Rebecca Hale campaign")."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in _PERSONAL_BODIES:
            return None
        for e in reversed(people):
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            of = root.dep_ == "pobj" and root.head.lower_ in {"of", "for"} and root.head.head.i == head.i
            if of or root.dep_ == "poss" and root.head.i == head.i:
                return f"{self._canonical_entity(e).canonical} {head.lemma_.lower()}"
        return None

    def _candidates(self, pool: Sequence[Entity], pos: int, labels: frozenset[str]) -> list[tuple[int, ResolvedSpeaker]]:
        """(position, speaker) for the mentions in ``pool`` and the speakers of ``labels`` before ``pos``."""
        return [(e.end, self._canonical_entity(e)) for e in pool] + self._recent_speakers(pos, labels)

    def _recent_speakers(self, pos: int, labels: frozenset[str]) -> list[tuple[int, ResolvedSpeaker]]:
        return [(p, r) for p, r in reversed(self.history) if p < pos and r.label in labels]

    def _pronoun(self, head: Token, mention: str, *, content: str = "") -> ResolvedSpeaker:
        word = head.lower_
        pos = head.idx
        earlier = self._same_subject_before(head)
        if earlier is not None:
            return self._pronoun(earlier, mention)
        if word in PERSON_PRONOUNS:
            pool = [e for e in self._before(pos) if self.ents.is_person(e)]
            labels = frozenset({"PERSON"})
        elif word in THING_PRONOUNS:
            pool = [e for e in self._before(pos) if self.ents.org_name(e) is not None and e.role != "compound"]
            labels = frozenset({"ORG", ""})
        elif word in GROUP_PRONOUNS:
            group = self._plural_subject_before(head)
            if group is not None:
                return group
            pool, labels = [], frozenset({"GROUP", "ORG", ""})
        else:
            return ResolvedSpeaker(mention, mention, "")
        # A name inside someone's reported words is rarely who speaks next; a
        # name inside an earlier speaker's phrase is that speaker.
        pool = [e for e in pool if not self._reported(e, pos)] or pool
        pool = [e for e in pool if not any(s <= e.start and e.end <= t for s, t in self.sources)]
        candidates = self._candidates(pool, pos, labels)
        if word in GROUP_PRONOUNS:
            # "they" is not "the state's Republican governor": one person's role names no group.
            candidates = [c for c in candidates if not ends_in_role(c[1].canonical)]
        gender = PRONOUN_GENDER.get(word)
        if gender:
            # "she" is not a man the article has called "he" or "Mr."
            candidates = [c for c in candidates if self._gender_of(c[1], default=gender) in {gender, "?"}] \
                or candidates
        # "He declared that as long as the field remained divided, Donald Trump would have a path": a person
        # the content names in full is spoken of, not speaking.
        candidates = [c for c in candidates if not _named_in_full(c[1].canonical, content)] or candidates
        if not candidates:
            return ResolvedSpeaker(mention, mention, "")
        best = max(candidates, key=_position)
        if word in PERSON_PRONOUNS:
            best = self._sentence_subject(best, candidates, pool, head)
        return ResolvedSpeaker(best[1].canonical, mention, best[1].label)

    def _plural_subject_before(self, pronoun: Token) -> ResolvedSpeaker | None:
        """"As Republicans scrambled to raise campaign cash, they proposed ...", "Fox executives have not pushed
        the issue. Nor, apparently, have they warned ...": a subject "they" is the people the plural subject of
        a clause put before it names, else those of the main clause of the sentence before."""
        if pronoun.lower_ != "they" or pronoun.dep_ not in NOMINAL_SUBJECTS:
            return None
        sent = pronoun.sent
        subjects = [t for t in sent if t.i < pronoun.i and t.dep_ in NOMINAL_SUBJECTS and t.head.dep_ == "advcl"
                    and t.head.head.i == pronoun.head.i]
        if not subjects and sent.start > 0:
            subjects = [t for t in self.doc[sent.start - 1].sent.root.children if t.dep_ in NOMINAL_SUBJECTS]
        for subject in subjects:
            if subject.tag_ in {"NNS", "NNPS"} and (subject.lemma_.lower() in PEOPLE_NOUNS
                                                    or subject.ent_type_ in {"NORP", "ORG"}):
                first = min(t.i for t in noun_phrase(subject) or [subject])
                return ResolvedSpeaker(strip_det(self.doc[first : subject.i + 1].text), pronoun.text, "GROUP")
        return None

    def _same_subject_before(self, pronoun: Token) -> Token | None:
        """"He appeared at a Trump rally where he pledged his support": a subject "he" or "she" is the one that
        is subject earlier in its sentence, not a person named in between, and the earlier one is resolved
        instead."""
        if pronoun.lower_ not in {"he", "she"} or pronoun.dep_ not in NOMINAL_SUBJECTS:
            return None
        sent = pronoun.sent
        earlier = next((t for t in sent if t.i < pronoun.i and t.lower_ == pronoun.lower_
                        and t.dep_ in NOMINAL_SUBJECTS), None)
        if earlier is None:
            return None
        between = [e for e in self._entities_in(earlier.idx, pronoun.idx) if self.ents.is_person(e)]
        return earlier if between else None

    def _sentence_subject(self, best: tuple[int, ResolvedSpeaker], candidates: Sequence[tuple[int, ResolvedSpeaker]],
                          pool: Sequence[Entity], pronoun: Token) -> tuple[int, ResolvedSpeaker]:
        """"Dan McLaughlin agreed with Matthews about the winner. '...,' he wrote": of the people in the
        sentence of the nearest one, "he" is the one the sentence is about, the subject of its main clause.
        When "he" is that subject itself, the subject of a clause put before it: "While Trump affirmed that he
        likes Cruz, he also stated ..." is Trump."""
        nearest = next((e for e in pool if e.end == best[0]), None)
        if nearest is None or nearest.role in NOMINAL_SUBJECTS:
            return best
        span = self.doc.char_span(nearest.start, nearest.end, alignment_mode="expand")
        if span is None or not len(span):
            return best
        sent = span[0].sent
        allowed = {c[1].canonical for c in candidates}
        for e in pool:
            if not (sent.start_char <= e.start and e.end <= sent.end_char and e.role in NOMINAL_SUBJECTS):
                continue
            # The main clause's subject: not Obama of "While Obama had songs written about him, that has not
            # happened for Clinton, which concerns Henry Crespo".
            mention = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            if mention is not None and len(mention) and (mention.root.head.i == sent.root.i
                                                         or self._fronted_subject(mention.root, pronoun)):
                subject = self._canonical_entity(e)
                if subject.canonical in allowed and subject.canonical != best[1].canonical:
                    return e.end, subject
        # "Gorka also made the point that ... a third Obama term": the tagger may miss a known surname as
        # the subject; the main clause's proper-noun subject that names a person the article knows counts.
        for tok in sent.root.children:
            if tok.dep_ in NOMINAL_SUBJECTS and tok.pos_ == "PROPN" and self.ents.names_person(tok.text):
                full = self.ents.person_name(tok.text, tok.idx) or tok.text
                if full in allowed and full != best[1].canonical:
                    return tok.idx + len(tok.text), ResolvedSpeaker(full, tok.text, "PERSON")
        # "Though he did not mention Rubio by name, he made it clear ... an alternative to Trump. He asked them
        # ...": when that sentence's main subject is the same pronoun, this one carries its chain on.
        for tok in sent.root.children:
            if tok.dep_ in NOMINAL_SUBJECTS and tok.lower_ == pronoun.lower_ in {"he", "she"} and tok.i < pronoun.i:
                earlier = self._pronoun(tok, tok.text)
                if earlier.canonical in allowed and earlier.canonical != best[1].canonical:
                    return tok.idx, earlier
        return best

    @staticmethod
    def _fronted_subject(subject: Token, pronoun: Token) -> bool:
        """Is ``subject`` the subject of an adverbial clause before the main clause whose subject is the
        pronoun?"""
        verb = subject.head
        return (pronoun.dep_ in NOMINAL_SUBJECTS and verb.dep_ == "advcl" and verb.head.i == pronoun.head.i
                and pronoun.head.i == pronoun.sent.root.i and subject.i < pronoun.i)

    def _nominal(self, head: Token, mention: str, pos: int, *, plain: str, carried: bool = False) -> ResolvedSpeaker:
        determiners = {c.lower_ for c in head.children if c.dep_ in {"det", "poss"}}
        # "their union", "its board": a body the article knows, as "the union" is.
        definite = carried or bool(determiners & {"the", "this", "that", "their", "its"})
        indefinite = not definite and bool(determiners & {"a", "an"})
        found = None
        if head.lemma_.lower() in PERSON_ROLES:
            # "the nominee", "the mayor": a person, never the organisation a name or description ties it to.
            found = self._described_person(head, pos) if definite and not carried else None
        else:
            if definite:
                found = self._named_before(head, pos) or self._spoken_before(head, pos)
            if found is None and (definite or indefinite):
                found = self._named_after(head, pos)
        if found is not None:
            return ResolvedSpeaker(found.canonical, mention, found.label)
        label = "GROUP" if head.tag_ in {"NNS", "NNPS"} else ""
        return ResolvedSpeaker(plain, mention, label)

    def _described_person(self, head: Token, pos: int) -> ResolvedSpeaker | None:
        """"The mayor said" after "Mayor Bill de Blasio", "the South Carolina senator" after "Sen. Lindsey
        Graham": a definite person role (one of ``PERSON_ROLES``) goes to the nearest person before it whom
        the article gives that role, by title before the name or in apposition after it. A role the article
        gives no one ("the former first lady") stays as it is."""
        role = head.lemma_.lower()
        if head.tag_ != "NN" or any(c.dep_ == "prep" for c in head.children):
            return None
        titles = "|".join(re.escape(t) for t in (role, *ROLE_ABBREVIATIONS.get(role, ())))
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"amod", "compound", "nmod"} and c.is_alpha}
        pool = [e for e in self._before(pos) if self.ents.is_person(e)]
        people = [p for _, p in sorted(self._candidates(pool, pos, frozenset({"PERSON"})), key=_position, reverse=True)]
        before = self.text[:pos]
        for person in dict.fromkeys(people):
            words = person.canonical.split()
            if not words or len(words[-1]) < 2:
                continue
            # "President Obama" names Barack Obama, and not Michelle Obama when the article has both: a
            # surname alone counts only for the one person of the article who bears it.
            namesakes = {p.canonical for p in people if p.canonical.split()[-1:] == words[-1:]}
            if len(namesakes) > 1 and len(words) == 1:
                continue
            forms = [r"\s+".join(map(re.escape, words))]
            if len(words) > 1 and len(namesakes) == 1:
                forms.append(re.escape(words[-1]))
            for name in forms:
                titled = rf"(?P<role>(?:[\w.'-]+\s+){{0,4}}(?i:{titles}))\.?\s+(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\b"
                apposed = rf"\b{name},\s+(?P<role>(?i:the|a|an)\s+[^,.;:]{{0,50}}?\b(?i:{titles}))\b"
                for m in (*re.finditer(titled, before), *re.finditer(apposed, before)):
                    # "The Democratic presidential nominee" is not the one the article calls the Republican one.
                    if modifiers <= {w.lower() for w in re.findall(r"[\w-]+", m.group("role"))}:
                        return person
        return None

    def _describes(self, head: Token, e: Entity, *, by_kind: bool = True) -> bool:
        """Does the nominal's noun fit this organisation, by name or description
        (or, with ``by_kind``, by the kind of organisation it is)?"""
        org = self.ents.org_name(e)
        if org is None:
            return False
        lemma, word = head.lemma_.lower(), head.lower_
        names = {w.lower() for w in org.split()}
        if word in names or lemma in names or lemma in e.described_as:
            return True
        return by_kind and compatible(lemma, self.ents.kinds_of(org))

    def _named_before(self, head: Token, pos: int) -> ResolvedSpeaker | None:
        for by_kind in (False, True):
            for e in self._before(pos):
                if self._describes(head, e, by_kind=by_kind):
                    return self._canonical_entity(e)
        word = head.lower_
        for _, r in reversed(self.history):
            if r.canonical.lower().split()[-1:] == [word]:
                return r
        return None

    def _spoken_before(self, head: Token, pos: int) -> ResolvedSpeaker | None:
        """'The company said' after 'Veltra said': an organisation of unknown kind
        that has spoken already, the one the nominal's own sentence names if any ("Assem had logged 2,766
        hours with EgyptAir, the airline said" after a firm spoke since EgyptAir did)."""
        if noun_kind(head.lemma_) not in _UNTYPED_OK:
            return None
        spoken = [r for p, r in reversed(self.history) if p < pos and r.label == "ORG"
                  and not self.ents.kinds_of(r.canonical)]
        sent = head.sent
        named = {self.ents.org_name(e) for e in self._entities_in(sent.start_char, sent.end_char)}
        return next((r for r in spoken if r.canonical in named), spoken[0] if spoken else None)

    def _named_after(self, head: Token, pos: int) -> ResolvedSpeaker | None:
        """'A leading think tank ... The Meridian Policy Institute said': the first
        organisation of that kind that the article names after the nominal."""
        if any(c.dep_ == "prep" for c in head.children):
            return None  # "a group of reporters" describes itself
        named_before = {self.ents.org_name(e) for e in self.entities if e.end <= pos}
        for e in sorted(self.entities, key=lambda e: e.start):
            if pos < e.start < pos + _AHEAD_CHARS and e.role in NOMINAL_SUBJECTS and self._describes(head, e):
                org = self.ents.org_name(e)
                if org not in named_before:
                    return self._canonical_entity(e)
        return None


def ends_in_role(name: str) -> bool:
    """Does ``name`` end in one person's role ("state's Republican governor", "the Republican nominee")?"""
    words = re.findall(r"[a-z]+", name.lower())
    return bool(words) and words[-1] in PERSON_ROLES


def _named_in_full(name: str, content: str) -> bool:
    """Does ``content`` name the person ``name`` by first and last name? Sources rarely call themselves so."""
    return name in content and len(name.split()) >= 2 \
        and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", content) is not None


def _position(item: tuple[int, ResolvedSpeaker]) -> int:
    return item[0]


def resolve_speakers(doc: Doc, atts: Sequence[RawAttribution]) -> list[ResolvedSpeaker]:
    """Canonical speakers for ``atts`` (in text order of their speakers)."""
    resolver = SpeakerResolver(doc, [(a.content_start, a.content_end) for a in atts],
                               [(a.speaker_start, a.speaker_end) for a in atts])
    order = sorted(range(len(atts)), key=lambda i: atts[i].speaker_start)
    out: list[ResolvedSpeaker | None] = [None] * len(atts)
    for i in order:
        out[i] = resolver.resolve(atts[i])
    return [r for r in out if r is not None]
