"""The JSON API through real HTTP requests of Django's test client: tokens, the runner's own
data, a coach's clients under the grant's scopes, errors in one shape, and the OpenAPI
document generated from the code."""

import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import CommandError

from milepost import clock
from milepost.accounts.models import ApiToken
from milepost.coaching import services as coaching
from milepost.goals.models import Step
from milepost.runs.models import Activity, ImportBatch
from milepost.runs.services import record_run
from milepost.runs.tests.helpers import RUN_GPX

pytestmark = pytest.mark.django_db

NOTE = "Running keeps my head clear"


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def token_for(user, write=False, **extra) -> str:
    return ApiToken.objects.issue(owner=user, name="test", write=write, **extra)[1]


@pytest.fixture
def alices(alice, make_round, make_goal):
    round = make_round(alice, stage="steps", notes={"beyond_running": NOTE})
    goal = make_goal(
        alice,
        round=round,
        status="active",
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20000,
        target_unit="m",
        why="For my quiet hour",
    )
    Step.objects.create(goal=goal, title="Run 6 km", due=date(2099, 1, 1))
    today = alice.profile.today()
    runs = [
        record_run(owner=alice, on=today - timedelta(days=d), distance_m=5000, duration_s=1800)
        for d in range(1, 6)
    ]
    return {"round": round, "goal": goal, "runs": runs}


def test_a_token_reads_the_runners_own_data(client, alice, alices):
    auth = bearer(token_for(alice))
    profile = client.get("/api/v1/profile", **auth).json()
    assert profile["username"] == "alice" and profile["units"] == "km"
    rounds = client.get("/api/v1/rounds", **auth).json()
    assert [r["id"] for r in rounds] == [alices["round"].pk]
    detail = client.get(f"/api/v1/rounds/{alices['round'].pk}", **auth).json()
    assert detail["notes"][0] == {**detail["notes"][0], "question": "beyond_running", "text": NOTE}
    goal = client.get(f"/api/v1/goals/{alices['goal'].pk}", **auth).json()
    assert goal["why"] == "For my quiet hour" and goal["steps"][0]["title"] == "Run 6 km"
    assert goal["progress"]["percent"] >= 0 and "km" in goal["progress"]["summary"]


def test_activities_are_paged_and_filtered_by_local_day(client, alice, alices):
    auth = bearer(token_for(alice))
    page = client.get("/api/v1/activities?per_page=2&page=2", **auth).json()
    assert page["total"] == 5 and page["page"] == 2 and len(page["items"]) == 2
    newest_first = [
        a["local_date"] for a in client.get("/api/v1/activities", **auth).json()["items"]
    ]
    assert newest_first == sorted(newest_first, reverse=True)
    day = alices["runs"][0].local_date.isoformat()
    only = client.get(f"/api/v1/activities?since={day}&until={day}", **auth).json()
    assert [a["local_date"] for a in only["items"]] == [day]
    one = client.get(f"/api/v1/activities/{alices['runs'][0].pk}", **auth).json()
    assert one["distance_m"] == 5000 and "best_efforts" in one


def test_errors_are_json_with_a_plain_message_and_the_field(client, alice):
    auth = bearer(token_for(alice, write=True))
    bad_page = client.get("/api/v1/activities?per_page=5000", **auth)
    assert bad_page.status_code == 422 and bad_page.json()["field"] == "per_page"
    missing = client.get("/api/v1/goals/999999", **auth)
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found.", "field": None}
    future = (alice.profile.today() + timedelta(days=30)).isoformat()
    refused = client.post(
        "/api/v1/activities",
        {"on": future, "distance_m": 5000, "duration_s": 1800},
        content_type="application/json",
        **auth,
    )
    assert refused.status_code == 422 and refused.json()["field"] == "on"
    anonymous = client.get("/api/v1/profile")
    assert anonymous.status_code == 401 and "token" in anonymous.json()["detail"]


def test_writing_needs_a_read_write_token(client, alice):
    run = {
        "on": alice.profile.today().isoformat(),
        "distance_m": 8000,
        "duration_s": 2700,
        "name": "Canal loop",
    }
    read_only = client.post(
        "/api/v1/activities", run, content_type="application/json", **bearer(token_for(alice))
    )
    assert read_only.status_code == 403 and "read-only" in read_only.json()["detail"]
    made = client.post(
        "/api/v1/activities",
        run,
        content_type="application/json",
        **bearer(token_for(alice, write=True)),
    )
    assert made.status_code == 201 and made.json()["name"] == "Canal loop"
    assert Activity.objects.get().distance_m == 8000  # through record_run, totals and all


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_an_upload_becomes_an_import_batch_to_poll(client, alice):
    auth = bearer(token_for(alice, write=True))
    upload = io.BytesIO(RUN_GPX.read_bytes())
    upload.name = "morning.gpx"
    answer = client.post("/api/v1/imports", {"files": [upload]}, **auth)
    assert answer.status_code == 202, answer.content
    batch_id = answer.json()["id"]
    call_command("db_worker", "--batch", verbosity=0)
    polled = client.get(f"/api/v1/imports/{batch_id}", **auth).json()
    assert polled["status"] == ImportBatch.objects.get().status == "done"
    assert polled["imported"] == 1 and polled["files"][0]["status"] == "imported"


def test_revoked_expired_and_foreign_tokens_get_nothing(client, alice, bob, alices, travel):
    token, raw = ApiToken.objects.issue(owner=alice, name="old script")
    token.revoke()
    assert client.get("/api/v1/profile", **bearer(raw)).status_code == 401
    soon = token_for(alice, expires_at=clock.now() + timedelta(days=1))
    assert client.get("/api/v1/profile", **bearer(soon)).status_code == 200
    travel(days=2)
    assert client.get("/api/v1/profile", **bearer(soon)).status_code == 401
    bobs = bearer(token_for(bob))
    for url in (
        f"/api/v1/goals/{alices['goal'].pk}",
        f"/api/v1/rounds/{alices['round'].pk}",
        f"/api/v1/activities/{alices['runs'][0].pk}",
    ):
        assert client.get(url, **bobs).status_code == 404
    assert client.get("/api/v1/activities", **bobs).json()["total"] == 0


def test_a_token_is_stored_only_as_a_hash(alice):
    token, raw = ApiToken.objects.issue(owner=alice, name="x")
    assert raw not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert ApiToken.objects.find(raw) == token and ApiToken.objects.find(raw + "x") is None


def test_the_session_works_with_csrf_on_writes(alice):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get("/api/v1/profile").status_code == 200
    run = {"on": alice.profile.today().isoformat(), "distance_m": 5000, "duration_s": 1800}
    refused = browser.post("/api/v1/activities", run, content_type="application/json")
    assert refused.status_code in (401, 403) and not Activity.objects.exists()


def test_a_coach_reads_clients_only_within_the_scopes(client, alice, coach, alices):
    auth = bearer(token_for(coach))
    base = f"/api/v1/coach/clients/{alice.pk}"
    assert client.get(f"{base}/goals", **auth).status_code == 404
    coaching.grant(runner=alice, coach=coach, scopes=["goals"])
    roster = client.get("/api/v1/coach/roster", **auth).json()
    assert roster[0]["runner"] == "alice" and roster[0]["scopes"] == ["goals"]
    goal = client.get(f"{base}/goals/{alices['goal'].pk}", **auth)
    assert goal.status_code == 200 and goal.json()["why"] == "For my quiet hour"
    assert client.get(f"{base}/rounds", **auth).status_code == 404
    assert client.get(f"{base}/rounds/{alices['round'].pk}", **auth).status_code == 404
    assert client.get(f"{base}/activities", **auth).status_code == 404
    everything = [
        client.get(u, **auth).content.decode()
        for u in ("/api/v1/coach/roster", f"{base}/goals", f"{base}/goals/{alices['goal'].pk}")
    ]
    assert not any(NOTE in body for body in everything)
    coaching.grant(runner=alice, coach=coach, scopes=["reflections", "runs"])
    assert NOTE in client.get(f"{base}/rounds/{alices['round'].pk}", **auth).content.decode()
    assert client.get(f"{base}/activities", **auth).json()["total"] == 5
    coaching.revoke(runner=alice, coach=coach)
    assert client.get(f"{base}/activities", **auth).status_code == 404
    assert client.get("/api/v1/coach/roster", **auth).json() == []


def test_the_openapi_document_comes_from_the_code(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/goals/{pk}", "/api/v1/activities", "/api/v1/coach/roster"} <= set(
        schema["paths"]
    )
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    # Served from our own static files: works offline and within the page's CSP.
    assert b"/static/ninja/swagger-ui-bundle.js" in docs.content
    assert b"cdn." not in docs.content
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui.css")


def test_a_command_starts_without_importing_the_api_library(tmp_path):
    """django-ninja (and pydantic) load with the API's URLs, not at every command's start-up:
    they cost each `milepost import` about 0.1 s (issue 15)."""
    code = (
        "import django, sys; django.setup(); print(sorted({'ninja', 'pydantic'} & {*sys.modules}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "milepost.settings"}
    env["MILEPOST_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_command_prints_a_token_as_json(alice, capsys):
    call_command("token", "create", "--user", "alice", "--write", "--json")
    raw = json.loads(capsys.readouterr().out)["token"]
    assert ApiToken.objects.find(raw).can_write
    with pytest.raises(CommandError, match="No runner") as raised:
        call_command("token", "create", "--user", "nobody")
    assert raised.value.returncode == 2


def test_tokens_are_made_and_revoked_on_the_profile_page(alice_client, alice):
    made = alice_client.post(
        "/accounts/profile/tokens/", {"name": "My sheet", "expires_in_days": 30}
    )
    assert made.status_code == 201
    raw = made.context["new_token"]
    assert raw in made.content.decode() and ApiToken.objects.find(raw).name == "My sheet"
    assert raw not in alice_client.get("/accounts/profile/").content.decode()  # shown once
    refused = alice_client.post("/accounts/profile/tokens/", {"name": "", "expires_in_days": 0})
    assert refused.status_code == 400
    token = ApiToken.objects.get()
    alice_client.post(f"/accounts/profile/tokens/{token.pk}/revoke/")
    assert ApiToken.objects.find(raw) is None
