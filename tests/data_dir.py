"""Loaded with `-p tests.data_dir` before Django reads its settings: every test run gets a
private, empty data directory, never the runner's own."""

import os
import tempfile

os.environ["MILEPOST_DATA_DIR"] = tempfile.mkdtemp(prefix="milepost-test-")
