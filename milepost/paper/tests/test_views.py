"""The PDF URLs: who may fetch what, and what is in it."""

import io
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from milepost.goals.models import Step
from milepost.reflection.models import Stage
from milepost.reflection.questions import QUESTIONS

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def has(text: str, *parts: str) -> bool:
    return all("".join(part.split()) in text for part in parts)


@pytest.fixture
def settled(alice, make_round, make_goal):
    """Alice's finished round with two active goals, a someday idea and a draft."""
    round = make_round(alice, stage=Stage.DONE, notes={"proud": "My first 10 km, in the rain."})
    round.themes.filter(key="social").update(in_my_words="my Sunday crew")
    lighthouse = make_goal(alice, round=round, status="active", why="The view, with Sam.")
    Step.objects.create(goal=lighthouse, title="Run 8 km on the coast path", due=date(2027, 4, 1))
    make_goal(
        alice,
        round=round,
        status="active",
        title="20 km a week",
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20_000,
        target_unit="m",
        themes=["numbers"],
    )
    make_goal(alice, round=round, status="someday", title="An ultra, one day")
    make_goal(alice, round=round, status="draft", title="A draft I never chose")
    return round


def test_the_blank_worksheet_is_public_on_either_paper(client):
    response = client.get(reverse("paper:worksheet"))
    assert has(pdf_text(response), *(q.title for q in QUESTIONS))
    assert 'filename="milepost-worksheet-a4.pdf"' in response["Content-Disposition"]
    letter = client.get(reverse("paper:worksheet"), {"paper": "letter"})
    page = PdfReader(io.BytesIO(letter.content)).pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [612, 792]


def test_an_unknown_paper_is_a_bad_request(alice_client, settled):
    for url in (
        reverse("paper:worksheet"),
        reverse("paper:goals"),
        reverse("paper:reflection", args=[settled.pk]),
    ):
        response = alice_client.get(url, {"paper": "a5"})
        assert response.status_code == 400
        assert b"a4" in response.content


def test_the_reflection_has_the_notes_and_confirmed_themes(alice_client, settled):
    response = alice_client.get(reverse("paper:reflection", args=[settled.pk]))
    text = pdf_text(response)
    assert has(text, "My first 10 km, in the rain.", "A proud moment", "Running with people")
    assert has(text, "my Sunday crew", "Numbers and data", "Alice")
    assert "private" in response["Cache-Control"]


def test_the_goal_sheet_has_the_active_goals_only(alice_client, settled):
    text = pdf_text(alice_client.get(reverse("paper:goals")))
    assert has(text, "Run to the lighthouse with Sam", "20 km a week", "20 km per week")
    assert has(text, "Run 8 km on the coast path", "by 1 Apr 2027")
    assert has(
        text, "Running with people (\u201cmy Sunday crew\u201d)", "\u201cThe view, with Sam.\u201d"
    )
    assert has(text, "Do you feel excited about the journey, and about reaching it?")
    assert not has(text, "An ultra, one day") and not has(text, "A draft I never chose")


def test_the_goal_sheet_is_in_the_runners_units(alice, alice_client, settled):
    alice.profile.units = "mi"
    alice.profile.save()
    assert has(pdf_text(alice_client.get(reverse("paper:goals"))), "12.4 mi per week")


def test_the_goal_sheet_of_one_round(alice, alice_client, settled, make_round, make_goal):
    later = make_round(alice, stage=Stage.STEPS)
    make_goal(alice, round=later, status="active", title="A spring 10K")
    text = pdf_text(alice_client.get(reverse("paper:goals"), {"round": settled.pk}))
    assert has(text, "Run to the lighthouse with Sam") and not has(text, "A spring 10K")
    assert has(pdf_text(alice_client.get(reverse("paper:goals"))), "A spring 10K")


def test_with_no_goals_the_sheet_is_there_to_fill_in(bob, client):
    client.force_login(bob)
    assert has(pdf_text(client.get(reverse("paper:goals"))), "Write yours here")


@pytest.mark.parametrize("round_param", ["other", "abc", "99999999999999999999999", ""])
def test_a_round_that_is_not_yours_is_a_404_on_the_goal_sheet(client, bob, settled, round_param):
    client.force_login(bob)
    value = str(settled.pk) if round_param == "other" else round_param
    assert client.get(reverse("paper:goals"), {"round": value}).status_code == 404


def test_another_runner_gets_404_on_the_reflection(client, bob, settled):
    client.force_login(bob)
    assert client.get(reverse("paper:reflection", args=[settled.pk])).status_code == 404


def test_a_visitor_is_sent_to_log_in_for_personal_pdfs(client, settled):
    for url in (reverse("paper:reflection", args=[settled.pk]), reverse("paper:goals")):
        assert client.get(url)["Location"].startswith(reverse("accounts:login"))


def test_names_and_notes_in_any_script_print(alice, alice_client, make_round, make_goal):
    alice.profile.name = "山田 Ελένη 👟"
    alice.profile.save()
    round = make_round(alice, stage=Stage.DONE, notes={"drive": "Бег — это свобода 🏃\u200d♀️"})
    make_goal(alice, round=round, status="active", title="走る Ελένη", why="عربي")
    assert has(pdf_text(alice_client.get(reverse("paper:goals"))), "□□ Ελένη")
    text = pdf_text(alice_client.get(reverse("paper:reflection", args=[round.pk])))
    assert has(text, "Бег — это свобода (running)", "□□ Ελένη (running shoe)")


def test_the_print_buttons_link_to_the_pdfs(settled):
    html = render_to_string("paper/print_buttons.html", {"round": settled})
    assert f"{reverse('paper:goals')}?paper=letter&amp;round={settled.pk}" in html
    assert f"{reverse('paper:reflection', args=[settled.pk])}?paper=a4" in html
    assert f"{reverse('paper:worksheet')}?paper=a4" in html
    without_round = render_to_string("paper/print_buttons.html", {})
    assert "reflection.pdf" not in without_round
    assert f'{reverse("paper:goals")}?paper=a4"' in without_round


def test_the_reflection_can_add_the_rounds_before_it(alice, alice_client, settled, make_round):
    from datetime import UTC, datetime

    from milepost.reflection.models import Round

    older = make_round(alice, stage=Stage.DONE, themes=("competition", "social"))
    Round.objects.filter(pk=older.pk).update(started_at=datetime(2024, 5, 1, tzinfo=UTC))
    url = reverse("paper:reflection", args=[settled.pk])
    plain = pdf_text(alice_client.get(url))
    assert not has(plain, "Across the years")
    response = alice_client.get(url, {"compare": "1"})
    text = pdf_text(response)
    assert has(text, "Across the years", "Running with people has been in every round since 2024.")
    assert has(text, "Competing has not come back since 2024.", "1 May 2024")
    assert has(text, "Run to the lighthouse with Sam (under way)")
    assert "across-the-years" in response["Content-Disposition"]


def test_the_first_round_compared_is_where_the_story_starts(alice_client, settled):
    response = alice_client.get(reverse("paper:reflection", args=[settled.pk]), {"compare": "1"})
    assert has(pdf_text(response), "Across the years", "The first round: the story starts here.")
