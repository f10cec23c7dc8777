"""The one exception the parsers raise, with a reason a runner understands."""


class ActivityFileError(Exception):
    """A file that cannot become an activity.

    ``reason`` is a sentence for the runner ("The file is empty."); ``code`` is a stable key for
    the import log, the API and tests: ``empty``, ``corrupt``, ``truncated``, ``not_activity``,
    ``no_timestamps``, ``bad_timestamps``, ``unsafe_xml``, ``too_large``, ``unknown_format``.
    """

    def __init__(self, reason: str, code: str = "corrupt"):
        super().__init__(reason)
        self.reason = reason
        self.code = code

    def __repr__(self) -> str:
        return f"ActivityFileError({self.reason!r}, code={self.code!r})"
