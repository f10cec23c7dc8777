"""The one lock order for a runner's data, and a retry for what the database still refuses.

**The order.** A transaction that writes a runner's runs or totals (a run entered, edited or
deleted, each group of files of an import, a restore) takes, in this order:

1. the runner's profile row, first of all: ``lock_runner(owner_id)``, a
   ``SELECT ... FOR NO KEY UPDATE`` (the lock an UPDATE of the row takes);
2. then its own rows: original files, activities, import items, weekly totals and then
   monthly totals (each in date order, ``PeriodTotal.recompute``);
3. last the profile's ``data_version`` (``pagecache.mark_changed``): a lock it holds already.

So two such transactions for one runner queue at the profile row and never wait for each
other in a circle (an import wrote weekly totals and then the profile, a run entered by hand
the profile and then the totals: PostgreSQL found a deadlock and one of them failed). A write
of anything else (a goal, a note, a round) touches the profile only by ``mark_changed`` as its
last statement, holding no row a run write wants, so it need not lock first; a new write that
also changes runs or totals, or rows another transaction takes after the profile, calls
``lock_runner`` first. Two runners in one transaction: ``lock_runner(a, b)`` locks both, in
id order. (A runner's account being made, with its runs, as the demo makes one, needs no lock:
no one else sees it yet.)

On SQLite a write transaction locks the whole database as it begins (``transaction_mode``
``IMMEDIATE`` in settings): the lock here is a plain read there, and nothing can deadlock.

**The retry.** PostgreSQL may still abort a transaction with a deadlock or a serialisation
failure (someone else's lock order, a future isolation level): ``retrying`` runs a function in
a transaction of its own and, on those two errors only, runs the whole transaction again a few
times after a short random pause. Inside someone else's transaction it cannot retry (the outer
one is aborted): it just runs, and the outermost retry, if any, tries again.
"""

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, connection, transaction

from .models import Profile

logger = logging.getLogger(__name__)

ATTEMPTS = 4  # the first try and three more
PAUSE_S = 0.05  # the longest pause before the first retry; doubled each time
CONFLICT_STATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure

P = ParamSpec("P")
R = TypeVar("R")


def lock_runner(*owner_ids: int) -> None:
    """Locks these runners' profile rows until the transaction ends: call it first."""
    rows = Profile.objects.select_for_update(no_key=True).filter(user_id__in=owner_ids)
    list(rows.order_by("user_id").values_list("pk", flat=True))


def is_conflict(exc: BaseException) -> bool:
    """A deadlock or a serialisation failure: the transaction may simply be run again.
    Django raises its own ``OperationalError`` with the driver's error (psycopg's
    ``DeadlockDetected``, ``SerializationFailure``) as its cause."""
    for error in (exc, exc.__cause__):
        if getattr(error, "sqlstate", None) in CONFLICT_STATES:
            return True
    return False


def run_retrying(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``fn(*args, **kwargs)`` in a transaction, run again on a deadlock or a serialisation
    failure (at most ``ATTEMPTS`` times in all). ``fn`` must be safe to run again: it builds
    what it writes afresh each time."""
    if connection.in_atomic_block:
        with transaction.atomic():
            return fn(*args, **kwargs)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except OperationalError as exc:
            if attempt == ATTEMPTS or not is_conflict(exc):
                raise
            logger.warning("%s: %s; trying again (%d)", fn.__qualname__, exc, attempt)
            time.sleep(random.uniform(PAUSE_S / 4, PAUSE_S) * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def retrying(fn: Callable[P, R]) -> Callable[P, R]:
    """A decorator: ``fn`` in a transaction, retried on conflicts (``run_retrying``)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return run_retrying(fn, *args, **kwargs)

    return wrapper
