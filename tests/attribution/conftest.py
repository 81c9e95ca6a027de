"""The real attribution stage, shared by the attribution tests."""

from __future__ import annotations

import pytest

from factcheck.attribution.stage import AttributionStage
from factcheck.config import AttributionConfig


@pytest.fixture(scope="session")
def stage() -> AttributionStage:
    return AttributionStage(AttributionConfig())
