"""Export, restore elsewhere, export again: the same data. Restoring twice adds nothing, a
bad export restores nothing and says why."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from milepost.accounts.models import Profile
from milepost.coaching.models import CoachNote, Grant
from milepost.goals.models import Goal
from milepost.portability.exporting import write_export
from milepost.portability.registry import PARTS
from milepost.portability.restoring import BadExport, restore
from milepost.runs.models import Activity, ImportItem, SourceFile, WeeklyTotal
from milepost.runs.services import import_paths
from milepost.runs.tests.helpers import RUN_GPX

from .helpers import read_zip, rich_runner

pytestmark = pytest.mark.django_db


def rows_of(user) -> dict[str, int]:
    return {
        part.name: part.model.objects.filter(**{part.owner: user, **part.only}).count()
        for part in PARTS
    }


def test_an_export_restored_into_an_empty_account_exports_the_same(tmp_path):
    runner, _ = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    other = Profile.objects.create_runner("copy")
    report = restore(owner=other, path=tmp_path / "a.zip")
    write_export(other, tmp_path / "b.zip")
    a, b = read_zip(tmp_path / "a.zip"), read_zip(tmp_path / "b.zip")
    assert a["data.json"] == b["data.json"]
    same = set(a) - {"data.json", "manifest.json", "README.txt"}  # the README names its owner
    assert set(a) == set(b) and {k: a[k] for k in same} == {k: b[k] for k in same}
    for name in ("exported_at", "username"):
        a["manifest.json"].pop(name), b["manifest.json"].pop(name)
    assert a["manifest.json"] == b["manifest.json"]
    counts = rows_of(runner)
    assert rows_of(other) == counts
    assert all(counts[part.name] for part in PARTS), counts  # every part was round-tripped
    assert report.left_out == []
    assert list(WeeklyTotal.objects.filter(owner=other).values_list("distance_m", flat=True)) == (
        list(WeeklyTotal.objects.filter(owner=runner).values_list("distance_m", flat=True))
    )
    copied = SourceFile.objects.filter(owner=other).order_by("sha256")
    originals = SourceFile.objects.filter(owner=runner).order_by("sha256")
    assert [f.original() for f in copied] == [f.original() for f in originals]


def test_the_zip_holds_a_manifest_spreadsheets_originals_and_a_readme(tmp_path):
    runner, _ = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    files = read_zip(tmp_path / "a.zip")
    manifest = files["manifest.json"]
    assert manifest["format"] == "milepost-export" and manifest["version"] == 1
    assert manifest["username"] == "demo" and manifest["exported_at"].endswith("Z")
    assert {"README.txt", "runs.csv", "goals.csv", "notes.csv"} <= set(files)
    originals = [name for name in files if name.startswith("originals/")]
    assert len(originals) == SourceFile.objects.filter(owner=runner).count() == 4
    assert RUN_GPX.read_bytes() in [files[name] for name in originals]
    data = files["data.json"]
    assert data["coach_grants"][0]["coach"] == "demo-coach"
    assert [n["text"] for n in data["coach_notes"]] == ["Lovely hill work!"]  # shared only
    runs = files["runs.csv"].decode().splitlines()
    assert (
        runs[0].startswith("date,start,name")
        and len(runs) == 1 + Activity.objects.filter(owner=runner).count()
    )


def test_restoring_again_adds_nothing(tmp_path):
    runner, _ = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    before = rows_of(runner)
    report = restore(owner=runner, path=tmp_path / "a.zip")
    assert rows_of(runner) == before
    assert sum(report.added.values()) == 0


def test_restoring_into_an_account_with_data_adds_only_what_is_missing(tmp_path):
    runner, _ = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    full = rows_of(runner)
    Goal.objects.filter(owner=runner).last().delete()
    Activity.objects.filter(owner=runner, source="manual").first().delete()
    SourceFile.objects.filter(owner=runner, name__endswith="run.gpx").delete()
    restore(owner=runner, path=tmp_path / "a.zip")
    assert rows_of(runner) == full


def test_an_account_with_its_own_runs_keeps_them_and_gets_the_rest(tmp_path):
    runner, _ = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    other = Profile.objects.create_runner("copy")
    other.profile.name = "Mine"
    other.profile.save()
    import_paths(owner=other, paths=[RUN_GPX])  # the same file, already there
    restore(owner=other, path=tmp_path / "a.zip")
    assert (
        Activity.objects.filter(owner=other).count()
        == Activity.objects.filter(owner=runner).count()
    )
    other.profile.refresh_from_db()
    assert other.profile.name == "Mine"  # what the account had is kept
    assert other.profile.time_zone == runner.profile.time_zone  # UTC was only the default


def test_grants_name_coaches_only_on_the_installation_they_came_from(tmp_path, settings):
    runner, coach = rich_runner()
    write_export(runner, tmp_path / "a.zip")
    settings.SECRET_KEY = "another installation" * 3
    other = Profile.objects.create_runner("copy")
    report = restore(owner=other, path=tmp_path / "a.zip")
    assert not Grant.objects.filter(runner=other).exists()
    assert not CoachNote.objects.filter(runner=other).exists()
    assert "made on another Milepost" in report.summary()


def zip_with(members: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data if isinstance(data, bytes | str) else json.dumps(data))
    return buf.getvalue()


ORIGINAL = {"name": "a", "sha256": "1", "size": 1, "file": "originals/a"}
MANIFEST = {"format": "milepost-export", "version": 1, "username": "x", "installation": ""}


@pytest.mark.parametrize(
    "members, reason",
    [
        ({"manifest.json": {**MANIFEST, "version": 9}, "data.json": {}}, "newer Milepost"),
        ({"manifest.json": MANIFEST}, "missing a file: data.json"),
        ({"manifest.json": MANIFEST, "data.json": "{oops"}, "cannot be read"),
        ({"manifest.json": MANIFEST, "data.json": {"rounds": [{"started_at": "soon"}]}}, "bad"),
        (
            {"manifest.json": MANIFEST, "data.json": {"notes": [{"round": 3, "text": "hi"}]}},
            "refers to rounds #3",
        ),
        (
            {"manifest.json": MANIFEST, "data.json": {"source_files": [ORIGINAL]}},
            "missing a file: originals/a",
        ),
    ],
)
def test_a_bad_export_restores_nothing_and_says_why(tmp_path, alice, members, reason):
    path = tmp_path / "bad.zip"
    good_round = {"reason": "other", "started_at": "2026-01-01T10:00:00Z"}
    if "rounds" not in members.get("data.json", {}) and isinstance(members.get("data.json"), dict):
        members["data.json"] = {"rounds": [good_round], **members["data.json"]}
    path.write_bytes(zip_with(members))
    before = rows_of(alice)
    with pytest.raises(BadExport, match=reason):
        restore(owner=alice, path=path)
    assert rows_of(alice) == before


def test_an_oversized_file_in_an_export_is_refused(tmp_path, alice, settings):
    settings.IMPORT_MAX_FILE_MB = 1
    original = {**ORIGINAL, "file": "originals/big.fit"}
    data = {"source_files": [original]}
    path = tmp_path / "big.zip"
    members = {"manifest.json": MANIFEST, "data.json": data, "originals/big.fit": b"0" * 2**21}
    path.write_bytes(zip_with(members))
    with pytest.raises(BadExport, match="larger than this Milepost takes"):
        restore(owner=alice, path=path)


def test_a_foreign_zip_is_not_taken_for_an_export(tmp_path, alice):
    path = tmp_path / "other.zip"
    path.write_bytes(zip_with({"manifest.json": {"format": "something else"}}))
    with pytest.raises(BadExport, match="not a Milepost export"):
        restore(owner=alice, path=path)


def test_milepost_import_recognises_an_export(tmp_path, capsys):
    runner, _ = rich_runner()
    call_command("export", "--user", "demo", "-o", str(tmp_path / "a.zip"))
    other = Profile.objects.create_runner("copy")
    out = io.StringIO()
    call_command("import", str(tmp_path / "a.zip"), "--user", "copy", stdout=out)
    assert rows_of(other) == rows_of(runner)
    total = Activity.objects.filter(owner=runner).count()
    assert f"{total} imported, 0 already there, 0 skipped, 0 not imported (1 files)" in (
        out.getvalue()
    )
    first = ImportItem.objects.filter(batch__owner=other).order_by("position").first()
    assert first.reason.startswith("Milepost export of demo restored")


def test_milepost_import_rejects_a_damaged_export_with_its_reason(tmp_path, alice):
    path = tmp_path / "bad.zip"
    path.write_bytes(zip_with({"manifest.json": {**MANIFEST, "version": 2}}))
    out = io.StringIO()
    call_command("import", str(path), "--user", "alice", stdout=out)
    assert "newer Milepost" in out.getvalue() and "0 imported" in out.getvalue()


@pytest.mark.django_db
def test_export_with_dash_writes_the_zip_to_standard_output(alice, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, err = io.BytesIO(), io.StringIO()
    call_command("export", "--user", "alice", "-o", "-", stdout=out, stderr=err)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        assert "manifest.json" in zf.namelist()
    assert "Exported alice to standard output" in err.getvalue()
    assert not (tmp_path / "-").exists()
