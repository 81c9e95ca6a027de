"""``factcheck review`` (the web desk) and ``factcheck export`` (confirmed pairs)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail
from factcheck.errors import FactcheckError
from factcheck.review.bind import TOKEN_ENVVAR, check_bind, normalize_token
from factcheck.review.settings import load_desk_config

DeskConfigOption = Annotated[
    Path | None, typer.Option("--desk-config", help="Desk settings (default: configs/desk.toml when present).")
]


class FormatChoice(str, enum.Enum):
    claimreview = "claimreview"
    csv = "csv"
    jsonl = "jsonl"


def review(
    results: Annotated[list[Path], typer.Argument(help="Results JSONL files written by `factcheck run`.")],
    db: Annotated[Path, typer.Option(help="SQLite review database (created when missing).")] = Path("review.sqlite"),
    host: Annotated[str, typer.Option(help="Address to listen on; beyond loopback a token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar=TOKEN_ENVVAR, help="Access token; open /login?token=TOKEN once in the browser."),
    ] = None,
    desk_config: DeskConfigOption = None,
) -> None:
    """Load results into the review database and serve the review desk."""
    from factcheck.review.server import serve

    try:
        check_bind(host, token)
        desk = load_desk_config(desk_config)
        shown = f"[{host}]" if ":" in host else host
        login = "login?token=<token>" if normalize_token(token) else ""
        typer.echo(f"factcheck review: serving {db} at http://{shown}:{port}/{login} (Ctrl-C to stop)")
        serve(results, db=db, host=host, port=port, token=token, desk=desk)
    except FactcheckError as err:
        fail(str(err))


def export(
    out: Annotated[Path, typer.Option(help="File to write.")],
    db: Annotated[Path, typer.Option(help="SQLite review database.")] = Path("review.sqlite"),
    fmt: Annotated[FormatChoice, typer.Option("--format", help="Output format.")] = FormatChoice.claimreview,
    desk_config: DeskConfigOption = None,
) -> None:
    """Write the pairs whose latest verdict is `confirm`."""
    from factcheck.export.writers import export_confirmed

    try:
        desk = load_desk_config(desk_config)
        count = export_confirmed(db, fmt=fmt.value, out=out, desk=desk)
    except FactcheckError as err:
        fail(str(err))
        return
    typer.echo(f"wrote {count} confirmed pair{'' if count == 1 else 's'} to {out} ({fmt.value})")


def register(app: typer.Typer) -> None:
    """Add the ``review`` and ``export`` commands to ``app``."""
    app.command("review")(review)
    app.command("export")(export)
