"""Learn which first names news copy uses for women and for men, from PolNeAR's training split.

An article often names a person in full once and then by title ("Hillary
Clinton" ... "Mrs. Clinton") or by pronoun ("Donald Trump said he ..."); that
ties the first name to a gender. Counted over the training articles, first
names with enough votes that nearly all agree ship as ``first_names.json``
(names and counts only, no text from the corpus). Speaker resolution uses them
only where the article itself says nothing of a person's gender.

    python -m factcheck.attribution.learn_names ../shared/data/attribution/polnear/train
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from factcheck.attribution.learned import learner_main
from factcheck.attribution.names import FIRST_NAMES

_SURNAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_FIRST_THEN_SURNAME = rf"\b(?P<first>[A-Z][a-z]{{2,}})\s+(?:[A-Z]\.\s+)?(?P<last>{_SURNAME})"
_FULL = re.compile(_FIRST_THEN_SURNAME + r"\b")
_TITLED = re.compile(rf"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+(?P<last>{_SURNAME})\b")
_SAID_PRONOUN = re.compile(_FIRST_THEN_SURNAME + r"(?:,[^,.;]{1,80},)?\s+(?:said|says|told \w+|added|wrote|argued|"
                           r"insisted|noted)\s+(?:that\s+)?(?P<pronoun>he|she)\b")
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
# Capitalised words that open a sentence or a phrase before a surname, not first names.
_NOT_FIRST = frozenset({"The", "But", "And", "For", "When", "After", "President", "Senator", "Sen", "Gov",
                        "Governor", "Rep", "Republican", "Democrat", "Democratic", "Former", "First", "Lady",
                        "Secretary", "General", "Attorney", "Judge", "Justice", "Chief", "Speaker", "Mayor",
                        "Vice", "Dr", "Mrs", "Miss", "Prime", "Minister", "King", "Queen", "Prince", "Pope",
                        "Saint", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                        "New", "North", "South", "East", "West", "United", "White", "House"})
MIN_VOTES = 2
MIN_AGREEMENT = 0.9


def votes(text: str) -> Iterator[tuple[str, str]]:
    """(first name, "f" or "m") for each person the article names in full and then by title or pronoun."""
    firsts: dict[str, set[str]] = defaultdict(set)
    for m in _FULL.finditer(text):
        if m.group("first") not in _NOT_FIRST:
            firsts[m.group("last")].add(m.group("first"))
    titles: dict[str, set[str]] = defaultdict(set)
    for m in _TITLED.finditer(text):
        titles[m.group("last")].add(_TITLE_GENDER[m.group("title")])
    for last, genders in titles.items():
        # One person of that surname, called one way: "Hillary Clinton" ... "Mrs. Clinton".
        if len(genders) == 1 and len(firsts.get(last, ())) == 1:
            yield next(iter(firsts[last])).lower(), next(iter(genders))
    for m in _SAID_PRONOUN.finditer(text):
        if m.group("first") not in _NOT_FIRST:
            yield m.group("first").lower(), "m" if m.group("pronoun") == "he" else "f"


def learn(split_dir: Path) -> dict[str, object]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    texts = sorted((split_dir / "text").glob("*.txt"))
    for path in texts:
        # One vote per name and gender per article: a long profile does not outvote ten short reports.
        for name, gender in set(votes(path.read_text(encoding="utf-8"))):
            counts[name][gender] += 1
    names = {}
    for name, c in sorted(counts.items()):
        gender, n = c.most_common(1)[0]
        if n >= MIN_VOTES and n / sum(c.values()) >= MIN_AGREEMENT:
            names[name] = gender
    return {"source": "PolNeAR v1.0.0 train split (first-name statistics only)", "articles": len(texts),
            "min_votes": MIN_VOTES, "min_agreement": MIN_AGREEMENT, "names": names}


def main(argv: list[str]) -> int:
    return learner_main(argv, learn=learn, dest=FIRST_NAMES, module="factcheck.attribution.learn_names")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
