from __future__ import annotations

import pytest

from factcheck.errors import ModelLoadError
from factcheck.nli.labels import canonical_label_map


@pytest.mark.parametrize(
    "id2label",
    [
        {0: "contradiction", 1: "neutral", 2: "entailment"},  # roberta-large-mnli order
        {0: "entailment", 1: "neutral", 2: "contradiction"},  # DeBERTa NLI order
        {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"},  # cross-encoder/nli-* order
    ],
)
def test_label_order_comes_from_the_model(id2label: dict[int, str]) -> None:
    mapped = canonical_label_map(id2label, model_id="m")
    for idx, name in id2label.items():
        assert mapped[idx] == name.lower()


def test_generic_labels_are_refused() -> None:
    with pytest.raises(ModelLoadError, match="not an NLI model"):
        canonical_label_map({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, model_id="some/model")


def test_two_label_models_are_refused() -> None:
    with pytest.raises(ModelLoadError, match="some/model"):
        canonical_label_map({0: "entailment", 1: "not_entailment"}, model_id="some/model")
