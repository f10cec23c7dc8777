import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def calculate(client, **params):
    return client.get(reverse("calculator:pace"), params).content.decode()


def test_distance_and_time_give_the_pace_in_both_units(client):
    body = calculate(client, distance="10k", time="50:00", units="km")
    assert "5:00/km" in body and "8:03/mi" in body


def test_pace_and_distance_give_the_time(client):
    body = calculate(client, distance="13.1", pace="9:09/mi", units="mi")
    assert "13.1 mi in 1:59:52" in body


def test_pace_and_time_give_the_distance(client):
    body = calculate(client, time="30:00", pace="6:00", units="km")
    assert "5 km in 30:00" in body


def test_equivalents_follow_the_published_vdot_table(client):
    # VDOT 50 in Daniels' table: 5K 19:57, 10K 41:21, half 1:31:35, marathon 3:10:49.
    body = calculate(client, distance="5k", time="19:57", units="km")
    assert "VDOT 50.0" in body
    for equivalent in ("41:2", "1:31:3", "3:10:"):
        assert equivalent in body


def test_age_grade_when_age_and_category_are_given(client):
    body = calculate(client, distance="10k", time="50:00", units="km", age=52, category="women")
    assert "Age grade: <strong>66.72 %" in body


def test_bad_input_is_explained_and_kept(client):
    body = calculate(client, distance="far", time="50:00", units="km")
    assert "as a distance" in body
    assert 'value="far"' in body
    body = calculate(client, distance="10k", units="km")
    assert "Give any two of distance, time and pace." in body
    body = calculate(client, distance="10k", time="50:00", units="km", age=52)
    assert "give both your age and a category" in body


def test_the_calculator_uses_the_runners_units(alice_client, alice):
    alice.profile.units = "mi"
    alice.profile.save()
    body = alice_client.get(reverse("calculator:pace")).content.decode()
    assert re.search(r'value="mi"[^>]* checked', body)
    assert not re.search(r'value="km"[^>]* checked', body)


def test_no_nonsense_paces_after_the_warning(client):
    body = calculate(client, distance="marathon", time="1:00", units="km")
    assert "No equivalents for this one" in body and "world record" in body
    assert 'id="result"' not in body and "0:0" not in body.split("No equivalents")[1]


def test_a_marathon_time_shows_the_boston_standard_for_age_and_category(client):
    body = calculate(
        client, distance="marathon", time="3:13:00", units="km", age=47, category="men"
    )
    assert "Boston 2026 qualifying standard for men aged 47 on race day is 3:15:00" in body
    assert "This time is inside the standard" in body and "4:34" in body


def test_without_age_the_marathon_asks_for_it_to_show_boston(client):
    body = calculate(client, distance="marathon", time="3:13:00", units="km")
    assert "Give your age on race day and a category" in body
