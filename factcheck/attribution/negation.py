"""The things a statement's content says are not so: nouns in the scope of a negation.

"her brother never had a gun" -> gun; "no bank account or Social Security
numbers were exposed" -> account, bank, number; "empty outer envelopes, not
ballots" -> ballot; "left without permission" -> permission. The scope is read
off the dependency parse, so a negated verb's clausal complement ("do not show
whether Scott has anything in his hands") and the subject of a negated verb
are left out: "Patients should not stop taking their medication" denies
nothing about patients. Names are left out too: "Nobody from Corvane called"
does not deny Corvane.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_NOUNS = frozenset({"NOUN"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "acomp"})
_NEGATING_DETERMINERS = frozenset({"no", "neither"})
_SKIPPED_BEFORE_NOUN = frozenset({"DET", "ADJ", "NUM", "ADV"})
MAX_WORDS_TO_NOUN = 3
# "would not comment on the campaign's claims", "has not clarified what assistance", "never to speak of
# Clinton's email": refusing or failing to speak negates nothing it names; nor does not yet knowing ("the
# cause has not been determined").
REFUSAL_LEMMAS = frozenset({"comment", "say", "discuss", "disclose", "confirm", "elaborate", "respond", "speculate",
                            "reveal", "answer", "specify", "identify", "clarify", "explain", "detail", "state",
                            "name", "speak", "talk", "mention", "determine", "establish", "know", "decide"})

# Verbs whose negation is read in their complement: "don't think it's a good idea", "doesn't believe he has a
# chance".
NEG_RAISING_LEMMAS = frozenset({"think", "believe", "expect", "suppose", "imagine", "feel", "reckon"})


def _with_parts(noun: Token) -> list[Token]:
    """A noun with its compounds and conjuncts: "bank account or Social Security numbers"."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in {"compound", "conj"} and child.pos_ in _NOUNS:
            out += _with_parts(child)
    return out


def _following_noun(tok: Token, span: Span) -> Token | None:
    """"not ballots", "not a single valid ballot": the noun right after a negator, if any."""
    for nxt in span.doc[tok.i + 1 : min(tok.i + 1 + MAX_WORDS_TO_NOUN + 1, span.end)]:
        if nxt.pos_ in _NOUNS:
            return nxt
        if nxt.pos_ not in _SKIPPED_BEFORE_NOUN:
            return None
    return None


_NORMATIVE_MODALS = frozenset({"should", "must", "ought", "shall"})
_CLAUSAL_SUBJECTS = frozenset({"csubj", "csubjpass"})


def _said_of_no_fact(tok: Token) -> bool:
    """A negation that asserts nothing is not so: a norm ("lobbyists should not be permitted", "Neither the
    president nor Congress should ..."), or a negated gerund as the subject ("Not paying taxes makes me
    smart" says something of not paying, not that taxes went unpaid)."""
    verb = tok.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    modals = {c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    # "must not have seen the gun" infers a fact; "must not be allowed" sets a norm.
    if modals & _NORMATIVE_MODALS and not {"must", "have"} <= modals:
        return True
    return tok.dep_ == "neg" and tok.head.tag_ == "VBG" and tok.head.dep_ in _CLAUSAL_SUBJECTS


def _double_negative(tok: Token) -> bool:
    """A negated verb with "without" under it affirms: "cannot be left without consequences" says there will
    be consequences, and denies neither them nor the provocation."""
    if tok.lower_ == "without":
        return any(c.dep_ == "neg" for c in tok.head.children)
    return tok.dep_ == "neg" and any(c.dep_ == "prep" and c.lower_ == "without" for c in tok.head.children)


# Words after a negator that shift the focus rather than deny: "not only", "not just".
FOCUS_WORDS = frozenset({"only", "just", "merely", "simply"})


def _contrastive(tok: Token) -> bool:
    """"not only the budget but also ...", "worried not so much about miscalculations as about ...": a negator
    that shifts the focus denies nothing."""
    words = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 3]]
    return bool(words) and (words[0] in FOCUS_WORDS or words == ["so", "much"])


def _negated_nouns(tok: Token, span: Span) -> list[Token]:
    lower = tok.lower_
    if (tok.dep_ == "neg" or lower in _NEGATING_DETERMINERS | {"not", "never", "n't", "without"}) and (
            _said_of_no_fact(tok) or _double_negative(tok) or _contrastive(tok)):
        return []
    if tok.dep_ == "neg" or lower in {"not", "never", "n't"}:
        noun = _following_noun(tok, span)
        if noun is not None:
            return [noun]
        head = tok.head
        if head.pos_ in _NOUNS:
            return [head]
        if head.lemma_.lower() in NEG_RAISING_LEMMAS:
            # "I don't think that it's a good idea" says it is not a good idea: the negation is the complement's.
            head = next((c for c in head.children if c.dep_ == "ccomp"), head)
        if head.lemma_.lower() in REFUSAL_LEMMAS:
            return []
        objects = [c for c in head.children if c.dep_ in _OBJECTS and c.pos_ in _NOUNS]
        if objects:
            # "may not have paid a dime in federal income taxes": with an object, what the negated verb denies
            # is the object; its prepositions say where or when, and deny nothing.
            return objects
        # "the strike did not lead to delays": with none, the object of a preposition is what is denied.
        return [c for prep in head.children if prep.dep_ == "prep"
                for c in prep.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
    if lower in _NEGATING_DETERMINERS and tok.head.pos_ in _NOUNS:
        return [tok.head]
    if lower == "without" and tok.dep_ == "prep":
        return [c for c in tok.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
    return []


_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})


def _hypothetical(tok: Token) -> bool:
    """Is ``tok`` inside a condition ("If we don't do anything on the climate issue, ...")? It asserts nothing."""
    node = tok
    while node.head.i != node.i:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in node.children):
            return True
        node = node.head
    return any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in node.children)


def negated_nouns(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Lemmas of the nouns the content between ``start`` and ``end`` negates."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    negated: list[Token] = []
    for tok in span:
        nouns = _negated_nouns(tok, span)
        if not nouns or _hypothetical(tok):
            continue
        for noun in nouns:
            negated += [t for t in _with_parts(noun) if span.start <= t.i < span.end and not _a_name(t)]
    # "I have never voted in a primary, but I'm going to vote in this primary": a noun the content also uses
    # outside the negation is not denied.
    indices = {t.i for t in negated}
    affirmed = {t.lemma_.lower() for t in span if t.pos_ in _NOUNS and t.i not in indices}
    return tuple(dict.fromkeys(t.lemma_.lower() for t in negated if t.lemma_.lower() not in affirmed))


def _a_name(tok: Token) -> bool:
    """"is Donald Trump, not Hillary Clinton": a capitalised word inside a sentence is a name the tagger took
    for a noun; names are left out."""
    return tok.text[:1].isupper() and tok.i > tok.sent.start
