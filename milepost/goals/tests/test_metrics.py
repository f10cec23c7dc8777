from milepost.goals.metrics import METRICS, PERIODIC_METRICS, RACE_METRICS
from milepost.goals.models import Metric


def test_the_goal_form_offers_the_metrics_of_the_one_vocabulary():
    assert Metric.choices == [(key, m.label) for key, m in METRICS.items()]
    assert Metric.RACE_TIME == "race_time" and Metric.RACE_TIME.label == "A race time"


def test_periodic_and_race_metrics_are_read_from_the_vocabulary():
    assert PERIODIC_METRICS == ("distance", "time", "runs")
    assert sorted(RACE_METRICS) == ["race_finish", "race_time"]
