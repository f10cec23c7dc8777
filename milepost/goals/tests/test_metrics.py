import subprocess
import sys
from datetime import date

import pytest

from milepost.goals.metrics import (
    METRICS,
    NUMBER_METRICS,
    PERIODIC_METRICS,
    RACE_METRICS,
    GoalTarget,
    parse_target,
)
from milepost.goals.models import Metric
from milepost.goals.targets import TargetError


def test_the_goal_form_offers_the_metrics_of_the_one_vocabulary():
    assert Metric.choices == [(key, m.label) for key, m in METRICS.items()]
    assert Metric.RACE_TIME == "race_time" and Metric.RACE_TIME.label == "A race time"


def test_periodic_and_race_metrics_are_read_from_the_vocabulary():
    assert PERIODIC_METRICS == ("distance", "time", "runs")
    assert sorted(RACE_METRICS) == ["race_finish", "race_time"]


def test_only_a_number_is_read_from_the_vocabulary():
    assert {"distance", "time", "runs", "race_time", "longest_run", "streak"} == NUMBER_METRICS


def test_every_metric_is_parsed_measured_and_laddered_from_its_entry():
    for key, metric in METRICS.items():
        periods = ("week", "month", "year") if metric.periodic else ("",)
        assert callable(metric.parse) and callable(metric.progress), key
        assert any(metric.judge_for(period) for period in periods), key
        for period in periods:  # what can be judged can be laddered
            assert bool(metric.judge_for(period)) == bool(metric.ladder_for(period)), key


def test_a_goal_target_reaches_its_metric_through_the_registry():
    run = GoalTarget("continuous_run", 1800, unit="s")
    assert run.entry is METRICS["continuous_run"] and run.canonical_unit == "s"
    assert GoalTarget("continuous_run", 5000).canonical_unit == "m"
    assert GoalTarget("distance", 20000, "week", by=date(2026, 3, 9)).judged
    assert not GoalTarget("time", 3600, "month", by=date(2026, 3, 9)).judged
    assert GoalTarget("pace", 300).entry is None


def test_an_unknown_metric_is_a_form_error():
    with pytest.raises(TargetError, match="Choose what Milepost should measure") as error:
        parse_target("pace", "5:00", "", "km")
    assert error.value.field == "metric"


def test_the_registry_imports_no_django():
    code = "import sys, milepost.goals.metrics; sys.exit(any('django' in m for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
