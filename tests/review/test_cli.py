"""The ``review`` and ``export`` commands, registered on a fresh Typer app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from factcheck.cli import review as review_cli
from factcheck.records import ArticleResult
from factcheck.review import server, store


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    review_cli.register(app)
    return app


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls of ``serve`` recorded instead of starting a server."""
    calls: list[dict[str, Any]] = []

    def fake_serve(results: Sequence[Path], **options: Any) -> None:
        calls.append({"results": list(results), **options})

    monkeypatch.setattr(server, "serve", fake_serve)
    return calls


def test_review_passes_options_to_serve(
    app: typer.Typer, served: list[dict[str, Any]], results_file: Path, tmp_path: Path
) -> None:
    desk = tmp_path / "desk.toml"
    desk.write_text('name = "Night desk"\nurl = "https://night.example.org"\n', encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["review", str(results_file), "--db", str(tmp_path / "r.sqlite"), "--port", "8123", "--desk-config", str(desk)],
        env={"FACTCHECK_REVIEW_TOKEN": ""},
    )
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.stdout
    (call,) = served
    assert call["results"] == [results_file]
    assert (call["host"], call["port"], call["db"]) == ("127.0.0.1", 8123, tmp_path / "r.sqlite")
    assert call["desk"].name == "Night desk"


def test_review_reads_the_token_from_the_environment(
    app: typer.Typer, served: list[dict[str, Any]], results_file: Path
) -> None:
    result = CliRunner().invoke(
        app, ["review", str(results_file), "--host", "0.0.0.0"], env={"FACTCHECK_REVIEW_TOKEN": "s3cret"}
    )
    assert result.exit_code == 0, result.output
    assert served[0]["token"] == "s3cret"
    assert "s3cret" not in result.stdout  # the token is not echoed


def test_review_refuses_a_public_address_without_a_token(
    app: typer.Typer, served: list[dict[str, Any]], results_file: Path
) -> None:
    result = CliRunner().invoke(
        app, ["review", str(results_file), "--host", "0.0.0.0"], env={"FACTCHECK_REVIEW_TOKEN": ""}
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: refusing to bind 0.0.0.0 without a token: pass --token or set FACTCHECK_REVIEW_TOKEN"
    )
    assert served == []


def test_review_reports_a_missing_desk_config(
    app: typer.Typer, served: list[dict[str, Any]], results_file: Path
) -> None:
    result = CliRunner().invoke(app, ["review", str(results_file), "--desk-config", "nope.toml"])
    assert result.exit_code == 1
    assert "nope.toml: config file not found" in result.stderr


def test_export_writes_and_reports_a_count(
    app: typer.Typer, make_db: Callable[[Sequence[ArticleResult]], Path], seed_article: ArticleResult, tmp_path: Path
) -> None:
    db = make_db([seed_article])
    with store.session(db) as conn:
        store.add_verdict(conn, 1, verdict="confirm", reviewer="Ana")
    out = tmp_path / "confirmed.csv"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote 1 confirmed pair to {out} (csv)"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_reports_a_missing_database(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--db", str(tmp_path / "none.sqlite"), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'none.sqlite'}: review database not found"
