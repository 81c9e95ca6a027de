"""Score a run's output against gold: statements, speakers and contradiction pairs.

The definitions are those of the official ``score.py``:

- a predicted statement matches a gold statement of the same article when
  their contents have token F1 >= 0.5; matching is one-to-one, greedy from the
  highest F1 down;
- a matched statement's speaker is right when it shares a content word with
  the gold speaker (or, when the gold speaker has none, when it is non-empty);
- a predicted contradiction or rebuttal is correct when its two statements
  match the two statements of a gold pair, in either order;
- optional gold statements are neither missed nor held against a prediction
  that matches them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.errors import InputError
from factcheck.evaluation.gold import MUST, GoldArticle, GoldPair, GoldStatement

CONFLICT_RELATIONS = frozenset({"contradiction", "rebuttal"})
MATCH_THRESHOLD = 0.5

_TOKEN = re.compile(r"[a-z0-9$]+")
_PRONOUNS = frozenset("i me we us you he him she her it they them".split())
# Words that never identify a speaker: function words, titles and reporting verbs.
_NON_NAME_WORDS = frozenset(
    """
    a an the this that these those
    of to in on for by with from at as
    and or
    is was were be been are has have had
    my our your his her its their
    mr mrs ms dr
    said says
    """.split()
)


@dataclasses.dataclass(frozen=True)
class PredictedStatement:
    """The parts of one output statement that scoring looks at."""

    id: str
    speaker: str
    content: str


@dataclasses.dataclass(frozen=True)
class PredictedPair:
    """The parts of one output pair that scoring looks at."""

    a: str
    b: str
    relation: str
    score: float = 0.0


@dataclasses.dataclass(frozen=True)
class StatementMatch:
    """A gold statement and the prediction matched to it, with their token F1."""

    gold: GoldStatement
    predicted: PredictedStatement
    overlap: float


@dataclasses.dataclass(frozen=True)
class PairView:
    """A pair to read in a report: its statement ids and contents, and its tier or relation."""

    a: str
    b: str
    a_content: str
    b_content: str
    label: str


@dataclasses.dataclass(frozen=True)
class ArticleEval:
    """What went right and wrong in one article.

    ``gold_statements``, ``predicted_statements`` and ``matched`` leave out
    optional gold statements and the predictions matched to them.
    """

    article_id: str
    has_output: bool
    gold_statements: int
    predicted_statements: int
    matched: int
    speaker_correct: int
    missed: tuple[GoldStatement, ...]
    spurious: tuple[PredictedStatement, ...]
    wrong_speakers: tuple[StatementMatch, ...]
    gold_pairs: int
    must_pairs: int
    must_found: int
    predicted_pairs: int
    correct_pairs: int
    found_pairs: tuple[PairView, ...]
    missed_pairs: tuple[PairView, ...]
    wrong_pairs: tuple[PairView, ...]


@dataclasses.dataclass(frozen=True)
class EvalReport:
    """Totals over all gold articles, and each article's errors in ``per_article``.

    ``correct_pairs`` counts correct predicted pairs (for precision);
    ``found_pairs`` counts gold pairs found at least once (for recall).
    """

    articles: int
    missing_articles: int
    gold_statements: int
    predicted_statements: int
    matched: int
    statement_precision: float
    statement_recall: float
    statement_f1: float
    speaker_correct: int
    speaker_accuracy: float
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    found_pairs: int
    pair_recall: float
    pair_precision: float
    must_pairs: int
    must_found: int
    must_recall: float
    per_article: tuple[ArticleEval, ...]


def tokens(text: str) -> list[str]:
    """Lowercased word tokens: runs of ``[a-z0-9$]``."""
    return _TOKEN.findall(text.lower())


def token_f1(a: str, b: str) -> float:
    """Bag-of-tokens F1 between two texts; 0.0 when either has no token."""
    left, right = Counter(tokens(a)), Counter(tokens(b))
    common = sum((left & right).values())
    if common == 0:
        return 0.0
    precision = common / sum(right.values())
    recall = common / sum(left.values())
    return 2 * precision * recall / (precision + recall)


def match_statements(
    gold: Sequence[GoldStatement],
    predicted: Sequence[PredictedStatement],
    *,
    threshold: float = MATCH_THRESHOLD,
) -> tuple[StatementMatch, ...]:
    """Match gold and predicted statements one-to-one by content overlap, best overlap first.

    Only pairs with token F1 >= ``threshold`` can match. Equal overlaps are
    taken in the official scorer's order (larger ids first, as strings) so
    that both give the same figures. The result follows the gold order.
    """
    candidates = []
    for gold_statement in gold:
        for prediction in predicted:
            overlap = token_f1(gold_statement.content, prediction.content)
            if overlap >= threshold and overlap > 0.0:
                candidates.append((overlap, gold_statement.sid, prediction.id, gold_statement, prediction))
    candidates.sort(key=_candidate_order, reverse=True)
    matched: dict[str, StatementMatch] = {}
    taken: set[str] = set()
    for overlap, sid, pid, gold_statement, prediction in candidates:
        if sid in matched or pid in taken:
            continue
        matched[sid] = StatementMatch(gold=gold_statement, predicted=prediction, overlap=overlap)
        taken.add(pid)
    return tuple(matched[statement.sid] for statement in gold if statement.sid in matched)


def speaker_correct(predicted_speaker: str, gold_speaker: str) -> bool:
    """Whether a predicted speaker names the gold speaker.

    True when both share a content word (not a pronoun, function word, title
    or "said"). When the gold speaker has no content word (a pronoun, or empty
    as in corpora without coreference), any non-empty predicted speaker counts.
    """
    gold_words = _name_words(gold_speaker)
    if not gold_words:
        return bool(tokens(predicted_speaker))
    return bool(gold_words & _name_words(predicted_speaker))


def score(gold: Sequence[GoldArticle], predicted: Mapping[str, Mapping[str, Any]]) -> EvalReport:
    """Score output records (article id -> record as written by ``factcheck run``) against gold.

    A gold article with no record counts as one with no statements and no
    pairs; records for articles without gold are ignored.
    """
    per_article = tuple(score_article(article, predicted.get(article.id)) for article in gold)
    gold_statements = sum(item.gold_statements for item in per_article)
    predicted_statements = sum(item.predicted_statements for item in per_article)
    matched = sum(item.matched for item in per_article)
    speakers = sum(item.speaker_correct for item in per_article)
    gold_pairs = sum(item.gold_pairs for item in per_article)
    predicted_pairs = sum(item.predicted_pairs for item in per_article)
    correct_pairs = sum(item.correct_pairs for item in per_article)
    found_pairs = sum(len(item.found_pairs) for item in per_article)
    must_pairs = sum(item.must_pairs for item in per_article)
    must_found = sum(item.must_found for item in per_article)
    precision = _ratio(matched, predicted_statements)
    recall = _ratio(matched, gold_statements)
    return EvalReport(
        articles=len(per_article),
        missing_articles=sum(not item.has_output for item in per_article),
        gold_statements=gold_statements,
        predicted_statements=predicted_statements,
        matched=matched,
        statement_precision=precision,
        statement_recall=recall,
        statement_f1=_ratio(2 * precision * recall, precision + recall),
        speaker_correct=speakers,
        speaker_accuracy=_ratio(speakers, matched),
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        correct_pairs=correct_pairs,
        found_pairs=found_pairs,
        pair_recall=_ratio(found_pairs, gold_pairs),
        pair_precision=_ratio(correct_pairs, predicted_pairs),
        must_pairs=must_pairs,
        must_found=must_found,
        must_recall=_ratio(must_found, must_pairs),
        per_article=per_article,
    )


def score_article(gold: GoldArticle, record: Mapping[str, Any] | None) -> ArticleEval:
    """Score one article's output record (``None`` when the run has no record for it)."""
    statements, pairs = read_record(record, source=gold.id) if record is not None else ((), ())
    matches = match_statements(gold.statements, statements)
    gold_to_pred = {match.gold.sid: match.predicted.id for match in matches}
    pred_to_gold = {pid: sid for sid, pid in gold_to_pred.items()}
    counted = [match for match in matches if not match.gold.optional]
    right = [speaker_correct(match.predicted.speaker, match.gold.speaker) for match in counted]
    by_sid = {statement.sid: statement for statement in gold.statements}
    by_pid = {statement.id: statement for statement in statements}

    gold_pairs = {frozenset((pair.a, pair.b)): pair for pair in gold.pairs}
    conflicts = [pair for pair in pairs if pair.relation.lower() in CONFLICT_RELATIONS]
    hit: set[frozenset[str]] = set()
    wrong = []
    for pair in conflicts:
        key = frozenset((pred_to_gold.get(pair.a, ""), pred_to_gold.get(pair.b, "")))
        if key in gold_pairs:
            hit.add(key)
        else:
            wrong.append(_predicted_view(pair, by_pid))
    musts = [key for key, pair in gold_pairs.items() if pair.tier == MUST]
    return ArticleEval(
        article_id=gold.id,
        has_output=record is not None,
        gold_statements=sum(not statement.optional for statement in gold.statements),
        predicted_statements=len(statements) - (len(matches) - len(counted)),
        matched=len(counted),
        speaker_correct=sum(right),
        missed=tuple(s for s in gold.statements if not s.optional and s.sid not in gold_to_pred),
        spurious=tuple(s for s in statements if s.id not in pred_to_gold),
        wrong_speakers=tuple(match for match, ok in zip(counted, right, strict=True) if not ok),
        gold_pairs=len(gold_pairs),
        must_pairs=len(musts),
        must_found=sum(key in hit for key in musts),
        predicted_pairs=len(conflicts),
        correct_pairs=len(conflicts) - len(wrong),
        found_pairs=tuple(_gold_view(pair, by_sid) for key, pair in gold_pairs.items() if key in hit),
        missed_pairs=tuple(_gold_view(pair, by_sid) for key, pair in gold_pairs.items() if key not in hit),
        wrong_pairs=tuple(wrong),
    )


def read_record(
    record: Mapping[str, Any], *, source: str
) -> tuple[tuple[PredictedStatement, ...], tuple[PredictedPair, ...]]:
    """The statements and pairs of one output record (``ArticleResult.to_json`` layout)."""
    statements = []
    for index, item in enumerate(_items(record, "statements", source=source)):
        where = f"{source}: statements[{index}]"
        statements.append(
            PredictedStatement(
                id=_id(item.get("id"), default=str(index), where=where),
                speaker=_string(item.get("speaker"), key="speaker", where=where),
                content=_string(item.get("content"), key="content", where=where),
            )
        )
    ids = [statement.id for statement in statements]
    if len(set(ids)) != len(ids):
        raise InputError(source, "two predicted statements share an id")
    pairs = []
    for index, item in enumerate(_items(record, "pairs", source=source)):
        where = f"{source}: pairs[{index}]"
        raw_score = item.get("score", 0.0)
        if isinstance(raw_score, bool) or not isinstance(raw_score, int | float):
            raise InputError(where, "'score' must be a number")
        pairs.append(
            PredictedPair(
                a=_id(item.get("a"), default="", where=where),
                b=_id(item.get("b"), default="", where=where),
                relation=_string(item.get("relation"), key="relation", where=where) or "contradiction",
                score=float(raw_score),
            )
        )
    return tuple(statements), tuple(pairs)


def format_report(report: EvalReport, *, details: bool = True) -> str:
    """A readable summary: totals first, then (with ``details``) each article's errors."""
    lines = [
        f"articles            {report.articles} ({report.missing_articles} without output)",
        f"statements          gold {report.gold_statements}  predicted {report.predicted_statements}"
        f"  matched {report.matched}",
        f"  precision {report.statement_precision:.3f}  recall {report.statement_recall:.3f}"
        f"  F1 {report.statement_f1:.3f}",
        f"speakers            {report.speaker_correct}/{report.matched} right"
        f"  accuracy {report.speaker_accuracy:.3f}",
        f"pairs               gold {report.gold_pairs}  predicted {report.predicted_pairs}"
        f"  correct {report.correct_pairs}  found {report.found_pairs}",
        f"  precision {report.pair_precision:.3f}  recall {report.pair_recall:.3f}",
        f"must pairs          {report.must_found}/{report.must_pairs} found  recall {report.must_recall:.3f}",
    ]
    if details:
        for item in report.per_article:
            lines.extend(_article_lines(item))
    return "\n".join(lines)


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """The report as plain JSON-ready data (figures unrounded)."""
    return dataclasses.asdict(report)


def _article_lines(item: ArticleEval) -> list[str]:
    if not (item.missed or item.spurious or item.wrong_speakers or item.missed_pairs or item.wrong_pairs):
        return []
    status = "" if item.has_output else "  (no output)"
    lines = [
        "",
        f"== {item.article_id}{status}: statements {item.matched}/{item.gold_statements}"
        f" matched, pairs {len(item.found_pairs)}/{item.gold_pairs} found",
    ]
    lines.extend(f"  missed    {s.sid} [{s.speaker}] {_short(s.content)}" for s in item.missed)
    lines.extend(f"  spurious  {s.id} [{s.speaker}] {_short(s.content)}" for s in item.spurious)
    lines.extend(
        f"  speaker   {m.gold.sid}: predicted [{m.predicted.speaker}], gold [{m.gold.speaker}]"
        for m in item.wrong_speakers
    )
    lines.extend(f"  found     {_pair_line(view)}" for view in item.found_pairs)
    lines.extend(f"  no pair   {_pair_line(view)}" for view in item.missed_pairs)
    lines.extend(f"  bad pair  {_pair_line(view)}" for view in item.wrong_pairs)
    return lines


def _pair_line(view: PairView) -> str:
    return f"{view.a}-{view.b} ({view.label}): {_short(view.a_content, 60)} <> {_short(view.b_content, 60)}"


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _gold_view(pair: GoldPair, by_sid: Mapping[str, GoldStatement]) -> PairView:
    return PairView(
        a=pair.a, b=pair.b, a_content=by_sid[pair.a].content, b_content=by_sid[pair.b].content, label=pair.tier
    )


def _predicted_view(pair: PredictedPair, by_pid: Mapping[str, PredictedStatement]) -> PairView:
    a, b = by_pid.get(pair.a), by_pid.get(pair.b)
    return PairView(
        a=pair.a,
        b=pair.b,
        a_content=a.content if a is not None else "",
        b_content=b.content if b is not None else "",
        label=pair.relation,
    )


def _candidate_order(candidate: tuple[float, str, str, GoldStatement, PredictedStatement]) -> tuple[float, str, str]:
    return candidate[0], candidate[1], candidate[2]


def _name_words(speaker: str) -> set[str]:
    return {token for token in tokens(speaker) if token not in _NON_NAME_WORDS and token not in _PRONOUNS}


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _items(record: Mapping[str, Any], key: str, *, source: str) -> list[Mapping[str, Any]]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise InputError(source, f"'{key}' must be a list of objects")
    return value


def _id(value: object, *, default: str, where: str) -> str:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(where, "ids must be strings or numbers")
    return str(value)


def _string(value: object, *, key: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(where, f"'{key}' must be a string")
    return value
