import re
import uuid

import pytest
from django.urls import reverse

from milepost.reflection.models import Note, Round, RoundTheme, Stage

pytestmark = pytest.mark.django_db


def test_starting_a_round_records_why(alice_client, alice):
    response = alice_client.post(
        reverse("rounds:round_new"), {"reason": "break", "reason_note": "Knee is better"}
    )
    round = Round.objects.get(owner=alice)
    assert response["Location"] == reverse("rounds:brainstorm", args=[round.pk])
    assert (round.reason, round.reason_note, round.stage) == (
        "break",
        "Knee is better",
        "brainstorm",
    )


def test_other_reason_needs_a_few_words(alice_client, alice):
    response = alice_client.post(reverse("rounds:round_new"), {"reason": "other"})
    assert "what brings you here" in response.content.decode()
    assert not Round.objects.exists()


def test_the_brainstorm_shows_all_eight_questions(alice_client, alice, make_round):
    round = make_round(alice)
    body = alice_client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    for key in (
        "drive",
        "places_people",
        "competition",
        "beyond_running",
        "life_fit",
        "proud",
        "big_dream",
        "journey",
    ):
        assert f'id="q-{key}"' in body
    assert "I check my watch stats before coffee." in body


def test_a_note_is_saved_through_htmx_and_returned_as_a_fragment(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    response = alice_client.post(
        reverse("rounds:note_add", args=[round.pk]),
        {"question": "places_people", "text": "Run the Cinque Terre path with my sister"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.decode().startswith('<li class="note"')
    assert round.notes.get().question == "places_people"


def test_a_retried_note_is_stored_once(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    data = {"question": "proud", "text": "My first 10k", "client_id": str(uuid.uuid4())}
    url = reverse("rounds:note_add", args=[round.pk])
    alice_client.post(url, data, headers={"HX-Request": "true"})
    alice_client.post(url, data, headers={"HX-Request": "true"})
    assert round.notes.count() == 1


def test_an_empty_note_is_explained(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    url = reverse("rounds:note_add", args=[round.pk])
    response = alice_client.post(
        url, {"question": "proud", "text": "   "}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert "Write a few words first" in response.content.decode()


def test_a_bad_note_without_javascript_keeps_what_was_typed(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    url = reverse("rounds:note_add", args=[round.pk])
    response = alice_client.post(url, {"question": "proud", "text": "x" * 4001})
    body = response.content.decode()
    assert response.status_code == 422
    assert "to 4000 characters or fewer" in body
    assert "x" * 4001 in body


def test_a_note_to_an_unknown_question_is_refused(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    url = reverse("rounds:note_add", args=[round.pk])
    response = alice_client.post(url, {"question": "secrets", "text": "hello"})
    assert response.status_code == 422
    assert not Note.objects.exists()


def test_notes_show_as_text_never_as_markup(alice_client, alice, make_round):
    round = make_round(alice, notes={"proud": "<script>alert('hi')</script> my first parkrun"})
    body = alice_client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; my first parkrun" in body


def test_notes_cannot_be_added_once_the_brainstorm_is_closed(alice_client, alice, make_round):
    round = make_round(alice)
    alice_client.post(reverse("rounds:brainstorm_close", args=[round.pk]))
    response = alice_client.post(
        reverse("rounds:note_add", args=[round.pk]), {"question": "proud", "text": "late"}
    )
    assert response.status_code == 409
    assert round.notes.count() == 1


def test_an_empty_brainstorm_cannot_be_closed(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    alice_client.post(reverse("rounds:brainstorm_close", args=[round.pk]))
    round.refresh_from_db()
    assert round.stage == Stage.BRAINSTORM


def test_closing_the_brainstorm_proposes_themes_with_quoted_evidence(
    alice_client, alice, make_round
):
    round = make_round(
        alice,
        notes={
            "drive": "I check my watch stats before coffee.",
            "competition": "Honestly I hate races, the crowds make me anxious.",
        },
    )
    response = alice_client.post(reverse("rounds:brainstorm_close", args=[round.pk]), follow=True)
    body = response.content.decode()
    keys = set(RoundTheme.objects.filter(round=round).values_list("key", flat=True))
    assert {"numbers", "race_averse"} <= keys
    assert "competition" not in keys
    assert "I check my watch stats before coffee" in body
    assert "Racing and competing" in body  # which question the quote came from


def test_confirming_themes_and_marking_the_one_that_matters_most(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.THEMES)
    for key in ("numbers", "social"):
        RoundTheme.objects.create(round=round, key=key)
    response = alice_client.post(
        reverse("rounds:themes", args=[round.pk]),
        {"theme_numbers": "confirmed", "theme_social": "dismissed", "most_important": "numbers"},
    )
    assert response["Location"] == reverse("rounds:goals", args=[round.pk])
    themes = {t.key: t for t in round.themes.all()}
    assert themes["numbers"].status == "confirmed" and themes["numbers"].most_important
    assert themes["social"].status == "dismissed"


def test_the_most_important_theme_must_be_one_confirmed(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.THEMES)
    for key in ("numbers", "social"):
        RoundTheme.objects.create(round=round, key=key)
    response = alice_client.post(
        reverse("rounds:themes", args=[round.pk]),
        {"theme_numbers": "confirmed", "theme_social": "dismissed", "most_important": "social"},
    )
    assert "should be one you said yes to" in response.content.decode()
    round.refresh_from_db()
    assert round.stage == Stage.THEMES


def test_a_runner_adds_a_theme_the_app_missed(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.THEMES)
    RoundTheme.objects.create(round=round, key="numbers")
    alice_client.post(
        reverse("rounds:theme_add", args=[round.pk]),
        {"key": "places", "in_my_words": "Seeing new trails"},
    )
    added = round.themes.get(key="places")
    assert added.added_by_runner and added.status == "confirmed"
    body = alice_client.get(reverse("rounds:themes", args=[round.pk])).content.decode()
    assert "Seeing new trails" in body


def test_a_past_round_reads_in_full(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.DONE, notes={"proud": "Finishing Berlin in the rain"})
    make_goal(alice, round=round, title="Trail half in the Peaks", status="active")
    body = alice_client.get(reverse("rounds:summary", args=[round.pk])).content.decode()
    assert "Finishing Berlin in the rain" in body
    assert "Numbers" in body or "numbers" in body.lower()
    assert "Trail half in the Peaks" in body


def test_the_start_form_says_a_few_words_are_needed_for_something_else(alice_client, alice):
    body = alice_client.get(reverse("rounds:round_new")).content.decode()
    assert "unless you chose \u201cSomething else\u201d" in body
    assert 'aria-describedby="id_reason_note_helptext"' in body


def test_the_stages_read_as_progress_not_as_links(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.THEMES)
    body = alice_client.get(reverse("rounds:themes", args=[round.pk])).content.decode()
    stages = body[body.index('<div class="stages"') : body.index("</ol>", body.index('"stages"'))]
    assert "Step 2 of 7: <strong>Themes</strong>" in stages
    assert '<li class="current" aria-current="step">Themes</li>' in stages
    assert "(done)" in stages  # Reflect, said in words too
    assert "<a " not in stages and "<button" not in stages and "<nav" not in stages


def test_adding_a_missed_theme_keeps_the_answers_already_given(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.THEMES)
    RoundTheme.objects.create(round=round, key="numbers", score=0.97)
    RoundTheme.objects.create(round=round, key="social", score=0.9)
    alice_client.post(
        reverse("rounds:theme_add", args=[round.pk]),
        {
            "theme_numbers": "confirmed",
            "theme_social": "dismissed",
            "most_important": "numbers",
            "key": "places",
        },
    )
    themes = {t.key: t for t in round.themes.all()}
    assert themes["places"].added_by_runner and themes["places"].status == "confirmed"
    assert themes["numbers"].status == "confirmed" and themes["numbers"].most_important
    assert themes["social"].status == "dismissed"
    round.refresh_from_db()
    assert round.stage == Stage.THEMES  # still deciding
    body = alice_client.get(reverse("rounds:themes", args=[round.pk])).content.decode()
    assert re.search(r'name="theme_numbers" value="confirmed"[^>]*checked', body)
    assert re.search(r'name="theme_social" value="dismissed"[^>]*checked', body)
    assert re.search(r'name="most_important" value="numbers"[^>]*checked', body)


MARK = {
    "drive": [
        "Numbers all the way.",
        "I want to see the watch say 3:20 at Boston, I'd love to get there with my club mates.",
    ],
    "places_people": ["Saturday long runs with the club, Boston itself would be a dream trip."],
    "competition": ["I love racing and I love chasing the guy in front in the last mile."],
    "beyond_running": ["It keeps my head straight and my blood pressure down."],
    "life_fit": ["Early mornings before work, about six hours a week."],
    "proud": ["Finishing Chicago in 3:31 after a rough year."],
    "big_dream": ["A Boston qualifier before I turn 50."],
    "journey": ["I've run three marathons, each one faster."],
}


def closed_round(owner, notes):
    from milepost.rounds import services

    round = Round.objects.create(owner=owner, reason="new_cycle")
    for question, texts in notes.items():
        for text in texts:
            Note.objects.create(round=round, question=question, text=text)
    services.close_brainstorm(round=round)
    return round


def test_themes_come_strongest_first_and_the_faint_ones_fold_away(alice_client, alice):
    round = closed_round(alice, MARK)
    body = alice_client.get(reverse("rounds:themes", args=[round.pk])).content.decode()
    folded = body.index('id="less-clear"')
    order = sorted((body.index(f'id="theme-{t.key}"'), t.key) for t in round.themes.all())
    keys = [key for _, key in order]
    assert keys.index("numbers") <= 1, keys  # "Numbers all the way" comes up under 3 questions
    assert body.index('id="theme-numbers"') < folded
    assert body.index('id="theme-race_experience"') > folded  # heard faintly: folded away
    lead = body[body.index('id="theme-numbers"') :]
    assert lead.index("Numbers all the way.") < lead.index("More of what you wrote")


def test_the_faint_themes_need_no_answer(alice_client, alice):
    round = closed_round(alice, MARK)
    from milepost.reflection.services import by_strength

    clear, less_clear = by_strength(list(round.themes.all()))
    assert 1 <= len(clear) <= 4 and less_clear
    answers = {f"theme_{t.key}": "confirmed" for t in clear}
    response = alice_client.post(reverse("rounds:themes", args=[round.pk]), answers)
    assert response.status_code == 302
    statuses = {t.key: t.status for t in round.themes.all()}
    assert all(statuses[t.key] == "confirmed" for t in clear)
    assert all(statuses[t.key] == "proposed" for t in less_clear)


def test_the_rest_ends_on_a_day_in_plain_words_not_at_a_clock_time(
    alice_client, alice, make_round, make_goal, travel
):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from milepost.rounds import services

    alice.profile.time_zone = "Europe/London"
    alice.profile.save()
    travel(to=datetime(2026, 3, 5, 5, 43, tzinfo=ZoneInfo("Europe/London")))  # a Thursday
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    services.start_rest(round=round, days=3)
    body = alice_client.get(reverse("rounds:rest", args=[round.pk])).content.decode()
    assert "Your rest is over <strong>" in body
    assert ">on Sunday morning</time>" in body
    visible = re.sub(r"<[^>]*>", "", body)
    assert "5:43" not in visible


def test_when_in_words_says_roughly_when():
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from milepost.rounds.templatetags.rounds import when_in_words

    london = ZoneInfo("Europe/London")
    thursday = date(2026, 3, 5)

    def at(day, hour):
        return datetime(2026, 3, day, hour, 43, tzinfo=london)

    with timezone.override(london):
        assert when_in_words(at(5, 19), thursday) == "this evening"
        assert when_in_words(at(5, 23), thursday) == "tonight"
        assert when_in_words(at(6, 9), thursday) == "tomorrow morning"
        assert when_in_words(at(8, 5), thursday) == "on Sunday morning"
        assert when_in_words(at(8, 14), thursday) == "on Sunday afternoon"
        assert when_in_words(at(8, 2), thursday) == "late on Saturday night"
        assert when_in_words(at(6, 1), thursday) == "tonight"
        assert when_in_words(at(15, 10), thursday) == "on Sunday 15 March, in the morning"


def test_every_open_round_is_listed_to_carry_on_or_close(alice_client, alice, make_round):
    older = make_round(alice, stage=Stage.GOALS)
    Note.objects.filter(round=older).update(text="Back after six weeks off with a sore knee")
    alice_client.post(reverse("rounds:round_new"), {"reason": "break"})
    newer = Round.objects.exclude(pk=older.pk).get()
    for url in (reverse("rounds:round_new"), reverse("dashboard")):
        body = alice_client.get(url).content.decode()
        for round in (older, newer):
            assert f'href="{round.get_absolute_url()}"' in body, url
            assert reverse("rounds:close", args=[round.pk]) in body, url
        assert "Goals</strong> step" in body and "Reflect</strong> step" in body


def test_closing_a_round_keeps_its_notes_and_its_goals(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS)
    draft = make_goal(alice, round=round, title="Parkrun with Sue", status="draft")
    response = alice_client.post(
        reverse("rounds:close", args=[round.pk]), {"next": reverse("rounds:round_new")}
    )
    assert response["Location"] == reverse("rounds:round_new")
    round.refresh_from_db()
    draft.refresh_from_db()
    assert round.stage == Stage.DONE and round.finished_at
    assert round.notes.count() == 1
    assert draft.status == "someday"
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert reverse("rounds:summary", args=[round.pk]) in body  # under Past rounds
    assert "Parkrun with Sue" in body  # a someday idea, kept
    assert reverse("rounds:close", args=[round.pk]) not in body


def test_a_resting_round_closed_sends_no_reminder(alice, make_round, make_goal, travel):
    from milepost.reflection.services import send_due_rest_reminders
    from milepost.rounds import services

    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    services.start_rest(round=round, days=3)
    services.close_round(round=round)
    travel(days=4)
    assert send_due_rest_reminders() == 0


def test_no_active_goals_says_where_the_round_is(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "No active goals yet" not in body
    assert "Your round is at the Goals step." in body
    assert f'href="{round.get_absolute_url()}">Carry on with your round' in body


def test_a_note_too_long_is_explained_in_plain_words_and_kept(alice_client, alice, make_round):
    round = make_round(alice)
    text = "I run to clear my head. " * 250  # 5,999 characters once trimmed
    response = alice_client.post(
        reverse("rounds:note_add", args=[round.pk]), {"question": "drive", "text": text}
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "Please keep this to 4000 characters or fewer: it has 5999." in body
    assert "Ensure this value" not in body
    assert "I run to clear my head." in body  # what was typed is kept
