"""The pure ``predict()`` behind ``milepost predict``."""

import json

import pytest

from milepost.runmath import RunmathError
from milepost.runmath.predict import predict
from milepost.runmath.tests.oracle import secs


def test_it_gives_vdot_and_the_four_standard_equivalents():
    # RUNNING_SCIENCE.md §1.3: 5K 24:34 -> VDOT 39.11, 50:59, 1:53:03, 3:53:55.
    result = predict("5k", "24:34")
    assert result["vdot"] == pytest.approx(39.11, abs=0.005)
    assert result["equivalents"] == {
        "5k": {"seconds": secs("24:34"), "hms": "0:24:34"},
        "10k": {"seconds": secs("50:59"), "hms": "0:50:59"},
        "half": {"seconds": secs("1:53:03"), "hms": "1:53:03"},
        "marathon": {"seconds": secs("3:53:55"), "hms": "3:53:55"},
    }
    assert result["age_grade_pct"] is None and result["bq_standard_s"] is None


def test_the_answer_is_json_ready():
    result = predict("marathon", "3:30:00", to="30km", age=40, category="men")
    assert json.loads(json.dumps(result)) == result


def test_a_to_distance_is_added_under_its_own_name():
    result = predict("10k", "50:00", to="8km")
    assert set(result["equivalents"]) == {"5k", "10k", "half", "marathon", "8km"}
    assert predict("10k", "50:00", to="Half Marathon")["equivalents"].keys() == {
        "5k",
        "10k",
        "half",
        "marathon",
    }


@pytest.mark.parametrize(
    ("method", "half", "marathon"),
    [("riegel", "1:55:00", "3:59:47"), ("cameron", "1:54:49", "4:03:59")],
)
def test_the_method_chooses_the_equivalence(method, half, marathon):
    # RUNNING_SCIENCE.md §2.5, from 5K 25:00.
    result = predict("5k", "25:00", method=method)
    assert result["method"] == method
    assert result["equivalents"]["half"]["hms"] == half
    assert result["equivalents"]["marathon"]["hms"] == marathon


def test_a_marathon_gets_age_grade_and_boston_margin():
    # §4.6: M 40 marathon 3:30:00 -> 2:03:15, 58.69 %; §3.1: men 40-44 need 3:05:00.
    result = predict("marathon", "3:30:00", age=40, category="men")
    assert result["age_grade_pct"] == pytest.approx(58.69, abs=0.005)
    assert result["age_standard_s"] == secs("2:03:15")
    assert result["bq_standard_s"] == secs("3:05:00")
    assert result["bq_margin_s"] == secs("3:05:00") - secs("3:30:00")


def test_a_qualifying_marathon_has_a_positive_margin():
    # §4.6: F 60 marathon 4:30:00 -> 60.42 %; §3.1: women 60-64 need 4:20:00.
    result = predict("marathon", "4:15:00", age=60, category="women")
    assert result["bq_margin_s"] == 5 * 60


def test_other_distances_have_a_boston_standard_but_no_margin():
    result = predict("10k", "42:25", age=54, category="men", table="2015")
    assert result["age_grade_pct"] == pytest.approx(73.29, abs=0.005)  # §4.6, 2015 table
    assert result["age_standard_s"] == 1865
    assert result["bq_standard_s"] == secs("3:20:00")
    assert result["bq_margin_s"] is None


def test_the_age_grade_table_is_chosen_explicitly():
    assert predict("10k", "42:25", age=54, category="men")["age_grade_pct"] == pytest.approx(
        72.49, abs=0.005
    )


def test_non_binary_runners_use_the_womens_standards_and_are_told_so():
    result = predict("half", "2:00:00", age=45, category="nonbinary")
    assert result["bq_standard_s"] == secs("3:45:00")
    assert result["age_grade_pct"] == pytest.approx(56.73, abs=0.005)  # §4.6, F 45 half
    assert any("women's table" in note for note in result["notes"])


def test_what_cannot_be_graded_is_null_with_a_note():
    result = predict("mile", "6:00", age=16, category="women")
    assert result["age_grade_pct"] is None
    assert result["bq_standard_s"] is None
    assert len(result["notes"]) == 2


def test_times_outside_daniels_tables_carry_a_note():
    assert predict("5k", "45:00")["notes"]


@pytest.mark.parametrize(
    ("kwargs", "complaint"),
    [
        ({"distance": "10", "time": "50:00"}, "needs a unit"),
        ({"distance": "10k", "time": "fifty"}, "could not read time"),
        ({"distance": "half", "time": "2:00"}, "world record"),
        ({"distance": "10k", "time": "50:00", "to": "far"}, "could not read distance"),
        ({"distance": "10k", "time": "50:00", "age": 40}, "go together"),
        ({"distance": "10k", "time": "50:00", "category": "men"}, "go together"),
        ({"distance": "10k", "time": "50:00", "age": 40, "category": "x"}, "women, men or"),
        ({"distance": "10k", "time": "50:00", "age": 0, "category": "men"}, "between 1 and"),
        ({"distance": "10k", "time": "50:00", "method": "magic"}, "vdot, riegel, cameron"),
        ({"distance": "10k", "time": "50:00", "table": "2010"}, "2025, 2020, 2015"),
    ],
)
def test_bad_input_raises_a_clear_error(kwargs, complaint):
    with pytest.raises(RunmathError, match=complaint):
        predict(**kwargs)
