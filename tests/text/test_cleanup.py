from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.records import Article, CleanArticle
from factcheck.text.cleanup import clean_article

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_8729996764f22b25.txt"

PARA_1 = "The city council voted on Tuesday to delay a decision on the new stadium."
PARA_2 = "“We need more time,” the mayor said, adding that the cost was still unclear."
PARA_3 = "Opponents vowed to fight the proposal if it comes back to a vote next month."


def clean(text: str, **fields: str) -> CleanArticle:
    return clean_article(Article(id="a1", text=text, source="src.txt", **fields))


def test_seed_article() -> None:
    raw = SEED.read_text(encoding="utf-8")
    result = clean_article(Article(id="seed", text=raw, source=str(SEED)))
    assert result.title == "Mexico To Ask FBI For Help In Journalist Spying Probe"
    assert result.dateline == "Mexico City"
    assert result.text.startswith("The Mexican attorney general’s office said it would ask the US Federal Bureau")
    assert result.text.endswith("used exclusively on people it identifies as suspected terrorists and criminals.")
    for junk in ("Leave a Reply", "0 replies", "Want to join", "Feel free"):
        assert junk not in result.text
    # The body is kept byte for byte: every paragraph is in the raw text as it was.
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == 12
    assert all(paragraph in raw for paragraph in paragraphs)
    assert "\n\n\n" not in result.text


def test_record_fields_are_carried_over() -> None:
    article = Article(
        id="x9", text=PARA_1 + "\n", source="feed.jsonl:3", title="T", url="https://x.test", published="2024-01-02"
    )
    result = clean_article(article)
    assert result == CleanArticle(
        id="x9",
        text=PARA_1,
        source="feed.jsonl:3",
        title="T",
        dateline=None,
        url="https://x.test",
        published="2024-01-02",
    )


# --- headline ---------------------------------------------------------------


def test_headline_without_period_followed_by_body_line() -> None:
    result = clean("Stadium Vote Delayed\n" + PARA_1)
    assert (result.title, result.text) == ("Stadium Vote Delayed", PARA_1)


def test_headline_question_mark() -> None:
    result = clean("Is the stadium worth it?\n\n" + PARA_1)
    assert (result.title, result.text) == ("Is the stadium worth it?", PARA_1)


def test_title_case_headline_with_period_before_a_blank_line() -> None:
    result = clean("Council Delays Stadium Vote.\n\n" + PARA_1)
    assert (result.title, result.text) == ("Council Delays Stadium Vote.", PARA_1)


def test_short_first_sentence_is_not_a_headline() -> None:
    text = "The mayor resigned on Tuesday.\n\n" + PARA_1
    result = clean(text)
    assert (result.title, result.text) == (None, text)


def test_long_first_line_is_not_a_headline() -> None:
    text = ("A very long opening line without a period that goes on " * 5).rstrip() + "\n\n" + PARA_1
    result = clean(text)
    assert result.title is None
    assert result.text == text


def test_hard_wrapped_paragraph_is_not_a_headline() -> None:
    text = "The city council voted on Tuesday to delay\na decision on the new stadium."
    result = clean(text)
    assert (result.title, result.text) == (None, text)


def test_single_line_is_body_not_headline() -> None:
    result = clean("Police arrest two men after the bank robbery downtown")
    assert (result.title, result.text) == (None, "Police arrest two men after the bank robbery downtown")


def test_given_title_keeps_first_line_unless_it_repeats_the_title() -> None:
    kept = clean("Stadium Vote Delayed\n\n" + PARA_1, title="Council news")
    assert (kept.title, kept.text) == ("Council news", "Stadium Vote Delayed\n\n" + PARA_1)
    dropped = clean("Stadium  vote delayed\n\n" + PARA_1, title="Stadium Vote Delayed")
    assert (dropped.title, dropped.text) == ("Stadium Vote Delayed", PARA_1)


def test_leading_blank_lines_before_headline() -> None:
    result = clean("\n\n  \nStadium Vote Delayed\n\n" + PARA_1)
    assert (result.title, result.text) == ("Stadium Vote Delayed", PARA_1)


# --- dateline ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "dateline", "body_start"),
    [
        ("Mexico City – The Mexican attorney general said so.", "Mexico City", "The Mexican"),
        ("WASHINGTON (Reuters) - U.S. officials said on Monday.", "WASHINGTON (Reuters)", "U.S. officials"),
        ("LONDON, June 3 (AP) — Police said a man was arrested.", "LONDON, June 3 (AP)", "Police said"),
        ("NEW YORK — The mayor said the budget was balanced.", "NEW YORK", "The mayor"),
        ("SAN JUAN, Puerto Rico (AP) — Hurricane winds hit.", "SAN JUAN, Puerto Rico (AP)", "Hurricane"),
        ("BEIRUT/DUBAI (Reuters) - Iran said it would respond.", "BEIRUT/DUBAI (Reuters)", "Iran said"),
        ("Rio de Janeiro — Brazil's president said on Sunday.", "Rio de Janeiro", "Brazil's"),
        ("WASHINGTON—The Fed held rates steady on Wednesday.", "WASHINGTON", "The Fed"),
        ("São Paulo, Jan. 5, 2021 (Reuters) -- The bank said.", "São Paulo, Jan. 5, 2021 (Reuters)", "The bank"),
        ("(Reuters) - Apple Inc said on Tuesday it would.", "(Reuters)", "Apple Inc"),
    ],
)
def test_dateline_is_split_off_without_the_dash(first_line: str, dateline: str, body_start: str) -> None:
    result = clean("Headline Here\n\n" + first_line + "\n\n" + PARA_2)
    assert result.dateline == dateline
    assert result.text == first_line[first_line.index(body_start) :] + "\n\n" + PARA_2


@pytest.mark.parametrize(
    "first_line",
    [
        "Joe Biden — who was in Ohio on Monday — said the plan would work.",
        "Coca-Cola said on Tuesday that profits rose.",
        "The president - who spoke briefly - said nothing new.",
        "Officials said the vote – which was close – would stand.",
    ],
)
def test_no_dateline_in_ordinary_first_sentences(first_line: str) -> None:
    result = clean("Headline Here\n\n" + first_line)
    assert (result.dateline, result.text) == (None, first_line)


def test_dateline_only_at_start_of_first_paragraph() -> None:
    text = PARA_1 + "\n\nNEW YORK — The mayor said the budget was balanced."
    result = clean(text, title="T")
    assert (result.dateline, result.text) == (None, text)


def test_dateline_line_is_not_taken_as_headline() -> None:
    result = clean("WASHINGTON (Reuters) - U.S. officials said on Monday that talks had stalled")
    assert result.title is None
    assert result.dateline == "WASHINGTON (Reuters)"
    assert result.text == "U.S. officials said on Monday that talks had stalled"


# --- furniture --------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Click to email a link to a friend (Opens in new window)",
        "Advertisement",
        "ADVERTISEMENT",
        "Sign up for our newsletter",
        "Subscribe to our daily newsletter for the latest news",
        "We use cookies to ensure that we give you the best experience on our website.",
        "Accept all cookies",
        "Story continues below advertisement",
        "Like this:",
        "Loading...",
        "Read more: Council approves budget",
        "Tags: stadium, council, budget",
        "Facebook",
        "Feel free to contribute!",
        "Follow Pam Key on Twitter @pamkeyNEN.",
        "\"Follow Pam Key on Twitter @pamkeyNEN.\"",  # the stray quote mark of a transcript's last paragraph
        "Follow AWR Hawkins on Twitter: @AWRHawkins. Reach him directly at awrhawkins@example.com.",
    ],
)
def test_furniture_line_is_dropped(junk: str) -> None:
    result = clean(f"Stadium Vote Delayed\n\n{PARA_1}\n\n{junk}\n\n{PARA_2}\n\n{PARA_3}")
    assert result.text == f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}"


@pytest.mark.parametrize(
    "marker",
    [
        "0 replies",
        "12 Comments",
        "1 comment",
        "Leave a Reply",
        "leave a comment",
        "Want to join the discussion?",
        "3 thoughts on “Stadium Vote Delayed”",
        "Comments",
    ],
)
def test_comment_block_and_everything_after_is_dropped(marker: str) -> None:
    tail = f"{marker}\n\nJane says:\nGreat article, I agree with the mayor completely.\n\nReply"
    result = clean(f"Stadium Vote Delayed\n\n{PARA_1}\n\n{PARA_2}\n\n{tail}")
    assert result.text == f"{PARA_1}\n\n{PARA_2}"


def test_related_posts_block_at_the_end_is_dropped() -> None:
    tail = "Related Posts\n\nMayor Defends Budget Plan\n\nStadium Critics Rally Downtown"
    result = clean(f"{PARA_1}\n\n{PARA_2}\n\n{tail}", title="T")
    assert result.text == f"{PARA_1}\n\n{PARA_2}"


def test_related_heading_followed_by_prose_keeps_the_prose() -> None:
    result = clean(f"{PARA_1}\n\nRelated\n\n{PARA_2}\n\n{PARA_3}", title="T")
    assert result.text == f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}"


def test_furniture_words_inside_sentences_are_kept() -> None:
    text = (
        "The newspaper said 12 comments were removed from its website.\n\n"
        "Leave a reply on the form, the council told residents, if you want to comment.\n\n"
        "Follow the council's debate live, the mayor urged residents on Twitter."
    )
    result = clean(text, title="T")
    assert result.text == text


# --- whitespace -------------------------------------------------------------


def test_crlf_blank_runs_and_trailing_spaces() -> None:
    raw = f"Stadium Vote Delayed\r\n\r\n{PARA_1}   \r\n\r\n\r\n\r\n{PARA_2}\t\r\n \r\n{PARA_3}\r\n\r\n"
    result = clean(raw)
    assert result.title == "Stadium Vote Delayed"
    assert result.text == f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}"


def test_inner_spacing_and_characters_are_untouched() -> None:
    body = "He  said:\u00a0“Yes” —  twice.\n\tIndented line stays.\nSingle newline stays."
    result = clean(body, title="T")
    assert result.text == body


def test_empty_text_gives_empty_body() -> None:
    result = clean("  \n\n")
    assert (result.title, result.dateline, result.text) == (None, None, "")
