"""Confirmed pairs as schema.org ``ClaimReview`` objects (JSON-LD).

The claim reviewed is statement A; statement B, by another speaker, is what
disputes or contradicts it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

from factcheck.review.queries import PairDetail, VerdictRow
from factcheck.review.settings import DeskConfig

SCHEMA_CONTEXT = "https://schema.org"

_RATING_VERB = {"contradiction": "Contradicted by", "rebuttal": "Disputed by", "support": "Supported by"}
# Words that mark a speaker as an organization rather than a person.
_ORGANIZATION_WORDS = re.compile(
    r"\b(agency|army|association|authority|bank|board|bureau|center|centre|commission|committee|company|corp"
    r"|council|court|department|firm|foundation|government|group|inc|institute|league|ltd|ministry|movement"
    r"|network|office|organi[sz]ation|parliament|party|police|prosecutors?|senate|service|times|union|university)\b",
    re.IGNORECASE,
)


def author_type(speaker: str) -> str:
    """``Organization`` for names such as "the Human Rights Center", else ``Person``."""
    return "Organization" if _ORGANIZATION_WORDS.search(speaker) else "Person"


def rating_name(relation: str, *, rebutter: str) -> str:
    """The rating a confirmed pair gives claim A: "Disputed by B" for a rebuttal, and so on."""
    return f"{_RATING_VERB.get(relation, 'Disputed by')} {rebutter}"


def iso_date(value: str | None) -> str | None:
    """The calendar date of an ISO date or timestamp, or None when it is not one."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None


def anchor(detail: PairDetail) -> str:
    """A stable fragment naming the pair on the desk's site."""
    return quote(f"pair-{detail.article.id}-{detail.pair.a}-{detail.pair.b}", safe="-._~")


def claim_review(detail: PairDetail, verdict: VerdictRow, *, desk: DeskConfig) -> dict[str, Any]:
    """One ``ClaimReview`` for a pair and the verdict that confirmed it."""
    a, b, article = detail.a, detail.b, detail.article
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": author_type(a.speaker), "name": a.speaker},
    }
    if article.url:
        item["appearance"] = [{"@type": "CreativeWork", "url": article.url, **_headline(article.title)}]
    published = iso_date(article.published)
    if published:
        item["datePublished"] = published
    organization: dict[str, Any] = {"@type": "Organization", "name": desk.name}
    if desk.url:
        organization["url"] = desk.url
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": a.content,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rating_name(detail.pair.relation, rebutter=b.speaker),
            "ratingExplanation": f"{b.speaker} {b.cue or 'said'}: \u201c{b.content}\u201d",
        },
        "author": organization,
        "datePublished": iso_date(verdict.created_at) or verdict.created_at[:10],
    }
    if verdict.note:
        review["reviewBody"] = verdict.note
    url = f"{desk.url.rstrip('#')}#{anchor(detail)}" if desk.url else article.url
    if url:
        review["url"] = url
    return review


def _headline(title: str | None) -> dict[str, str]:
    return {"headline": title} if title else {}
