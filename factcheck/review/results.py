"""Read the JSONL that ``factcheck run`` writes back into ``ArticleResult`` records."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import InputError
from factcheck.records import ArticleResult, Pair, Statement

T = TypeVar("T")

_ARTICLE_TEXT_FIELDS = ("title", "dateline", "url", "published")
# Annotation (a string, under postponed evaluation) to the JSON types it accepts.
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "Kind": (str,),
    "Stance": (str,),
    "Relation": (str,),
    "int": (int,),
    "float": (int, float),
    "dict[str, float]": (dict,),
    "tuple[str, ...]": (tuple,),
}


def read_results(paths: Sequence[Path]) -> Iterator[ArticleResult]:
    """Yield one ``ArticleResult`` per non-blank line of each results file."""
    for path in paths:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as err:
            raise InputError(str(path), f"cannot read results file: {err.strerror or err}") from err
        with handle:
            for lineno, line in enumerate(handle, start=1):
                if line.strip():
                    yield parse_result_line(line, source=f"{path}:{lineno}")


def parse_result_line(line: str, *, source: str) -> ArticleResult:
    """Parse one results line; ``source`` names it in error messages."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(source, f"invalid JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(data, dict):
        raise InputError(source, "expected a JSON object per line")
    article_id = data.get("article_id")
    if not isinstance(article_id, str) or not article_id:
        raise InputError(source, "missing article_id")
    statements = tuple(
        _record(Statement, s, source=source, what="statement") for s in _items(data, "statements", source)
    )
    pairs = tuple(_record(Pair, p, source=source, what="pair") for p in _items(data, "pairs", source))
    known = {s.id for s in statements}
    for pair in pairs:
        missing = sorted({pair.a, pair.b} - known)
        if missing:
            raise InputError(source, f"pair {pair.a}-{pair.b} names unknown statement(s) {', '.join(missing)}")
    text_fields = {name: _optional_str(data.get(name), name, source) for name in _ARTICLE_TEXT_FIELDS}
    model = data.get("model") or {}
    if not isinstance(model, dict):
        raise InputError(source, "model must be an object")
    return ArticleResult(
        article_id=article_id,
        statements=statements,
        pairs=pairs,
        model={str(k): str(v) for k, v in model.items()},
        text=str(data.get("text") or ""),
        source=str(data.get("source") or ""),
        **text_fields,
    )


def _items(data: Mapping[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise InputError(source, f"{key} must be a list")
    return value


def _optional_str(value: Any, name: str, source: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(source, f"{name} must be a string or null")


def _check_fields(record: object, *, source: str, what: str) -> None:
    """Check the JSON types of a record's fields against its annotations."""
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, field.name)
        expected = _JSON_TYPES.get(str(field.type))
        if expected is None:
            continue
        if isinstance(value, bool) or not isinstance(value, expected):
            raise InputError(source, f"{what} {_label(record)}: {field.name} has the wrong type")
        if isinstance(value, tuple) and not all(isinstance(item, str) for item in value):
            raise InputError(source, f"{what} {_label(record)}: {field.name} must hold strings")
    probs = getattr(record, "nli", {})
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in probs.values()):
        raise InputError(source, f"{what}: nli probabilities must be numbers")


def _label(record: object) -> str:
    if isinstance(record, Pair):
        return f"{record.a!r}-{record.b!r}"
    return repr(getattr(record, "id", ""))


def _record(cls: type[T], value: Any, *, source: str, what: str) -> T:
    if not isinstance(value, dict):
        raise InputError(source, f"each {what} must be an object")
    types = {f.name: str(f.type) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: v for k, v in value.items() if k in types}
    for name, hint in types.items():
        # JSON has no tuples: a tuple field such as Statement.keywords comes back as a list.
        if hint.startswith("tuple[") and isinstance(kwargs.get(name), list):
            kwargs[name] = tuple(kwargs[name])
    try:
        record = cls(**kwargs)
    except TypeError as err:
        raise InputError(source, f"invalid {what}: {err}") from err
    _check_fields(record, source=source, what=what)
    return record
