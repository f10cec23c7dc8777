"""The SVG charts: bars that match the numbers, the reference line, the text alternative, and
every label escaped (pure, no database)."""

import re
from xml.etree import ElementTree

import pytest

from milepost.goals.charts import Bar, ChartError, Line, bar_chart, number, scale

SVG = "{http://www.w3.org/2000/svg}"
WEEKS = [("1 Dec", 12.5), ("8 Dec", 0.0), ("15 Dec", None), ("22 Dec", 30.0)]


def chart(**kwargs):
    bars = [Bar(label, value) for label, value in WEEKS] + [Bar("This week", 4, current=True)]
    options = dict(chart_id="weekly", title="Your weeks", desc="Bars: weekly distance.")
    return bar_chart(bars, **{**options, "unit": "km", **kwargs})


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # well-formed XML, or this raises


def test_one_bar_per_week_with_its_value_and_height_in_proportion():
    root = parsed(chart().svg)
    bars = root.findall(f"{SVG}rect")
    assert [b.get("data-value") for b in bars] == ["12.5", "0", "30", "4"]  # no bar: no run
    heights = {b.get("data-value"): float(b.get("height")) for b in bars}
    assert heights["30"] == pytest.approx(heights["12.5"] * 30 / 12.5, rel=0.01)
    assert heights["0"] == 0
    assert bars[-1].get("class") == "bar current"
    bottoms = {round(float(b.get("y")) + float(b.get("height")), 1) for b in bars}
    assert len(bottoms) == 1  # every bar stands on the same baseline


def test_the_reference_line_sits_at_its_value():
    root = parsed(chart(line=Line(15, "Your average: 15 km")).svg)
    (line,) = [e for e in root.findall(f"{SVG}line") if e.get("class") == "reference"]
    assert line.get("data-value") == "15"
    thirty = next(b for b in root.findall(f"{SVG}rect") if b.get("data-value") == "30")
    top, base = float(thirty.get("y")), float(thirty.get("y")) + float(thirty.get("height"))
    assert float(line.get("y1")) == pytest.approx((top + base) / 2, abs=0.2)  # half of 30
    assert "Your average: 15 km" in "".join(root.itertext())


def test_it_is_an_image_named_by_its_title_and_description():
    root = parsed(chart().svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "weekly-title weekly-desc"
    assert root.find(f"{SVG}title").text == "Your weeks"
    assert root.find(f"{SVG}title").get("id") == "weekly-title"
    assert root.find(f"{SVG}desc").text == "Bars: weekly distance."


def test_the_table_holds_the_same_numbers():
    table = chart(line=Line(11.6, "Your average: 11.6 km"), heading="Distance").table
    rows = re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', table)
    assert rows == [
        ("1 Dec", "12.5 km"),
        ("8 Dec", "0 km"),
        ("15 Dec", "\u2013"),
        ("22 Dec", "30 km"),
        ("This week", "4 km"),
    ]
    assert "<caption>Your weeks</caption>" in table
    assert '<th scope="col">Distance</th>' in table
    assert '<tfoot><tr><td colspan="2">Your average: 11.6 km</td></tr></tfoot>' in table


def test_words_given_for_a_bar_are_used_in_the_table_and_tooltip():
    result = bar_chart(
        [Bar("3 Mar", 26.5, "26:30")], chart_id="race", title="5K", desc="Times", unit="min"
    )
    assert "<td>26:30</td>" in result.table
    assert "<title>3 Mar: 26:30</title>" in result.svg


def test_every_label_is_escaped():
    evil = '<script>alert("x")</script> & "quotes"'
    result = bar_chart(
        [Bar(evil, 3, evil)],
        chart_id="c",
        title=evil,
        desc=evil,
        unit=evil,
        line=Line(1, evil),
        column=evil,
        heading=evil,
    )
    for html in (result.svg, result.table):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
    parsed(result.svg)


@pytest.mark.parametrize("chart_id", ["", "1abc", 'x" onload="alert(1)', "a b"])
def test_a_chart_id_cannot_break_out_of_its_attribute(chart_id):
    with pytest.raises(ChartError):
        bar_chart([Bar("a", 1)], chart_id=chart_id, title="t", desc="d")


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf")])
def test_values_are_finite_and_not_negative(value):
    with pytest.raises(ChartError):
        bar_chart([Bar("a", value)], chart_id="c", title="t", desc="d")


def test_a_chart_needs_a_bar():
    with pytest.raises(ChartError):
        bar_chart([], chart_id="c", title="t", desc="d")


def test_many_weeks_get_a_readable_number_of_axis_labels():
    bars = [Bar(f"w{n}", n) for n in range(16)]
    root = parsed(bar_chart(bars, chart_id="c", title="t", desc="d").svg)
    labels = [t.text for t in root.findall(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["w3", "w7", "w11", "w15"]  # every fourth week, ending on the last
    assert all(t.get("font-size") is None for t in root.findall(f"{SVG}text"))
    assert root.get("font-size") == "20"


@pytest.mark.parametrize(
    "highest, top, step",
    [(0, 1, 1), (4, 4, 1), (7, 8, 2), (32.1, 40, 10), (9, 10, 2), (118, 125, 25), (0.3, 0.3, 0.1)],
)
def test_the_axis_ends_on_a_round_number(highest, top, step):
    assert scale(highest) == (top, step)


def test_numbers_have_no_trailing_zeros():
    assert [number(v) for v in (12.5, 20.0, 0.25, 0.004, 3.14159)] == [
        "12.5",
        "20",
        "0.25",
        "0",
        "3.14",
    ]
