"""The PyTorch forward step: one padded numpy batch in, label probabilities out."""

from __future__ import annotations

import logging
import os
import shutil
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

TORCH_PRECISIONS = ("fp32", "int8", "fp16", "bf16")
# torch.compile (inductor) over the same forward: a backend of its own, so that its speed and agreement are
# measured and recorded like any other path.
COMPILED_BACKEND = "torch-compile"


def cpp_compiler_available() -> bool:
    """Whether inductor can build its CPU kernels (it needs a C++ compiler: $CXX, g++, c++ or clang++)."""
    names = [os.environ.get("CXX", ""), "g++", "c++", "clang++"]
    return any(shutil.which(n) for n in names if n)


def set_cpu_threads(threads: int) -> None:
    """Intra-op threads for torch on the CPU; inter-op threads to one, where torch still allows it."""
    import torch

    torch.set_num_threads(threads)
    try:
        # One model call at a time: a second pool only competes for the same cores.
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set, or parallel work has started in this process


def lean_supported(model: Any) -> bool:
    """Whether ``LeanBertClassifier`` reproduces this model: a BERT encoder with absolute positions, pooler and head."""
    cfg = getattr(model, "config", None)
    bert = getattr(model, "bert", None)
    if cfg is None or bert is None or getattr(cfg, "model_type", "") != "bert" or getattr(cfg, "is_decoder", False):
        return False
    if getattr(cfg, "position_embedding_type", "absolute") != "absolute" or getattr(bert, "pooler", None) is None:
        return False
    layers = getattr(getattr(bert, "encoder", None), "layer", None)
    needed = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
              "attention.output.LayerNorm", "intermediate.dense", "intermediate.intermediate_act_fn", "output.dense",
              "output.LayerNorm")

    def has(obj: Any, dotted: str) -> bool:
        for part in dotted.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                return False
        return True

    return bool(layers) and hasattr(model, "classifier") and all(has(layer, n) for layer in layers for n in needed)


def _lean_module(model: Any, attention: str) -> Any:
    """``model`` as a ``LeanBertClassifier`` (defined here so that importing this file does not import torch)."""
    import torch
    import torch.nn.functional as F

    class LeanBertClassifier(torch.nn.Module):
        """A BERT sequence classifier's own weights, run so that the last layer computes the [CLS] row only.

        The pooler and head read the [CLS] row of the last layer and nothing
        else, so the last layer's queries, attention output and feed-forward
        need that row alone (keys and values still need every token): about a
        seventh fewer FLOPs on a six-layer model, the same logits up to
        float rounding. Dropout is left out (inference only).
        """

        def __init__(self) -> None:
            super().__init__()
            self.embeddings = model.bert.embeddings
            self.layers = model.bert.encoder.layer
            self.pooler = model.bert.pooler
            self.classifier = model.classifier
            self.heads = int(model.config.num_attention_heads)
            self.head_dim = int(model.config.hidden_size) // self.heads
            self.scale = self.head_dim ** -0.5
            self.attention = attention

        def _split(self, x: torch.Tensor) -> torch.Tensor:
            return x.view(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

        def _attend(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
            if self.attention == "sdpa":
                return F.scaled_dot_product_attention(q, k, v, attn_mask=bias, scale=self.scale)
            # Plain MatMul/Softmax: what ONNX Runtime's graph optimizer fuses.
            weights = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * self.scale + bias, dim=-1)
            return torch.matmul(weights, v)

        def _layer(self, layer: Any, h: torch.Tensor, bias: torch.Tensor, *, cls_only: bool) -> torch.Tensor:
            sa, so = layer.attention.self, layer.attention.output
            rows = h[:, :1] if cls_only else h
            ctx = self._attend(self._split(sa.query(rows)), self._split(sa.key(h)), self._split(sa.value(h)), bias)
            ctx = ctx.transpose(1, 2).reshape(rows.shape)
            a = so.LayerNorm(so.dense(ctx) + rows)
            inner = layer.intermediate.intermediate_act_fn(layer.intermediate.dense(a))
            return layer.output.LayerNorm(layer.output.dense(inner) + a)

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor | None = None) -> torch.Tensor:
            h = self.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            # The additive mask HF builds: 0 on tokens, the dtype's lowest value on padding.
            bias = (1.0 - attention_mask[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min
            last = len(self.layers) - 1
            for i, layer in enumerate(self.layers):
                h = self._layer(layer, h, bias, cls_only=i == last)
            return self.classifier(self.pooler(h))

    return LeanBertClassifier().eval()


def logits_module(model: Any, *, attention: str = "sdpa", lean: bool = True) -> Any:
    """A module mapping (input_ids, attention_mask[, token_type_ids]) to logits.

    ``LeanBertClassifier`` for BERT classifiers (``lean``), else the model itself behind ``.logits``.
    """
    import torch

    if lean and lean_supported(model):
        return _lean_module(model, attention)

    class Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor | None = None) -> torch.Tensor:
            extra = {} if token_type_ids is None else {"token_type_ids": token_type_ids}
            return self.model(input_ids=input_ids, attention_mask=attention_mask, **extra).logits

    return Logits().eval()


class TorchRunner:
    """A transformers sequence classifier prepared for one device and precision."""

    def __init__(self, model: Any, *, device: str, precision: str, attn_implementation: str,
                 lean: bool = True, compile_after_rows: int | None = None) -> None:
        import torch

        if precision not in TORCH_PRECISIONS:
            raise ValueError(f"precision {precision!r} is not one of {', '.join(TORCH_PRECISIONS)}")
        if attn_implementation and getattr(model.config, "_attn_implementation", None) != attn_implementation:
            try:
                model.set_attn_implementation(attn_implementation)
            except (ValueError, ImportError) as err:
                log.info("%s attention unavailable for this model, keeping %s (%s)",
                         attn_implementation, model.config._attn_implementation, err)
        if precision == "int8":
            if device != "cpu":
                raise ValueError("int8 dynamic quantization runs on the CPU only")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        elif precision in {"fp16", "bf16"}:
            model = model.to(dtype=torch.float16 if precision == "fp16" else torch.bfloat16)
        self.model = model.to(device).eval()
        self.device = device
        self.on_gpu = device.startswith("cuda")
        attention = "sdpa" if getattr(model.config, "_attn_implementation", "sdpa") == "sdpa" else "eager"
        self.forward = logits_module(self.model, attention=attention, lean=lean)
        self.lean = lean
        # None: never compile; else compile once this many rows have run eagerly (0: from the first batch).
        self.compile_after_rows = compile_after_rows
        self.rows_seen = 0
        self.compiled = False

    def _compile(self) -> None:
        """Swap the eager forward for a torch.compile'd one; on any failure keep the eager one (logged once).

        On the CPU the compiled graph uses plain MatMul/Softmax attention, which inductor fuses with the
        mask and scale: at news-length pairs (about 50 tokens) torch's CPU flash-attention kernel costs a
        quarter of the forward time, the fused one a fraction of that. Shapes are dynamic, so one compile
        covers every batch width and row count.
        """
        import torch

        self.compile_after_rows = None
        if not self.on_gpu and not cpp_compiler_available():
            log.info("torch.compile needs a C++ compiler on the CPU and none was found; the NLI model runs eagerly")
            return
        attention = "sdpa" if self.on_gpu else "eager"
        self._eager = self.forward
        self.forward = torch.compile(logits_module(self.model, attention=attention, lean=self.lean), dynamic=True)
        self.compiled = True

    def __call__(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """Float32 probabilities for one padded batch."""
        import torch

        if self.compile_after_rows is not None and self.rows_seen >= self.compile_after_rows:
            self._compile()
        self.rows_seen += len(next(iter(arrays.values())))
        with torch.inference_mode():
            inputs = {}
            for key, value in arrays.items():
                t = torch.from_numpy(value)
                if self.on_gpu:
                    # Page-locked host memory lets the copy run asynchronously with the previous kernels.
                    t = t.pin_memory().to(self.device, non_blocking=True)
                inputs[key] = t
            logits = self._logits(inputs)
            # Softmax in float32 whatever the weights' dtype; .cpu() waits for the GPU.
            return torch.softmax(logits.float(), dim=-1).cpu().numpy()

    def _logits(self, inputs: dict[str, Any]) -> Any:
        if not self.compiled:
            return self.forward(**inputs)
        try:
            return self.forward(**inputs)
        except Exception as err:  # inductor raises anything (no compiler, unsupported op, ...)
            log.warning("torch.compile failed (%s); the NLI model runs eagerly from here on",
                        str(err).splitlines()[0] if str(err) else type(err).__name__)
            self.forward, self.compiled = self._eager, False
            return self.forward(**inputs)
