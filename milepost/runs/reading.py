"""Reading one file of an import: what the import's worker processes run.

No Django here (DESIGN §5), so a pool of fresh processes starts in a fraction of a second and
never shares the database connection of the process that writes. ``read_file`` parses the
bytes and, when they hold something to keep, compresses the original for ``SourceFile``.
"""

from __future__ import annotations

import gzip
import logging
import os
import threading
import time
from dataclasses import dataclass

from .formats import DEFAULT_MAX_BYTES, ActivityFileError, ActivityHint, ActivitySummary, parse_file

logger = logging.getLogger(__name__)

# zlib's fastest level: on the sample files within 5 % of level 6's size, at a quarter of the
# CPU time (it runs once per imported file, next to the parser).
GZIP_LEVEL = 1
PARENT_CHECK_S = 1.0  # how often a pool process checks that the importing process is alive
INTERNAL_ERROR = (
    "Milepost could not read this file because of an error on our side; it was not imported."
)


@dataclass(frozen=True)
class FileResult:
    """The activities of one file, or why there are none (``code`` set, as ActivityFileError's).

    ``compressed`` is the original gzip-compressed; empty when the original already was gzip
    (``was_gzip``: the caller keeps those bytes as they are) or when nothing was read.
    """

    summaries: tuple[ActivitySummary, ...] = ()
    reason: str = ""
    code: str = ""
    compressed: bytes = b""
    was_gzip: bool = False


def read_file(
    path: str, data: bytes, hint: ActivityHint | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileResult:
    try:
        summaries = parse_file(data, path, hint=hint, max_bytes=max_bytes)
    except ActivityFileError as exc:
        return FileResult(reason=exc.reason, code=exc.code)
    except Exception:  # a bug in a reader costs this file, never the rest of the import
        logger.exception("Reading %s failed", path)
        return FileResult(reason=INTERNAL_ERROR, code="internal_error")
    was_gzip = data[:2] == b"\x1f\x8b"
    compressed = b"" if was_gzip else gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    return FileResult(tuple(summaries), compressed=compressed, was_gzip=was_gzip)


def watch_parent(parent: int) -> None:
    """Run as each pool process starts: it exits once the process that imports is gone.
    Killed with ``kill -9`` (or by the kernel), that process cannot shut its pool down, and
    a pool process, holding both ends of its own job queue, would wait for work for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
