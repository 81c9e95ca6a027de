"""The review desk's web app: a queue of pairs, one page per pair, verdict posts.

Pages are rendered on the server from Jinja2 templates with autoescape on;
every piece of article text reaches HTML through it. The only script is the
keyboard shortcut file under ``static/``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote, urlencode, urlsplit

import jinja2
from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from factcheck.review import guard, queries, store
from factcheck.review.bind import normalize_token
from factcheck.review.errors import ReviewError, UnknownPairError
from factcheck.review.highlight import highlight
from factcheck.review.settings import DeskConfig

HERE = Path(__file__).resolve().parent
QUEUE_LIMIT = 500
REVIEWER_COOKIE = "factcheck_reviewer"
_YEAR_S = 365 * 24 * 3600


@dataclasses.dataclass(frozen=True)
class _Desk:
    """What every handler needs: where the data is, who the desk is, how to render."""

    db: Path
    config: DeskConfig
    templates: Jinja2Templates
    token: str | None

    def render(self, request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> Response:
        return self.templates.TemplateResponse(request, name, {"desk": self.config, **context}, status_code=status_code)

    def error(self, request: Request, message: str, *, status_code: int) -> Response:
        return self.render(request, "error.html", {"message": message}, status_code=status_code)


def create_app(db_path: Path, *, token: str | None, desk: DeskConfig) -> FastAPI:
    """Build the review app over ``db_path`` (its schema is created when missing).

    ``token`` None means no authentication: only serve such an app on loopback
    (``factcheck.review.server.serve`` enforces this).
    """
    store.init_db(db_path)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    state = _Desk(db=db_path, config=desk, templates=Jinja2Templates(env=env), token=normalize_token(token))
    app = FastAPI(title=desk.name, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = state
    app.add_middleware(guard.AccessGuard, token=state.token)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route("/", queue_page, methods=["GET"])
    app.add_api_route("/pairs/{pair_id}", pair_page, methods=["GET"])
    app.add_api_route("/pairs/{pair_id}/verdict", post_verdict, methods=["POST"])
    app.add_api_route(guard.LOGIN_PATH, login, methods=["GET"])
    return app


def _desk(request: Request) -> _Desk:
    return request.app.state.desk  # type: ignore[no-any-return]


def _filter(article: str, speaker: str, relation: str, status: str) -> queries.QueueFilter:
    return queries.QueueFilter(
        article=article, speaker=speaker, relation=relation, status=status if status in queries.STATUSES else ""
    )


def _query_string(flt: queries.QueueFilter) -> str:
    params = flt.params()
    return f"?{urlencode(params)}" if params else ""


def _reviewer(request: Request, desk: _Desk) -> str:
    saved = request.cookies.get(REVIEWER_COOKIE)
    return unquote(saved) if saved else desk.config.reviewer_default


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None (a results file could carry ``javascript:``)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _local_path(target: str) -> str | None:
    """``target`` when it is a path on this server, so a verdict post cannot redirect elsewhere."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target


def queue_page(
    request: Request,
    article: Annotated[str, Query()] = "",
    speaker: Annotated[str, Query()] = "",
    relation: Annotated[str, Query()] = "",
    status: Annotated[str, Query()] = "",
) -> Response:
    """All pairs, best score first, narrowed by the GET filters."""
    desk = _desk(request)
    flt = _filter(article, speaker, relation, status)
    with store.session(desk.db) as conn:
        rows, total = queries.list_queue(conn, flt, limit=QUEUE_LIMIT)
        choices = queries.filter_choices(conn)
    query = _query_string(flt)
    return desk.render(
        request,
        "queue.html",
        {
            "rows": rows,
            "total": total,
            "filter": flt,
            "choices": choices,
            "statuses": queries.STATUSES,
            "query": query,
            "here": f"/{query}",
            "reviewer": _reviewer(request, desk),
        },
    )


def pair_page(
    request: Request,
    pair_id: int,
    article: Annotated[str, Query()] = "",
    speaker: Annotated[str, Query()] = "",
    relation: Annotated[str, Query()] = "",
    status: Annotated[str, Query()] = "",
) -> Response:
    """One pair: both statements in the article, their attributes, the verdict form and history."""
    desk = _desk(request)
    flt = _filter(article, speaker, relation, status)
    with store.session(desk.db) as conn:
        detail = queries.get_pair(conn, pair_id)
        if detail is None:
            return desk.error(request, f"no pair with id {pair_id}", status_code=404)
        next_id = queries.neighbour_pair_id(conn, pair_id, flt, forward=True)
        prev_id = queries.neighbour_pair_id(conn, pair_id, flt, forward=False)
    query = _query_string(flt)
    return desk.render(
        request,
        "pair.html",
        {
            "detail": detail,
            "segments": highlight(detail.article.text, detail.a, detail.b),
            "article_link": safe_link(detail.article.url),
            "nli": sorted(detail.pair.nli.items()),
            "query": query,
            "here": f"/pairs/{pair_id}{query}",
            "next_id": next_id,
            "prev_id": prev_id,
            "reviewer": _reviewer(request, desk),
        },
    )


def post_verdict(
    request: Request,
    pair_id: int,
    verdict: Annotated[str, Form()] = "",
    reviewer: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    next_url: Annotated[str, Form(alias="next")] = "",
) -> Response:
    """Record a verdict, then go back to the page it came from (303, so a reload does not post again)."""
    desk = _desk(request)
    try:
        with store.session(desk.db) as conn:
            store.add_verdict(conn, pair_id, verdict=verdict, reviewer=reviewer, note=note)
    except UnknownPairError as err:
        return desk.error(request, str(err), status_code=404)
    except ReviewError as err:
        return desk.error(request, str(err), status_code=400)
    except sqlite3.OperationalError as err:
        return desk.error(request, f"the review database is busy, try again: {err}", status_code=503)
    response = RedirectResponse(_local_path(next_url) or f"/pairs/{pair_id}", status_code=303)
    response.set_cookie(REVIEWER_COOKIE, quote(reviewer.strip()), max_age=_YEAR_S, httponly=True, samesite="strict")
    return response


def login(request: Request, token: Annotated[str, Query()] = "") -> Response:
    """Check the token once and keep it in a cookie for the pages that follow."""
    desk = _desk(request)
    if desk.token is None:
        return RedirectResponse("/", status_code=303)
    if not guard.token_matches(token, desk.token):
        return desk.error(request, "unauthorized: wrong token", status_code=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(guard.COOKIE_NAME, desk.token, httponly=True, samesite="strict")
    return response
