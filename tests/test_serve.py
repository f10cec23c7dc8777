"""`milepost serve` (gunicorn and the task worker, as in production) and `milepost backup`,
each run as a real process on a fresh data directory."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

MILEPOST = str(Path(sys.executable).with_name("milepost"))


def sqlite_env(data_dir: Path) -> dict:
    """A fresh laptop install: SQLite in its own data folder, whatever the suite runs on."""
    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_serve_runs_gunicorn_and_the_worker_and_stops_both(tmp_path):
    port = free_port()
    env = sqlite_env(tmp_path)
    server = subprocess.Popen(
        [MILEPOST, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.5)
        assert status == 200 and b"Milepost" in body
        assert fetch(f"http://127.0.0.1:{port}/static/app.css")[0] == 200
        children = subprocess.run(
            ["pgrep", "-f", "milepost.cli db_worker", "-s", str(os.getpgid(server.pid))],
            capture_output=True,
            text=True,
        ).stdout.split()
        assert children, "no task worker"
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
        assert "Serving Milepost at" in output and "Starting the background task worker" in output
        assert "Traceback" not in output
        time.sleep(1)
        left = subprocess.run(
            ["pgrep", "-f", "milepost.cli db_worker", "-s", str(os.getpgid(os.getpid()))],
            capture_output=True,
        )
        assert not set(left.stdout.split()) & {c.encode() for c in children}
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)


def milepost(*args, env, check=True):
    return subprocess.run(
        [MILEPOST, *args], env=env, capture_output=True, text=True, timeout=180, check=check
    )


def users(database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        return sorted(row[0] for row in db.execute("SELECT username FROM auth_user"))


def test_a_backup_taken_while_running_restores_everything(tmp_path):
    env = sqlite_env(tmp_path / "data")
    milepost("demo", env=env)
    database = tmp_path / "data" / "milepost.sqlite3"
    before = users(database)
    assert "demo" in before
    copy = tmp_path / "milepost-backup.sqlite3"
    assert "Backed up" in milepost("backup", "-o", str(copy), env=env).stdout
    milepost("delete-account", "--user", "demo", "--yes", env=env)
    assert "demo" not in users(database)
    refused = milepost("backup", "--restore", str(copy), env=env, check=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    milepost("backup", "--restore", str(copy), "--yes", env=env)
    assert users(database) == before
    again = milepost("backup", "-o", str(copy), env=env, check=False)
    assert again.returncode == 2 and "exists already" in again.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    bad = milepost("backup", "--restore", str(junk), "--yes", env=env, check=False)
    assert bad.returncode == 2 and "not an SQLite database" in bad.stderr
    assert users(database) == before
