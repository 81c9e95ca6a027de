"""Helpers shared by the CLI commands: config loading and error reporting."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import typer

from factcheck.config import CONFIG_DIR, load_config
from factcheck.errors import FactcheckError

T = TypeVar("T")


def load_or_exit(cls: type[T], path: Path | None, overrides: list[str] | None, *, default: str) -> T:
    if path is None and (CONFIG_DIR / default).is_file():
        path = CONFIG_DIR / default
    try:
        return load_config(cls, path, overrides or [])
    except FactcheckError as err:
        fail(str(err))
        raise  # unreachable; fail() exits


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
