"""The measured CPU fast path of an NLI model, and the figures that justify it.

``factcheck bench --agreement`` scores the dev set with every CPU path
(backend x precision), compares labels with the torch fp32 reference and
writes ``fast_path.json`` next to the model. ``precision = "auto"`` on the CPU
then takes the fastest path whose label agreement with fp32 meets the bar,
but only for the very weights that were measured (their sha256) and on a CPU
with the instruction sets the measurement had.

The file holds one record per kind of CPU (``{"records": [...]}``), so that a
model measured on an AMX machine and on an AVX-512 one takes each machine's own
fast path. A CPU takes a record when it has the instruction sets that the
record's usable paths run on (a record measured where AVX-VNNI was present
still holds on a CPU without it when no int8 path met the bar), the record
sharing most instruction sets with it first. A measurement replaces the record
of the same instruction sets and drops records of other weights. A file holding
one bare record (the format before several CPUs) still reads as that record.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import operator
from pathlib import Path

log = logging.getLogger(__name__)

FAST_PATH_FILE = "fast_path.json"
AGREEMENT_BAR = 0.99
# Instruction sets that decide which path is fast (AMX and AVX-512 BF16 for bf16, VNNI for int8).
CPU_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8")
# The instruction sets each precision's kernels run on (every path also runs the fp32 ones: embeddings,
# softmax, the parts kept in fp32).
_PRECISION_FLAGS = {
    "fp32": frozenset({"avx2", "avx512f"}),
    "bf16": frozenset({"avx512_bf16", "amx_bf16"}),
    "int8": frozenset({"avx512_vnni", "avx_vnni", "amx_int8"}),
}


@dataclasses.dataclass(frozen=True)
class PathFigures:
    """Speed and agreement with the fp32 reference of one backend and precision."""

    backend: str
    precision: str
    pairs_per_s: float
    label_agreement: float
    max_abs_prob_diff: float

    @property
    def name(self) -> str:
        return f"{self.backend}-{self.precision}"


@dataclasses.dataclass(frozen=True)
class FastPathRecord:
    """What ``fast_path.json`` holds."""

    model_id: str
    revision: str
    weights_sha256: str
    data: str
    pairs: int
    bar: float
    cpu_flags: tuple[str, ...]
    paths: tuple[PathFigures, ...]
    backend: str
    precision: str

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: dict) -> FastPathRecord:
        paths = tuple(PathFigures(**p) for p in data["paths"])
        return cls(**{**data, "paths": paths, "cpu_flags": tuple(data["cpu_flags"])})


def weights_digest(model_dir: str | Path) -> str:
    """sha256 over the model's weight files, so a record never outlives its weights.

    Hashed once per file state: an engine asks for it to check ``fast_path.json``
    and again to name its ONNX export.
    """
    files = sorted(Path(model_dir).glob("*.safetensors")) or sorted(Path(model_dir).glob("*.bin"))
    state = tuple((str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    return _digest(state)


@functools.lru_cache(maxsize=8)
def _digest(state: tuple[tuple[str, int, int], ...]) -> str:
    h = hashlib.sha256()
    for path, _, _ in state:
        h.update(Path(path).name.encode("utf-8"))
        with open(path, "rb") as fh:
            for block in iter(functools.partial(fh.read, 1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def cpu_flags() -> tuple[str, ...]:
    """The instruction sets from ``CPU_FLAGS`` this CPU has (empty where /proc/cpuinfo is absent)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    flags: set[str] = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    return tuple(f for f in CPU_FLAGS if f in flags)


def choose_fastest(paths: tuple[PathFigures, ...] | list[PathFigures], *, bar: float = AGREEMENT_BAR) -> PathFigures:
    """The fastest path whose label agreement with fp32 is at least ``bar``."""
    ok = [p for p in paths if p.label_agreement >= bar]
    if not ok:
        raise ValueError("no path meets the agreement bar (the fp32 reference always should)")
    return max(ok, key=operator.attrgetter("pairs_per_s"))


def record_path(model_dir: str | Path) -> Path:
    return Path(model_dir) / FAST_PATH_FILE


def load_records(model_dir: str | Path) -> list[FastPathRecord]:
    """Every readable record next to a local model (none when there is no file or it cannot be read)."""
    path = record_path(model_dir)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        log.warning("%s: ignored, cannot be read (%s)", path, err)
        return []
    items = data["records"] if isinstance(data, dict) and "records" in data else [data]
    records = []
    for item in items if isinstance(items, list) else []:
        try:
            records.append(FastPathRecord.from_dict(item))
        except (KeyError, TypeError, AttributeError) as err:
            log.warning("%s: a record ignored, cannot be read (%s)", path, err)
    return records


def relied_on_flags(record: FastPathRecord) -> frozenset[str]:
    """The instruction sets of the record's CPU that its paths meeting the bar ran on: what its speed ranking
    of those paths rests on. A path under the bar is never taken, so its instruction sets do not matter."""
    usable = {p.precision for p in record.paths if p.label_agreement >= record.bar} | {"fp32"}
    kernels = frozenset().union(*(_PRECISION_FLAGS.get(precision, frozenset()) for precision in usable))
    return frozenset(record.cpu_flags) & kernels


def best_record(records: list[FastPathRecord] | tuple[FastPathRecord, ...],
                flags: tuple[str, ...] | list[str]) -> FastPathRecord | None:
    """The record whose relied-on instruction sets this CPU has; of several, the one sharing the most
    instruction sets with this CPU (an exact match first), then the one this CPU lacks fewest of."""
    have = set(flags)
    fits = [r for r in records if relied_on_flags(r) <= have]
    if not fits:
        return None
    return max(fits, key=lambda r: (len(set(r.cpu_flags) & have), -len(set(r.cpu_flags) - have)))


def save_record(model_dir: str | Path, record: FastPathRecord) -> Path:
    """Add ``record`` to the file, replacing the one of the same instruction sets and those of other weights."""
    kept = [r for r in load_records(model_dir)
            if r.weights_sha256 == record.weights_sha256 and set(r.cpu_flags) != set(record.cpu_flags)]
    records = [*kept, record]
    path = record_path(model_dir)
    tmp = path.with_suffix(".json.tmp")
    body = {"records": [dataclasses.asdict(r) for r in records]}
    tmp.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load_record(model_dir: str | Path, flags: tuple[str, ...] | None = None) -> FastPathRecord | None:
    """The record for a CPU with ``flags`` (default: this one), whatever weights it was measured on."""
    return best_record(load_records(model_dir), cpu_flags() if flags is None else flags)


def applicable_record(model_dir: str | Path) -> FastPathRecord | None:
    """The record measured on these weights on a CPU with this CPU's instruction sets (the most specific one)."""
    if not Path(model_dir).is_dir():
        return None
    records = load_records(model_dir)
    if not records:
        return None
    digest = weights_digest(model_dir)
    mine = [r for r in records if r.weights_sha256 == digest]
    if not mine:
        log.info("%s: measured on other weights; CPU inference stays fp32", record_path(model_dir))
        return None
    flags = cpu_flags()
    record = best_record(mine, flags)
    if record is None:
        missing = min((relied_on_flags(r) - set(flags) for r in mine), key=len)
        log.info("%s: this CPU lacks %s; CPU inference stays fp32", record_path(model_dir), ", ".join(sorted(missing)))
    return record
