from __future__ import annotations

import pytest

from factcheck.config import NLIModelConfig
from factcheck.errors import ModelLoadError
from factcheck.nli.engine import NLIEngine
from factcheck.nli.loading import resolve_nli_ref


def test_labels_are_read_from_the_config(make_tiny_model) -> None:  # type: ignore[no-untyped-def]
    # Index 0 is "contradiction" in this model; the bias makes index 0 win.
    path = make_tiny_model({0: "contradiction", 1: "neutral", 2: "entailment"}, favour=0)
    engine = NLIEngine(NLIModelConfig(model=str(path), precision="fp32"))
    (res,) = engine.score([("A man sleeps.", "A man is awake.")])
    assert res.label == "contradiction"
    path2 = make_tiny_model({0: "entailment", 1: "neutral", 2: "contradiction"}, favour=0, name="tiny2")
    (res2,) = NLIEngine(NLIModelConfig(model=str(path2), precision="fp32")).score([("A", "B")])
    assert res2.label == "entailment"


def test_model_without_nli_labels_is_refused(make_tiny_model) -> None:  # type: ignore[no-untyped-def]
    path = make_tiny_model({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises(ModelLoadError, match="not an NLI model"):
        NLIEngine(NLIModelConfig(model=str(path)))


def test_pickle_weights_are_refused(make_tiny_model) -> None:  # type: ignore[no-untyped-def]
    path = make_tiny_model({0: "entailment", 1: "neutral", 2: "contradiction"}, safetensors=False)
    with pytest.raises(ModelLoadError, match="safetensors"):
        NLIEngine(NLIModelConfig(model=str(path)))


def test_unreachable_hub_id_gives_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError) as info:
        NLIEngine(NLIModelConfig(model="someone/deberta-v3-nli-that-is-not-here"))
    message = str(info.value)
    assert "someone/deberta-v3-nli-that-is-not-here" in message
    assert "local path" in message
    assert "\n" not in message


def test_folder_without_config_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelLoadError, match="config.json"):
        resolve_nli_ref(str(tmp_path))
