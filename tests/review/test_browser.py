"""The review desk in a real browser: keyboard review of the seed article's pairs.

Needs Debian's chromium at /usr/bin/chromium (``apt-get install chromium``);
without it this test fails rather than skips, so CI cannot pass it silently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from factcheck.review.app import create_app
from factcheck.review.settings import DeskConfig

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = REPO / "artifacts" / "screenshots" / "pair_view.png"


@pytest.fixture
def page() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        pytest.fail(f"playwright for Python is not installed ({err}): pip install playwright")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            yield context.new_page()
        finally:
            browser.close()


def _verdicts(db: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(db) as conn:
        return [tuple(r) for r in conn.execute("SELECT pair_id, verdict, reviewer FROM verdicts ORDER BY id")]


def test_review_the_seed_pairs_by_keyboard(seed_db: Path, live_server: Callable[[FastAPI], str], page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base = live_server(create_app(seed_db, token=None, desk=DeskConfig(name="Seed desk")))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(f"{base}/")
    rows = page.locator("tr[data-pair-id]")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_have_class("row selected")  # the best-scored pair (s1 vs s3, 0.81) starts selected
    page.fill("#reviewer", "Ana Keys")
    page.locator("h1, .count").first.click()  # leave the text field so keys reach the page

    with page.expect_navigation():
        page.keyboard.press("c")  # confirm pair 1
    expect(page.locator("tr[data-pair-id]").nth(1)).to_have_class("row selected")  # moved on to pair 2
    page.keyboard.press("k")
    expect(page.locator("tr[data-pair-id]").nth(0)).to_have_class("row selected")
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("r")  # reject pair 2

    assert _verdicts(seed_db) == [(1, "confirm", "Ana Keys"), (2, "reject", "Ana Keys")]
    expect(page.locator('tr[data-pair-id="1"] .status')).to_have_text("confirm")
    expect(page.locator('tr[data-pair-id="2"] .status')).to_have_text("reject")

    page.keyboard.press("k")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # open pair 1
    assert page.url == f"{base}/pairs/1"
    expect(page.locator(".article-text mark.hl-a")).to_contain_text("Cases of alleged spying")
    expect(page.locator(".article-text mark.hl-b")).to_contain_text("independent panel of experts")
    expect(page.locator("#reviewer")).to_have_value("Ana Keys")

    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url == f"{base}/pairs/2"
    with page.expect_navigation():
        page.keyboard.press("s")  # skip on the pair page, then back to pair 1 for the screenshot
    assert _verdicts(seed_db)[-1] == (2, "skip", "Ana Keys")
    with page.expect_navigation():
        page.keyboard.press("p")
    assert page.url == f"{base}/pairs/1"

    backgrounds = {
        side: page.locator(f".article-text mark.hl-{side}").evaluate("el => getComputedStyle(el).backgroundColor")
        for side in ("a", "b")
    }
    assert "rgba(0, 0, 0, 0)" not in backgrounds.values()
    assert backgrounds["a"] != backgrounds["b"]  # A and B are told apart by colour
    assert errors == []

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
