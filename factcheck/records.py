"""Typed records that flow between the pipeline's stages.

Character spans are start-inclusive, end-exclusive offsets into
``Article.text`` (the cleaned body), everywhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Literal

Kind = Literal["direct", "indirect", "mixed", "according_to"]
Stance = Literal["assert", "deny", "reject", "accuse", "question", "admit", "warn", "demand"]
Relation = Literal["contradiction", "rebuttal", "support", "unrelated"]


@dataclasses.dataclass(frozen=True)
class Article:
    """One article as read from an input, before cleanup."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclasses.dataclass(frozen=True)
class CleanArticle:
    """An article after cleanup: headline and dateline split off, furniture dropped."""

    id: str
    text: str
    source: str
    title: str | None = None
    dateline: str | None = None
    url: str | None = None
    published: str | None = None


@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True)
class Statement:
    """An attributed statement: who said what, how, and with which stance."""

    id: str
    speaker: str
    speaker_mention: str
    cue: str
    kind: Kind
    stance: Stance
    content: str
    sentence: str
    start: int
    end: int
    cue_lemma: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue_start: int = -1
    cue_end: int = -1
    sentence_start: int = -1
    keywords: tuple[str, ...] = ()
    target: str = ""
    subject: str = ""  # the content's subject as written: "samples its volunteers took downstream of the mine"
    negated: bool = False
    quantities: tuple[tuple[float, str], ...] = ()
    negated_terms: tuple[str, ...] = ()  # lemmas of the nouns the content negates: "never had a gun" -> gun
    # The content is a noun phrase, not a clause: "cited [derogatory comments Trump had made]", "[the plan]".
    noun_phrase: bool = False
    # The content relays another source's report: "[Police have said] they have no plans ..., according to
    # attorneys for the family".
    second_hand: bool = False

    @property
    def cue_verb(self) -> str:
        """The cue's verb: "call" of "call for"; "" when the statement has no cue lemma."""
        return (self.cue_lemma.split() or [""])[0]

    def chars_apart(self, other: Statement) -> int:
        """Characters between this statement and another of the same article (0 when they overlap)."""
        first, second = (self, other) if self.start <= other.start else (other, self)
        return max(0, second.start - first.end)

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["keywords"] = list(self.keywords)
        out["quantities"] = [list(q) for q in self.quantities]
        out["negated_terms"] = list(self.negated_terms)
        return out


@dataclasses.dataclass(frozen=True)
class CandidatePair:
    """Two statements from different speakers that share a topic."""

    article_id: str
    a: Statement
    b: Statement
    topic_score: float
    shared_terms: tuple[str, ...] = ()
    link: str = ""  # why the two are about one proposition: "back-reference", "accused-denies", ... or "" (topic)
    detail: tuple[str, ...] = ()  # what an opposite-polarity link rests on: the word, and "a" or "b" negating it


@dataclasses.dataclass(frozen=True)
class NLIResult:
    """Label probabilities for one premise/hypothesis pair, keyed by label name."""

    probs: dict[str, float]

    @property
    def label(self) -> str:
        return max(self.probs, key=self.probs.__getitem__)


@dataclasses.dataclass(frozen=True)
class Pair:
    """A scored relation between two statements of one article."""

    a: str
    b: str
    relation: Relation
    score: float
    nli: dict[str, float]
    topic_score: float = 0.0
    reason: str = ""
    # The rule that tied the two statements to one proposition: a candidate link ("back-reference",
    # "accused-responds", "conflicting-figures", ...), or "stance" (a denial or rejection of what the other
    # content entails) or "nli" (NLI alone) when no link did.
    link: str = ""

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ArticleResult:
    """Everything factcheck found in one article: one output line."""

    article_id: str
    statements: tuple[Statement, ...]
    pairs: tuple[Pair, ...]
    model: dict[str, str]
    text: str = ""
    title: str | None = None
    dateline: str | None = None
    url: str | None = None
    published: str | None = None
    source: str = ""

    @classmethod
    def from_article(cls, article: CleanArticle, statements: Sequence[Statement], pairs: Sequence[Pair],
                     model: dict[str, str]) -> ArticleResult:
        return cls(article_id=article.id, statements=tuple(statements), pairs=tuple(pairs), model=model,
                   text=article.text, title=article.title, dateline=article.dateline, url=article.url,
                   published=article.published, source=article.source)

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "dateline": self.dateline,
            "url": self.url,
            "published": self.published,
            "source": self.source,
            "model": dict(self.model),
            "statements": [s.to_json() for s in self.statements],
            "pairs": [p.to_json() for p in self.pairs],
            "text": self.text,
        }


@dataclasses.dataclass(frozen=True)
class ArticleFailure:
    """An input that could not be processed, with a one-line reason."""

    source: str
    message: str
