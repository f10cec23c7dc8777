"""Every model holding a runner's data has a part in the export (or a line saying why not):
a new model with a foreign key to the user fails here until it has one."""

from django.db import models

from milepost.portability.registry import (
    NOT_EXPORTED,
    PARTS,
    PARTS_BY_MODEL,
    covered_foreign_keys,
    user_foreign_keys,
)


def test_every_foreign_key_to_a_user_is_exported_or_said_why_not():
    found = set(user_foreign_keys())
    missing = found - covered_foreign_keys() - set(NOT_EXPORTED)
    assert not missing, (
        f"{sorted(missing)}: add a Part to milepost/portability/registry.py (or a line in "
        "NOT_EXPORTED saying why it is not the runner's to take away)"
    )
    assert set(NOT_EXPORTED) <= found, "NOT_EXPORTED names a field that is not there any more"


def test_every_part_refers_only_to_earlier_parts_and_users():
    seen = set()
    for part in PARTS:
        for f in part.fields():
            if f.is_relation:
                target = f.related_model
                assert target._meta.label == "auth.User" or PARTS_BY_MODEL[target].name in seen, (
                    f"{part.name}.{f.name} refers to a model with no earlier part"
                )
        seen.add(part.name)


def test_no_part_exports_bytes_in_the_json():
    for part in PARTS:
        assert not [f for f in part.fields() if isinstance(f, models.BinaryField)], part.name
