"""A runner's export: one zip holding manifest.json, data.json (every part of the registry),
runs.csv, goals.csv and notes.csv for spreadsheets, every original activity file, and a
README.txt saying what each file is. ``restoring.py`` reads it back."""

import csv
import io
import json
import os
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from uuid import UUID

from django.contrib.auth import get_user_model
from django.utils.crypto import salted_hmac
from django.utils.text import get_valid_filename

from milepost import clock
from milepost.reflection.models import Note
from milepost.runs.models import Activity, SourceFile

from .registry import PARTS, PARTS_BY_MODEL, Part

FORMAT = "milepost-export"
VERSION = 1
Progress = Callable[[int, int], None]  # (steps done, steps in all)


def installation_id() -> str:
    """Names this installation without telling anything of its secret key: coach grants are
    restored only where their coaches' accounts are the same people."""
    return salted_hmac("milepost.portability", "installation").hexdigest()[:20]


def to_json(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def sort_key(record: dict, part: Part) -> tuple:
    values = [record.get(name) for name in part.sort_fields]
    return tuple((v is None, v if v is not None else 0) for v in values)


def dump(user) -> tuple[dict, dict[int, tuple[int, str]]]:
    """data.json's content, and for each original file (by its pk) its position and the
    name it has in the zip."""
    data: dict = {}
    refs: dict[str, dict[int, int]] = {}
    users = get_user_model().objects
    for part in PARTS:
        fields = part.fields()
        names = [f.attname for f in fields]
        rows = part.model.objects.filter(**{part.owner: user, **part.only}).order_by("pk")
        rows = list(rows.values("pk", *names))
        others = {row[f.attname] for f in fields if is_user(f) for row in rows} - {None}
        usernames = dict(users.filter(pk__in=others).values_list("pk", "username"))
        records = []
        for row in rows:
            record = {}
            for f in fields:
                value = row[f.attname]
                if value is not None and f.is_relation:
                    target = PARTS_BY_MODEL[f.related_model].name if not is_user(f) else None
                    if target is not None:
                        value = refs[target][value]
                    else:  # the runner as themselves, or another person by username
                        value = SELF if value == user.pk else usernames[value]
                record[f.name] = to_json(value)
            records.append((row["pk"], record))
        records.sort(key=lambda pair: sort_key(pair[1], part))  # stable: ties stay in pk order
        refs[part.name] = {pk: n for n, (pk, _) in enumerate(records, start=1)}
        if part.file_field:
            for n, (_, record) in enumerate(records, start=1):
                record["file"] = original_name(n, record["name"])
        listed = [record for _, record in records]
        data[part.name] = listed[0] if part.single else listed
    originals = {
        pk: (n, original_name(n, record["name"]))
        for pk, n in refs["source_files"].items()
        for record in [data["source_files"][n - 1]]
    }
    return data, originals


# The runner themselves where a row names a person (their own message in a goal's thread):
# not a username, so the export restores the same into an account of any name. No username
# can hold parentheses.
SELF = "(you)"


def is_user(f) -> bool:
    return f.is_relation and f.related_model is get_user_model()


def original_name(n: int, name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    try:
        base = get_valid_filename(base)[-100:]
    except Exception:  # SuspiciousFileOperation for "", "." and ".."
        base = "file"
    return f"originals/{n:05d}-{base}"


def manifest(user, data: dict) -> dict:
    counts = {name: (1 if isinstance(rows, dict) else len(rows)) for name, rows in data.items()}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_json(clock.now()),
        "username": user.get_username(),
        "installation": installation_id(),
        "counts": counts,
    }


def write_export(user, target: Path, progress: Progress | None = None) -> dict:
    """Writes the runner's export to ``target`` (a partial file never has its name)."""
    data, originals = dump(user)
    total = 2 + len(originals)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        info = manifest(user, data)
        zf.writestr("manifest.json", json.dumps(info, indent=2, ensure_ascii=False))
        zf.writestr("data.json", json.dumps(data, indent=1, ensure_ascii=False))
        zf.writestr("README.txt", README.format(username=user.get_username()))
        for name, text in spreadsheets(user).items():
            zf.writestr(name, text)
        if progress:
            progress(2, total)
        files = SourceFile.objects.filter(owner=user).only("pk", "data", "was_gzip")
        for done, source in enumerate(files.iterator(chunk_size=50), start=3):
            zf.writestr(originals[source.pk][1], source.original())
            if progress:
                progress(done, total)
    os.replace(partial, target)
    return info


def spreadsheets(user) -> dict[str, str]:
    return {"runs.csv": runs_csv(user), "goals.csv": goals_csv(user), "notes.csv": notes_csv(user)}


def as_csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def hms(seconds) -> str:
    if seconds is None:
        return ""
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def runs_csv(user) -> str:
    header = ["date", "start", "name", "sport", "distance_km", "moving_time", "elapsed_time"]
    header += ["pace_per_km", "elevation_gain_m", "avg_hr", "feeling", "feeling_note", "race"]
    activities = Activity.objects.owned_by(user).order_by("start", "pk")
    rows = []
    for a in activities.defer("warnings", "best_efforts").iterator(chunk_size=500):
        km = round(a.distance_m / 1000, 3) if a.distance_m is not None else ""
        rows.append(
            [a.local_date, f"{a.local_start:%H:%M}", a.title, a.sport, km, hms(a.moving_s)]
            + [hms(a.elapsed_s), hms(a.pace_s_per_km), a.elevation_gain_m or "", a.avg_hr or ""]
            + [a.get_feeling_display() if a.feeling else "", a.feeling_note, a.is_race]
        )
    return as_csv(header, rows)


def goals_csv(user) -> str:
    from milepost.goals.models import Goal

    header = ["title", "status", "size", "kind", "metric", "period", "target_value"]
    header += ["target_unit", "target_date", "why", "written", "reached_on"]
    rows = [
        [g.title, g.status, g.size, g.kind, g.metric, g.period, g.target_value or ""]
        + [g.target_unit, g.target_date or "", g.why, g.created_at.date(), g.reached_on or ""]
        for g in Goal.objects.owned_by(user).order_by("created_at", "pk")
    ]
    return as_csv(header, rows)


def notes_csv(user) -> str:
    notes = Note.objects.filter(round__owner=user).select_related("round")
    rows = [
        [n.round.started_at.date(), n.question, n.text, to_json(n.created_at)]
        for n in notes.order_by("round__started_at", "created_at", "client_id")
    ]
    return as_csv(["round_started", "question", "note", "written"], rows)


README = """\
Your Milepost data ({username})
===================

This zip holds everything you keep in Milepost. Give it back to Milepost (the import page,
or `milepost import THIS.zip --user NAME`) to bring it all back, here or on another
installation: what is already there is not added twice.

manifest.json   what this file is: its format and version, when it was made, whose it is,
                and how many of each thing it holds.
data.json       everything, for programs: your profile, your rounds with their notes and
                themes, your goals with their earlier versions, steps, check-ins and pauses,
                your runs with their summaries and how they felt, the original files' names,
                your nudges (dismissed or snoozed), new training cycles, who you share with
                as a coach, and the notes your coaches shared with you. Dates and times are in
                UTC; distances in metres, times in seconds.
runs.csv        your runs and other activities, for a spreadsheet (distances in kilometres).
goals.csv       your goals, for a spreadsheet.
notes.csv       what you wrote in your rounds, question by question.
originals/      every activity file you imported, as you gave it (GPX, TCX, FIT).

Not in here: your password, your private calendar address (make a new one on your profile),
invitation links and the log of past uploads.
"""
