"""Results built by hand from the seed article, and a live uvicorn server for HTTP tests.

Tests use these through fixtures only: ``tests/conftest.py`` is also a module
named ``conftest``, so importing from here by name would be fragile.
"""

from __future__ import annotations

import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from factcheck.records import ArticleResult, Pair, Statement
from factcheck.review import store
from factcheck.review.results import read_results

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_8729996764f22b25.txt"
HOSTILE = '<script>alert(1)</script>" onmouseover="x'


def _word(text: str, word: str, start: int) -> int:
    found = re.compile(rf"\b{re.escape(word)}\b").search(text, start)
    return found.start() if found else -1


def _statement(
    text: str,
    sid: str,
    *,
    speaker: str,
    mention: str,
    cue: str,
    kind: str,
    stance: str,
    content: str,
    sentence: str,
    keywords: tuple[str, ...] = (),
) -> Statement:
    """A statement whose offsets are found in ``text``, the way the pipeline reports them."""
    sentence_start = text.index(sentence)
    start = text.index(content, sentence_start)
    speaker_start = _word(text, mention, sentence_start)
    cue_start = _word(text, cue, sentence_start)
    return Statement(
        id=sid,
        speaker=speaker,
        speaker_mention=mention,
        cue=cue,
        kind=kind,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        content=content,
        sentence=sentence,
        start=start,
        end=start + len(content),
        cue_lemma="deny" if cue == "denies" else "say",
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(mention) if speaker_start >= 0 else -1,
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue_start >= 0 else -1,
        sentence_start=sentence_start,
        keywords=keywords,
    )


def seed_result() -> ArticleResult:
    """The seed article with four statements and two scored pairs."""
    title, _, rest = SEED.read_text(encoding="utf-8").partition("\n")
    body = rest.strip().split("\n\n0 replies")[0]
    dateline, _, text = body.partition(" \u2013 ")
    sanchez = _statement(
        text,
        "s1",
        speaker="Ricardo Sanchez",
        mention="he",
        cue="said",
        kind="direct",
        stance="assert",
        content="Cases of alleged spying on people in the public eye have occurred recently in other countries, "
        "and we are acting based on that international experience",
        sentence="\u201cCases of alleged spying on people in the public eye have occurred recently in other countries, "
        "and we are acting based on that international experience,\u201d he said.",
        keywords=("spying", "international", "experience"),
    )
    center = "Miguel Agustin Pro Juarez Human Rights Center"
    prosecutors = _statement(
        text,
        "s2",
        speaker=center,
        mention=f"the {center}",
        cue="said",
        kind="mixed",
        stance="reject",
        content="have not clarified what type of technical assistance they will request",
        sentence="Prosecutors \u201chave not clarified what type of technical assistance they will request,\u201d said "
        f"the {center}, whose executive director is among the alleged spying victims.",
    )
    panel = _statement(
        text,
        "s3",
        speaker=center,
        mention="a statement from the center",
        cue="said",
        kind="direct",
        stance="reject",
        content="This does not meet our demand for the establishment of an independent panel of experts",
        sentence="\u201cThis does not meet our demand for the establishment of an independent panel of experts,\u201d "
        "said a statement from the center",
        keywords=("independent", "panel", "experts"),
    )
    government = _statement(
        text,
        "s4",
        speaker="Mexican government",
        mention="The government",
        cue="denies",
        kind="indirect",
        stance="deny",
        content="the software an Ilisrae program called Pegasus was used on the plaintiffs",
        sentence="The government denies the software an Ilisrae program called Pegasus was used on the plaintiffs.",
    )
    return ArticleResult(
        article_id="seed-000",
        statements=(sanchez, prosecutors, panel, government),
        pairs=(
            Pair(
                a="s1",
                b="s3",
                relation="rebuttal",
                score=0.81,
                nli={"contradiction": 0.74, "neutral": 0.21, "entailment": 0.05},
                topic_score=0.62,
                reason="reject cue answering an announcement",
            ),
            Pair(
                a="s1",
                b="s2",
                relation="contradiction",
                score=0.58,
                nli={"contradiction": 0.58, "neutral": 0.35, "entailment": 0.07},
                topic_score=0.55,
                reason="nli contradiction",
            ),
        ),
        model={"id": "embedded", "revision": "test"},
        text=text,
        title=title.strip(),
        dateline=dateline.strip(),
        url="https://example.org/news/mexico-fbi-spying",
        published="2017-06-29",
        source=str(SEED),
    )


def hostile_result() -> ArticleResult:
    """An article whose text, speakers and contents try to break out of HTML."""
    claim = f"The budget {HOSTILE} is balanced"
    answer = f"That is false {HOSTILE}"
    text = f"Minister {HOSTILE} said: {claim}. The auditor replied: {answer}."

    def stmt(sid: str, speaker: str, content: str) -> Statement:
        start = text.index(content)
        return Statement(
            id=sid,
            speaker=speaker,
            speaker_mention=speaker,
            cue="said",
            kind="direct",
            stance="assert",
            content=content,
            sentence=text,
            start=start,
            end=start + len(content),
        )

    return ArticleResult(
        article_id="hostile-1",
        statements=(stmt("h1", f"Minister {HOSTILE}", claim), stmt("h2", f"Auditor {HOSTILE}", answer)),
        pairs=(Pair(a="h1", b="h2", relation="contradiction", score=0.95, nli={"contradiction": 0.95}),),
        model={"id": "embedded"},
        text=text,
        title=f"Title {HOSTILE}",
        url="javascript:alert(1)",
        source="hostile.txt",
    )


def _write_results(path: Path, results: Sequence[ArticleResult]) -> Path:
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in results), encoding="utf-8")
    return path


@pytest.fixture
def seed_article() -> ArticleResult:
    return seed_result()


@pytest.fixture
def hostile_article() -> ArticleResult:
    return hostile_result()


@pytest.fixture
def hostile_text() -> str:
    return HOSTILE


@pytest.fixture
def make_results(tmp_path: Path) -> Callable[[Sequence[ArticleResult]], Path]:
    """Write results as ``factcheck run`` does: one JSON object per line."""
    count = itertools.count()

    def make(results: Sequence[ArticleResult]) -> Path:
        return _write_results(tmp_path / f"results-{next(count)}.jsonl", results)

    return make


@pytest.fixture
def make_db(tmp_path: Path) -> Callable[[Sequence[ArticleResult]], Path]:
    """A fresh review database loaded with ``results``."""
    count = itertools.count()

    def make(results: Sequence[ArticleResult]) -> Path:
        db = tmp_path / f"review-{next(count)}.sqlite"
        store.init_db(db)
        store.load_results(db, results)
        return db

    return make


@pytest.fixture
def results_file(make_results: Callable[[Sequence[ArticleResult]], Path]) -> Path:
    return make_results([seed_result()])


@pytest.fixture
def seed_db(make_db: Callable[[Sequence[ArticleResult]], Path], results_file: Path) -> Path:
    """The seed results, read back from their JSONL file and loaded."""
    return make_db(list(read_results([results_file])))


@pytest.fixture
def live_server() -> Iterator[Callable[[FastAPI], str]]:
    """Start apps under a real uvicorn on 127.0.0.1, a free port each; returns the base URL."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(app: FastAPI) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
