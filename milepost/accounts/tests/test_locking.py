"""The retry of ``accounts/locking.py``: a deadlock or a serialisation failure runs the whole
transaction again; any other error, or one inside someone else's transaction, is raised."""

import threading

import pytest
from django.db import OperationalError, connection

from milepost.accounts import locking
from milepost.accounts.models import Profile


class DriverError(Exception):
    def __init__(self, sqlstate: str):
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


def conflict(sqlstate: str = "40P01") -> OperationalError:
    """As Django raises it: its own OperationalError, the driver's error as the cause."""
    try:
        raise OperationalError("deadlock detected") from DriverError(sqlstate)
    except OperationalError as exc:
        return exc


@pytest.fixture(autouse=True)
def no_pause(monkeypatch):
    monkeypatch.setattr(locking.time, "sleep", lambda s: None)


def test_deadlocks_and_serialisation_failures_are_conflicts():
    assert locking.is_conflict(conflict("40P01"))
    assert locking.is_conflict(conflict("40001"))
    assert not locking.is_conflict(conflict("23505"))  # a unique violation is not retried
    assert not locking.is_conflict(OperationalError("database is locked"))


@pytest.mark.django_db(transaction=True)
def test_a_conflict_runs_the_whole_transaction_again(alice):
    tries = []

    def write():
        locking.lock_runner(alice.pk)
        Profile.objects.filter(user=alice).update(name=f"Try {len(tries)}")
        tries.append(connection.in_atomic_block)
        if len(tries) < 3:
            raise conflict()
        return "done"

    assert locking.run_retrying(write) == "done"
    assert tries == [True, True, True]
    assert Profile.objects.get(user=alice).name == "Try 2"


@pytest.mark.django_db(transaction=True)
def test_it_gives_up_after_a_few_tries_and_never_retries_other_errors(alice):
    tries = []

    @locking.retrying
    def always(error):
        tries.append(1)
        raise error

    with pytest.raises(OperationalError):
        always(conflict())
    assert len(tries) == locking.ATTEMPTS
    tries.clear()
    with pytest.raises(OperationalError):
        always(OperationalError("no such table"))
    assert len(tries) == 1


@pytest.mark.django_db
def test_inside_another_transaction_it_runs_once(alice):
    tries = []

    def write():
        tries.append(1)
        raise conflict()

    with pytest.raises(OperationalError):
        locking.run_retrying(write)  # the test's own transaction is around it
    assert len(tries) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real deadlock: PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_real_deadlock_is_retried_and_both_writes_go_in(alice, bob, monkeypatch):
    monkeypatch.undo()  # a real pause before trying again
    both_hold_one = threading.Barrier(2, timeout=20)
    tries, errors = [], []

    def crosswise(first, second):
        def write():
            tries.append(first.username)
            Profile.objects.filter(user=first).update(name=f"by {first.username}")
            if len(tries) <= 2:  # the first tries: each holds one row and wants the other's
                both_hold_one.wait()
            Profile.objects.filter(user=second).update(name=f"by {first.username}")

        def body():
            try:
                locking.run_retrying(write)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connection.close()

        return threading.Thread(target=body)

    threads = [crosswise(alice, bob), crosswise(bob, alice)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(tries) == 3  # PostgreSQL stopped one of them once; it went in the second time
