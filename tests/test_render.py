from __future__ import annotations

import pytest

from generator.markup import to_html
from generator.render import relative


@pytest.mark.parametrize(
    ("here", "target", "link"),
    [
        ("", "briefings/", "briefings/"),
        ("briefings/x/", "themes/neglect/", "../../themes/neglect/"),
        ("briefings/x/", "briefings/x/#gp-a", "./#gp-a"),
        ("themes/", "feed.xml", "../feed.xml"),
        ("archive/", "", "../"),
    ],
)
def test_relative_links_work_under_any_base_path(here: str, target: str, link: str) -> None:
    assert relative(here, target) == link


def test_author_markdown_is_sanitised_but_keeps_structure() -> None:
    html = to_html(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [go](javascript:alert(3)) <iframe src=//x></iframe>\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n### Sub-heading\n\n- item\n\n[ok](https://example.org)\n\n<h2>not a step</h2>\n"
    )
    for bad in ("<script", "onerror", "javascript:", "<iframe", "<h2"):
        assert bad not in html
    for good in ("<table>", "<th>a</th>", "<h3>Sub-heading</h3>", "<li>item</li>", 'href="https://example.org"', "<img"):
        assert good in html


def test_accessibility_statement_without_known_issues_renders() -> None:
    from datetime import date

    from generator.model import Audience, Settings, Taxonomy, make_site
    from generator.render import Renderer

    statement = {
        "organisation": "A partnership",
        "contact_url": "https://example.org/",
        "status": "fully",
        "response_days": 5,
        "prepared": "x",
        "reviewed": "y",
    }
    site = make_site(
        Settings("Site", "https://example.org/", build_date=date(2026, 1, 1), accessibility=statement),
        Taxonomy({}, {}, {}),
        [],
        Audience.PUBLIC,
    )
    page = Renderer(site).page("accessibility/index.md", "accessibility/", "accessibility.md.j2", "d")
    assert (
        "fully compliant" in page.content and "<ul>\n<li>" not in page.content.split("How accessible")[1].split("## Feedback")[0]
    )
