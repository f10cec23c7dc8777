"""Pure parsing layer of the run import: files and archives in, activity summaries out.

No Django here (DESIGN §5): the import task, models, upload page and CLI call these.

    parse_file(data, filename, *, hint=None, max_bytes=..., now=None) -> list[ActivitySummary]
    expand(path, *, limits=None, known=()) / expand_bytes(data, name, *, limits=None)
        -> Iterator[FileItem | KnownItem | SkippedItem | ManualItem | ExportIndex]

Rules behind every figure: the docstrings of ``summary.py`` (time), ``distance.py`` and
``measures.py`` (the rest). Benchmark: ``benchmarks/parsers_bench.py``.
"""

from .archive import (
    ArchiveLimits,
    ExportIndex,
    FileItem,
    Fingerprint,
    Item,
    KnownItem,
    ManualItem,
    SkippedItem,
    expand,
    expand_bytes,
    fingerprint,
)
from .errors import ActivityFileError
from .model import ActivityHint, ActivitySummary
from .parse import DEFAULT_MAX_BYTES, detect_format, parse_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ActivityFileError",
    "ActivityHint",
    "ActivitySummary",
    "ArchiveLimits",
    "ExportIndex",
    "FileItem",
    "Fingerprint",
    "Item",
    "KnownItem",
    "ManualItem",
    "SkippedItem",
    "detect_format",
    "expand",
    "expand_bytes",
    "fingerprint",
    "parse_file",
]
