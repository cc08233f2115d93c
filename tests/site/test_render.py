from __future__ import annotations

import pytest

from generator.site.jinja import relative
from generator.site.markup import to_html


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


def test_bullets_pasted_from_word_render_as_a_list_not_a_run_on_paragraph() -> None:
    html = to_html("Families told us:\n•\tFirst point\n•\tSecond point\n\t◦\tNested point\n\nAfter.")
    assert html == (
        "<p>Families told us:</p>\n<ul>\n<li>First point</li>\n<li>Second point<ul>\n<li>Nested point</li>\n</ul>\n</li>\n</ul>\n"
        "<p>After.</p>"
    )
    assert "•" not in to_html("•\tOnly item") and "<li>Only item</li>" in to_html("•\tOnly item")
    assert to_html("A · B and • C stay in the sentence") == "<p>A · B and • C stay in the sentence</p>"


@pytest.mark.parametrize(
    "written",
    [
        "```\n•\tin a code block\n```",
        "~~~~\n•\tin a code block\n~~~\n•\tstill in it\n~~~~",
        "<pre>\n•\tin an HTML block\n</pre>",
        "```\ncode\n````\n•\tin a code block a longer fence does not close\n```",
        "<div>\n\n•\tin an HTML block, blank lines and all\n\n</div>",
    ],
)
def test_bullets_in_code_and_html_blocks_stay_as_written(written: str) -> None:
    html = to_html(written + "\n\n•\tAfter the block")
    before, after = html.split("<ul>")
    assert "•   in a" in before and "<li>" not in before
    assert after.count("<li>") == 1 and "<li>After the block</li>" in after


def _statement_site(status: str = "fully"):
    from datetime import date

    from generator.model import Audience, Taxonomy
    from generator.sitemodel import Settings, make_site

    statement = {
        "organisation": "A partnership",
        "contact_url": "https://example.org/",
        "status": status,
        "response_days": 5,
        "prepared": "x",
        "reviewed": "y",
    }
    settings = Settings("Site", "https://example.org/", build_date=date(2026, 1, 1), accessibility=statement)
    return make_site(settings, Taxonomy({}, {}, {}), [], Audience.PUBLIC)


def test_accessibility_statement_without_known_issues_renders() -> None:
    from generator.site.pagemaker import PageMaker

    page = PageMaker(_statement_site()).page("accessibility/index.md", "accessibility/", "accessibility.html.j2", "A", "d")
    assert "fully compliant" in page.content
    assert "<ul>" not in page.content.split('id="how-accessible"')[1].split('id="contact"')[0]


def test_a_page_comes_with_the_outline_of_its_headings_and_unique_ids() -> None:
    """The engine builds the table of contents from the outline; ids follow Python-Markdown's toc (a title
    whose slug is taken by a section gets `_1`), and the title is HTML like the <h1>."""
    from html.parser import HTMLParser

    from generator.site.pagemaker import PageMaker

    class Ids(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headings: list[tuple[int, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in {"h1", "h2", "h3"}:
                self.headings.append((int(tag[1]), dict(attrs)["id"] or ""))

    page = PageMaker(_statement_site()).page("accessibility/index.md", "accessibility/", "accessibility.html.j2", "Contact", "d")
    assert page.page is not None
    outline = [(h.level, h.id, h.name) for h in page.page.headings]
    assert outline == [
        (1, "contact_1", "Contact"),
        (2, "how-accessible", "How accessible this website is"),
        (2, "contact", "Feedback and contact information"),
        (2, "enforcement", "Enforcement procedure"),
        (2, "testing", "How we tested this website"),
    ]
    parser = Ids()
    parser.feed(page.content)
    assert parser.headings == [(level, id) for level, id, _ in outline]
    assert 'href="#contact_1" title="Link to this section"' in page.content

    titled = PageMaker(_statement_site()).page(
        "accessibility/index.md", "accessibility/", "accessibility.html.j2", "Kids' & <b>", "d"
    )
    assert titled.page is not None
    assert titled.page.title == "Kids&#39; &amp; &lt;b&gt;" and titled.page.headings[0].id == "kids-b"


def test_each_body_cell_is_labelled_with_its_column_name() -> None:
    from generator.site.tables import label_cells

    html = label_cells(
        "<table><caption>c</caption><thead><tr><th>Lead <abbr title='x'>DSL</abbr></th><th>Child&#39;s\u00a0&quot;view&quot;</th>"
        "<th>Due</th></tr></thead><tbody><tr><th scope='row' colspan='2'>Total</th><td>3</td></tr>"
        "<tr><td>a</td><td>b</td><td data-label='Kept'>c</td><td>extra</td></tr></tbody></table>"
        "<table><tr><th>Team</th><td></td></tr></table><p>After</p>"
    )
    assert "<th scope='row' colspan='2'>Total</th><td data-label=\"Due\">3</td>" in html  # a row header spans two columns
    assert '<td data-label="Lead DSL">a</td>' in html
    assert '<td data-label="Child&#x27;s &quot;view&quot;">b</td>' in html  # entities read, then escaped
    assert "<td data-label='Kept'>c</td>" in html  # an author's own label stays
    assert "<td>extra</td>" in html  # a cell beyond the header row has no name to show
    assert "<th>Team</th><td></td></tr></table></div></div><p>After</p>" in html  # no header row: no labels
    wrapper = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
    assert html.startswith(wrapper) and html.count(wrapper) == 2  # wrapped as Material would, so its script leaves it
    classed = label_cells("<table class='x'><tr><td>1</td></tr></table><table><tr><td><table><tr><td>2</td></tr></table>")
    assert classed.startswith("<table class='x'>") and "</table></div></div>" in classed  # nested, unclosed: no crash
    titled = label_cells('<table title="pupils class=7" data-class="a"><tr><td>1</td></tr></table>')
    assert titled.startswith(wrapper[:-1] + ' title="pupils class=7" data-class="a">')  # words in a value are no class


def test_a_setting_shown_in_the_print_stylesheet_cannot_end_its_string() -> None:
    from generator.site.printcss import print_stylesheet
    from generator.sitemodel import Settings

    css = print_stylesheet(Settings("Site", "https://example.org/", 'the A "B" \\ </style>\nC', logo="assets/l.png"))
    assert 'content: "A \\22 B\\22  \\5c  \\3c /style\\3e \\a C";' in css
    assert 'url("../../assets/l.png")' in css
    assert 'content: "Site";' in print_stylesheet(Settings("Site", "https://example.org/"))
