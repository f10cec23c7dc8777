"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

In CI a missing browser is a failure, never a skip.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.getenv("MILEPOST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the test still talks to the
# database directly, which Django allows once told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package."
        if os.getenv("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = []  # what the Content-Security-Policy blocked: a script or style it should allow
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page
    context.close()
    assert not refused, refused


AXE = Path(__file__).with_name("vendor") / "axe.min.js"


def accessibility_problems(page) -> list[str]:
    """Serious and critical WCAG 2 A/AA problems axe-core finds on the page."""
    # Evaluated through the debugging protocol: a script tag would be refused by the
    # Content-Security-Policy, as any inline script is.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def shoot(page):
    """Saves a full-page screenshot as a test artifact and checks the page with axe-core:
    shoot("03-themes")."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        problems = accessibility_problems(page)
        assert not problems, f"{name}: " + "; ".join(problems)
        return path

    return take
