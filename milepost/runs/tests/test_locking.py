"""The one lock order (``accounts/locking.py``): every write of runs or totals takes the
runner's profile row first, so an import and runs entered by hand at the same time never wait
for each other in a circle, and a conflict the database still reports is retried, never a 500.
"""

import threading
from datetime import UTC, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from milepost import clock
from milepost.runs import services
from milepost.runs.models import Activity, MonthlyTotal, Source, SourceFile, WeeklyTotal

from .helpers import fit_run, make_run

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and deadlocks are PostgreSQL's; SQLite locks the database as a write begins",
)

FILES = 24
HAND_THREADS = 3
HAND_RUNS = 8


def first_of_the_write(queries: list[dict]) -> str:
    """The first SQL of the transaction that writes an activity or a total (in a test, each
    transaction is a savepoint: the outermost one open at the write)."""
    sqls = [q["sql"] for q in queries]
    open_at: list[int] = []
    for i, sql in enumerate(sqls):
        if sql.startswith("SAVEPOINT"):
            open_at.append(i)
        elif sql.startswith("RELEASE SAVEPOINT"):
            open_at.pop()
        elif sql.startswith(("INSERT", "UPDATE", "DELETE")) and (
            '"runs_activity"' in sql or "total" in sql
        ):
            return sqls[open_at[0] + 1]
    return ""


def writes(owner, tmp_path) -> dict:
    today = clock.now().astimezone(UTC).date()
    start = datetime.combine(today - timedelta(days=3), time(7), tzinfo=UTC)
    (tmp_path / "run.fit").write_bytes(fit_run(start, minutes=10))
    run = make_run(owner, start - timedelta(days=1))
    later = make_run(owner, start - timedelta(days=2))
    by_hand = services.record_run(owner=owner, on=today, distance_m=3000, duration_s=900)
    return {
        "record_run": lambda: services.record_run(
            owner=owner, on=today, distance_m=5000, duration_s=1500
        ),
        "import (each file)": lambda: services.import_paths(owner=owner, paths=[tmp_path]),
        "save_activity": lambda: services.save_activity(activity=run, fields=["name"]),
        "correct_run": lambda: services.correct_run(
            activity=by_hand,
            on=today - timedelta(days=1),
            distance_m=4000,
            duration_s=1200,
            start_time=None,
            name="",
            sport="run",
            is_race=False,
            longest_continuous_m=None,
        ),
        "answer_race": lambda: services.answer_race(activity=run, was_race=True),
        "save_feeling": lambda: services.save_feeling(activity=run),
        "delete_activity": lambda: services.delete_activity(activity=later),
    }


@pytest.mark.django_db
def test_every_write_of_runs_takes_the_runners_profile_row_first(alice, tmp_path):
    for name, write in writes(alice, tmp_path).items():
        with CaptureQueriesContext(connection) as queries:
            write()
        first = first_of_the_write(queries.captured_queries)
        assert "accounts_profile" in first and first.upper().startswith("SELECT"), name
        if connection.vendor == "postgresql":
            assert "FOR NO KEY UPDATE" in first, name


@only_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_import_and_runs_entered_by_hand_at_once_all_go_in(alice, tmp_path):
    today = clock.now().astimezone(UTC).date()
    first = today - timedelta(days=40)
    for n in range(FILES):
        start = datetime.combine(first + timedelta(days=n), time(7, 0), tzinfo=UTC)
        (tmp_path / f"run{n:02d}.fit").write_bytes(fit_run(start, minutes=10))

    errors: list[BaseException] = []
    go = threading.Barrier(1 + HAND_THREADS)

    def in_thread(work):
        def body():
            try:
                go.wait()
                work()
            except BaseException as exc:  # noqa: BLE001 - reported by the test below
                errors.append(exc)
            finally:
                connection.close()

        return threading.Thread(target=body)

    def do_import():
        services.import_paths(owner=alice, paths=[tmp_path], processes=1)

    def by_hand(k: int):
        def work():
            for n in range(HAND_RUNS):
                services.record_run(
                    owner=alice,
                    on=first + timedelta(days=(k * HAND_RUNS + n) % FILES),
                    distance_m=5000.0 + k,
                    duration_s=1800.0,
                    start_time=time(18, k * 10),
                )

        return work

    threads = [in_thread(do_import)] + [in_thread(by_hand(k)) for k in range(HAND_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []

    runs = Activity.objects.owned_by(alice)
    assert runs.filter(source=Source.FILE).count() == FILES
    assert runs.filter(source=Source.MANUAL).count() == HAND_THREADS * HAND_RUNS
    assert SourceFile.objects.filter(owner=alice).count() == FILES
    weekly = WeeklyTotal.objects.filter(owner=alice)
    assert sum(weekly.values_list("runs", flat=True)) == FILES + HAND_THREADS * HAND_RUNS
    monthly = MonthlyTotal.objects.filter(owner=alice)
    assert sum(monthly.values_list("runs", flat=True)) == FILES + HAND_THREADS * HAND_RUNS
