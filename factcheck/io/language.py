"""A deterministic, model-free guess at whether a text is English.

The score is the share of word tokens that are common English function words,
scaled so that ordinary English prose scores close to 1.0. Function words make
up roughly two fifths of running English text and almost none of Spanish,
German, French or non-Latin-script text, so a threshold of 0.5 separates them
with a wide margin.
"""

from __future__ import annotations

import re

# Closed-class English words plus a few reporting verbs that dominate news.
# Words that are just as frequent in Spanish, French, German or Italian ("a",
# "no", "on", "an", "am", "so", "also", "per") are left out on purpose: they would
# lift non-English scores.
_WORDS = """
    the in was and or but nor yet if then than because while although though
    whether of to for with from into onto over under about after before between
    through during without within against among across around since until upon
    up down out off at by i my we us our ours you your yours he him his she her
    hers it its they them their theirs this that these those who whom whose
    which what when where why how is are were be been being have has had having
    do does did done will would shall should can could may might must not all
    any some each every both either neither more most much many such only very
    just even still there here now said says told other another one two three
    new last first according however again ever never too well back own same way
    like it's don't that's isn't wasn't didn't doesn't won't can't couldn't
    wouldn't they're we're himself herself itself themselves ourselves yourself
    myself something nothing anything everything someone anyone everyone already
    often few less least several next toward towards beyond above below behind
"""
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(_WORDS.split())

# Share of function-word tokens that counts as fully English.
_FULL_SCORE_SHARE = 0.30
_MAX_WORDS = 2000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def english_ratio(text: str) -> float:
    """Return a score in [0, 1]; typical English prose is above 0.8.

    Computed on at most the first 2000 word tokens. Text with no word tokens
    scores 0.0.
    """
    total = 0
    hits = 0
    for match in _WORD.finditer(text):
        total += 1
        if match.group().replace("’", "'").lower() in ENGLISH_FUNCTION_WORDS:
            hits += 1
        if total >= _MAX_WORDS:
            break
    if total == 0:
        return 0.0
    return min(1.0, hits / total / _FULL_SCORE_SHARE)
