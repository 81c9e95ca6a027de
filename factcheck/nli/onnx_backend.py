"""The ONNX Runtime forward step on the CPU, fp32 or dynamic int8.

The torch model is exported once per weights digest and precision (torch.onnx
dynamo exporter, then ONNX Runtime's transformer fusions, then dynamic int8
quantization for ``int8``) into a cache folder, and reused from there. The
exported graph ends in a float32 softmax, so it returns probabilities exactly
as the torch path does.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import ModelLoadError
from factcheck.nli.labels import canonical_label_map
from factcheck.nli.loading import ModelRef
from factcheck.nli.torch_backend import logits_module

log = logging.getLogger(__name__)

ONNX_PRECISIONS = ("fp32", "int8")
# Part of an export's name: raised whenever the exported graph changes (2: the last layer computes [CLS] only).
GRAPH_VERSION = 2
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# Model types whose graphs ONNX Runtime's transformer optimizer knows how to fuse.
_FUSABLE = {"bert": "bert", "roberta": "bert", "distilbert": "bert", "xlm-roberta": "bert", "electra": "bert"}


def onnx_available() -> bool:
    """Whether ONNX Runtime and the exporter's dependencies are installed."""
    try:
        import onnx
        import onnxruntime
        import onnxscript
    except ImportError:
        return False
    return True


def default_onnx_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck" / "onnx"


def export_name(digest: str, precision: str) -> str:
    import onnxruntime
    import torch

    versions = f"torch{torch.__version__.split('+')[0]}-ort{onnxruntime.__version__}"
    return f"{digest[:20]}-{versions}-g{GRAPH_VERSION}-{precision}.onnx"


def _probability_module(model: Any, input_names: tuple[str, ...]) -> Any:
    """The classifier wrapped so the exported graph takes positional inputs and returns float32 probabilities.

    BERT classifiers go through ``LeanBertClassifier`` (the last layer computes the [CLS] row only) with plain
    MatMul/Softmax attention.
    """
    import torch

    logits_of = logits_module(model, attention="eager")

    class ProbabilityHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.logits_of = logits_of

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            logits = self.logits_of(**dict(zip(input_names, args, strict=True)))
            return torch.softmax(logits.float(), dim=-1)

    return ProbabilityHead().eval()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the exporter's and quantizer's advice (printed, warned and logged on the root logger)."""
    root = logging.getLogger()
    was = root.disabled
    root.disabled = True
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        root.disabled = was


def _export_fp32(model: Any, tokenizer: Any, dest: Path) -> None:
    import torch

    model = model.float().eval()
    # The dynamo exporter traces the eager attention into plain MatMul/Softmax ops that fuse well.
    with contextlib.suppress(ValueError, ImportError):
        model.set_attn_implementation("eager")
    sample = tokenizer(["A man plays a guitar on stage.", "It rains."], ["A man performs music.", "The sun is out."],
                       padding=True, return_tensors="pt")
    names = tuple(n for n in INPUT_NAMES if n in sample)
    args = tuple(sample[n] for n in names)
    batch = torch.export.Dim("batch", min=1, max=65536)
    seq = torch.export.Dim("seq", min=1, max=int(getattr(model.config, "max_position_embeddings", 512)))
    shapes = {"args": tuple({0: batch, 1: seq} for _ in names)}
    raw = dest.with_suffix(".raw.onnx")
    with _quiet():
        torch.onnx.export(_probability_module(model, names), args, str(raw), input_names=list(names),
                          output_names=["probs"], dynamic_shapes=shapes, dynamo=True, external_data=False)
    _optimize(raw, dest, model_type=str(getattr(model.config, "model_type", "")),
              num_heads=int(getattr(model.config, "num_attention_heads", 0)),
              hidden_size=int(getattr(model.config, "hidden_size", 0)))
    raw.unlink(missing_ok=True)


def _optimize(src: Path, dest: Path, *, model_type: str, num_heads: int, hidden_size: int) -> None:
    """Fuse LayerNorm+residual and bias+GELU where ONNX Runtime knows the model type; else keep the raw graph."""
    fusable = _FUSABLE.get(model_type)
    if fusable is None:
        src.replace(dest)
        return
    from onnxruntime.transformers.optimizer import optimize_model

    try:
        with _quiet():
            optimized = optimize_model(str(src), model_type=fusable, num_heads=num_heads, hidden_size=hidden_size,
                                       opt_level=0)
        optimized.save_model_to_file(str(dest))
    except Exception as err:  # the optimizer raises anything; the raw graph still works
        log.info("ONNX transformer fusions failed (%s); using the unfused graph", err)
        src.replace(dest)


def _quantize_int8(src: Path, dest: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Per-channel scales: per-tensor scales cost this small model several points of label agreement.
    with _quiet():
        quantize_dynamic(str(src), str(dest), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])


def cached_onnx(*, digest: str, precision: str, cache_dir: Path) -> Path | None:
    """The exported model for these weights and precision, when it was exported before."""
    path = cache_dir / export_name(digest, precision)
    return path if path.is_file() else None


def load_tokenizer_and_labels(ref: ModelRef) -> tuple[Any, dict[int, str]]:
    """Tokenizer and canonical labels of a model whose weights ONNX Runtime already holds."""
    from transformers import AutoConfig, AutoTokenizer

    is_local = Path(ref.path).exists()
    kwargs: dict[str, Any] = {"trust_remote_code": False}
    if is_local:
        kwargs["local_files_only"] = True
    else:
        kwargs["revision"] = ref.revision
    try:
        config = AutoConfig.from_pretrained(ref.path, **kwargs)
        tokenizer = AutoTokenizer.from_pretrained(ref.path, **kwargs)
    except OSError as err:
        raise ModelLoadError(f"{ref.id}: cannot read the tokenizer or config: {err}".splitlines()[0]) from err
    return tokenizer, canonical_label_map(config.id2label, model_id=ref.id)


def ensure_onnx(model: Any, tokenizer: Any, *, digest: str, precision: str, cache_dir: Path) -> Path:
    """The exported model for these weights and precision, exporting it on first use."""
    if precision not in ONNX_PRECISIONS:
        raise ModelLoadError(f"the onnx backend runs {' or '.join(ONNX_PRECISIONS)}, not {precision}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    dest = cache_dir / export_name(digest, precision)
    if dest.is_file():
        return dest
    fp32 = cache_dir / export_name(digest, "fp32")
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp.onnx")
    try:
        if not fp32.is_file():
            log.info("exporting the NLI model to ONNX (once) in %s", cache_dir)
            tmp32 = fp32.with_name(f".{fp32.name}.{os.getpid()}.tmp.onnx")
            _export_fp32(model, tokenizer, tmp32)
            tmp32.replace(fp32)
        if precision == "int8":
            _quantize_int8(fp32, tmp)
            tmp.replace(dest)
    except (RuntimeError, ValueError, OSError) as err:
        raise ModelLoadError(f"ONNX export of the NLI model failed: {err}".splitlines()[0]) from err
    return dest


class OnnxRunner:
    """An ONNX Runtime CPU session over one exported model."""

    def __init__(self, path: Path, *, threads: int, memory_arena: bool = False) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        # ONNX Runtime's CPU arena keeps the most memory a batch ever needed and never returns it: in a
        # long run it held 100-200 MB more at peak, and grew for the first hundred articles, at no speed gain.
        options.enable_cpu_mem_arena = memory_arena
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = tuple(i.name for i in self.session.get_inputs())

    def __call__(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """Float32 probabilities for one padded batch."""
        feed = {name: arrays[name] for name in self.inputs}
        return self.session.run(["probs"], feed)[0]
