from __future__ import annotations

import pytest

from factcheck.io.language import ENGLISH_FUNCTION_WORDS, english_ratio

ENGLISH_NEWS = (
    "The city council voted on Tuesday to delay a decision on the new stadium, "
    "saying it needed more time to study the cost to taxpayers. Council members "
    "were split over whether the project would bring the jobs its backers have "
    "promised. The mayor, who has championed the plan for two years, said he was "
    "disappointed but would keep working with the developers. Opponents argued "
    "that the money could be better spent on schools and roads, and they vowed "
    "to fight the proposal if it comes back to a vote next month."
)

ENGLISH_SPORTS = (
    "Manchester United came from behind to beat Chelsea 2-1 at Old Trafford on "
    "Sunday, with Marcus Rashford scoring the winner in the 88th minute. Chelsea "
    "had taken the lead through a first-half header, but United pressed after "
    "the break and were rewarded when Bruno Fernandes levelled from the penalty "
    "spot. The result lifts United to fourth in the Premier League table."
)

SPANISH = (
    "El gobierno anunció el martes un nuevo plan para reducir la inflación, que "
    "ha alcanzado su nivel más alto en dos décadas. Según el ministro de "
    "Economía, las medidas incluyen una rebaja temporal de los impuestos sobre "
    "los alimentos básicos y ayudas directas a las familias con menos ingresos. "
    "La oposición criticó el anuncio y aseguró que llega demasiado tarde para "
    "los hogares que ya no pueden pagar la factura de la luz."
)

GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Klimaschutz "
    "beschlossen, das den Ausstoß von Treibhausgasen bis zum Jahr 2030 deutlich "
    "senken soll. Kritiker aus der Opposition bemängelten, dass die Vorgaben "
    "für den Verkehr und die Gebäude zu schwach seien. Der Minister sagte, man "
    "werde die Fortschritte jedes Jahr überprüfen und bei Bedarf nachbessern."
)

FRENCH = (
    "Le président a annoncé lundi soir une série de mesures pour soutenir le "
    "pouvoir d'achat des ménages, alors que les prix de l'énergie continuent "
    "d'augmenter. Selon le gouvernement, le chèque énergie sera versé dès le "
    "mois prochain à près de six millions de foyers. Les syndicats ont jugé ces "
    "annonces insuffisantes et appellent à une nouvelle journée de grève."
)

RUSSIAN = (
    "Правительство в среду объявило о новых мерах поддержки малого бизнеса. "
    "По словам министра, компании смогут получить льготные кредиты и отсрочку "
    "по налогам до конца года. Эксперты считают, что этих мер недостаточно."
)

CHINESE = (
    "市政府周二宣布，将在未来五年内投资一百亿元用于改善公共交通系统。"
    "官员表示，新的地铁线路预计将于明年年底开通，届时将大大缓解市中心的交通拥堵。"
)


@pytest.mark.parametrize("text", [ENGLISH_NEWS, ENGLISH_SPORTS], ids=["news", "sports"])
def test_english_scores_well_above_threshold(text: str) -> None:
    assert english_ratio(text) >= 0.8


@pytest.mark.parametrize(
    "text",
    [SPANISH, GERMAN, FRENCH, RUSSIAN, CHINESE],
    ids=["spanish", "german", "french", "russian", "chinese"],
)
def test_other_languages_score_far_below_threshold(text: str) -> None:
    assert english_ratio(text) <= 0.25


def test_seed_article_is_english() -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_8729996764f22b25.txt"
    assert english_ratio(seed.read_text(encoding="utf-8")) >= 0.8


def test_no_words_scores_zero() -> None:
    assert english_ratio("") == 0.0
    assert english_ratio("12 345 -- 67.8 %") == 0.0


def test_score_is_deterministic_and_bounded() -> None:
    assert english_ratio(ENGLISH_NEWS) == english_ratio(ENGLISH_NEWS)
    assert 0.0 <= english_ratio(ENGLISH_NEWS * 10) <= 1.0


def test_only_first_2000_words_count() -> None:
    # 2000 English words followed by a long Spanish tail: the tail is never read.
    english_words = ("the of and " * 700).split()[:2000]
    text = " ".join(english_words) + " " + SPANISH * 50
    assert english_ratio(text) == 1.0


def test_curly_apostrophes_count_like_straight_ones() -> None:
    assert english_ratio("it’s don’t") == english_ratio("it's don't") == 1.0


def test_word_list_is_about_150_lower_case_words() -> None:
    assert 120 <= len(ENGLISH_FUNCTION_WORDS) <= 220
    assert all(w == w.lower() for w in ENGLISH_FUNCTION_WORDS)
