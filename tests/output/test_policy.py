"""Each page's policies: written with the page, once, and never read by the privacy checks as the page's text."""

from __future__ import annotations

from pathlib import Path

from generator.output.policy import protected, protected_page, unprotected
from generator.output.sitescan import check_html
from tests.support import build_site, make_project

PAGE = (
    b'<!doctype html>\n<html><head>\n<meta charset="utf-8">\n<script>var shown = 1;</script>\n</head>\n'
    b"<body>\n<p>Fine.</p>\n<p>Ring 07700 900461.</p>\n</body></html>\n"
)
POLICY = b'http-equiv="Content-Security-Policy"'


def _found(page: bytes) -> list[tuple[int, str]]:
    return [(found.line, found.text) for found in check_html("site/p.html", page, "example.org", set())]


def test_a_finding_in_a_page_with_its_policies_is_reported_at_its_line_in_the_published_page() -> None:
    page = protected(PAGE)
    line = next(number for number, text in enumerate(page.split(b"\n"), start=1) if b"07700" in text)
    assert line == 10  # two lines below where it was written: the policies come first
    assert _found(page) == [(line, "07700 900461")]


def test_the_checks_read_a_page_without_its_policies_exactly_as_written_line_for_line() -> None:
    page = protected(PAGE)
    assert page.count(POLICY) == 1 and b"'sha256-" in page
    assert unprotected(page).count(b"\n") == page.count(b"\n")
    assert unprotected(page).replace(b"\n", b"") == PAGE.replace(b"\n", b"")


def test_a_page_given_its_policies_twice_has_them_once() -> None:
    assert protected(protected(PAGE)) == protected(PAGE)


def test_a_policy_written_by_hand_is_read_like_any_other_text() -> None:
    """Only the exact tags a build writes for the page's own scripts are left unread: a page (or an author) that
    writes a policy of its own, or anything beside a build's, has it read."""
    forged = PAGE.replace(
        b'<meta charset="utf-8">',
        b'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        b'report-uri /r; ring 07700 900462">\n<meta name="referrer" content="same-origin">',
    )
    assert "07700 900462" in [text for _, text in _found(forged)]
    assert "07700 900462" in [text for _, text in _found(protected(forged))]


def test_a_fragment_is_left_as_it_is() -> None:
    assert (
        protected(b"<p>A fragment an author left in content/pages.</p>") == b"<p>A fragment an author left in content/pages.</p>"
    )


def test_every_page_of_a_build_carries_the_policies_for_its_own_scripts_once(public_site: Path) -> None:
    """Pages the engine writes get them as they are written; others (the theme's 404 page) afterwards."""
    pages = sorted(public_site.rglob("*.html"))
    assert any(page.name == "404.html" for page in pages) and len(pages) > 20
    for page in pages:
        html = page.read_bytes()
        assert html.count(POLICY) == 1 and unprotected(html) != html, page


def test_a_page_with_a_character_utf_8_cannot_hold_gets_its_policies_as_the_engine_would_write_it() -> None:
    page = PAGE.decode().replace("Fine.", "Fine \ud800.")  # a lone surrogate, as a hostile escape in YAML could make
    assert "&#55296;" in protected_page(page) and "Content-Security-Policy" in protected_page(page)


def test_a_script_another_plugin_or_hook_adds_to_a_page_is_in_its_policy(tmp_path: Path) -> None:
    """The policies are written last, after every other plugin's and hook's `on_post_page` (a hook runs after
    the plugins listed before it), so that they are of the page as written."""
    root = make_project(tmp_path / "project")
    (root / "hook.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    return output.replace('</body>', '<script>window.counted = 1;</script></body>')\n"
    )
    with (root / "mkdocs.yml").open("a") as config:
        config.write("\nhooks:\n  - hook.py\n")
    pages = sorted(build_site(root).rglob("*.html"))
    assert any(b"window.counted" in page.read_bytes() for page in pages)
    for page in pages:
        html = page.read_bytes()
        assert html.count(POLICY) == 1 and unprotected(html) != html, page


def test_a_copy_of_the_policies_elsewhere_in_a_page_does_not_stand_for_them_in_its_head() -> None:
    """A browser obeys a policy only in the <head>: one copied into the body (or a comment) by hand leaves the page
    still to be given its own, and only that one is taken out of what the checks read."""
    tags = protected(PAGE)[len(b'<!doctype html>\n<html><head>\n<meta charset="utf-8">') :].split(b"\n<script>")[0]
    copied = PAGE.replace(b"<p>Fine.</p>", b"<p>Fine.</p><!--" + tags + b"-->")
    page = protected(copied)
    assert page.startswith(b'<!doctype html>\n<html><head>\n<meta charset="utf-8">' + tags + b"\n<script>")
    assert unprotected(page).count(POLICY) == 1 and unprotected(page).count(b"\n") == page.count(b"\n")
