from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from factcheck.records import ArticleResult
from factcheck.review import bind, server, store
from factcheck.review.app import create_app
from factcheck.review.errors import ReviewError
from factcheck.review.server import serve
from factcheck.review.settings import DeskConfig

LOCAL = "http://127.0.0.1"
DESK = DeskConfig(name="Test desk", url="https://desk.example.org/reviews")


def _client(db: Path, *, token: str | None = None, base_url: str = LOCAL) -> TestClient:
    return TestClient(create_app(db, token=token, desk=DESK), base_url=base_url)


def _row_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-pair-id="(\d+)"', html)]


def _verdicts(db: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(db) as conn:
        return [tuple(r) for r in conn.execute("SELECT pair_id, verdict, reviewer FROM verdicts ORDER BY id")]


@pytest.fixture
def two_article_db(
    make_db: Callable[[Sequence[ArticleResult]], Path], seed_article: ArticleResult, hostile_article: ArticleResult
) -> Path:
    return make_db([seed_article, hostile_article])


def test_queue_lists_pairs_by_score_descending(two_article_db: Path) -> None:
    page = _client(two_article_db).get("/")
    assert page.status_code == 200
    # pair ids follow load order (seed 0.81 -> 1, seed 0.58 -> 2, hostile 0.95 -> 3)
    assert _row_ids(page.text) == [3, 1, 2]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"article": "seed-000"}, [1, 2]),
        ({"article": "hostile-1"}, [3]),
        ({"speaker": "Miguel Agustin Pro Juarez Human Rights Center"}, [1, 2]),
        ({"speaker": "Ricardo Sanchez", "relation": "contradiction"}, [2]),
        ({"relation": "rebuttal"}, [1]),
        ({"status": "unreviewed"}, [3, 2]),
        ({"status": "reviewed"}, [1]),
        ({"status": "confirm"}, [1]),
        ({"status": "reject"}, []),
        ({"status": "no-such-status"}, [3, 1, 2]),
    ],
)
def test_queue_filters(two_article_db: Path, params: dict[str, str], expected: list[int]) -> None:
    with store.session(two_article_db) as conn:
        store.add_verdict(conn, 1, verdict="confirm", reviewer="Ana")
    page = _client(two_article_db).get("/", params=params)
    assert page.status_code == 200
    assert _row_ids(page.text) == expected


def test_pair_page_marks_both_statements_in_the_article(two_article_db: Path, seed_article: ArticleResult) -> None:
    a, b = seed_article.statements[0], seed_article.statements[2]
    html = _client(two_article_db).get("/pairs/1").text
    assert f'<mark class="hl-a" id="stmt-a">{a.content}</mark>' in html
    assert f'<mark class="hl-b" id="stmt-b">{b.content}</mark>' in html
    for shown in (
        "Ricardo Sanchez",
        "Miguel Agustin Pro Juarez Human Rights Center",
        "a statement from the center",
        "assert",
        "reject",
        "contradiction",
        "0.740",
        "reject cue answering an announcement",
    ):
        assert shown in html
    assert 'id="next-link" href="/pairs/2"' in html  # n goes to the next pair in queue order


def test_next_link_keeps_the_queue_filter(two_article_db: Path) -> None:
    html = _client(two_article_db).get("/pairs/3", params={"article": "hostile-1"}).text
    assert 'id="next-link"' not in html
    html = _client(two_article_db).get("/pairs/3", params={"status": "unreviewed"}).text
    assert 'id="next-link" href="/pairs/1?status=unreviewed"' in html


def test_untrusted_text_is_escaped_on_every_page(two_article_db: Path, hostile_text: str) -> None:
    client = _client(two_article_db)
    client.post("/pairs/3/verdict", data={"verdict": "skip", "reviewer": f"Eve {hostile_text}", "note": hostile_text})
    pages = [client.get("/").text, client.get("/pairs/3").text, client.get("/", params={"speaker": hostile_text}).text]
    for html in pages:
        assert "<script>alert(1)" not in html
        assert '" onmouseover="x' not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x" in html
    pair = pages[1]
    # the only scripts are the desk's own file; the hostile url is shown as text, never as a link
    assert re.findall(r"<script[^>]*>", pair) == ['<script src="/static/keys.js" defer>']
    assert 'href="javascript:' not in pair
    assert '<mark class="hl-a" id="stmt-a">The budget &lt;script&gt;' in pair


def test_pages_send_a_restrictive_content_security_policy(two_article_db: Path) -> None:
    response = _client(two_article_db).get("/pairs/1")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_verdict_post_records_and_redirects_back(two_article_db: Path) -> None:
    client = _client(two_article_db)
    response = client.post(
        "/pairs/2/verdict",
        data={"verdict": "reject", "reviewer": " Ana ", "note": "not the same claim", "next": "/?status=unreviewed"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?status=unreviewed"
    assert _verdicts(two_article_db) == [(2, "reject", "Ana")]
    html = client.get("/pairs/2").text
    assert "not the same claim" in html and 'value="Ana"' in html  # history, and the reviewer is remembered


@pytest.mark.parametrize(
    ("pair", "data", "status"),
    [
        (1, {"verdict": "confirm", "reviewer": ""}, 400),
        (1, {"verdict": "confirm"}, 400),
        (1, {"verdict": "maybe", "reviewer": "Ana"}, 400),
        (42, {"verdict": "confirm", "reviewer": "Ana"}, 404),
    ],
)
def test_bad_verdict_posts_store_nothing(two_article_db: Path, pair: int, data: dict[str, str], status: int) -> None:
    response = _client(two_article_db).post(f"/pairs/{pair}/verdict", data=data)
    assert response.status_code == status
    assert _verdicts(two_article_db) == []


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x"])
def test_verdict_redirect_stays_on_the_desk(two_article_db: Path, target: str) -> None:
    response = _client(two_article_db).post(
        "/pairs/1/verdict", data={"verdict": "skip", "reviewer": "Ana", "next": target}, follow_redirects=False
    )
    assert response.headers["location"] == "/pairs/1"


def test_unknown_pair_page_is_404(two_article_db: Path) -> None:
    assert _client(two_article_db).get("/pairs/999").status_code == 404


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_serve_refuses_a_public_address_without_a_token(tmp_path: Path, results_file: Path, host: str) -> None:
    db = tmp_path / "review.sqlite"
    with pytest.raises(ReviewError) as err:
        serve([results_file], db=db, host=host, port=0, token=None)
    assert str(err.value) == (f"refusing to bind {host} without a token: pass --token or set FACTCHECK_REVIEW_TOKEN")
    assert not db.exists()  # refused before loading anything


@pytest.mark.parametrize(
    ("host", "token", "allowed"),
    [
        ("127.0.0.1", None, True),
        ("localhost", None, True),
        ("::1", None, True),
        ("[::1]", None, True),
        ("0.0.0.0", None, False),
        ("0.0.0.0", "", False),
        ("0.0.0.0", "s3cret", True),
    ],
)
def test_check_bind(host: str, token: str | None, allowed: bool) -> None:
    if allowed:
        bind.check_bind(host, token)
    else:
        with pytest.raises(ReviewError, match="refusing to bind"):
            bind.check_bind(host, token)


def test_token_is_required_on_every_request(seed_db: Path) -> None:
    client = _client(seed_db, token="s3cret", base_url="http://review.example.org")
    assert client.get("/").status_code == 401
    assert client.get("/pairs/1").status_code == 401
    assert client.get("/static/keys.js").status_code == 401
    assert client.post("/pairs/1/verdict", data={"verdict": "confirm", "reviewer": "Ana"}).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert _verdicts(seed_db) == []


def test_login_sets_a_cookie_that_authorizes_later_requests(seed_db: Path) -> None:
    client = _client(seed_db, token="s3cret", base_url="http://review.example.org")
    assert client.get("/login", params={"token": "wrong"}).status_code == 401
    login = client.get("/login", params={"token": "s3cret"}, follow_redirects=False)
    assert login.status_code == 303
    assert "httponly" in login.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200
    assert client.post("/pairs/1/verdict", data={"verdict": "confirm", "reviewer": "Ana"}).status_code == 200
    assert _verdicts(seed_db) == [(1, "confirm", "Ana")]


def test_without_a_token_only_loopback_host_names_are_answered(seed_db: Path) -> None:
    # a page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host
    assert _client(seed_db, base_url="http://rebound.example.org:8000").get("/").status_code == 403
    assert _client(seed_db, base_url="http://localhost:8000").get("/").status_code == 200
    assert _client(seed_db, base_url="http://[::1]:8000").get("/").status_code == 200


def test_cross_site_posts_are_refused(seed_db: Path) -> None:
    client = _client(seed_db)
    data = {"verdict": "confirm", "reviewer": "Ana"}
    assert client.post("/pairs/1/verdict", data=data, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.post("/pairs/1/verdict", data=data, headers={"Origin": LOCAL}).status_code == 200
    assert _verdicts(seed_db) == [(1, "confirm", "Ana")]


def test_parallel_verdicts_over_http_are_all_stored(seed_db: Path, live_server: Callable[[FastAPI], str]) -> None:
    base = live_server(create_app(seed_db, token=None, desk=DESK))
    barrier = threading.Barrier(20)
    statuses: list[int] = []
    lock = threading.Lock()

    def post(i: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            barrier.wait()
            response = client.post(
                f"/pairs/{1 + i % 2}/verdict",
                data={"verdict": ("confirm", "reject", "skip")[i % 3], "reviewer": f"reviewer-{i}"},
                follow_redirects=False,
            )
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [303] * 20
    stored = _verdicts(seed_db)
    assert len(stored) == 20
    assert sorted(r[2] for r in stored) == sorted(f"reviewer-{i}" for i in range(20))


def test_serve_loads_results_then_runs_uvicorn(
    tmp_path: Path, results_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[tuple[FastAPI, str, int]] = []

    def fake_run(app: FastAPI, *, host: str, port: int, log_level: str) -> None:
        ran.append((app, host, port))

    monkeypatch.setattr(server.uvicorn, "run", fake_run)
    db = tmp_path / "review.sqlite"
    serve([results_file, results_file], db=db, host="[::1]", port=8765, token=None, desk=DESK)

    ((app, host, port),) = ran
    assert (host, port) == ("::1", 8765)
    assert _row_ids(TestClient(app, base_url=LOCAL).get("/").text) == [1, 2]  # loaded twice, listed once


def test_login_tokens_are_redacted_from_the_access_log() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/login?token=s3cret&x=1", "1.1", 303),
        None,
    )
    assert server.RedactTokens().filter(record)
    assert "s3cret" not in record.getMessage()
    assert "/login?token=[redacted]&x=1" in record.getMessage()
