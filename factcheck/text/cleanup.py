"""Turn a raw :class:`Article` into a :class:`CleanArticle`.

Cleanup splits off the headline and the dateline, drops page furniture (share
buttons, comment widgets, newsletter and cookie banners) and everything from a
trailing comment block on, and normalises blank lines. Every other character of
the body is kept as it was: downstream character offsets point into
``CleanArticle.text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.errors import FactcheckError
from factcheck.records import Article, ArticleFailure, CleanArticle

_MAX_HEADLINE_CHARS = 200
_MAX_FURNITURE_CHARS = 300
_MAX_DATELINE_CHARS = 80
_TITLE_CASE_SHARE = 0.6
# After a "related posts"-style heading, a line this long or ending like a
# sentence is article prose, so the heading does not start a trailing block.
_MIN_PROSE_CHARS = 100

_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|tumblr|pocket|email|e-mail)"


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


# Lines that open a reader-comment section: they and everything after go.
COMMENT_BLOCK_PATTERNS = _compile(
    (
        r"\d+\s+(?:repl(?:y|ies)|comments?|responses?|thoughts?)",
        r"\d+\s+(?:repl(?:y|ies)|comments?|responses?|thoughts?)\s+(?:on|to)\s+.{1,200}",
        r"no\s+(?:comments?|repl(?:y|ies)|responses?)(?:\s+yet)?\.?",
        r"comments?:?",
        r"leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?\.?",
        r"(?:post|add|write)\s+a\s+comment\.?",
        r"want\s+to\s+join\s+the\s+discussion\??",
        r"join\s+the\s+(?:discussion|conversation)\.?",
        r"(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?",
        r"comments?\s+(?:are\s+)?closed\.?",
        r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?",
    )
)

# Headings of link lists: dropped wherever they stand, and the start of a
# trailing block when nothing after them reads like article prose.
TRAILING_BLOCK_PATTERNS = _compile(
    (
        r"related(?:\s+(?:posts?|articles?|stories|content|coverage|news|reading))?:?",
        r"(?:you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|more\s+stories):?",
        r"(?:most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?)(?:\s+(?:stories|articles))?:?",
    )
)

# Single furniture lines, dropped wherever they stand. Comment-block lines
# before any body text are dropped the same way.
FURNITURE_PATTERNS = _compile(
    (
        r"feel\s+free\s+to\s+contribute!?",
        r"share\s+(?:this|the)(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+" + _SOCIAL + r")?:?",
        r"share(?:\s+(?:on|via))?\s+" + _SOCIAL,
        r"click\s+to\s+(?:share|email|print)\b.{0,100}",
        r"(?:share|tweet|print|pin\s+it|copy\s+link|" + _SOCIAL + r")",
        r"(?:print|email)\s+(?:this\s+)?(?:article|story|page|post)",
        r"(?:sign\s+up|subscribe|register)\b.{0,100}\bnewsletters?\b.{0,100}",
        r"(?:advertisement|advertising|ad|sponsored(?:\s+content)?|paid\s+content|promoted(?:\s+content)?)",
        r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?(?:advertisement|ad))?\.?",
        r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?\.?",
        r"(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b.{0,250}",
        r"by\s+(?:using|continuing\s+to\s+(?:use|browse))\s+(?:this|our)\s+(?:web)?site\b.{0,200}\bcookies\b.{0,100}",
        r"(?:accept|allow|manage|reject|decline)(?:\s+all)?\s+cookies|cookie\s+(?:policy|settings|preferences|consent|notice)",
        r"like\s+this:?",
        r"loading\.{0,3}",
        r"(?:read\s+more|see\s+also|also\s+read|more\s+on\s+this\s+story|related):(?:\s+.{1,150})?",
        r"follow\s+us(?:\s+on\s+.{1,80})?",
        # "Follow Pam Key on Twitter @pamkeyNEN.", at times with a stray quote mark before it.
        r"[\"“]?follow\s+[^,;]{1,120}?\s+on\s+(?:twitter|facebook|instagram|x)(?::|\s+at)?\s+@\w+.{0,150}",
        r"skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|(?:main\s+)?menu",
        r"(?:tags|tagged|filed\s+under|posted\s+in|categories)\s*:.{0,150}",
        r"(?:previous|next)\s+(?:post|article|story)(?::.{0,150})?",
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.{0,150}",
        r".{0,100}\ball\s+rights\s+reserved\.?",
        r"image\s+(?:copyright|caption|source)\b.{0,150}",
    )
)


def _union(*groups: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    # One alternation is much faster than trying each pattern on every line.
    return re.compile("|".join(f"(?:{p.pattern})" for group in groups for p in group), re.IGNORECASE)


_COMMENT_BLOCK = _union(COMMENT_BLOCK_PATTERNS)
_TRAILING_BLOCK = _union(TRAILING_BLOCK_PATTERNS)
_DROPPED_LINE = _union(FURNITURE_PATTERNS, COMMENT_BLOCK_PATTERNS, TRAILING_BLOCK_PATTERNS)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[.'’\-][^\W\d_]+)*\.?"
_PLACE_JOIN = r"(?:\s+|\s*/\s*|,\s+)(?:(?:de|del|da|do|dos|das|la|le|les|el|of|upon)\s+)?"
_PLACE = rf"{_PLACE_WORD}(?:{_PLACE_JOIN}{_PLACE_WORD}){{0,5}}"
_DATE = rf",?\s+{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?"
_AGENCY = r"\([A-Z][\w&.'’ -]{0,40}\)"
DATELINE = re.compile(
    rf"(?P<dateline>{_PLACE}(?:{_DATE})?(?:\s*{_AGENCY})?|{_AGENCY})"
    r"(?:\s*[–—]\s*|\s+--?\s+)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)

_SENTENCE_END = (".", "!", "?")
_CLOSERS = "\"'”’)]"
_CONTINUATION_END = (",", ";", ":", "-", "–", "—")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_article(article: Article) -> CleanArticle:
    """Split off headline and dateline, drop page furniture, normalise blank lines."""
    text = article.text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _drop_furniture([line.rstrip() for line in text.split("\n")])
    title, lines = _split_headline(lines, article.title)
    dateline, lines = _split_dateline(lines)
    body = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return CleanArticle(
        id=article.id,
        text=body,
        source=article.source,
        title=title,
        dateline=dateline,
        url=article.url,
        published=article.published,
    )


def _drop_furniture(lines: list[str]) -> list[str]:
    """Drop furniture lines, and cut at a trailing comment or link-list block."""
    kept: list[str] = []
    has_body = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_FURNITURE_CHARS or not _DROPPED_LINE.fullmatch(stripped):
            kept.append(line)
            has_body = has_body or bool(stripped)
            continue
        if has_body and _COMMENT_BLOCK.fullmatch(stripped):
            break
        if has_body and _TRAILING_BLOCK.fullmatch(stripped) and not _has_prose(lines[index + 1 :]):
            break
        kept.append("")
    return kept


def _has_prose(lines: Sequence[str]) -> bool:
    for line in lines:
        stripped = line.strip()
        if len(stripped) >= _MIN_PROSE_CHARS or stripped.rstrip(_CLOSERS).endswith(_SENTENCE_END):
            return True
    return False


def _first_text_line(lines: Sequence[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return None


def _split_headline(lines: list[str], title: str | None) -> tuple[str | None, list[str]]:
    index = _first_text_line(lines)
    if index is None:
        return title, lines
    first = lines[index].strip()
    rest = lines[index + 1 :]
    if _first_text_line(rest) is None:
        # Never leave an empty body behind a headline.
        return title, lines
    if title is not None:
        return (title, rest) if _same_words(first, title) else (title, lines)
    next_line = rest[0] if rest else ""
    return (first, rest) if _looks_like_headline(first, next_line) else (None, lines)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _looks_like_headline(line: str, next_line: str) -> bool:
    if len(line) >= _MAX_HEADLINE_CHARS or DATELINE.match(line):
        return False
    next_blank = not next_line.strip()
    if not next_blank and (line.endswith(_CONTINUATION_END) or next_line.lstrip()[:1].islower()):
        # A hard-wrapped paragraph, not a headline.
        return False
    if not line.rstrip(_CLOSERS).endswith("."):
        return True
    # A headline that ends in a period must stand alone and be in Title Case,
    # so that a short first sentence of the story is not mistaken for one.
    return next_blank and _is_title_case(line)


def _is_title_case(line: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_]+", line) if len(word) > 3]
    if not words:
        return False
    return sum(word[0].isupper() for word in words) / len(words) >= _TITLE_CASE_SHARE


def _split_dateline(lines: list[str]) -> tuple[str | None, list[str]]:
    index = _first_text_line(lines)
    if index is None:
        return None, lines
    line = lines[index].lstrip()
    match = DATELINE.match(line)
    if match is None or len(match.group("dateline")) > _MAX_DATELINE_CHARS:
        return None, lines
    rest = line[match.end() :]
    if not rest.strip():
        return None, lines
    return match.group("dateline").strip(), [*lines[:index], rest, *lines[index + 1 :]]


def clean_articles(articles: Sequence[Article]) -> list[CleanArticle | ArticleFailure]:
    """:func:`clean_article` on each, in order; an article that cannot be cleaned becomes a failure naming it."""
    out: list[CleanArticle | ArticleFailure] = []
    for art in articles:
        try:
            out.append(clean_article(art))
        except (ValueError, FactcheckError) as err:
            out.append(ArticleFailure(art.source, f"{art.source}: cleanup failed: {err}"))
    return out
