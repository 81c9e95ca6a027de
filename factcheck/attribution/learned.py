"""Statistics learned from PolNeAR's training split that ship beside the code as JSON.

``learn_lexicon`` (verb cues) and ``learn_names`` (first names) write them;
the attribution stage reads them, and runs without them when they were not built.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def read_learned(path: Path, key: str) -> dict[str, Any]:
    """The ``key`` mapping of a learned file; empty when the file was not built."""
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get(key, {}))


def learner_main(argv: Sequence[str], *, learn: Callable[[Path], dict[str, object]], dest: Path,
                 module: str) -> int:
    """``python -m MODULE POLNEAR_SPLIT_DIR``: learn from the split and write ``dest``."""
    if len(argv) != 1:
        raise SystemExit(f"usage: python -m {module} POLNEAR_SPLIT_DIR")
    dest.write_text(json.dumps(learn(Path(argv[0])), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0
