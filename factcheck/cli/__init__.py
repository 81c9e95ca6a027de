"""The ``factcheck`` command line: thin Typer commands over the library."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def _register() -> None:
    from factcheck.cli import evaluate, nli, review, run

    run.register(app)
    evaluate.register(app)
    nli.register(app)
    review.register(app)


def main() -> None:
    _register()
    app()
