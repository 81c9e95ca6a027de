from __future__ import annotations

import numpy as np
import pytest

from factcheck.pairing.embedder import Embedder

TEXTS = ["the budget gap is $14 million", "The mayor denied it.",
         "the plan would close two branch libraries and cut weekend hours at the others", "no"]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_vectors_are_unit_length_and_in_input_order(embedder: Embedder) -> None:
    vectors = embedder.embed(TEXTS)
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([embedder.embed([t])[0] for t in TEXTS])
    assert np.allclose(vectors, one_by_one, atol=1e-5)


def test_batches_keep_to_the_token_budget(embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    shapes: list[tuple[int, int]] = []
    forward = embedder._forward

    def spy(arrays: dict[str, np.ndarray]) -> np.ndarray:
        shapes.append(arrays["input_ids"].shape)
        return forward(arrays)

    monkeypatch.setattr(embedder, "max_tokens", 24)
    monkeypatch.setattr(embedder, "_forward", spy)
    embedder.embed(TEXTS)
    assert len(shapes) > 1
    # A text longer than the budget goes alone; every other batch fits it.
    assert all(rows * width <= 24 or rows == 1 for rows, width in shapes)
    assert sum(rows for rows, _ in shapes) == len(TEXTS)


def test_no_texts_give_no_vectors(embedder: Embedder) -> None:
    assert embedder.embed([]).shape == (0, 384)
