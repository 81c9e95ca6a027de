"""Load results into the review database and serve the desk with uvicorn."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from factcheck.review import store
from factcheck.review.app import create_app
from factcheck.review.bind import check_bind, normalize_token
from factcheck.review.results import read_results
from factcheck.review.settings import DeskConfig

logger = logging.getLogger(__name__)

_TOKEN_IN_QUERY = re.compile(r"(token=)[^&\s]*")


class RedactTokens(logging.Filter):
    """Keep ``/login?token=...`` out of uvicorn's access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN_IN_QUERY.sub(r"\1[redacted]", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def load(results: Sequence[Path], *, db: Path) -> store.LoadSummary:
    """Create ``db`` when needed and load every results file into it (idempotent)."""
    store.init_db(db)
    return store.load_results(db, read_results(results))


def serve(
    results: Sequence[Path],
    *,
    db: Path,
    host: str,
    port: int,
    token: str | None,
    desk: DeskConfig | None = None,
) -> None:
    """Load ``results`` into ``db``, then serve the review desk until interrupted.

    Refuses (ReviewError) to listen beyond loopback without a token, before
    anything is loaded or bound.
    """
    token = normalize_token(token)
    check_bind(host, token)
    summary = load(results, db=db)
    logger.info(
        "loaded %d article(s), %d statement(s), %d pair(s) into %s",
        summary.articles,
        summary.statements,
        summary.pairs,
        db,
    )
    app = create_app(db, token=token, desk=desk or DeskConfig())
    access_log = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in access_log.filters):
        access_log.addFilter(RedactTokens())
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="info")
