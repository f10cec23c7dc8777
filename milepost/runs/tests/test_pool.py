"""The import's pool of reading processes does not outlive the process that imports: killed
with ``kill -9``, that process cannot shut its pool down, so each pool process watches it
(``reading.watch_parent``). benchmarks/kill_worker_check.py kills a real worker mid-import."""

import subprocess
import sys
import time
from pathlib import Path

CHILD = """
import multiprocessing, os, signal
from concurrent.futures import ProcessPoolExecutor

from milepost.runs.reading import watch_parent

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        2, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)
    )
    pids = {pool.submit(os.getpid).result() for _ in range(6)}
    print(" ".join(map(str, pids)), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited, waiting for init to reap it


def test_pool_processes_exit_when_the_importing_process_is_killed(tmp_path):
    script = tmp_path / "importer.py"
    script.write_text(CHILD)
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, str(script)], cwd=root, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == -9, done.stderr
    pids = [int(p) for p in done.stdout.split()]
    assert pids
    deadline = time.monotonic() + 15
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in pids if running(pid)]
