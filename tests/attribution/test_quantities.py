from __future__ import annotations

import pytest

from factcheck.attribution.quantities import conflicting_figures, content_quantities, figure_value, opposite_directions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 120,000 patients received pills", ((120000.0, "patient"),)),
        ("readings at 212 homes exceeded the limit", ((212.0, "home"),)),
        ("the city faced a $14 million budget gap", ((14e6, "$"),)),
        ("unemployment had fallen to 5.1 percent", ((5.1, "percent"),)),
        # A share of something measures that thing: voters' views, not refugees' religion.
        ("74 percent of likely voters said he should", ((74.0, "percent of voter"),)),
        ("98 percent of the Syrian refugees are Sunni", ((98.0, "percent of refugee"),)),
        ("the agencies bought spyware in 2011", ()),
        # "the number of X was N" counts X.
        ("the true number of additional homes was about 164,000", ((164000.0, "home"),)),
        # A figure the speaker negates is not theirs; a definite one keeps its figure under the negation.
        ("the plan would not blow open an estimated $10 trillion hole in the budget", ()),
        ("the government had not subtracted the 48,000 homes demolished", ((48000.0, "home"),)),
        # A figure the content reports as someone else's is not the speaker's; hours of battery life count.
        ("the laptop ran for 11 hours, far short of the 30 hours the manufacturer advertises", ((11.0, "hour"),)),
        ("sales reached 400 units, not the 900 units the company claimed", ((400.0, "unit"),)),
        # A share of what did something, in percent, whatever the two accounts count it in.
        ("only two of the city's 11 lines had run any service", ((18.2, "share that run"), (11.0, "line"))),
        ("about 60 percent of scheduled trams had run by midday", ((60.0, "percent of tram"), (60.0, "share that run"))),
        # Not a share: a group ("the top 1 percent"), or a verb that says nothing without its complement.
        ("the top 1 percent of taxpayers would face a tax increase", ((1.0, "percent of taxpayer"),)),
        # A degree of conviction is no figure.
        ("I am 100% convinced that you cannot win an election", ()),
        ("we are 110 percent behind the coach", ()),
    ],
)
def test_figures_and_what_they_count(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert content_quantities(nlp(text), 0, len(text)) == expected


def test_shares_given_in_different_units_conflict(nlp) -> None:  # type: ignore[no-untyped-def]
    lines, trams = "only two of the city's 11 lines had run any service", "about 60 percent of trams had run by noon"
    close = "about 20 percent of trams had run by noon"
    found = conflicting_figures(content_quantities(nlp(lines), 0, len(lines)),
                                content_quantities(nlp(trams), 0, len(trams)))
    assert found == ("share that run", 18.2, 60.0)
    assert conflicting_figures(content_quantities(nlp(lines), 0, len(lines)),
                               content_quantities(nlp(close), 0, len(close))) is None


def test_conflicting_figures_need_the_same_unit_and_a_real_gap() -> None:
    assert conflicting_figures(((212.0, "home"),), ((31.0, "home"),)) == ("home", 212.0, 31.0)
    assert conflicting_figures(((212.0, "home"),), ((31.0, "school"),)) is None
    assert conflicting_figures(((100.0, "home"),), ((105.0, "home"),)) is None
    # Orders of magnitude apart, two figures count different things.
    assert conflicting_figures(((1e6, "$"),), ((1.1e12, "$"),)) is None
    # The same figure appears on both sides: a second, different one is context, not conflict.
    assert conflicting_figures(((100.0, "home"), (20.0, "home")), ((100.0, "home"),)) is None


@pytest.mark.parametrize(("text", "value"), [("Eighteen million", 18e6), ("241", 241.0), ("1,250", 1250.0),
                                             ("twenty-one", 21.0), ("3.5 billion", 3.5e9), ("The fee", None),
                                             ("eighteen percent", None), ("one-sided", None)])
def test_a_short_phrase_read_as_a_figure(text: str, value: float | None) -> None:
    assert figure_value(text) == value


def test_opposite_directions() -> None:
    assert opposite_directions("levels above the permitted limit", "levels well below the limit") == ("above", "below")
    assert opposite_directions("prices rose", "prices rose again") is None
    assert opposite_directions("above and below", "below") is None
    # Phrasal verbs say nothing of a measure's direction ...
    assert opposite_directions("to clean up the mines", "the cost could fall to taxpayers") is None
    assert opposite_directions("cracking down on tax breaks", "tax breaks rose") is None
    # ... but a figure falling to a value does.
    assert opposite_directions("prices went up", "prices fell to 5 percent") == ("up", "fell")
    # over and under of time, condition or rule put no figure anywhere
    assert opposite_directions("we expect this type of growth to occur over time",
                               "children who are under threat for their lives must remain") is None
    assert opposite_directions("levels over the limit", "people covered under the new program") is None
    assert opposite_directions("the judge ruled over objections by the department",
                               "access to documents under FOIA has been undermined") is None
    assert opposite_directions("spending went over budget", "spending came in under budget") == ("over", "under")
    assert opposite_directions("levels over the limit", "levels under the limit") == ("over", "under")
    # the two directions must move one thing: a word next to each is the same
    assert opposite_directions("any estimates of support for a candidate are more a passing snapshot",
                               "whether he would be able to retain that support in the fall") is None
    assert opposite_directions("it's more important to narrow the field than to air ads",
                               "Conservative Solutions dropped nearly $3 million worth of new ads") is None
