"""The ``factcheck`` command line: thin Typer commands over the library."""

from __future__ import annotations

import logging
import os

import typer

from factcheck.cli import bench, evaluate, nli, review, run

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
for _module in (run, evaluate, nli, review, bench):
    _module.register(app)


def main() -> None:
    # Transformers' progress bars and advisories are noise on a desk's terminal.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
