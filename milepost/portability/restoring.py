"""Restoring an export (``exporting.py``) into an account: all of it into an empty account,
only what is missing into one with data (rows are matched by the registry's natural keys),
in one transaction: an export that cannot be read restores nothing."""

import gzip
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError

from milepost.accounts import pagecache
from milepost.accounts.locking import lock_runner, run_retrying
from milepost.runs.importing import Entry
from milepost.runs.models import Activity, ItemStatus, recompute_totals

from .exporting import FORMAT, SELF, VERSION, installation_id
from .registry import PARTS, PARTS_BY_MODEL, Part

CHUNK = 200


class BadExport(Exception):
    """A Milepost export that cannot be restored; the message says why, in plain words."""


@dataclass
class RestoreReport:
    username: str  # whose export it was
    added: dict[str, int] = field(default_factory=dict)
    already: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)
    activities: list[tuple[int, bool]] = field(default_factory=list)  # (pk, added)

    def summary(self) -> str:
        added = sum(self.added.values())
        already = sum(self.already.values())
        words = f"Milepost export of {self.username} restored: {added} things added"
        words += f", {already} already there." if already else "."
        return " ".join([words, *self.left_out])


def read_manifest(path: Path) -> dict | None:
    """The export's manifest; None when ``path`` is not a Milepost export at all (any other
    file or zip, for the activity importer). Raises BadExport for one it cannot restore."""
    if not path.is_file() or not zipfile.is_zipfile(path):
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            if "manifest.json" not in zf.namelist():
                return None
            manifest = json.loads(zf.read("manifest.json"))
    except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return None
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise BadExport("This Milepost export's manifest has no format version we know.")
    if version > VERSION:
        raise BadExport(
            f"This export was made by a newer Milepost (format {version}; this one reads "
            f"up to {VERSION}). Update Milepost, then import it again."
        )
    return manifest


def restore(*, owner, path: Path) -> RestoreReport:
    """Restores the export at ``path`` into ``owner``'s account, all or nothing."""
    manifest = read_manifest(Path(path))
    if manifest is None:
        raise BadExport("This is not a Milepost export: it has no Milepost manifest.json.")
    try:
        with zipfile.ZipFile(path) as zf:
            data = json.loads(member(zf, "data.json"))
            if not isinstance(data, dict):
                raise BadExport("Its data.json does not hold a Milepost export.")
            report = run_retrying(_restore_locked, owner, zf, manifest, data)
    except (zipfile.BadZipFile, OSError, EOFError, gzip.BadGzipFile) as problem:
        raise BadExport(f"The zip is damaged ({problem}).") from None
    except ValueError as problem:  # data.json is not JSON
        raise BadExport(f"Its data.json cannot be read ({problem}).") from None
    except DatabaseError as problem:
        raise BadExport(f"It clashes with what is in this account ({problem}).") from None
    return report


def _restore_locked(owner, zf: zipfile.ZipFile, manifest: dict, data: dict) -> RestoreReport:
    lock_runner(owner.pk)  # the one lock order: accounts/locking.py
    return Restorer(owner, zf, manifest).run(data)


def member(zf: zipfile.ZipFile, name: str) -> bytes:
    """One file of the export, no larger than the importer takes (a zip bomb is refused)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise BadExport(f"The export is missing a file: {name}.") from None
    limit_mb = (
        settings.IMPORT_MAX_UNPACKED_MB if name == "data.json" else settings.IMPORT_MAX_FILE_MB
    )
    if info.file_size > limit_mb * 2**20:
        raise BadExport(f"Its {name} is larger than this Milepost takes ({limit_mb} MB).")
    return zf.read(info)


class Restorer:
    def __init__(self, owner, zf: zipfile.ZipFile, manifest: dict):
        self.owner = owner
        self.zf = zf
        self.report = RestoreReport(username=str(manifest.get("username", "")))
        self.same_installation = manifest.get("installation") == installation_id()
        self.refs: dict[str, dict[int, int]] = defaultdict(dict)  # part -> position -> pk
        self.users = get_user_model().objects

    def run(self, data: dict) -> RestoreReport:
        empty = not any(
            part.model.objects.filter(**{part.owner: self.owner}).exists()
            for part in PARTS
            if not part.single
        )
        for part in PARTS:
            records = data.get(part.name, {} if part.single else [])
            if part.single:
                self.restore_single(part, records, everything=empty)
            else:
                if not isinstance(records, list):
                    raise BadExport(f"Its {part.name} are not a list.")
                self.restore_rows(part, records)
        days = Activity.objects.filter(pk__in=[pk for pk, added in self.report.activities if added])
        recompute_totals(self.owner.pk, set(days.values_list("local_date", flat=True)))
        pagecache.mark_changed(self.owner.pk)
        return self.report

    # --- one part ---------------------------------------------------------------------------

    def restore_single(self, part: Part, record, everything: bool) -> None:
        if not isinstance(record, dict):
            raise BadExport(f"Its {part.name} is not an object.")
        row = part.model.objects.get(**{part.owner: self.owner})
        values = self.values(part, 1, record)
        # Into an account with data, only what it lacks: an empty value, or the default.
        unset = {f.attname: (None, "", f.get_default()) for f in part.fields()}
        changed = {
            name: value
            for name, value in values.items()
            if getattr(row, name) != value and (everything or getattr(row, name) in unset[name])
        }
        for name, value in changed.items():
            setattr(row, name, value)
        self.check(part, 1, row)
        if changed:
            row.save(update_fields=list(changed))
        self.report.added[part.name] = int(bool(changed))

    def restore_rows(self, part: Part, records: list) -> None:
        found = self.existing(part)
        taken: set[int] = set()
        new = []
        for n, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                raise BadExport(f"Its {part.name} #{n} is not an object.")
            values = self.values(part, n, record)
            if values is None:
                continue  # names someone not here: left out (said in the report)
            pk = self.match(part, values, found, taken)
            if pk is not None:
                self.refs[part.name][n] = pk
                self.report.already[part.name] = self.report.already.get(part.name, 0) + 1
                self.note_activity(part, pk, added=False)
                continue
            obj = part.model(**values)
            if "__" not in part.owner:
                setattr(obj, part.owner, self.owner)
            self.check(part, n, obj)
            new.append((n, obj, record))
        for start in range(0, len(new), CHUNK):
            chunk = new[start : start + CHUNK]
            if part.file_field:
                for _, obj, record in chunk:
                    setattr(obj, part.file_field, self.original(obj, record))
            part.model.objects.bulk_create([obj for _, obj, _ in chunk])
            for n, obj, _ in chunk:
                self.refs[part.name][n] = obj.pk
                self.note_activity(part, obj.pk, added=True)
                if part.file_field:
                    setattr(obj, part.file_field, b"")  # free the bytes
        self.report.added[part.name] = len(new)

    def existing(self, part: Part) -> list[dict]:
        """For each natural key, the runner's rows already there: key values -> pks."""
        rows = part.model.objects.filter(**{part.owner: self.owner, **part.only})
        found = []
        for key in part.keys:
            attnames = [part.model._meta.get_field(name).attname for name in key]
            index = defaultdict(list)
            for pk, *values in rows.order_by("pk").values_list("pk", *attnames):
                index[tuple(values)].append(pk)
            found.append((attnames, index))
        return found

    def match(self, part: Part, values: dict, found: list, taken: set[int]) -> int | None:
        for attnames, index in found:
            key = tuple(values.get(name) for name in attnames)
            if "" in key:
                continue
            for pk in index.get(key, []):
                if pk not in taken:  # two equal rows in the export match two rows here
                    taken.add(pk)
                    return pk
        return None

    def values(self, part: Part, n: int, record: dict) -> dict | None:
        """The record's field values as the model stores them; None when it names a person
        who is not on this installation."""
        values = {}
        for f in part.fields():
            if f.name not in record:
                continue  # an older export: the field's default
            value = record[f.name]
            if f.is_relation and value is not None:
                if f.related_model is get_user_model():
                    value = self.other_user(part, value)
                    if value is None:
                        return None
                else:
                    parent = PARTS_BY_MODEL[f.related_model].name
                    value = self.refs[parent].get(value) if isinstance(value, int) else None
                    if value is None:
                        raise BadExport(
                            f"Its {part.name} #{n} refers to {parent} #{record[f.name]}, "
                            "which is not in the export."
                        )
            else:
                try:
                    value = f.to_python(value)
                except ValidationError as error:
                    raise BadExport(
                        f"Its {part.name} #{n} has a bad {f.name}: {' '.join(error.messages)}"
                    ) from None
            values[f.attname] = value
        return values

    def other_user(self, part: Part, username) -> int | None:
        if username in (SELF, self.report.username):
            return self.owner.pk  # the runner themselves (a comment of their own, say)
        reason = ""
        pk = self.users.filter(username=username).values_list("pk", flat=True).first()
        if not self.same_installation:
            reason = "it was made on another Milepost; invite your coach again here"
        elif pk is None or pk == self.owner.pk:
            reason = f"there is no {username} here"
        if reason:
            words = part.name.replace("_", " ")
            note = f"Your {words} with {username} were left out: {reason}."
            if note not in self.report.left_out:
                self.report.left_out.append(note)
            return None
        return pk

    def check(self, part: Part, n: int, obj) -> None:
        # Types and choices; an empty value is the database's to refuse (NOT NULL).
        exclude = [
            f.name
            for f in part.model._meta.concrete_fields
            if f.is_relation or getattr(obj, f.attname) in (None, "")
        ]
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            message = f"Its {part.name} #{n} holds values Milepost cannot keep: {problems}"
            raise BadExport(message) from None

    def original(self, obj, record: dict) -> bytes:
        name = record.get("file")
        if not isinstance(name, str):
            raise BadExport("An original file has no name in data.json.")
        data = member(self.zf, name)
        return data if obj.was_gzip else gzip.compress(data, mtime=0)

    def note_activity(self, part: Part, pk: int, added: bool) -> None:
        if part.model is Activity:
            self.report.activities.append((pk, added))


def import_entries(owner, path: Path) -> list[Entry] | None:
    """What ``milepost import`` and the import page make of a Milepost export: None for
    anything else (an activity file, another zip), which they import as usual."""
    path = Path(path)
    try:
        if read_manifest(path) is None:
            return None
        report = restore(owner=owner, path=path)
    except BadExport as problem:
        reason = f"This Milepost export could not be restored, so nothing of it was: {problem}"
        return [Entry(path.name, ItemStatus.REJECTED, reason, "milepost_export")]
    activities = Activity.objects.in_bulk([pk for pk, _ in report.activities])
    entries = []
    for pk, added in report.activities:
        status = ItemStatus.IMPORTED if added else ItemStatus.DUPLICATE
        reason = "" if added else "Already in your runs."
        entries.append(Entry(path.name, status, reason, "milepost_export", activities[pk]))
    if not entries:
        entries.append(Entry(path.name, ItemStatus.IMPORTED, "", "milepost_export"))
    entries[0].reason = " ".join(filter(None, [report.summary(), entries[0].reason]))
    return entries
