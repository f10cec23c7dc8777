"""Production settings: `check --deploy` is clean, and bad configuration is refused clearly."""

import os
import subprocess
import sys

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-key-that-is-not-in-the-repo-0123456789abcdef",
    "MILEPOST_REQUIRE_SECRET_KEY": "1",
    "MILEPOST_HTTPS": "true",
    "ALLOWED_HOSTS": "milepost.example.org",
}


def milepost(*args, env: dict, tmp_path):
    environment = {**os.environ, "MILEPOST_DATA_DIR": str(tmp_path), **env}
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the browser tests set the latter
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "milepost.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = milepost(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_server_without_a_secret_key_refuses_to_start(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = milepost("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "Set SECRET_KEY in production." in result.stderr


def test_a_bad_number_in_the_environment_is_named(tmp_path):
    result = milepost("check", env={"MILEPOST_MAX_ACTIVE_GOALS": "three"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "MILEPOST_MAX_ACTIVE_GOALS must be a whole number, not 'three'" in result.stderr


def test_a_laptop_install_keeps_its_own_secret_key_out_of_the_repo(tmp_path):
    result = milepost("check", env={"SECRET_KEY": ""}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) > 40
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def setting(name, env, tmp_path):
    code = f"from django.conf import settings; print(settings.{name})"
    result = milepost("shell", "-c", code, env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_hsts_preload_is_asked_for_only_when_chosen(tmp_path):
    assert setting("SECURE_HSTS_PRELOAD", PRODUCTION, tmp_path) == "False"
    chosen = {**PRODUCTION, "MILEPOST_HSTS_PRELOAD": "true"}
    assert setting("SECURE_HSTS_PRELOAD", chosen, tmp_path) == "True"
    result = milepost("check", "--deploy", "--fail-level", "WARNING", env=chosen, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_session_length_can_be_set(tmp_path):
    assert setting("SESSION_COOKIE_AGE", {"SESSION_COOKIE_AGE": "3600"}, tmp_path) == "3600"
