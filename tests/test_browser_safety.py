"""In a real browser: author HTML runs no script, and the site asks no other host for anything."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import build_site, served
from tests.test_validate import BASE, write

HOSTILE = """Harmless words.

<script>window.__pwned = "script"</script>

<img src="missing.png" onerror="window.__pwned = 'onerror'">

<a href="javascript:window.__pwned='javascript'" id="bad-link">a javascript link</a> and [a markdown one](javascript:window.__pwned='md')

<a href="data:text/html,<script>alert(1)</script>">a data link</a>

<iframe src="javascript:window.top.__pwned='iframe'"></iframe>

<svg onload="window.__pwned='svg'"><circle r="5"></circle></svg>"""


def test_author_script_never_runs_and_the_sites_own_scripts_still_do(project: Path, browser) -> None:
    write(project, "content/audits/hostile.md", BASE.replace("## Background\n\nText.", f"## Background\n\n{HOSTILE}"))
    site = build_site(project)
    html = (site / "briefings/hostile/index.html").read_text()
    assert "Harmless words." in html
    with served(site) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "briefings/hostile/")
        page.wait_for_load_state("networkidle")
        links = page.locator("article a", has_text="javascript link")
        if links.count():
            links.first.click()
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert page.evaluate("typeof window.__md_get") == "function"  # Material's own inline script ran
        assert page.locator(".pagefind-ui__search-input").count() == 1  # the site's own search script ran
        page.close()


def test_pages_request_nothing_from_other_hosts(sample_site: Path, browser) -> None:
    with served(sample_site) as base:
        own = urlsplit(base).netloc
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for url in ("", "briefings/2024-06-neglect-under-fives/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
        page.close()
    assert len(requested) > 5
    assert [u for u in requested if urlsplit(u).netloc != own and not u.startswith("data:")] == []
