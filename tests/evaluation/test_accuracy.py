"""The pipeline's accuracy on annotated news, with the real models: the issue's targets as floors.

Each floor is the target the project set (or, where the target is not met, a
little under today's figure, so a regression shows). These tests run the whole
pipeline on 26 hand-written gold articles, the 84 PolNeAR dev articles and
ten samples of 70 PolNeAR train articles each.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from factcheck.config import InputConfig
from factcheck.evaluation.checked_pairs import load_checked, predicted_spans, score_checked
from factcheck.evaluation.harness import evaluate, load_gold, predict
from factcheck.evaluation.polnear import load_polnear
from factcheck.evaluation.scoring import speaker_correct
from factcheck.io.readers import iter_articles
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import ArticleFailure

DATA = Path(__file__).resolve().parents[1] / "data"
CHECKED_PAIRS = DATA / "polnear_dev_checked_pairs.json"
POLNEAR_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "attribution" / "polnear" / "dev"

pytestmark = pytest.mark.slow


# Figures on 2026-12-01, sixth round (precision / must-pair recall): tuning set (8 articles) 0.842 / 15 of 16;
# held-out set (6) 0.759 / 19 of 21; gold_blind (6, written blind, then used for development) 1.000 / 20 of 22;
# gold_test (6, written blind, never tuned on) 0.737 / 12 of 22. The target is precision >= 0.5 with the must
# pairs found: precision is met on every set, the must pairs are not.
@pytest.mark.parametrize(("folder", "min_precision", "min_must_recall"),
                         [("gold", 0.8, 0.9), ("gold_holdout", 0.7, 0.85), ("gold_blind", 0.9, 0.85),
                          ("gold_test", 0.65, 0.5)])
def test_hand_written_gold_sets(pipeline: ClaimRebuttalPipeline, folder: str, min_precision: float,
                                min_must_recall: float) -> None:
    gold = load_gold(DATA / folder)
    report = evaluate(gold, predict(gold, pipeline=pipeline))
    assert report.missing_articles == 0
    assert report.statement_f1 >= 0.9
    assert report.speaker_accuracy >= 0.85
    assert report.pair_precision >= min_precision
    assert report.must_recall >= min_must_recall


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="../shared/data/attribution/polnear/dev is absent")
def test_polnear_dev_statement_f1(run_config) -> None:  # type: ignore[no-untyped-def]
    config = dataclasses.replace(run_config, pipeline="attribution-only")
    gold = load_polnear(POLNEAR_DEV)
    report = evaluate(gold, predict(gold, pipeline=ClaimRebuttalPipeline(config)))
    assert report.statement_f1 >= 0.60
    assert report.speaker_accuracy >= 0.85


# Real news: PolNeAR dev pairs checked by hand (tests/data/polnear_dev_checked_pairs.json). On 2026-12-02 (seventh
# round) the run predicted 25 pairs, all checked: 12 right, 8 weak, 5 wrong (0.480 / 0.800; the round before, 37
# pairs at 0.324 / 0.541; two rounds before, 51 at 0.216 / 0.373), and found 20 of the 30 pairs ever checked right
# or weak. Those rounds were tuned on these articles: the train sample below says how far that carries. On
# 2026-12-03 an answer far from its claim was made to need the same specifics in meaning and in words: 20 pairs,
# 11 right, 5 weak, 4 wrong (0.550 / 0.800), 16 of the 30 found (one right and three weak answers lost); the
# same after the rest of that round. On 2026-12-08 the distance limits below cost it two right pairs far apart
# (a back reference 1,628 characters from its claim, a negation 1,167 from its assertion): 18 pairs, 9 right,
# 5 weak, 4 wrong (0.500 / 0.778), 14 found. A Clinton campaign director then joined Clinton's side, and her attack
# on Trump became an answer to a general's praise of Clinton: 19 pairs, 9 / 5 / 5 (0.474 / 0.737), 14 found.
def test_polnear_dev_pairs_checked_by_hand(pipeline: ClaimRebuttalPipeline) -> None:
    records = [o.to_json() for o in pipeline.run(iter_articles([str(POLNEAR_DEV / "text")], config=InputConfig()))
               if not isinstance(o, ArticleFailure)]
    assert len(records) == 84
    report = score_checked(load_checked(CHECKED_PAIRS), predicted_spans(records),
                           articles=[r["article_id"] for r in records])
    assert report.checked >= 0.8 * report.predicted
    assert report.strict_precision >= 0.45
    assert report.lenient_precision >= 0.7
    assert report.known_right - len(report.lost) >= 14


# Samples of PolNeAR train no rule was written for before they were checked, each pair read by hand:
# - every twelfth article in name order ([11::12], 70; tests/data/polnear_train_checked_pairs.json), its 38 pairs
#   read at commit c0ae192: 4 right, 6 weak, 28 wrong (0.105 / 0.263). After one round of fixes read off it: 29
#   pairs, 4 right, 6 weak, 19 wrong (0.138 / 0.345), all 10 right or weak still found;
# - every twelfth from the sixth ([5::12], 70 others; polnear_train_second_sample_checked_pairs.json), its 33 pairs
#   read at commit 06e8ad2, after that round: 10 right, 2 weak, 21 wrong (0.303 / 0.364). After fixes read off it
#   (a percentage as a speaker, a reporter's question, "don't think" negating its complement, a party's aide on the
#   party's side, "100% convinced"): 27 pairs, 10 right, 2 weak, 15 wrong (0.370 / 0.444), all 12 still found.
# - every twelfth from the ninth ([8::12], 70 others; polnear_train_third_sample_checked_pairs.json), its 21 pairs
#   read at commit 07c4516, after the two rounds above and a far answer needing the same specifics in meaning and
#   in words: 3 right, 2 weak, 16 wrong (0.143 / 0.238).
# After the fixes of 2026-12-03 read off all three (far answers; two bodies sharing only a head; far figures and
# directions; "each side"; first-person polarity; supporters; dares; confirmations and admissions; far denials
# sharing no topic; titles): first sample 19 pairs, 4 right, 4 weak, 11 wrong (0.211 / 0.421), 8 of 10 found;
# second 18 pairs, 10 right, 2 weak, 6 wrong (0.556 / 0.667), all 12 found; third 8 pairs, 3 right, 1 weak, 4 wrong
# (0.375 / 0.500), 4 of 5 found.
# - every twelfth from the third ([2::12], 70 others; polnear_train_fourth_sample_checked_pairs.json), its 31 pairs
#   read at commit c10892d, after that round: 8 right, 6 weak, 17 wrong (0.258 / 0.452). After its fixes (a self-
#   report against a self-report, "His remarks" as a speaker): 27 pairs, 8 right, 6 weak, 13 wrong (0.296 / 0.519),
#   all 14 found; the other samples as above.
# - every twelfth from the first ([0::12]; polnear_train_fifth_sample_checked_pairs.json), its 23 pairs read at
#   commit 41704da, after all of the above: 1 right, 4 weak, 18 wrong (0.043 / 0.217). After its fixes (relatives
#   the parser missed, "Ivanka Trump"; a pronoun against a title's gender; a place tagged once as an organisation;
#   refusals; "not so much"): 17 pairs, 1 right, 4 weak, 12 wrong (0.059 / 0.294), all 5 found;
# - every twelfth from the second ([1::12]; ..._sixth_sample_...), its 24 pairs read at a8d50ca, after that round:
#   3 right, 4 weak, 17 wrong (0.125 / 0.292); after its fixes, 23 pairs (0.130 / 0.304), all 7 found;
# - every twelfth from the fourth ([3::12]; ..._seventh_sample_...), its 43 pairs read at a781fbb, after both:
#   7 right, 11 weak, 25 wrong (0.163 / 0.419); after its fixes, 41 pairs (0.171 / 0.439), all 18 found.
# - every twelfth from the fifth ([4::12]; ..._eighth_sample_...), its 32 pairs read at b6f71e3, after all of the
#   above: 3 right, 5 weak, 24 wrong (0.094 / 0.250); after its fixes (a fronted clause's subject, an organisation
#   its nominal's sentence names, figures of different owners, over/under of time), 24 pairs, 3 right, 4 weak,
#   17 wrong (0.125 / 0.292), 7 of 8 found;
# - every twelfth from the seventh ([6::12]; ..._ninth_sample_...), its 38 pairs read at 5a909d1, after that round:
#   5 right, 4 weak, 29 wrong (0.132 / 0.237); after its fixes, 33 pairs (0.152 / 0.273), all 9 found.
# - every twelfth from the eighth ([7::12]; ..._tenth_sample_...), its 39 pairs read at fd77cf7, after all of the
#   above: 3 right, 2 weak, 34 wrong (0.077 / 0.128). Its fixes (figures each side gives of its own doing;
#   directions that move different things; no answer to what the article sources "according to" someone) left
#   28 pairs (0.107 / 0.179), all 5 found, and cost the fourth sample a weak pair (25 pairs, 0.320 / 0.520, 13 of
#   14), the seventh a right one (38, 0.158 / 0.447, 17 of 18) and the ninth a weak one (31, 0.161 / 0.258, 8 of 9).
# - every twelfth from the tenth ([9::12]; ..._eleventh_sample_...), its 32 pairs read at 52c3a0d, after all of the
#   above: 5 right, 5 weak, 22 wrong (0.156 / 0.312). Its fixes (a place leading an organisation's name; a second
#   "he" of a sentence; the "it" of a body; "it" opens no rejection of what came before) left 27 pairs (one new
#   wrong pair checked and added; 0.185 / 0.370), all 10 found, and cost the seventh sample a weak pair (16 of 18)
#   and the tenth a weak one (4 of 5; one new wrong pair checked and added there too).
# - every twelfth from the eleventh ([10::12]; ..._twelfth_sample_..., the last slice of train), its 26 pairs read at
#   330c27d, after all of the above: 3 right, 4 weak, 19 wrong (0.115 / 0.269). Its fixes (the writer's own question
#   reports nothing; "he" carries on the chain of a sentence whose subject is "he", and is no one its content names
#   in full; a person's supporters do not answer for the person; a rejection of a named person answers only that
#   person's side) left 25 pairs, 3 right, 5 weak, 17 wrong (0.120 / 0.320), all 8 found (one new weak pair checked
#   and added), and cost the eighth sample a weak pair (20 pairs, 0.150 / 0.300, 6 of 8; two wrong ones gone too);
#   the first sample gained a weak one (20 pairs, 0.200 / 0.450, 9 of 11). "They" taking the plural subject before
#   it then dropped a wrong pair of the ninth sample (27 pairs, 0.185 / 0.296).
# On 2026-12-08 negations were held to 900 characters (from 1,500), figures and directions to 600, back references
# to 1,000 (from 2,500) and explicit denials to 3,000 (from anywhere), limits read off the pairs of all twelve
# samples and dev together: over all twelve, 266 pairs (54 right, 48 weak, 164 wrong, 0.203 / 0.383, 102 found)
# became 215 (52 / 41 / 122, three new wrong ones checked and added; 0.242 / 0.433, 93 found). Per sample, strict /
# lenient and found: first 0.235 / 0.471, 8; second 0.562 / 0.625, 10; third 0.500 / 0.667, 4; fourth
# 0.381 / 0.524, 11; fifth 0.083 / 0.417, 5; sixth 0.188 / 0.438, 7; seventh 0.222 / 0.481, 13; eighth
# 0.188 / 0.375, 6; ninth 0.238 / 0.381, 8; tenth 0.150 / 0.250, 5; eleventh 0.167 / 0.375, 9; twelfth
# 0.158 / 0.368, 7. Dev lost two right pairs far apart and no wrong one: 18 pairs, 0.500 / 0.778, 14 found.
# Advisers and aides in the plural, people named for a body and titled campaign staff then joined the side they speak
# for: five wrong pairs went (sixth, eighth, ninth, tenth, twelfth samples) and two wrong ones came (eighth sample,
# dev), both checked and added: twelve samples 211 pairs, 52 / 41 / 118 (0.246 / 0.441); sixth 0.200 / 0.467,
# eighth 0.188 / 0.375, ninth 0.250 / 0.400, tenth 0.158 / 0.263, twelfth 0.167 / 0.389; found unchanged.
# Far below the dev figure: the pairing does not yet carry to new news.
@pytest.mark.parametrize(("first", "checked_file", "strict", "lenient", "known"), [
    (11, "polnear_train_checked_pairs.json", 0.2, 0.45, 7),
    (5, "polnear_train_second_sample_checked_pairs.json", 0.5, 0.6, 10),
    (8, "polnear_train_third_sample_checked_pairs.json", 0.33, 0.45, 4),
    (2, "polnear_train_fourth_sample_checked_pairs.json", 0.3, 0.45, 11),
    (0, "polnear_train_fifth_sample_checked_pairs.json", 0.05, 0.25, 5),
    (1, "polnear_train_sixth_sample_checked_pairs.json", 0.15, 0.4, 7),
    (3, "polnear_train_seventh_sample_checked_pairs.json", 0.2, 0.45, 13),
    (4, "polnear_train_eighth_sample_checked_pairs.json", 0.15, 0.35, 6),
    (6, "polnear_train_ninth_sample_checked_pairs.json", 0.2, 0.35, 8),
    (7, "polnear_train_tenth_sample_checked_pairs.json", 0.12, 0.22, 4),
    (9, "polnear_train_eleventh_sample_checked_pairs.json", 0.15, 0.35, 9),
    (10, "polnear_train_twelfth_sample_checked_pairs.json", 0.15, 0.35, 7),
])
def test_polnear_train_sample_pairs_checked_by_hand(pipeline: ClaimRebuttalPipeline, first: int, checked_file: str,
                                                     strict: float, lenient: float, known: int) -> None:
    texts = sorted((POLNEAR_DEV.parent / "train" / "text").iterdir())[first::12]
    records = [o.to_json() for o in pipeline.run(iter_articles([str(p) for p in texts], config=InputConfig()))
               if not isinstance(o, ArticleFailure)]
    assert len(records) == 70
    report = score_checked(load_checked(DATA / checked_file), predicted_spans(records),
                           articles=[r["article_id"] for r in records])
    assert report.checked >= 0.8 * report.predicted
    assert report.strict_precision >= strict
    assert report.lenient_precision >= lenient
    assert report.known_right - len(report.lost) >= known


# Pronoun speakers on real news, which PolNeAR's own annotations cannot score (they keep "he" as written, and any
# resolved speaker counts as right against it): 100 statements drawn at random from the 2,493 whose speaker is
# he, she, they or it in the twelve train samples, each read in its paragraph
# (tests/data/polnear_train_pronoun_speakers_checked.json). On 2026-12-07, 83 of them resolved to the source the
# pronoun stands for (82 before the "he" chain and named-in-full rules); 85 after "they" took the plural subject
# before it.
def test_polnear_train_pronoun_speakers_checked_by_hand(run_config) -> None:  # type: ignore[no-untyped-def]
    checked = json.loads((DATA / "polnear_train_pronoun_speakers_checked.json").read_text(encoding="utf-8"))["items"]
    texts = POLNEAR_DEV.parent / "train" / "text"
    ids = sorted({item["article_id"] for item in checked})
    pipeline = ClaimRebuttalPipeline(dataclasses.replace(run_config, pipeline="attribution-only"))
    records = {o.article_id: o for o in pipeline.run(iter_articles([str(texts / f"{i}.txt") for i in ids],
                                                                   config=InputConfig()))
               if not isinstance(o, ArticleFailure)}
    assert sorted(records) == ids
    right = 0
    for item in checked:
        found = [s for s in records[item["article_id"]].statements
                 if (s.speaker_start, s.speaker_end) == tuple(item["mention"])]
        if item["speaker"] == "":
            right += not found
        else:
            right += any(speaker_correct(s.speaker, item["speaker"]) for s in found)
    assert right >= 82, right
