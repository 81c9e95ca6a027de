"""PolNeAR (brat standoff) attributions as gold statements.

A split folder holds ``text/<article>.txt`` and
``attributions/<article>_<annotator>.ann``. In an ``.ann`` file, ``T`` lines are
spans (``T3<TAB>Content 315 448;463 553<TAB>text``; fragments may be
discontinuous and listed out of order) and ``E`` lines are the ``Attribution``
(or ``Attribution-no-source``) events that tie a Source, a Cue and one or more
Content spans (``Content``, ``Content2``...). Other lines (``A``, ``R``, ``#``...)
and other span types (``Discard``, ``Discuss``) are ignored.

PolNeAR has no coreference and no contradictions: a speaker is the Source span
as written (often a pronoun, sometimes absent) and articles have no pairs.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from factcheck.errors import InputError
from factcheck.evaluation.gold import GoldArticle, GoldStatement

_ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})
_ROLE_NUMBER = re.compile(r"\d+$")
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


@dataclasses.dataclass(frozen=True)
class BratSpan:
    """One ``T`` line: a typed span made of one or more (start, end) fragments, in file order."""

    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclasses.dataclass(frozen=True)
class BratEvent:
    """One ``E`` line: its trigger span id and (role, span id) arguments, role numbers dropped."""

    id: str
    type: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]


@dataclasses.dataclass(frozen=True)
class BratDocument:
    spans: dict[str, BratSpan]
    events: tuple[BratEvent, ...]


def load_polnear(split_dir: str | Path, *, limit: int | None = None) -> list[GoldArticle]:
    """Read a PolNeAR split (``dev``, ``train``...) as gold articles, in article-name order.

    Each attribution with a Content span becomes a ``GoldStatement``: ``sid`` is
    the event id, ``content`` the Content fragments in text order joined by a
    space, ``speaker`` and ``speaker_mention`` the Source text ('' when there is
    none), ``cue`` the Cue text, ``start``/``end`` the outer offsets of the
    content. Attributions without content are left out. When several annotators
    annotated one article, the first ``.ann`` file in name order is used.
    """
    articles = []
    for article_id, text in polnear_text_articles(split_dir, limit=limit):
        ann_path = _annotation_file(Path(split_dir), article_id)
        document = parse_ann(ann_path.read_text(encoding="utf-8"), source=str(ann_path), text=text)
        statements = tuple(_statements(document, text))
        articles.append(GoldArticle(id=article_id, text=text, statements=statements, pairs=()))
    return articles


def polnear_text_articles(split_dir: str | Path, *, limit: int | None = None) -> list[tuple[str, str]]:
    """Return ``(article_id, text)`` for each ``text/*.txt`` file of a split, in name order."""
    if limit is not None and limit < 0:
        raise InputError(str(split_dir), f"limit must be zero or more, got {limit}")
    text_dir = Path(split_dir) / "text"
    if not text_dir.is_dir():
        raise InputError(str(split_dir), "not a PolNeAR split: no text/ folder")
    paths = sorted(text_dir.glob("*.txt"))
    if limit is not None:
        paths = paths[:limit]
    return [(path.stem, _read_text(path)) for path in paths]


def parse_ann(ann: str, *, source: str, text: str | None = None) -> BratDocument:
    """Parse brat standoff; with ``text``, check that every span's offsets slice to its stored text."""
    spans: dict[str, BratSpan] = {}
    events: list[BratEvent] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        where = f"{source}:{number}"
        if line.startswith("T"):
            span = _span(line, where=where)
            if text is not None:
                _check_span(span, text, where=where)
            spans[span.id] = span
        elif line.startswith("E"):
            events.append(_event(line, where=where))
    for event in events:
        for _, span_id in ((event.type, event.trigger), *event.arguments):
            if span_id not in spans:
                raise InputError(source, f"event {event.id} refers to unknown span {span_id}")
    return BratDocument(spans=spans, events=tuple(events))


def _statements(document: BratDocument, text: str) -> list[GoldStatement]:
    statements = []
    for event in document.events:
        if event.type not in _ATTRIBUTION_TYPES:
            continue
        roles: dict[str, list[BratSpan]] = {"Source": [], "Cue": [], "Content": []}
        for role, span_id in event.arguments:
            if role in roles:
                roles[role].append(document.spans[span_id])
        content = _fragments(roles["Content"])
        if not content:
            continue
        speaker = _joined(_fragments(roles["Source"]), text)
        statements.append(
            GoldStatement(
                sid=event.id,
                speaker=speaker,
                content=_joined(content, text),
                speaker_mention=speaker,
                cue=_joined(_fragments(roles["Cue"]), text),
                start=content[0][0],
                end=max(end for _, end in content),
            )
        )
    return statements


def _fragments(spans: list[BratSpan]) -> list[tuple[int, int]]:
    return sorted(fragment for span in spans for fragment in span.fragments)


def _joined(fragments: list[tuple[int, int]], text: str) -> str:
    return " ".join(text[start:end] for start, end in fragments)


def _span(line: str, *, where: str) -> BratSpan:
    fields = line.split("\t")
    if len(fields) != 3:
        raise InputError(where, "a T line needs three tab-separated fields")
    span_id, head, span_text = fields
    span_type, _, offsets = head.partition(" ")
    fragments = []
    for part in offsets.split(";"):
        bounds = part.split()
        if len(bounds) != 2 or not all(bound.isdigit() for bound in bounds):
            raise InputError(where, f"bad span offsets {offsets!r}")
        start, end = int(bounds[0]), int(bounds[1])
        if start > end:
            raise InputError(where, f"span fragment ends before it starts: {part!r}")
        fragments.append((start, end))
    return BratSpan(id=span_id, type=span_type, fragments=tuple(fragments), text=span_text)


def _event(line: str, *, where: str) -> BratEvent:
    fields = line.split("\t")
    if len(fields) < 2:
        raise InputError(where, "an E line needs an id and a tab-separated body")
    parts = fields[1].split()
    if not parts or ":" not in parts[0]:
        raise InputError(where, "an E line must start with TYPE:TRIGGER")
    event_type, _, trigger = parts[0].partition(":")
    arguments = []
    for part in parts[1:]:
        role, sep, span_id = part.partition(":")
        if not sep or not span_id:
            raise InputError(where, f"bad event argument {part!r}")
        arguments.append((_ROLE_NUMBER.sub("", role), span_id))
    return BratEvent(id=fields[0], type=event_type, trigger=trigger, arguments=tuple(arguments))


def _check_span(span: BratSpan, text: str, *, where: str) -> None:
    if any(end > len(text) for _, end in span.fragments):
        raise InputError(where, f"span {span.id} ends past the end of the text ({len(text)} characters)")
    if " ".join(text[start:end] for start, end in span.fragments) != span.text:
        raise InputError(where, f"span {span.id} offsets do not slice the text to its stored text")


def _annotation_file(split_dir: Path, article_id: str) -> Path:
    candidates = sorted(
        path
        for path in (split_dir / "attributions").glob(f"{article_id}*.ann")
        if _ANNOTATOR_SUFFIX.sub("", path.stem) == article_id
    )
    if not candidates:
        raise InputError(str(split_dir / "attributions"), f"no .ann file for article {article_id}")
    return candidates[0]


def _read_text(path: Path) -> str:
    try:
        # newline="" keeps "\r\n" as two characters, as brat offsets count them.
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as err:
        raise InputError(str(path), f"cannot read file: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not valid UTF-8 at byte {err.start}") from err
