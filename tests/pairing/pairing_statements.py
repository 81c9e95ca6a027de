"""Hand-built statements and unit vectors for the pairing tests."""

from __future__ import annotations

import numpy as np

from factcheck.records import Statement


def stmt(sid: str, speaker: str, content: str, *, stance: str = "assert", cue_lemma: str = "say",
         start: int = 0, keywords: tuple[str, ...] = (), target: str = "") -> Statement:
    return Statement(id=sid, speaker=speaker, speaker_mention=speaker, cue=cue_lemma, kind="indirect",
                     stance=stance, content=content, sentence=content, start=start, end=start + len(content),
                     cue_lemma=cue_lemma, keywords=keywords, target=target)


def unit(*rows: list[float]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)
