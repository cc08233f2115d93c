"""In a real browser: author HTML runs no script, and the site asks no other host for anything."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support import BASE, PAGE_TYPES, build_site, served, write

HOSTILE_TAGS = """<script>window.__pwned = "script"</script>

<iframe src="javascript:window.top.__pwned='iframe'"></iframe>

<svg onload="window.__pwned='svg'"><circle r="5"></circle></svg>"""
HOSTILE_ATTRIBUTES = """<img src="missing.png" onerror="window.__pwned = 'onerror'">

<a href="javascript:window.__pwned='javascript'" id="bad-link">a javascript link</a> and [a markdown one](javascript:window.__pwned='md')

<a href="data:text/html,<script>alert(1)</script>">a data link</a>"""
HOSTILE = f"Harmless words.\n\n{HOSTILE_ATTRIBUTES}\n\n{HOSTILE_TAGS}"


def test_an_author_script_or_frame_in_a_briefing_is_refused_at_its_line(project: Path, cli) -> None:
    """HTML the page would remove is never published in silence: the check names each tag at its line."""
    write(project, "content/audits/hostile.md", BASE.replace("## Background\n\nText.", f"## Background\n\n{HOSTILE}"))
    run = cli("check")
    assert run.code == 1
    refused = [line.split(": ", 1)[1] for line in run.lines if line.startswith("content/audits/hostile.md:")]
    assert [message.split(" is HTML")[0] for message in refused if " is HTML " in message] == [
        "'<script>'",
        "'<iframe src=\"javascript:window.top.__pwned='iframe'\">'",
        "'<svg onload=\"window.__pwned='svg'\">'",
        "'<circle r=\"5\">'",
    ]
    taken_off = [message.split("': the page removes")[0] for message in refused if "': the page removes" in message]
    assert taken_off == [
        '\'<img src="missing.png" onerror="window.__pwned = \'onerror\'">',
        '\'<a href="javascript:window.__pwned=\'javascript\'" id="bad-link">',
        '\'<a href="javascript:window.__pwned=" title="md">',  # Markdown reads 'md' as the link's title
        '\'<a href="data:text/html,<script>alert(1)</script>">',
    ]


@pytest.mark.browser
def test_author_script_never_runs_and_the_sites_own_scripts_still_do(project: Path, browser) -> None:
    """In a hand-written page (no check names what its sanitiser drops there: every hostile tag and attribute), no
    author script runs, and the site's own scripts do, on it and on a briefing."""
    write(project, "content/audits/hostile.md", BASE.replace("## Background\n\nText.", "## Background\n\nHarmless words."))
    write(project, "content/pages/hostile.md", f"# Hostile\n\n{HOSTILE}\n")
    site = build_site(project)
    for address in ("briefings/hostile/", "hostile/"):
        assert "Harmless words." in (site / address / "index.html").read_text()
        with served(site) as base:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
            page.goto(base + address)
            page.wait_for_load_state("networkidle")
            links = page.locator("article a", has_text="javascript link")
            if links.count():
                links.first.click()
            assert page.evaluate("window.__pwned") is None, address
            assert dialogs == [], address
            assert page.evaluate("typeof window.__md_get") == "function"  # Material's own inline script ran
            assert page.locator(".pagefind-ui__search-input").count() == 1  # the site's own search script ran
            page.close()


@pytest.mark.browser
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


VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.mark.browser
def test_every_page_type_runs_under_its_content_security_policy_in_both_palettes(sample_site: Path, browser) -> None:
    """Material's inline scripts (allowed by hash), search (WebAssembly), the palette toggle and Exit this page
    all work, and the policy refuses nothing the site itself needs."""

    pages = {**PAGE_TYPES, "not found": "no-such-page/"}
    with served(sample_site) as base:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            context.add_init_script(VIOLATIONS)
            context.route(
                "https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html")
            )
            page = context.new_page()
            for kind, url in pages.items():
                page.goto(base + ("404.html" if kind == "not found" else url))
                page.wait_for_load_state("networkidle")
                policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
                assert policy.count() == 1 and "script-src 'self' 'sha256-" in policy.get_attribute("content"), kind
                assert page.evaluate("typeof window.__md_get") == "function", kind  # Material's inline script ran
                assert page.evaluate("window.__violations") == [], f"{kind} ({scheme})"
            page.goto(base + "briefings/")
            page.wait_for_load_state("networkidle")
            page.locator(".pagefind-ui__search-input").fill("neglect")
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=30_000)
            before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            page.locator("form[data-md-component=palette] label:visible").first.click()
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != before
            assert page.evaluate("window.__violations") == [], f"search or palette ({scheme})"
            page.locator("a.exit-this-page").click()
            page.wait_for_url("https://www.bbc.co.uk/weather")
            context.close()


def test_the_referrer_sent_to_other_sites_is_nothing(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text()
    assert '<meta name="referrer" content="same-origin">' in html
    assert 'rel="nofollow noreferrer"' in html.split('class="md-header__button exit-this-page"', 1)[1].split(">", 1)[0] or (
        'rel="nofollow noreferrer" data-exit-this-page' in html
    )


@pytest.mark.browser
def test_printing_a_pdf_requests_nothing_from_another_host(tmp_path: Path, browser) -> None:
    """The PDF step opens each page at its published address, answered from the built folder; anything else,
    even a page's own reference to another host, is refused (the built-site checks refuse such a page first)."""
    from generator.output.pdf import find_chromium, print_pdfs

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.png").write_bytes(b"")
    site = tmp_path / "site"
    (site / "briefings/x").mkdir(parents=True)
    with served(outside) as elsewhere:
        requested: list[str] = []
        import http.server

        original = http.server.SimpleHTTPRequestHandler.do_GET

        def counting(handler) -> None:
            requested.append(handler.path)
            original(handler)

        http.server.SimpleHTTPRequestHandler.do_GET = counting
        try:
            (site / "briefings/x/index.html").write_text(
                f'<!doctype html><html><head><meta charset="utf-8"><title>X</title></head>'
                f'<body><h1>X</h1><img src="{elsewhere}x.png" alt=""><link rel="stylesheet" href="{elsewhere}s.css"></body></html>'
            )
            printed = print_pdfs(
                site, "https://example.org/briefings/", ["x"], find_chromium(), "A partnership", tmp_path / "cache", 2
            )
        finally:
            http.server.SimpleHTTPRequestHandler.do_GET = original
    assert printed.sizes["x"] > 0 and (site / "briefings/x.pdf").is_file()
    assert requested == []
