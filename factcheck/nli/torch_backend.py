"""The PyTorch forward step: one padded numpy batch in, label probabilities out."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

TORCH_PRECISIONS = ("fp32", "int8", "fp16", "bf16")


def set_cpu_threads(threads: int) -> None:
    """Intra-op threads for torch on the CPU; inter-op threads to one, where torch still allows it."""
    import torch

    torch.set_num_threads(threads)
    try:
        # One model call at a time: a second pool only competes for the same cores.
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set, or parallel work has started in this process


class TorchRunner:
    """A transformers sequence classifier prepared for one device and precision."""

    def __init__(self, model: Any, *, device: str, precision: str, attn_implementation: str) -> None:
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

    def __call__(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """Float32 probabilities for one padded batch."""
        import torch

        with torch.inference_mode():
            inputs = {}
            for key, value in arrays.items():
                t = torch.from_numpy(value)
                if self.on_gpu:
                    # Page-locked host memory lets the copy run asynchronously with the previous kernels.
                    t = t.pin_memory().to(self.device, non_blocking=True)
                inputs[key] = t
            logits = self.model(**inputs).logits
            # Softmax in float32 whatever the weights' dtype; .cpu() waits for the GPU.
            return torch.softmax(logits.float(), dim=-1).cpu().numpy()
