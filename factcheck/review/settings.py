"""The desk's identity: who publishes the reviews, and where."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from factcheck.config import CONFIG_DIR, load_config

DEFAULT_DESK_CONFIG = CONFIG_DIR / "desk.toml"


@dataclasses.dataclass(frozen=True)
class DeskConfig:
    """Settings of ``factcheck review`` and ``factcheck export``."""

    name: str = "factcheck desk"
    url: str = ""
    reviewer_default: str = ""


def load_desk_config(path: str | Path | None = None, overrides: Iterable[str] = ()) -> DeskConfig:
    """Load the desk config from ``path``.

    Without a path, ``configs/desk.toml`` is read when it exists and the
    defaults are used when it does not; a path that is given must exist.
    """
    if path is None and DEFAULT_DESK_CONFIG.is_file():
        path = DEFAULT_DESK_CONFIG
    return load_config(DeskConfig, path, overrides)
