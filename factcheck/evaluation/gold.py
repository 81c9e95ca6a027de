"""Gold annotations: the statements of an article and the contradictions among them.

A gold file is one JSON object per article::

    {"id": "...", "text": "... (optional)",
     "statements": [{"sid", "speaker", "content", "speaker_mention", "cue",
                     "kind", "stance", "optional", "start", "end"}, ...],
     "contradictions": [{"a", "b", "tier", "why"}, ...]}

Only ``id``, ``statements`` (each with ``sid``, ``speaker`` and ``content``) and
the ``a``/``b`` of each contradiction are required; other keys are ignored.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

MUST = "must"


@dataclasses.dataclass(frozen=True)
class GoldStatement:
    """One attributed statement as annotated by a person."""

    sid: str
    speaker: str
    content: str
    speaker_mention: str = ""
    cue: str = ""
    kind: str = ""
    stance: str = ""
    optional: bool = False
    start: int = -1
    end: int = -1


@dataclasses.dataclass(frozen=True)
class GoldPair:
    """Two gold statements (by ``sid``) that contradict or rebut each other; order does not matter."""

    a: str
    b: str
    tier: str = MUST
    why: str = ""


@dataclasses.dataclass(frozen=True)
class GoldArticle:
    """One article's gold: its text when known, its statements and its contradiction pairs."""

    id: str
    text: str | None
    statements: tuple[GoldStatement, ...]
    pairs: tuple[GoldPair, ...]


def load_gold_file(path: str | Path) -> GoldArticle:
    """Read one gold JSON file; raise ``InputError`` naming the file when it is not valid gold."""
    source = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise InputError(source, "file not found") from err
    except OSError as err:
        raise InputError(source, f"cannot read file: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise InputError(source, f"not valid UTF-8 at byte {err.start}") from err
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(source, f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}") from err
    return gold_from_json(record, source=source)


def load_gold_dir(path: str | Path) -> list[GoldArticle]:
    """Read every ``*.json`` file of a folder, in file-name order."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of gold files")
    articles = [load_gold_file(file) for file in sorted(folder.glob("*.json"))]
    seen: dict[str, int] = {}
    for article in articles:
        seen[article.id] = seen.get(article.id, 0) + 1
    repeated = sorted(key for key, count in seen.items() if count > 1)
    if repeated:
        raise InputError(str(folder), f"article id {repeated[0]!r} appears in more than one gold file")
    return articles


def gold_from_json(record: object, *, source: str) -> GoldArticle:
    """Build a ``GoldArticle`` from a decoded gold object; ``source`` names it in error messages."""
    if not isinstance(record, Mapping):
        raise InputError(source, f"expected a JSON object, got {_json_type(record)}")
    article_id = record.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int) or str(article_id) == "":
        raise InputError(source, "missing or empty 'id' (a string or number)")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(source, f"'text' must be a string, got {_json_type(text)}")
    statements = tuple(
        _statement(item, where=f"{source}: statements[{index}]")
        for index, item in enumerate(_list(record, "statements", source=source, required=True))
    )
    sids: set[str] = set()
    for statement in statements:
        if statement.sid in sids:
            raise InputError(source, f"statement sid {statement.sid!r} is used twice")
        sids.add(statement.sid)
    pairs = tuple(
        _pair(item, where=f"{source}: contradictions[{index}]", sids=frozenset(sids))
        for index, item in enumerate(_list(record, "contradictions", source=source, required=False))
    )
    seen: set[frozenset[str]] = set()
    for pair in pairs:
        key = frozenset((pair.a, pair.b))
        if key in seen:
            raise InputError(source, f"contradiction {pair.a}-{pair.b} is listed twice")
        seen.add(key)
    return GoldArticle(id=str(article_id), text=text, statements=statements, pairs=pairs)


def _list(record: Mapping[str, Any], key: str, *, source: str, required: bool) -> list[Any]:
    value = record.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        shown = "missing" if value is None else f"a {_json_type(value)}"
        raise InputError(source, f"'{key}' must be a list, got {shown}")
    return value


def _statement(item: object, *, where: str) -> GoldStatement:
    if not isinstance(item, Mapping):
        raise InputError(where, f"expected an object, got {_json_type(item)}")
    sid = item.get("sid")
    if isinstance(sid, bool) or not isinstance(sid, str | int) or str(sid) == "":
        raise InputError(where, "missing or empty 'sid'")
    content = _text(item, "content", where=where)
    if not content.strip():
        raise InputError(where, "empty 'content'")
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise InputError(where, f"'optional' must be true or false, got {_json_type(optional)}")
    return GoldStatement(
        sid=str(sid),
        speaker=_text(item, "speaker", where=where),
        content=content,
        speaker_mention=_text(item, "speaker_mention", where=where),
        cue=_text(item, "cue", where=where),
        kind=_text(item, "kind", where=where),
        stance=_text(item, "stance", where=where),
        optional=optional,
        start=_offset(item, "start", where=where),
        end=_offset(item, "end", where=where),
    )


def _pair(item: object, *, where: str, sids: frozenset[str]) -> GoldPair:
    if not isinstance(item, Mapping):
        raise InputError(where, f"expected an object, got {_json_type(item)}")
    ends: list[str] = []
    for key in ("a", "b"):
        value = item.get(key)
        if value is None or str(value) not in sids:
            raise InputError(where, f"'{key}' must be the sid of a statement of the article, got {value!r}")
        ends.append(str(value))
    if ends[0] == ends[1]:
        raise InputError(where, f"a statement cannot contradict itself ({ends[0]!r})")
    # Any tier name is accepted ("should", "could", ...); only "must" is scored apart.
    tier = _text(item, "tier", where=where) or MUST
    return GoldPair(a=ends[0], b=ends[1], tier=tier, why=_text(item, "why", where=where))


def _text(item: Mapping[str, Any], key: str, *, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(where, f"'{key}' must be a string, got {_json_type(value)}")
    return value


def _offset(item: Mapping[str, Any], key: str, *, where: str) -> int:
    value = item.get(key, -1)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(where, f"'{key}' must be an integer character offset, got {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"
