from __future__ import annotations

import pytest

from factcheck.config import PairingConfig
from factcheck.pairing.compounds import CompoundKinds
from factcheck.pairing.embedder import Embedder


@pytest.fixture(scope="module")
def kind_of() -> CompoundKinds:
    return CompoundKinds(Embedder(), min_similarity=PairingConfig().compound_head_similarity)


@pytest.mark.parametrize(("compound", "head", "is_kind"), [
    ("handgun", "gun", True),
    ("shotgun", "gun", True),
    ("wildfire", "fire", True),
    ("loophole", "hole", False),
    ("airport", "port", False),
    ("password", "word", False),
])
def test_the_embedder_tells_a_kind_of_the_head_from_a_word_that_only_ends_in_it(
        kind_of: CompoundKinds, compound: str, head: str, is_kind: bool) -> None:
    assert kind_of(compound, head) is is_kind
    assert kind_of(compound, head) is is_kind  # asked again, answered from what it knows
