"""Find attributions in a parsed article: cue, source phrase and content span.

Works on a spaCy ``Doc``. Speaker phrases are found here but resolved to
canonical names in :mod:`factcheck.attribution.speakers`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from factcheck.attribution.cues import (
    CORE_VERB_CUES,
    NOUN_CUES,
    PHRASAL_CUES,
    SOURCE_CARRIER_NOUNS,
    flip_for_negation,
    verb_cue_stance,
)
from factcheck.attribution.nominals import ORG_NOUNS
from factcheck.attribution.quotes import Quote, find_quotes
from factcheck.attribution.raw import RawAttribution
from factcheck.attribution.syntax import main_clause_subjects
from factcheck.attribution.transcripts import label_attributions
from factcheck.records import Kind, Stance

RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative", "oprd", "attr", "acomp", "parataxis", "obj"})
# Stances only an agent takes: "It also demanded a recount" has a source; "it showed" need not.
AGENT_STANCES = frozenset({"deny", "reject", "accuse", "demand", "admit"})
_CLAUSE_CUT = frozenset({"relcl", "acl", "advcl"})
_TRAILING = frozenset(",;:—–-")
_EDGE_JUNK = frozenset({"PUNCT", "CCONJ", "SPACE"})
# "said" and friends need a clause or a quote as content, not a bare object ("said nothing").
CLAUSE_ONLY = frozenset({"say", "tell", "add", "write", "note", "explain", "think", "believe", "find",
                         "show", "hope", "expect", "report", "indicate", "suggest", "ask", "post", "call",
                         "describe", "recall", "allow", "grant", "order", "charge", "attack", "label",
                         "brand", "respond", "reply", "comment", "agree", "guarantee", "fear"})


# Subjects that name no one: what "nothing suggests" says, no source says.
NEGATIVE_QUANTIFIERS = frozenset({"nothing", "nobody", "none", "noone"})
# Verbs through which evidence speaks ("the poll shows", "records indicate"), and nouns of events and qualities
# that are no evidence of their own: what "the rise of Trump shows" is the writer's inference.
EVIDENCE_VERBS = frozenset({"show", "indicate", "suggest", "prove", "demonstrate", "reveal", "illustrate",
                            "underscore", "highlight", "signal", "reflect", "confirm"})
EVENT_NOUNS = frozenset({"popularity", "rise", "success", "failure", "fall", "decline", "growth", "surge", "victory",
                         "defeat", "win", "loss", "collapse", "strength", "weakness", "performance", "appeal",
                         "candidacy", "dominance", "resilience", "emergence", "ascent", "momentum", "history",
                         "experience", "episode", "fight", "battle", "race", "contest", "showing", "turnout", "fact",
                         "reality", "situation"})


def _trim(tokens: Sequence[Token]) -> list[Token]:
    toks = list(tokens)
    while toks and (toks[0].pos_ in _EDGE_JUNK or toks[0].lower_ in {"that", "whether"} and toks[0].dep_ == "mark"):
        toks.pop(0)
    while toks and toks[-1].pos_ in _EDGE_JUNK:
        toks.pop()
    return toks


def _contiguous(tokens: Iterable[Token], *, anchor: int | None = None) -> list[Token]:
    """The longest run of consecutive tokens (around ``anchor`` when given)."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return []
    runs: list[list[Token]] = [[toks[0]]]
    for t in toks[1:]:
        if t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    if anchor is not None:
        for run in runs:
            if run[0].i <= anchor <= run[-1].i:
                return run
    return runs[0]


def _subtree_without(root: Token, cut: Iterable[Token]) -> set[Token]:
    removed: set[int] = set()
    for c in cut:
        removed.update(t.i for t in c.subtree)
    return {t for t in root.subtree if t.i not in removed}


def noun_phrase(head: Token, *, exclude: Token | None = None) -> list[Token]:
    """The phrase of a noun without its relative clauses and the cue clause."""
    cut = [d for d in head.subtree if d.dep_ in _CLAUSE_CUT and d.i != head.i]
    if exclude is not None and exclude.i != head.i and exclude in head.subtree:
        cut.append(exclude)
    return _trim(_contiguous(_subtree_without(head, cut), anchor=head.i))


# "it was quick to deny ...": adjectives of what the subject does, whose "it" is a party.
AGENT_ADJECTIVES = frozenset({"quick", "eager", "reluctant", "happy", "willing", "ready", "keen", "careful", "able",
                              "unable", "prepared", "glad", "proud", "anxious", "slow", "first", "last", "loath"})

# Nouns of an act or a disposition that an infinitive completes ("refusal to disavow", "decision to deny").
ACT_NOUNS = frozenset({"refusal", "decision", "failure", "effort", "attempt", "willingness", "unwillingness",
                       "reluctance", "move", "bid", "push", "readiness", "eagerness", "determination", "choice",
                       "inability", "ability", "right", "chance", "opportunity", "need", "tendency", "reason",
                       "way", "time", "freedom", "power", "duty", "obligation", "pressure", "incentive"})


def _subject(verb: Token) -> Token | None:
    """The source of a cue verb, following the parse where English drops it."""
    # "a defeat President Barack Obama believes to be the worst of his career": a reduced relative the parser
    # gives two subjects; the source is the one next to the verb.
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        child = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            # "Bob Mulholland, a California superdelegate who has accused ...": the one the apposition describes.
            return verb.head.head if verb.head.dep_ == "appos" else verb.head
        return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "Cruz's refusal to disavow the endorsement": an act's noun is no source of the verb it leads to.
        return None if verb.head.lemma_.lower() in ACT_NOUNS else verb.head
    if verb.dep_ == "xcomp" and _expletive_frame(verb.head):
        return None
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lemma_.lower() in AGENT_ADJECTIVES:
        return _subject(verb.head.head)  # "The company was quick to deny ...": who was quick
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
        return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        return _subject(verb.head.head)
    return None


def _expletive_frame(verb: Token) -> bool:
    """"It is hard not to think that ...", "it is easy to say ...": the "it" of a "be" with an adjective
    stands for the clause after it, and no one is the source of the cue."""
    return verb.lemma_ == "be" and any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in verb.children) \
        and any(c.dep_ == "acomp" and c.lemma_.lower() not in AGENT_ADJECTIVES for c in verb.children)


def _dares(cue: Token) -> bool:
    """Is the challenge a dare: someone challenged to do something ("to debate him", "to a debate")?"""
    kids = list(cue.children)
    return any(c.dep_ == "xcomp" for c in kids) or (
        any(c.dep_ == "dobj" for c in kids) and any(c.dep_ == "prep" and c.lower_ == "to" for c in kids))


def _withholding(cue: Token, lemma: str) -> bool:
    """"could deny them mining permits", "denied him entry": denying someone something withholds it; it
    disputes no claim. The parser may take the person for a second object: "deny him even that path"."""
    if lemma not in {"deny", "refuse"}:
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    return any(c.dep_ in {"dative", "iobj"} for c in cue.children) or (
        len(objects) >= 2 and objects[0].pos_ == "PRON")


def _asked_by_writer(cue: Token, speaker: Token | None, quotes: Sequence[Quote]) -> bool:
    """"Would they prefer an Obama nominee ... or one chosen by Mrs. Clinton?": the writer's own question,
    its auxiliary before the subject, reports nothing anyone said. (A question inside a quote is the quoted
    source's, and stays.)"""
    if speaker is None or not any(c.dep_ == "aux" and c.i < speaker.i for c in cue.children):
        return False
    return not _inside_quote(cue, quotes) and cue.sent.text.rstrip(" \"'”’)").endswith("?")


def _inside_quote(tok: Token, quotes: Sequence[Quote]) -> bool:
    return any(q.start <= tok.idx < q.end for q in quotes)


def _name_after_quote(cue: Token, quotes: Sequence[Quote]) -> Token | None:
    """The source of '“...,” Flynn, a top Trump surrogate, said ... on Fox News's “Fox and Friends.”', where
    the parser took the quoted show for the subject: the name right after a quote that closes before the
    cue in its sentence."""
    sent = cue.sent
    for q in quotes:
        if not sent.start_char <= q.end < cue.idx:
            continue
        after = [t for t in sent if q.end < t.idx < cue.idx and not t.is_punct]
        if after and after[0].pos_ == "PROPN":
            head = after[0]
            while head.head.pos_ == "PROPN" and head.head.i != head.i and head.head.i < cue.i \
                    and head.dep_ in {"compound", "flat"}:
                head = head.head
            return head
    return None


def _phrasal_particle(cue: Token, lemma: str) -> Token | None:
    """The particle of a phrasal cue ("call for", "push back"): a prep or prt child of the cue, or the
    "for" the parser made the mark of a clause right after it ("called for the ditches to be blocked")."""
    found = [c for c in cue.children if (lemma, c.lower_) in PHRASAL_CUES and c.dep_ in {"prep", "prt"}]
    if found:
        return found[-1]
    for child in cue.children:
        if child.dep_ in {"advcl", "ccomp", "xcomp"} and child.i > cue.i:
            for mark in child.children:
                if mark.dep_ == "mark" and mark.i == cue.i + 1 and (lemma, mark.lower_) in PHRASAL_CUES:
                    return mark
    return None


def _accused_of(cue: Token, lemma: str) -> Token | None:
    """The accused of "accuse X of ...": the object, when an "of" phrase follows it."""
    if lemma not in ACCUSING_LEMMAS:
        return None
    obj = next((c for c in cue.children if c.dep_ in {"dobj", "obj"} and c.i > cue.i), None)
    if obj is not None and any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in obj.children):
        return obj
    return None


def _content_tokens(cue: Token, speaker: Token | None, lemma: str) -> list[Token]:
    speaker_ids = {t.i for t in noun_phrase(speaker, exclude=cue)} if speaker is not None else set()
    phrasal_prep = _phrasal_particle(cue, lemma)
    parts: list[Token] = []
    drop: set[int] = set()
    clauses = [c for c in cue.children if c.dep_ in {"ccomp", "parataxis"} and c.i not in speaker_ids]
    accused = _accused_of(cue, lemma)
    named_as = _named_as(cue) if lemma in NAMING_LEMMAS else []
    if phrasal_prep is not None and phrasal_prep.dep_ == "prep":
        parts = [g for g in phrasal_prep.children if g.dep_ in {"pobj", "pcomp"}]
        # "called on the president to resign": whom it asks, and what.
        parts += [c for c in cue.children if c.dep_ == "xcomp" and c.i > phrasal_prep.i]
    elif phrasal_prep is not None and phrasal_prep.dep_ == "mark":
        parts, drop = [phrasal_prep.head], {phrasal_prep.i}
    elif accused is not None:
        # "accused union officials of warning drivers ... that they would be expelled": what follows the
        # accused is the charge, even where the parser hung a clause of it on the cue.
        parts = [accused, *(c for c in clauses if c.i > accused.i)]
    elif clauses:
        parts = clauses[-1:] if clauses[-1].i > cue.i else clauses[:1]
    elif named_as:
        # "called the charges unsubstantiated", "labelled the plan a giveaway": what is named, and what it is
        # called.
        parts = named_as
    elif lemma not in CLAUSE_ONLY:
        right = [c for c in cue.children if c.i > cue.i and c.i not in speaker_ids]
        objs = [c for c in right if c.dep_ in CONTENT_DEPS]
        if not objs:
            return []
        first = objs[0]
        parts = [c for c in right if c.i >= first.i and c.dep_ in CONTENT_DEPS | {"prep", "conj", "cc", "punct"}]
        parts = [c for c in parts if not (c.dep_ == "prep" and c.lower_ in {"in", "on", "at", "during", "after"})]
        parts = [c for c in parts if not (c.dep_ == "conj" and (
            any(g.dep_ in SUBJECT_DEPS for g in c.children) or c.lemma_.lower() in CORE_VERB_CUES))]
    elif any(c.dep_ == "xcomp" for c in cue.children):
        parts = [c for c in cue.children if c.dep_ in {"xcomp", "dobj", "dative"} and c.i > cue.i]
    tokens: set[Token] = set()
    for part in parts:
        cut = [d for d in part.subtree if d.dep_ == "advcl" and d.head.dep_ == "conj"]
        tokens |= _subtree_without(part, cut)
    tokens = {t for t in tokens if t.i not in speaker_ids and t.i not in drop}
    return _trim(_contiguous(tokens, anchor=min((t.i for t in tokens), default=None)))


# Verbs that say what someone calls a thing; otherwise they take clauses only ("called the police" says nothing).
NAMING_LEMMAS = frozenset({"call", "label", "brand", "dub", "term"})


def _named_as(cue: Token) -> list[Token]:
    """The object and its predicate of "called [half of his supporters] [deplorables]", else []."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    named = next((c for c in cue.children if c.dep_ in {"oprd", "xcomp", "ccomp"} and obj is not None
                  and c.i > obj.i), None)
    return [obj, named] if obj is not None and named is not None else []


ACCUSING_LEMMAS = frozenset({"accuse", "blame", "charge", "fault", "sue", "attack", "criticize", "condemn"})


_NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "none", "neither", "nor"})


def _phrase_words(head: Token) -> str:
    """'the low-cost carrier SkyMara' -> 'cost carrier skymara': the head with its
    noun modifiers and a name in apposition to it."""
    words = [t.lower_ for t in head.subtree
             if t.dep_ in {"compound", "amod", "nmod", "poss"} and t.head.i == head.i and t.pos_ in {"PROPN", "NOUN"}]
    names = [w for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.left_edge.i == head.i + 1
             for w in (*(c.lower_ for c in a.children if c.dep_ == "compound" and c.pos_ == "PROPN"), a.lower_)]
    return " ".join([*words, head.lower_, *names])


def _target(cue: Token, content: Sequence[Token]) -> str:
    """Whom the content is about: the accused of 'accuse X of', else the subject
    of the content clause ('his government used ...' -> government)."""
    if cue.lemma_.lower() in ACCUSING_LEMMAS:
        obj = next((c for c in cue.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is not None:
            return _phrase_words(obj)
    return _subject_target(content)


def _subject_target(content: Sequence[Token]) -> str:
    subject = next((t for t in main_clause_subjects(content) if t.pos_ != "PRON"), None)
    return _phrase_words(subject) if subject is not None else ""


def _content_negated(content: Sequence[Token]) -> bool:
    """The content's own main clause is negative ("Not a single ballot was ...",
    "her brother never had a gun"), as opposed to a negation deep inside it. In a
    quote of several sentences the first says what the quote does: "It's something
    I've been talking about for a long time. ... I'm not working for Trump" is no
    flat denial."""
    ids = {t.i for t in content}
    first = content[0].sent.start if content else 0
    roots = [t for t in content if (t.head.i not in ids or t.head.i == t.i) and t.sent.start == first]
    for root in roots:
        for child in root.children:
            if child.lower_ in _NEGATORS and child.dep_ in {"neg", "advmod", "det", "npadvmod"}:
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and (
                    child.lower_ in _NEGATORS or any(g.lower_ in _NEGATORS for g in child.children
                                                     if g.dep_ in {"det", "neg", "advmod", "preconj"})):
                return True
    return False


def _negated(cue: Token, quotes: Sequence[Quote] = ()) -> bool:
    """A negation of the cue itself; one inside a quote ("Probably not," she said) negates what is said."""
    return any(c.dep_ == "neg" and not _inside_quote(c, quotes) for c in cue.children)


def _kind_for(start: int, end: int, quotes: Sequence[Quote]) -> tuple[Kind, int, int]:
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        if q.start <= start + 2 and q.end >= end - 2:
            return "direct", q.start, q.end
        inside = min(end, q.end) - max(start, q.start)
        if inside >= 0.4 * (end - start):
            return "mixed", min(start, q.start), max(end, q.end)
    return "indirect", start, end


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc.text[start:end].strip()


def _make(
    doc: Doc,
    *,
    cue_tokens: Sequence[Token],
    lemma: str,
    stance: Stance,
    content: Sequence[Token],
    speaker: Token | None,
    sent: Span,
    quotes: Sequence[Quote],
    kind: Kind | None = None,
    exclude: Token | None = None,
    source_ends_at_comma: bool = False,
) -> RawAttribution | None:
    if not content or speaker is None:
        return None
    start, end = content[0].idx, content[-1].idx + len(content[-1])
    found_kind, start, end = _kind_for(start, end, quotes)
    while end > start and (doc.text[end - 1] in _TRAILING or doc.text[end - 1].isspace()):
        end -= 1
    if kind is None:
        kind = found_kind
    sp = noun_phrase(speaker, exclude=exclude)
    if source_ends_at_comma:
        # "According to the Commission, tuition rose ...": the parse may hang the
        # clause on the source; the source ends at its comma.
        comma = next((k for k, t in enumerate(sp) if t.text == "," and t.i > speaker.i), None)
        sp = _trim(sp[:comma]) if comma is not None else sp
    if not sp:
        return None
    return RawAttribution(
        target=_target(cue_tokens[0], content),
        negated=_content_negated(content),
        cue=doc.text[cue_tokens[0].idx : cue_tokens[-1].idx + len(cue_tokens[-1])],
        cue_lemma=lemma,
        cue_start=cue_tokens[0].idx,
        cue_end=cue_tokens[-1].idx + len(cue_tokens[-1]),
        kind=kind,
        stance=stance,
        content_start=start,
        content_end=end,
        content=_span_text(doc, start, end),
        speaker_start=sp[0].idx,
        speaker_end=sp[-1].idx + len(sp[-1]),
        speaker_text=doc.text[sp[0].idx : sp[-1].idx + len(sp[-1])],
        speaker_head=speaker.i,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )


def _verb_attribution(doc: Doc, tok: Token, quotes: Sequence[Quote], min_share: float) -> RawAttribution | None:
    lemma = tok.lemma_.lower()
    stance = verb_cue_stance(lemma, min_share=min_share)
    particle = _phrasal_particle(tok, lemma)
    phrasal = [particle] if particle is not None else []
    if phrasal:
        stance = PHRASAL_CUES[(lemma, phrasal[0].lower_)]
    if stance is None:
        return None
    if _withholding(tok, lemma):
        return None
    if lemma == "ask" and any(c.dep_ == "xcomp" for c in tok.children):
        stance = "demand"  # "asked Lester Holt to fact check Trump" asks for something, it doubts nothing
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children):
        return None  # "clap if they agreed with what Trump was saying": a condition reports nothing
    if lemma in {"promise", "threaten"} and any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in tok.children):
        return None  # "The debate promised to be a crucial moment": a prospect, not a promise
    if lemma == "contradict" and tok.dep_ == "xcomp" and tok.head.lemma_ in {"appear", "seem"}:
        return None  # "the email appears to contradict Panetta's comments": evidence, not anyone's statement
    if lemma == "challenge" and _dares(tok):
        stance = "demand"  # "challenged Trump to a one-on-one debate" dares him; it disputes nothing
    if _negated(tok, quotes):
        stance = flip_for_negation(stance, lemma)
        if stance is None:
            return None
    speaker = _subject(tok)
    if _asked_by_writer(tok, speaker, quotes):
        return None
    if lemma in EVIDENCE_VERBS and speaker is not None and speaker.lemma_.lower() in EVENT_NOUNS:
        return None  # "the popularity of Mr. Trump shows how ...": the writer's reading of an event, no source's
    if speaker is not None and _inside_quote(speaker, quotes):
        speaker = _name_after_quote(tok, quotes) or speaker
    if speaker is not None and speaker.lower_ in NEGATIVE_QUANTIFIERS:
        return None  # "There's really nothing that suggests Trump couldn't prevail": no one says it
    if speaker is not None and speaker.pos_ == "PRON" and (
            speaker.lower_ == "there" or speaker.lower_ == "it" and lemma != "say" and stance not in AGENT_STANCES):
        return None
    content = _split_quote_head(doc, tok, speaker, quotes) or _content_tokens(tok, speaker, lemma)
    if not content:
        content = _clause_of_carrier(tok) or _adjacent_quote(doc, tok, speaker, quotes)
    cue_tokens = [tok, phrasal[0]] if phrasal and phrasal[0].i == tok.i + 1 else [tok]
    return _make(doc, cue_tokens=cue_tokens, lemma=lemma if not phrasal else f"{lemma} {phrasal[0].lower_}",
                 stance=stance, content=content, speaker=speaker, sent=tok.sent, quotes=quotes, exclude=tok)


_CARRIER_PLACES = frozenset({"statement", "interview", "letter", "post", "tweet", "email", "release", "filing",
                             "speech", "memo", "message", "video", "op-ed", "column", "report", "testimony"})
_GLUE = re.compile(r"^[\s,.:;—–\-“”\"'‘’«»]*$")


def _clause_of_carrier(cue: Token) -> list[Token]:
    """'said in a statement that ...': the that-clause hangs off the noun."""
    for prep in cue.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in _CARRIER_PLACES:
                clause = next((c for c in obj.children if c.dep_ in {"acl", "ccomp", "relcl"} and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
                if clause is not None:
                    return _trim(sorted(clause.subtree, key=_token_index))
    return []


def _adjacent_quote(doc: Doc, cue: Token, speaker: Token | None, quotes: Sequence[Quote]) -> list[Token]:
    """'“...,” he said' and 'He said: “...”' when the parse gives the cue no clause:
    a quote separated from the cue only by punctuation and the speaker's phrase."""
    if speaker is None:
        return []
    sp = noun_phrase(speaker, exclude=cue)
    around = {t.i for t in sp} | {cue.i}
    lo = min(around)
    hi = max(around)
    for q in quotes:
        if q.end <= doc[lo].idx:
            gap = doc.text[q.end : doc[lo].idx]
        elif q.start >= doc[hi].idx + len(doc[hi]):
            gap = doc.text[doc[hi].idx + len(doc[hi]) : q.start]
        else:
            continue
        # A paragraph break between them parts a quote from the next paragraph's speaker.
        if _GLUE.match(gap) and "\n" not in gap:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                return _trim(list(span))
    return []


_SPLIT_GAP_BEFORE = re.compile(r"^[\s,”\"'’»]*$")
_SPLIT_GAP_AFTER = re.compile(r"^\s*,\s*[“\"'‘«]?$")
_MIN_HEAD_WORDS = 3


def _split_quote_head(doc: Doc, cue: Token, speaker: Token | None, quotes: Sequence[Quote]) -> list[Token]:
    """'“A,” a spokeswoman said, “however much ...”': a quote that its attribution
    splits mid-sentence is reported by the first half; the second half goes on
    the same sentence (it starts in lower case) and is not a statement of its own."""
    if speaker is None:
        return []
    ids = [t.i for t in noun_phrase(speaker, exclude=cue)] + [cue.i]
    lo, hi = doc[min(ids)].idx, doc[max(ids)].idx + len(doc[max(ids)])
    head = next((q for q in reversed(quotes) if q.end <= lo and _SPLIT_GAP_BEFORE.match(doc.text[q.end : lo])), None)
    tail = next((q for q in quotes if q.start >= hi and _SPLIT_GAP_AFTER.match(doc.text[hi : q.start])), None)
    if head is None or tail is None:
        return []
    first = next((ch for ch in doc.text[tail.start : tail.end] if ch.isalpha()), "")
    if not first.islower():
        return []
    span = doc.char_span(head.start, head.end, alignment_mode="expand")
    words = _trim(list(span)) if span is not None else []
    return words if sum(t.is_alpha for t in words) >= _MIN_HEAD_WORDS else []


_QUOTE_CUE_REACH = 60


def _quoted_inside_attributed_quote(doc: Doc, att: RawAttribution, atts: Sequence[RawAttribution],
                                    quotes: Sequence[Quote]) -> bool:
    """The cue and its speaker lie in a quote that another cue right beside it
    reports ('“..., and students will find out the rest,” he said'): the inner
    cue is part of the quoted words, not the article's attribution."""
    for q in quotes:
        if not (q.start <= att.cue_start < q.end and q.start <= att.speaker_start < q.end):
            continue
        for other in atts:
            if q.start <= other.cue_start < q.end:
                continue
            near = (min(other.cue_start, other.speaker_start) - q.end, q.start - max(other.cue_end, other.speaker_end))
            for gap, (lo, hi) in zip(near, ((q.end, min(other.cue_start, other.speaker_start)),
                                            (max(other.cue_end, other.speaker_end), q.start)), strict=True):
                if 0 <= gap <= _QUOTE_CUE_REACH and "\n" not in doc.text[lo:hi]:
                    return True
    return False


def _token_index(tok: Token) -> int:
    return tok.i


def _according_to(doc: Doc, tok: Token, quotes: Sequence[Quote]) -> RawAttribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = tok.sent
    phrase = {t.i for t in tok.subtree}
    rest = [t for t in sent if t.i not in phrase]
    content = _trim(_contiguous(rest, anchor=rest[len(rest) // 2].i if rest else None))
    return _make(doc, cue_tokens=[tok, to], lemma="according to", stance="assert", content=content,
                 speaker=source, sent=sent, quotes=quotes, kind="according_to", source_ends_at_comma=True)


def _noun_attribution(doc: Doc, tok: Token, quotes: Sequence[Quote]) -> RawAttribution | None:
    stance = NOUN_CUES.get(tok.lemma_.lower())
    if stance is None:
        return None
    clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp"} and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if speaker is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
        speaker = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ in {"it", "there"}:
        return None
    content = _trim(sorted(clause.subtree, key=lambda t: t.i))
    return _make(doc, cue_tokens=[tok], lemma=tok.lemma_.lower(), stance=stance, content=content,
                 speaker=speaker, sent=tok.sent, quotes=quotes)


def _carrier_source(speaker: Token) -> Token:
    """'a statement from the center', 'a notice Corvane filed' and 'a hospital
    spokeswoman' speak for the center, Corvane and the hospital."""
    if speaker.lemma_.lower() not in SOURCE_CARRIER_NOUNS:
        return speaker
    for prep in speaker.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "for", "of", "by"}:
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for clause in speaker.children:
        if clause.dep_ in {"relcl", "acl"} and clause.i > speaker.i:
            subj = next((g for g in clause.children if g.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and subj.pos_ in {"PROPN", "NOUN"}:
                return subj
    owner = next((c for c in speaker.children if c.dep_ in {"compound", "poss"} and c.i < speaker.i and (
        c.pos_ == "PROPN" or c.lemma_.lower() in ORG_NOUNS)), None)
    return owner if owner is not None else speaker


def extract_attributions(doc: Doc, *, min_learned_share: float = 0.3) -> list[RawAttribution]:
    """Every attribution in ``doc``, in text order, quotes merged into their cues."""
    quotes = find_quotes(doc.text)
    found: list[RawAttribution] = []
    for tok in doc:
        att: RawAttribution | None = None
        if tok.lower_ == "according" and tok.dep_ in {"prep", "advmod"}:
            att = _according_to(doc, tok, quotes)
        elif tok.pos_ == "VERB":
            att = _verb_attribution(doc, tok, quotes, min_learned_share)
        elif tok.pos_ == "NOUN":
            att = _noun_attribution(doc, tok, quotes)
        if att is not None:
            found.append(att)
    # A cue whose speaker is quoted with it ("... and students will find out") is
    # part of someone's quote, not the article's attribution.
    found = [a for a in found if not _quoted_inside_attributed_quote(doc, a, found, quotes)]
    # A transcript turn is its label's statement, whatever verbs it holds.
    labelled = label_attributions(doc)
    found = [a for a in found if not any(_within_label(a, lab) for lab in labelled)] + labelled
    found = _drop_nested(found)
    found.extend(_continued_quotes(doc, found, quotes))
    found.sort(key=lambda a: a.content_start)
    return found


def _within_label(att: RawAttribution, label: RawAttribution) -> bool:
    """Is the attribution's cue or content part of a transcript turn?"""
    return (label.sentence_start <= att.cue_start < label.sentence_end
            or att.content_start < label.content_end and label.content_start < att.content_end)


def _drop_nested(atts: list[RawAttribution]) -> list[RawAttribution]:
    """Each token belongs to at most one attribution: a cue inside another
    attribution's content (a verb inside a quote, "X said Y denied Z") is part of
    that content, not a statement of its own. Exact duplicates go too. A content
    that opens on such a report ("Police have said they ...") is marked second-hand."""
    seen: set[tuple[int, int]] = set()
    out: list[RawAttribution] = []
    for a in sorted(atts, key=_by_span):
        key = (a.content_start, a.content_end)
        if key in seen:
            continue
        # Against the attributions kept so far, outer ones first: when two contents hold each other's cues
        # ("Police have said [they have no plans, according to] attorneys"), the outer one stays.
        if any(o.content_start <= a.cue_start < o.content_end for o in out):
            continue
        seen.add(key)
        if any(_opens_on_report(a, o) for o in atts):
            a = dataclasses.replace(a, second_hand=True)
        out.append(a)
    return out


# Verbs that only report speech: "Police have said ..." relays a statement; "he thinks", "they hoped" and
# "he refused" are the speaker's own mind or acts.
_REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "claim", "write", "add", "note",
                               "confirm", "testify", "explain", "acknowledge", "disclose", "reveal"})
_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


def _opens_on_report(outer: RawAttribution, inner: RawAttribution) -> bool:
    """Does ``outer``'s content open on another source reporting speech ("[Police have said] they have no
    plans ..., according to attorneys for the family")? Then it relays what that source said."""
    return (inner is not outer and inner.kind == "indirect" and inner.speaker_start >= 0
            and outer.content_start <= inner.speaker_start <= outer.content_start + 1
            and inner.cue_start < outer.content_end
            and (inner.cue_lemma.split() or [""])[0] in _REPORTING_LEMMAS
            and inner.speaker_text.strip().lower() not in _PERSONAL_PRONOUNS)


def _by_span(a: RawAttribution) -> tuple[int, int]:
    return (a.content_start, -(a.content_end - a.content_start))


def _continued_quotes(doc: Doc, atts: Sequence[RawAttribution], quotes: Sequence[Quote]) -> list[RawAttribution]:
    """A whole-sentence quote with no cue of its own continues the quote of the
    attribution just before it, in the same or the previous paragraph. A quoted
    phrase inside someone's own sentence that no one says is a scare quote."""
    extra: list[RawAttribution] = []
    for q in quotes:
        if any(a.content_start <= q.start < a.content_end or q.start <= a.content_start < q.end for a in atts):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        sent = span[0].sent
        lead = doc.text[sent.start_char : q.start].strip(" “\"'‘«")
        if lead:
            continue  # the quote is embedded in someone's sentence
        prev = [a for a in atts if a.content_end <= q.start and a.kind in {"direct", "mixed"}]
        if not prev:
            continue
        last = prev[-1]
        between = doc.text[last.content_end : q.start]
        if between.count("\n\n") > 1 or len(between) > 400:
            continue
        words = _trim(list(span))
        extra.append(dataclasses.replace(
            last, kind="direct", content_start=q.start, content_end=q.end,
            content=doc.text[q.start : q.end].strip(), sentence_start=sent.start_char,
            sentence_end=span[-1].sent.end_char,
            # what this quote is about and whether it is negative are its own, not the earlier quote's
            target=_subject_target(words), negated=_content_negated(words),
        ))
    return extra


def sentences_of(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.sents]


def carrier_source(speaker: Token) -> Token:
    return _carrier_source(speaker)
