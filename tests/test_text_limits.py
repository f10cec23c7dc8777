"""What runners type has a length that fits its purpose, and no page cache grows a process
without bound however long it is."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from milepost.accounts.memorycache import BoundedMemoryCache
from milepost.goals.models import Goal, Status

pytestmark = pytest.mark.django_db

EXPERIENCE = {
    "title": "Run the coast path with Sam",
    "size": "medium",
    "horizon": "soon",
    "feeling": "doable",
    "themes": ["social"],
    "kind": "experiential",
}


def test_a_long_why_is_refused_in_plain_words_and_kept(alice_client, alice, make_round):
    from milepost.reflection.models import Stage

    round = make_round(alice, stage=Stage.GOALS)
    why = "Because " + "x" * 1200
    data = {**EXPERIENCE, "why": why}
    body = alice_client.post(reverse("rounds:goals", args=[round.pk]), data).content.decode()
    assert "Please keep this to 1000 characters or fewer: it has 1208." in body
    assert why in body
    assert not Goal.objects.exists()


def test_the_model_refuses_a_long_why_too(alice, make_goal):
    goal = make_goal(alice, status=Status.ACTIVE, why="x" * 1001)
    with pytest.raises(ValidationError, match="why"):
        goal.full_clean()


def test_a_long_note_on_a_run_is_refused_in_plain_words(alice_client, alice):
    data = {"on": alice.profile.today().isoformat(), "distance": "5", "time": "30:00"}
    body = alice_client.post(
        reverse("runs:new"), {**data, "feeling_note": "y" * 2001}
    ).content.decode()
    assert "Please keep this to 2000 characters or fewer: it has 2001." in body


def test_a_long_reason_to_start_a_round_is_refused(alice_client):
    data = {"reason": "other", "reason_note": "z" * 501}
    body = alice_client.post(reverse("rounds:round_new"), data).content.decode()
    assert "Please keep this to 500 characters or fewer: it has 501." in body


# The page cache's memory ----------------------------------------------------------------


def bounded(name, max_bytes, max_entries=1000):
    cache = BoundedMemoryCache(
        name, {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}}
    )
    cache.clear()
    return cache


def test_the_page_cache_is_bounded_by_bytes_least_recently_used_first():
    cache = bounded("bytes-test", max_bytes=10_000)
    for n in range(20):
        cache.set(f"page{n}", "p" * 2_000)
        if n == 10:
            cache.get("page0")  # read lately: kept
    assert cache.total_bytes <= 10_000
    assert cache.get("page19") is not None
    assert cache.get("page1") is None


def test_a_page_bigger_than_the_whole_cache_is_not_kept():
    cache = bounded("huge-test", max_bytes=10_000)
    cache.set("small", "s" * 100)
    cache.set("huge", "h" * 20_000)
    assert cache.get("huge") is None
    assert cache.get("small") is not None


def test_replacing_and_deleting_entries_keeps_the_count_right():
    cache = bounded("count-test", max_bytes=10_000)
    cache.set("a", "a" * 3_000)
    cache.set("a", "a" * 1_000)
    cache.set("b", "b" * 1_000)
    cache.delete("b")
    assert 1_000 < cache.total_bytes < 1_200


def test_the_configured_cache_is_the_bounded_one(settings):
    from django.core.cache import caches

    assert isinstance(caches["default"], BoundedMemoryCache)
    assert caches["default"].max_bytes == 64 * 1024 * 1024


def test_the_shared_page_files_are_bounded_by_bytes_on_disk_oldest_first(tmp_path):
    from milepost.accounts.memorycache import BoundedFileCache

    cache = BoundedFileCache(str(tmp_path), {"OPTIONS": {"MAX_BYTES": 50_000}})
    for n in range(30):
        cache.set(f"page{n}", os.urandom(4_000))  # random: zlib cannot make it smaller
    kept = sum(path.stat().st_size for path in tmp_path.glob("*.djcache"))
    assert kept <= 50_000 + 5_000  # the newest may take the bound over until the next write
    assert cache.get("page29") is not None  # the bound is made before a page is written
    assert sum(cache.get(f"page{n}") is not None for n in range(30)) <= 14


def test_the_shared_page_files_are_bounded_by_number_too_oldest_first(tmp_path):
    from milepost.accounts.memorycache import BoundedFileCache

    cache = BoundedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 9}})
    for n in range(30):
        cache.set(f"page{n}", "p")
        assert len(list(tmp_path.glob("*.djcache"))) <= 9
    assert cache.get("page29") is not None
