"""A small web desk where people confirm or reject the pairs factcheck found.

``store`` keeps results and verdicts in SQLite, ``app`` renders the queue and
pair pages, ``server`` loads results and runs the app under uvicorn.
"""

from __future__ import annotations

from factcheck.review.errors import ReviewError
from factcheck.review.settings import DeskConfig, load_desk_config

__all__ = ["DeskConfig", "ReviewError", "load_desk_config"]
