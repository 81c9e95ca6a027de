"""NLI label names, always read from a model's ``id2label``."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.errors import ModelLoadError

ENTAILMENT = "entailment"
NEUTRAL = "neutral"
CONTRADICTION = "contradiction"
NLI_LABELS = (ENTAILMENT, NEUTRAL, CONTRADICTION)

_ALIASES = {
    "entailment": ENTAILMENT,
    "entail": ENTAILMENT,
    "entails": ENTAILMENT,
    "neutral": NEUTRAL,
    "contradiction": CONTRADICTION,
    "contradict": CONTRADICTION,
    "contradicts": CONTRADICTION,
}


def canonical_label_map(id2label: Mapping[int | str, str], *, model_id: str) -> dict[int, str]:
    """Map class index to canonical NLI label, or refuse the model.

    Checkpoints disagree on label order, so the order is never assumed.
    """
    out: dict[int, str] = {}
    for idx, name in id2label.items():
        canon = _ALIASES.get(str(name).strip().lower())
        if canon is None:
            continue
        out[int(idx)] = canon
    if sorted(out.values()) != sorted(NLI_LABELS):
        names = ", ".join(str(v) for v in id2label.values())
        raise ModelLoadError(
            f"{model_id}: not an NLI model: its id2label ({names}) does not name "
            "entailment, neutral and contradiction"
        )
    return out
