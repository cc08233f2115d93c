"""The privacy guard: planted details are caught at the right line, look-alikes are not."""

from __future__ import annotations

import base64
import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import commands
from generator.output import blockscan, sitescan
from generator.output.postbuild import PageChecks
from generator.output.sitescan import check_site
from generator.pipeline import check
from generator.privacy.detectors import nhs_check_digit_ok
from generator.privacy.scan import mask, scan_text
from generator.site.markup import to_html
from tests.support import (
    BASE,
    FIXTURES,
    PLANTED_LINE,
    build_site,
    nhs_numbers,
    ni_numbers,
    planted,
    postcodes,
    tree_digest,
    write,
)

PLANTED = {
    "email": ("Contact the worker on j.bloggs@northbrook.example.org for details.", "j.b•••••@••••••••••.•••••••.•rg"),
    "phone": ("The mother's mobile is 07700 900 461 and she answers.", "07••• ••• •61"),
    "nhs-number": ("Hospital records under NHS number 943 476 5919 were checked.", "94• ••• ••19"),
    "ni-number": ("The father's NI number QQ 12 34 56 C was on the form.", "QQ •• •• •6 C"),
    "postcode": ("The family moved to NN4 8RE in the spring.", "N•• ••E"),
    "date-of-birth": ("Child B (DOB 03/04/2011) attends the primary school.", "DO• ••/••/••11"),
    "address": ("The children lived at 14 Laburnum Close with their aunt.", "14 •••••••• •••se"),
}


@pytest.mark.parametrize("kind", PLANTED)
def test_each_planted_kind_is_an_error_at_its_line(project: Path, kind: str) -> None:
    text, masked = PLANTED[kind]
    write(project, f"content/audits/planted-{kind}.md", planted(text))
    assert [str(p) for p in check(project, "content").problems] == [
        f"content/audits/planted-{kind}.md:{PLANTED_LINE}: privacy: {kind}: {masked}"
    ]


def test_planted_corpus_fails_check_once_per_file(project: Path, cli) -> None:
    for kind, (text, _) in PLANTED.items():
        write(project, f"content/audits/planted-{kind}.md", planted(text))
    run = cli("check")
    assert run.code == 1
    found = {line.split(":")[0]: line.split(": ")[2] for line in run.lines if ": privacy: " in line and "warning" not in line}
    assert found == {f"content/audits/planted-{kind}.md": kind for kind in PLANTED}


def test_details_in_front_matter_and_drafts_are_caught(project: Path) -> None:
    write(
        project, "content/audits/in-summary.md", BASE.replace("summary: A valid summary.", "summary: Seen at 14 Laburnum Close.")
    )
    write(project, "content/audits/in-draft.md", BASE.replace("status: published", "status: draft") + "\nCall 07700 900461.\n")
    assert [str(p) for p in check(project, "content").problems] == [
        "content/audits/in-draft.md:33: privacy: phone: 07••• ••••61",
        "content/audits/in-summary.md:10: privacy: address: 14 •••••••• •••se",
    ]


def test_realistic_look_alikes_raise_no_errors(project: Path) -> None:
    shutil.copy(FIXTURES / "privacy" / "clean-lookalikes.md", project / "content/audits/clean-lookalikes.md")
    result = check(project, "content")
    assert result.problems == []
    assert [str(w) for w in result.warnings if "clean-lookalikes" in w.path] == []


def test_a_title_after_the_sites_own_words_on_its_pages_is_no_address(project: Path, cli) -> None:
    """The team record heads its page "6 Step Briefing" and the title: "End of year audit" after it read as a house
    number, a street and its type (End), and stopped every build."""
    write(project, "content/audits/end-of-year.md", planted("Text.", title="End of year audit"))
    write(project, "content/audits/park-lane.md", planted("Text.", title="Park Lane findings"))
    run = cli("build", "--pdf", "skip")
    assert run.code == 0, run.out + run.err


def test_names_in_context_are_errors_and_a_given_name_alone_warns_unless_declared(project: Path) -> None:
    write(project, "content/audits/names.md", planted("Oliver told Jordan and Child A about it."))
    write(
        project,
        "content/audits/declared.md",
        planted("Oliver told Child A.").replace("status: published", "status: published\npseudonyms: [Oliver]"),
    )
    result = check(project, "content")
    assert [str(p) for p in result.problems] == [
        "content/audits/names.md:15: privacy: name: O••••r (replace it with a pseudonym and declare it under pseudonyms,"
        " or add a public name to allowed_names.yml in the content folder with a reason)"
    ]
    names = [str(w) for w in result.warnings if "given-name" in w.message]
    assert names == ["content/audits/names.md:15: privacy: given-name: J••••n (warning: add it to pseudonyms if it is invented)"]


def test_a_given_name_before_an_abbreviation_still_warns_as_it_is_no_surname_before_initials(project: Path) -> None:
    write(project, "content/audits/names.md", planted("In the interview with Oliver, TV was discussed."))
    result = check(project, "content")
    assert result.problems == []
    names = [str(w) for w in result.warnings if "given-name" in w.message]
    assert names == ["content/audits/names.md:15: privacy: given-name: O••••r (warning: add it to pseudonyms if it is invented)"]


def test_allowance_with_reason_allows_one_finding_and_is_listed(project: Path, cli) -> None:
    line = 'The duty desk is on 0161 496 0000. <!-- privacy: allow "0161 496 0000" reason: public helpline number -->'
    write(project, "content/audits/allowed.md", planted(line))
    run = cli("check")
    assert run.code == 0
    assert '  content/audits/allowed.md:15: allows "0161 496 0000" because: public helpline number' in run.lines


def test_allowance_without_reason_is_an_error_and_allows_nothing(project: Path) -> None:
    write(project, "content/audits/no-reason.md", planted('Call 0161 496 0000. <!-- privacy: allow "0161 496 0000" -->'))
    assert [str(p) for p in check(project, "content").problems] == [
        'content/audits/no-reason.md:15: privacy allowance for "0161 496 0000" needs a reason: add reason: <why it is safe>',
        "content/audits/no-reason.md:15: privacy: phone: 01•• ••• ••00",
    ]


def test_allowance_covers_only_its_own_line(project: Path) -> None:
    text = 'Call 0161 496 0000. <!-- privacy: allow "0161 496 0000" reason: helpline -->\n\nAlso 0161 496 0000.'
    write(project, "content/audits/one-line.md", planted(text))
    assert [str(p) for p in check(project, "content").problems] == [
        "content/audits/one-line.md:17: privacy: phone: 01•• ••• ••00"
    ]


def test_unused_allowance_is_a_warning(project: Path) -> None:
    write(project, "content/audits/unused.md", planted('Nothing here. <!-- privacy: allow "Section 47" reason: statute -->'))
    result = check(project, "content")
    assert 'content/audits/unused.md:15: privacy: allowance for "Section 47" matches nothing on this line; remove it' in [
        str(w) for w in result.warnings
    ]


def test_front_matter_allowance_for_a_small_count(project: Path) -> None:
    write(
        project,
        "content/audits/small.md",
        BASE.replace("cases: 3", 'cases: 1  # privacy: allow "cases: 1" reason: regional audit of one case'),
    )
    result = check(project, "content")
    assert [w for w in result.warnings if w.path == "content/audits/small.md"] == []
    assert [a.reason for a in result.allowances if a.path == "content/audits/small.md"] == ["regional audit of one case"]


def test_allowed_text_published_does_not_fail_the_output_scan(project: Path, cli) -> None:
    write(
        project,
        "content/audits/allowed.md",
        planted('Helpline 0161 496 0000. <!-- privacy: allow "0161 496 0000" reason: public helpline -->'),
    )
    assert cli("build").code == 0
    assert "0161 496 0000" in (project / "site/briefings/allowed/index.html").read_text()


TEMPLATE_LEAK = '<div class="md-copyright">\n  <p>Ring the duty team on 0161 <b>496</b>\n  0123.</p>'


def test_output_scan_catches_details_that_bypass_the_content_scan(project: Path, cli) -> None:
    """A theme template is not content: only the scan of the built pages, read as a reader reads them (markup
    gone, the wrapped line joined), sees the number; it is traced to the template's line."""
    site = build_site(project)
    before = tree_digest(site)
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text().replace('<div class="md-copyright">', TEMPLATE_LEAK))
    run = cli("build")
    assert run.code == 1
    line = TEMPLATE_LEAK.count("\n") + 2  # the template's first line is a comment
    expected = f"overrides/partials/copyright.html:{line}: privacy: phone: 01•• ••• ••23 reached the built site (site/"
    assert expected in run.out, run.out
    assert tree_digest(site) == before


def test_output_scan_on_one_core_checks_every_file_after_the_build(project: Path, cli, monkeypatch) -> None:
    monkeypatch.setattr(commands, "cores", lambda: 1)
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text().replace('<div class="md-copyright">', TEMPLATE_LEAK))
    run = cli("build")
    assert run.code == 1
    assert "overrides/partials/copyright.html:" in run.out and "privacy: phone: 01•• ••• ••23 reached the built site" in run.out


def test_a_page_nested_deeper_than_the_checks_read_is_refused_though_what_it_hides_passed_the_content_scan(
    project: Path, cli
) -> None:
    """Past 2,048 nested elements lxml stops reading a page (a browser does not): a template's detail, or a load
    from another host, after that depth would go unchecked. Such a page fails the build at the line it stops."""
    site = build_site(project)
    before = tree_digest(site)
    template = project / "overrides/partials/copyright.html"
    deep = "<div>\n" * 2100 + "</div>\n" * 2100
    template.write_text(template.read_text().replace('<div class="md-copyright">', deep + TEMPLATE_LEAK))
    run = cli("build")
    assert run.code == 1
    reported = [line for line in run.lines if line.startswith("site/") and ": elements nested more than 2,048 deep" in line]
    assert len(reported) == 1 and re.match(r"site/\S+\.html:\d+: .* \(also at site/\S+\.html:\d+ and \d+ more\)", reported[0])
    assert tree_digest(site) == before
    template.write_text(template.read_text().replace(deep, "<div>\n" * 2000 + "</div>\n" * 2000))
    run = cli("build")
    assert run.code == 1 and "nested more than" not in run.out, run.out
    assert "overrides/partials/copyright.html:" in run.out and "privacy: phone: 01•• ••• ••23 reached the built site" in run.out


@pytest.mark.parametrize(
    "element",
    [
        '<img src="https://cdn.example.net/logo.png" alt="Logo">',
        '<link rel="preconnect" href="https://cdn.example.net">',
        '<link rel="dns-prefetch" href="//cdn.example.net">',
        '<meta http-equiv="refresh" content="30;url=https://cdn.example.net/">',
        '<a ping="https://cdn.example.net/p" href="#top">Top</a>',
    ],
)
def test_output_check_refuses_third_party_loads(project: Path, cli, element: str) -> None:
    """A connection made, or a reader sent or counted, on another host, from the theme's template (a page's HTML is
    cleaned of all but the image)."""
    (project / "content/pages/about.md").write_text(f"# About\n\n{element}\n")
    run = cli("build", "--pdf", "skip")
    site = project / "site"
    assert run.code == 1 if element.startswith("<img") else "cdn.example.net" not in (site / "about/index.html").read_text()
    (project / "content/pages/about.md").write_text("# About\n\nText.\n")
    main = project / "overrides/main.html"
    main.write_text(main.read_text().replace("{% block extrahead %}", "{% block extrahead %}" + element, 1))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "overrides/main.html:" in run.out and "cdn.example.net" in run.out, run.out


def test_a_preview_rereads_only_files_written_since_they_were_last_checked(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    edited, untouched = site / "a/index.html", site / "b/index.html"
    edited.write_text("<p>Fine.</p>")
    untouched.write_text("<p>Ring 07700 900461.</p>")
    for page in (edited, untouched):  # written a while before the check (else they are read again anyway)
        os.utime(page, ns=(page.stat().st_mtime_ns - 10 * 10**9,) * 2)
    passed = {}
    assert [(p.path, p.line) for p in check_site(site, "example.org", passed)] == [("site/b/index.html", 1)]
    assert set(passed) == {"a/index.html", "b/index.html"}

    edited.write_text("<main>\n<h3>Contact</h3>\n<p>Ring 07700 900461.</p>\n</main>")
    stamp = untouched.stat().st_mtime_ns
    untouched.write_text("<p>Ring 07700 900462.</p>")  # same size and time: taken as the file checked before
    os.utime(untouched, ns=(stamp, stamp))
    found = check_site(site, "example.org", passed)
    assert [(p.path, p.line, p.text) for p in found] == [
        ("site/a/index.html", 3, "07700 900461"),
        ("site/b/index.html", 1, "07700 900461"),  # remembered from before, not read again
    ]


def test_a_preview_checks_again_only_files_whose_bytes_changed_and_still_reports_what_they_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    sitemap = site / "sitemap.xml"  # the engine writes it again at every rebuild, mostly the same
    sitemap.write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>\n<!-- 07700 900461 -->\n")
    checks: list[str] = []
    shipped = sitescan.CHECKS[".xml"]
    monkeypatch.setitem(sitescan.CHECKS, ".xml", lambda name, *rest: checks.append(name) or shipped(name, *rest))
    passed = {}
    assert [p.text for p in check_site(site, "example.org", passed)] == ["07700 900461"] and checks == ["site/sitemap.xml"]

    sitemap.write_text(sitemap.read_text())  # the same bytes, written again later
    os.utime(sitemap, ns=(sitemap.stat().st_mtime_ns + 10**9,) * 2)
    assert [p.text for p in check_site(site, "example.org", passed)] == ["07700 900461"] and len(checks) == 1

    sitemap.write_text(sitemap.read_text().replace("900461", "900462"))  # the same size, other bytes
    os.utime(sitemap, ns=(sitemap.stat().st_mtime_ns + 2 * 10**9,) * 2)
    assert [p.text for p in check_site(site, "example.org", passed)] == ["07700 900462"] and len(checks) == 2


def test_a_same_size_rewrite_that_keeps_its_time_is_checked_again(tmp_path: Path) -> None:
    """On a file system with coarse times (FAT, some mounts) two saves a moment apart can leave a page with the
    same time and size: a file changed within those seconds of its check is read again, not trusted."""
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Call 07700 900461</p>")
    passed = {}
    assert [p.text for p in check_site(page.parent, "example.org", passed)] == ["07700 900461"]
    stat = page.stat()
    page.write_text("<p>Call 07700 900462</p>")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert [p.text for p in check_site(page.parent, "example.org", passed)] == ["07700 900462"]


def test_a_date_under_a_table_header_is_found_on_every_page_that_repeats_the_header(tmp_path: Path) -> None:
    """A date of birth is read by its column's header row: a header passed on one page must not hide the next."""
    site = tmp_path / "site"
    for name, born in (("a", "03/04/2016"), ("b", "05/06/2017")):
        (site / name).mkdir(parents=True)
        row = f"<tr><td>Child {name.upper()}</td><td>{born}</td></tr>"
        (site / name / "index.html").write_text(f"<table><tr><th>Child</th><th>DOB</th></tr>{row}</table>")
    for passed in (None, {}):
        assert sorted((p.path, p.text) for p in check_site(site, "example.org", passed)) == [
            ("site/a/index.html", "03/04/2016"),
            ("site/b/index.html", "05/06/2017"),
        ]


@pytest.mark.parametrize("header", ["DOBs", "Birth dates", "Birthdates"])
def test_a_date_under_any_date_of_birth_header_is_found_whatever_else_the_page_or_site_says(tmp_path: Path, header: str) -> None:
    """The header alone is enough: a footer that says "date of birth" on every page, passed on the first page,
    must not be what lets the table on the next be read."""
    site = tmp_path / "site"
    footer = "<footer><p>Never publish a child's date of birth.</p></footer>"
    table = f"<table><tr><th>Child</th><th>{header}</th></tr><tr><td>Child B</td><td>05/06/2017</td></tr></table>"
    for name, body in (("a", f"<p>About us.</p>{footer}"), ("b", f"{table}{footer}"), ("c", table)):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(body)
    assert sorted((p.path, p.text) for p in check_site(site, "example.org")) == [
        ("site/b/index.html", "05/06/2017"),
        ("site/c/index.html", "05/06/2017"),
    ]


def test_a_preview_remembers_what_passed_from_one_rebuild_to_the_next_but_never_a_finding(tmp_path: Path) -> None:
    """A rewritten page is mostly what it was: the blocks that passed before are passed again, but a detail, or a
    header that says what the next block holds, is read on every page and at every rebuild."""
    site = tmp_path / "site"
    footer = "<footer><p>Never publish a child's date of birth.</p></footer>"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(f"<h1>About us</h1><p>Ring 07700 900461.</p>{footer}")
    passed, seen = {}, set()
    assert [(p.path, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == [
        ("site/a/index.html", "07700 900461")
    ]
    assert "About us" in seen and not any("07700" in text for text in seen)

    table = "<table><tr><th>Child</th><th>DOB</th></tr><tr><td>Child B</td><td>05/06/2017</td></tr></table>"
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text(f"<h1>About us</h1>{table}<p>Ring 07700 900461.</p>{footer}")
    assert sorted((p.path, p.text) for p in check_site(site, "example.org", passed, seen=seen)) == [
        ("site/a/index.html", "07700 900461"),
        ("site/b/index.html", "05/06/2017"),
        ("site/b/index.html", "07700 900461"),
    ]


def test_a_spreadsheets_rows_are_read_apart_in_the_built_site_as_in_the_content(tmp_path: Path) -> None:
    """A spreadsheet shows each row on its own: a row ending in a count and the next starting with one are no phone
    number, in the built site's check as in the content check; a number within a row still is."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "counts.csv").write_text("ref,count\nrow one,07700\n900123,5\n")
    assert check_site(site, "example.org") == []
    (site / "counts.CSV").write_text("ref,count\nrow one,07700 900123\n")
    assert [(p.path, p.line, p.text) for p in check_site(site, "example.org")] == [("site/counts.CSV", 2, "07700 900123")]


def test_mask_keeps_ends_only() -> None:
    assert mask("07700 900461") == "07••• ••••61"
    assert mask("NN4 8RE") == "N•• ••E"
    assert mask("j.bloggs@example.org") == "j.b•••••@•••••••.•rg"


# --- properties ------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "the",
        "child",
        "was",
        "seen",
        "at",
        "school",
        "by",
        "a",
        "social",
        "worker",
        "who",
        "recorded",
        "their",
        "views",
        "and",
        "shared",
        "them",
        "with",
        "health",
        "visitor",
        "police",
        "education",
        "plan",
        "review",
        "meeting",
        "family",
        "home",
    ]
)
NUMBER = st.integers(0, 999).map(str)
PROSE = st.lists(st.one_of(WORDS, st.tuples(NUMBER, WORDS).map(" ".join)), min_size=3, max_size=40).map(" ".join)
"""Words and numbers as prose has them: a number is followed by a word (a run of bare numbers is a table, with
its cells parted by pipes, tabs or commas: see the look-alike corpus)."""


@pytest.mark.parametrize(
    ("strategy", "kind"), [(nhs_numbers(), "nhs-number"), (ni_numbers(), "ni-number"), (postcodes(), "postcode")]
)
def test_property_every_planted_identifier_is_caught(strategy: st.SearchStrategy[str], kind: str) -> None:
    @settings(max_examples=300, deadline=None)
    @given(before=PROSE, value=strategy, after=PROSE)
    def caught(before: str, value: str, after: str) -> None:
        text = f"{before} {value}. {after}"
        start, end = len(before) + 1, len(before) + 1 + len(value)
        found = [(f.kind, text.find(f.text)) for f in scan_text([(1, text)], names=False)]
        # the number itself, or a reading of it that takes in digits next to it: either way the build stops
        assert any(at < end and start < at + 10 for _, at in found), (value, found)

    caught()


@settings(max_examples=500, deadline=None)
@given(text=PROSE)
def test_property_prose_without_identifiers_raises_nothing(text: str) -> None:
    assert scan_text([(1, text)], names=False) == []


def test_nhs_check_digit_known_values() -> None:
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")


def test_page_checks_check_written_pages_in_a_worker_and_the_rest_at_the_end(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text("<main>\n<p>Ring 07700 900461.</p>\n</main>")
    (site / "feed.xml").write_text("<feed>\n\n<title>Ring 07700 900462</title></feed>")
    checks = PageChecks(site, "example.org")
    checks.written("a/index.html")
    checks.written("empty/index.html")  # an engine may skip writing an empty page
    assert [(f.path, f.line, f.kind) for f in checks.finish()] == [
        ("site/a/index.html", 2, "phone"),
        ("site/feed.xml", 3, "phone"),
    ]


def test_the_output_scan_reports_a_detail_on_every_page_it_reaches_though_it_skips_repeated_clean_text(
    tmp_path: Path, monkeypatch
) -> None:
    """Pieces that passed on an earlier page (the navigation on every page) are not scanned again; a piece with a
    finding is never remembered as passed, and the memory of passed pieces is bounded."""
    monkeypatch.setattr(blockscan, "SEEN_LIMIT", 3)
    site = tmp_path / "site"
    for name in "abcdefgh":
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(f"<nav>Menu</nav>\n<p>Page {name}.</p>\n<p>Ring 07700 900461.</p>")
    found = check_site(site, "example.org")
    assert [(f.path, f.line) for f in found] == [(f"site/{name}/index.html", 3) for name in "abcdefgh"]


def test_a_date_of_birth_under_its_label_is_found_on_every_page_though_the_label_passed_before(tmp_path: Path) -> None:
    """A definition list reads as a label and, apart, its value: the two are read together every time, though
    either passed on an earlier page (the label without a date, the date without a label)."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text("<p>03/04/2012</p>\n<p>3 April 2012</p>")  # dates alone: they pass
    for name, value in [("b", "not known"), ("c", "03/04/2012"), ("d", "3 April 2012")]:
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(f"<dl>\n<dt>Date of birth</dt>\n<dd>{value}</dd>\n</dl>")
    (site / "e").mkdir()  # the label as written differs from the label as read: wrapped, a no-break space, a soft hyphen
    (site / "e/index.html").write_text(
        "<dl>\n<dt>Date of\n  bir&shy;th</dt>\n<dd>03/04/2012</dd>\n<dt>D&#1054;B</dt><dd>3 April 2012</dd>\n</dl>"
    )
    found = check_site(site, "example.org")
    assert [(f.path, f.line, f.kind) for f in found] == [
        *[(f"site/{n}/index.html", 3, "date-of-birth") for n in "cd"],
        ("site/e/index.html", 4, "date-of-birth"),
        ("site/e/index.html", 5, "date-of-birth"),
    ]
    (site / "a/index.html").write_text("<p>The date of birth was checked.</p>\n<p>03/04/2012 was the meeting.</p>")
    assert [f.path for f in check_site(site / "a", "example.org")] == []


@pytest.mark.parametrize(
    "page",
    [
        '<dl>\n<dt>Date of birth</dt>\n<dd title="as recorded">03/04/2012</dd>\n</dl>',
        '<dl>\n<dt>Date of birth</dt>\n<dd><a href="/x/">03/04/2012</a></dd>\n</dl>',
        '<dl>\n<dt><img src="/i.png" alt="">Date of birth</dt>\n<dd>03/04/2012</dd>\n</dl>',
        "<p>Date of birth:</p>\n<!-- checked -->\n<p>03/04/2012</p>",
        "<table>\n<tr><th>DOB</th><td>03/04/2012</td></tr>\n</table>",
        "<p>Date of birth:</p>\n<p>* * *</p>\n<p>&#8203;</p>\n<p>03/04/2012</p>",
        "<table><tr><th>Child</th><th><p>DOB</p></th></tr><tr><td>A</td><td><div>03/04/2012</div></td></tr></table>",
        '<table><tr><th colspan="2">Child</th><th>DOB</th></tr><tr><td>A</td><td>F</td><td>03/04/2012</td></tr></table>',
        "<dl><dt>Date of birth<sup>1</sup></dt><dd>03/04/2012</dd></dl>",
        '<dl><dt>Date of birth <a href="/help/">?</a></dt><dd><abbr title="03/04/2012">3 Apr</abbr></dd></dl>',
        '<p>DOB: <input value="03/04/2012" readonly></p>',
        "<p>DOB:\u00a0０３/０４/２０１２</p>",  # no charset named: read as the site serves it, UTF-8
        "<p>Date of birth:</p>" + "<!-- x -->" * 7 + "<p>03/04/2012</p>",
        "<table><tr><td><table><tr><th>Child</th><th>DOB</th></tr><tr><td>A</td><td>03/04/2012</td></tr></table></td></tr></table>",
        '<table><tr><th>Child</th><th>DOB</th></tr><!-- x --><tr><td><a href="/a/">A</a></td><td>03/04/2012</td></tr></table>',
        "<div>" * 300 + "<p>DOB 03/04/2012</p>" + "</div>" * 300,  # deeper than lxml reads by default
        '<meta charset="utf-16"><p>DOB 03/04/2012</p>',  # a browser reads a UTF-16 label on such a page as UTF-8
        '<p>DOB: <bdo dir="rtl">2102 <b>lirpA</b> 3</bdo></p>',  # shown right to left: "3 April 2012"
        "<table><caption>Date of birth</caption><tr><td>Child A</td><td>03/04/2012</td></tr></table>",
    ],
)
def test_a_date_after_its_label_is_found_though_a_link_attribute_or_comment_stands_between(tmp_path: Path, page: str) -> None:
    """What a reader passes over between a label and its date (a title, a link's target, an image, a comment, a
    rule, an invisible character), a paragraph inside a cell, a cell spanning two columns or a footnote mark do
    not part them, though the date and what stands between each passed alone on an earlier page."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text(
        '<p>03/04/2012</p>\n<p title="as recorded"><a href="/x/">Notes</a></p>\n<!-- checked -->\n<p>* * *</p>\n<p>&#8203;</p>'
    )
    (site / "b").mkdir()
    (site / "b/index.html").write_bytes(page.encode())
    assert [(f.path, f.kind) for f in check_site(site, "example.org")] == [("site/b/index.html", "date-of-birth")]


def test_a_page_is_read_as_a_browser_reads_it_served_as_utf8_and_a_dated_heading_in_a_cell_passes(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_bytes(b"<p>DOB:\xa003/04/2012</p>")  # Latin-1: not UTF-8
    (site / "c").mkdir()  # UTF-8 with one stray Windows byte: a browser shows the rest as UTF-8
    (site / "c/index.html").write_bytes("<p>Tel ０７７００\u00a0９００１２３</p>".encode() + b"<p>Parents\x92 views</p>")
    (site / "d").mkdir()  # a label browsers ignore, and an XML declaration lxml will not take with text
    (site / "d/index.html").write_text('<meta charset="utf-7"><p>Write to jo@example.com</p>')
    (site / "e").mkdir()
    (site / "e/index.html").write_text('<?xml version="1.0" encoding="utf-8"?><html><body><p>Call 07700 900123</p></body></html>')
    (site / "b").mkdir()
    (site / "b/index.html").write_text(
        "<table><tr><td><h3>Training delivered</h3><p>12 March 2024: first session for 40 staff.</p></td></tr></table>"
    )
    (site / "f").mkdir()  # a byte that has no character in the encoding the page names: a browser reads on
    (site / "f/index.html").write_bytes(b'<meta charset="windows-1252"><p>Caf\x81</p><p>Call 07700 900123</p>')
    (site / "g").mkdir()  # a first label that is not UTF-8, then UTF-8 text with curly quotes (byte 0x9d in one)
    (site / "g/index.html").write_bytes(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><meta charset="utf-8">'
        + "<p>“Everyone’s business”</p><p>Call 07700 900123</p>".encode()
    )
    (site / "h").mkdir()  # named UTF-8, yet one byte is not: a browser shows the rest
    (site / "h/index.html").write_bytes(b'<meta charset="utf-8"><p>Parents\x92 views</p><p>Call 07700 900123</p>')
    assert [(f.path, f.kind) for f in check_site(site, "example.org")] == [
        ("site/a/index.html", "date-of-birth"),
        ("site/c/index.html", "phone"),
        ("site/d/index.html", "email"),
        ("site/e/index.html", "phone"),
        ("site/f/index.html", "phone"),
        ("site/g/index.html", "phone"),
        ("site/h/index.html", "phone"),
    ]


ALL, FIRST, LATER = ["03/04/2012", "05/06/2014", "07/08/2016"], ["03/04/2012"], ["05/06/2014", "07/08/2016"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dates of birth: 03/04/2012, 05/06/2014 and 07/08/2016", ALL),
        ("| Field | Child A | Child B | Child C |\n|---|---|---|---|\n| DOB | 03/04/2012 | 05/06/2014 | 07/08/2016 |", ALL),
        ("DOB\t03/04/2012\t05/06/2014\t07/08/2016", ALL),
        ("Children's dates of birth:\n\n03/04/2012; Child B: 05/06/2014 & 07/08/2016", ALL),
        ("Dates of birth:\n\n- 03/04/2012\n- 05/06/2014\n- 07/08/2016", ALL),
        ("Dates of birth:\n\n1. 03/04/2012\n\n2. 05/06/2014\n\n3. 07/08/2016", ALL),
        ("<dl>\n<dt>Dates of birth</dt>\n<dd>03/04/2012</dd>\n<dd>05/06/2014</dd>\n<dd>07/08/2016</dd>\n</dl>", ALL),
        ("Dates of birth: 03/04/2012 (Child A), 05/06/2014 (aged 10), and 07/08/2016 as well", ALL),
        ("Dates of birth: 03/04/2012 / 05/06/2014 · 07/08/2016", ALL),
        ("| Child | DOB |\n|---|---|\n| A, B and C | 03/04/2012, 05/06/2014, 07/08/2016 |", ALL),
        ("Dates of birth: 03/04/2012 – 05/06/2014 – 07/08/2016 respectively", ALL),
        # a table under a label, a heading or a caption saying it holds dates of birth, though no column says so
        (
            "Children's dates of birth:\n\n| Child A | 03/04/2012 |\n|---|---|\n| Child B | 05/06/2014 |\n| Child C | 07/08/2016 |",
            ALL,
        ),
        ("### Dates of birth\n\n| Child | |\n|---|---|\n| A | 03/04/2012 |\n| B | 05/06/2014 |\n| C | 07/08/2016 |", ALL),
        ("### Dates of birth\n\n| Child | DOB | Date of referral |\n|---|---|---|\n| A | 03/04/2012 | 05/06/2014 |", FIRST),
        ("Dates of birth:\n\n| Child | Date |\n|---|---|\n| A | 03/04/2012 |\n| B | 05/06/2014 |\n| C | 07/08/2016 |", ALL),
        ("Dates of birth:\n| Child | Date |\n|---|---|\n| A | 03/04/2012 |\n| B | 05/06/2014 |\n| C | 07/08/2016 |", ALL),
        ("### Dates of birth\n\n| Finding | Date |\n|---|---|\n| A | 03/04/2012 |\n| B | 05/06/2014 |", []),
        # the first is no date (redacted once flagged, or never known): the others are still found
        ("Dates of birth:\n\n- [redacted]\n- 05/06/2014\n- 07/08/2016", LATER),
        ("| Field | Child A | Child B | Child C |\n|---|---|---|---|\n| DOB | n/k | 05/06/2014 | 07/08/2016 |", LATER),
        ("Dates of birth: withheld, 05/06/2014 and 07/08/2016", LATER),
        ("DOB\tunknown\t05/06/2014\t07/08/2016", LATER),
        ("Dates of birth:\n\nChild A: not known\nChild B: 05/06/2014\nChild C: 07/08/2016", LATER),
        ("Dates of birth: XX/XX/2012, 05/06/2014 and 07/08/2016", LATER),
        # what follows is another date: a visit, a review, a column headed for a check
        ("The baby was born on 03/04/2012 and seen on 05/06/2014 and 07/08/2016", FIRST),
        ("DOB: 03/04/2012; review date: 05/06/2014, 07/08/2016", FIRST),
        ("DOB: 03/04/2012, seen: 05/06/2014 and 07/08/2016", FIRST),
        ("| Field | Value | Checked | Reviewed |\n|---|---|---|---|\n| DOB | 03/04/2012 | 05/06/2014 | 07/08/2016 |", FIRST),
        ("Dates of birth: 03/04/2012, 05/06/2014 and 07/08/2016 strategy meetings", FIRST),
        # a list after a paragraph that gave a date of birth or its stand-in is a list of other dates: a page's
        # reader sees no blank line between them, yet must not take it for more dates of birth
        ("**Date of birth:** [redacted]\n\n- 03/04/2012 (referral)\n- 05/06/2014 (ICPC)", []),
        ("Date of birth: 2012 (estimated)\n\n03/04/2012 (strategy)", []),
        ("Born in Bradford:\n\n- 03/04/2012\n- 05/06/2014", []),
        ("| Check | Result | Completed |\n|---|---|---|\n| DOB | Not recorded | 03/04/2012 |", []),
    ],
)
def test_every_date_in_a_list_or_row_of_dates_of_birth_is_found_in_content_and_on_a_page(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    """Siblings' dates written together: each is a detail, the second and third as much as the first, and still
    when the first is redacted or not known. A date that follows as something else (a review, a visit) is not."""
    findings = scan_text(list(enumerate(text.split("\n"), start=1)))
    assert [d for d in ALL if any(d in f.text for f in findings if f.kind == "date-of-birth")] == expected
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text(to_html(text))
    found = [f.text for f in check_site(site, "example.org") if f.kind == "date-of-birth"]
    assert [d for d in ALL if any(d in f for f in found)] == expected


def test_findings_keep_their_lines_and_order() -> None:
    text = "Jordan met us.\nNo numbers here.\nRing 07700 900461 today.\nThen Jordan left.\n\nWrite to a@example.org."
    findings = scan_text(list(enumerate(text.split("\n"), start=10)))
    assert [(f.kind, f.line) for f in findings] == [("name", 10), ("phone", 12), ("name", 13), ("email", 15)]


def test_numbers_in_separate_cells_labels_or_list_items_are_not_read_as_one_number(tmp_path: Path) -> None:
    """A chart's labels, a table's cells and a list's items are apart for a reader, however they are laid out."""
    page = tmp_path / "chart.html"
    labels = "".join(
        f'<text class="chart-value" x="{i}">{n}</text>\n<rect x="{i}"/>\n' for i, n in enumerate([29, 29, 32, 33, 31])
    )
    cells = "".join(f"<td>{n}</td>" for n in [33, 31, 32, 30, 31])
    items = "".join(f"<li>{n}</li>" for n in [25, 33, 31, 32, 33])
    page.write_text(
        f"<html><body><svg>{labels}</svg><table><tr><th>Neglect</th>{cells}</tr></table><ul>{items}</ul></body></html>"
    )
    assert check_site(tmp_path, "example.org") == []
    page.write_text("<html><body><p>Ring <span>077</span><span>00</span> <b>900</b><i>123</i>.</p></body></html>")
    assert [s.kind for s in check_site(tmp_path, "example.org")] == ["phone"]


def test_a_cell_is_read_with_its_column_s_name_as_a_phone_shows_them(tmp_path: Path, project: Path, cli) -> None:
    """On a narrow screen each cell shows its column's name before it (`data-label`, "Column: value"): a header's
    end and a cell's start read as one detail there, where neither scan read them together."""
    (tmp_path / "page/a").mkdir(parents=True)
    cells = '<td data-label="Notes">rarely answered</td><td data-label="Cases">33</td>'
    row = f"<tr><th>Mum's mobile 07700</th></tr><tr><td data-label=\"Mum's mobile 07700\">900<b>123</b></td>{cells}</tr>"
    (tmp_path / "page/a/index.html").write_text(f"<table>{row}</table>")
    assert [(f.kind, f.text) for f in check_site(tmp_path / "page", "example.org")] == [("phone", "07700 900123")]
    for header, cell, kind in [("NHS number 943 476", "5919", "nhs-number"), ("Postcode NN4", "8RE", "postcode")]:
        page = f'<table><tr><th>{header}</th></tr><tr><td data-label="{header}">{cell}</td></tr></table>'
        (tmp_path / "page/a/index.html").write_text(page)
        assert [f.kind for f in check_site(tmp_path / "page", "example.org")] == [kind], header
    table = "| Mum's mobile 07700 | Notes |\n|---|---|\n| 900123 | rarely answered |"
    write(project, "content/audits/phone-table.md", planted(table))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "site/briefings/phone-table/index.html:" in run.out and "privacy: phone: 07••• ••••23" in run.out


def test_text_after_a_comment_in_a_paragraph_is_read(tmp_path: Path) -> None:
    """The text after a comment is the comment's tail in lxml's tree, not an element's: it is still read, on in
    its paragraph."""
    (tmp_path / "page.html").write_text("<html><body>\n<p>Ring <!-- the duty line --> 07700 900461.</p></body></html>")
    assert [(s.line, s.kind) for s in check_site(tmp_path, "example.org")] == [(2, "phone")]


def test_the_output_scan_reads_what_stands_outside_the_document_and_survives_an_empty_page(tmp_path: Path) -> None:
    """A comment before the doctype, or markup after `</html>`, is in the page's source for anyone to read (and a
    browser shows and loads what follows `</html>`); a page of comments only is read too; an empty page (a
    hand-written file left blank) is checked, not a crash."""
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.html").write_text("  \n")
    (tmp_path / "notes.html").write_text("<!doctype html>\n<!-- Ring 07700 900463 -->\n")
    (tmp_path / "page.html").write_text(
        "<!-- Ring 07700 900461 -->\n<!doctype html>\n<html><body><p>Fine.</p></body></html>\n<!-- Or 07700 900462 -->\n"
        '<p>Or 07700 900464</p><script src="https://cdn.example.net/t.js"></script>\n'
    )
    found = check_site(tmp_path, "example.org")
    assert [(f.path, f.line, f.kind, f.text[-2:]) for f in found] == [
        ("site/notes.html", 2, "phone", "63"),
        ("site/page.html", 1, "phone", "61"),
        ("site/page.html", 4, "phone", "62"),
        ("site/page.html", 5, "phone", "64"),
        ("site/page.html", 5, "third-party", "js"),
    ]


def test_the_output_check_finds_every_way_a_page_loads_from_another_host(tmp_path: Path) -> None:
    """Not only `src` and stylesheets: image sets, posters, inline styles and style sheets, SVG references,
    captions, image buttons and a `<base>` that sends every relative address elsewhere; the site's own and
    inline (`data:`) addresses pass."""
    (tmp_path / "page.html").write_text(
        "<html><head><base href='https://evil.example/'>\n"
        "<style>@import 'https://evil.example/a.css'; body { background: url(//evil.example/b.png) }</style></head>\n"
        "<body><img src='/own.png' srcset='/own.png 1x, //evil.example/c.png 2x'>\n"
        "<video poster='https://evil.example/d.png'><track src='https://evil.example/e.vtt'></video>\n"
        "<div style=\"background: url('https://evil.example/f.png')\"></div><div style='background: url(data:image/png;base64,AA)'></div>\n"
        "<svg><image xlink:href='https://evil.example/g.png'/><use href='https://evil.example/h.svg#i'/></svg>\n"
        "<input type=image src='https://evil.example/j.png' alt='Go'></body></html>\n"
    )
    found = check_site(tmp_path, "example.org")
    assert all(f.kind == "third-party" for f in found)
    assert [(f.line, f.text.rsplit("/", 1)[-1]) for f in found] == [
        (1, ""),
        (2, "a.css"),
        (2, "b.png"),
        (3, "c.png"),
        (4, "d.png"),
        (4, "e.vtt"),
        (5, "f.png"),
        (6, "g.png"),
        (6, "h.svg#i"),
        (7, "j.png"),
    ]


def test_a_stylesheet_is_checked_for_loads_from_another_host_and_the_text_it_shows(tmp_path: Path) -> None:
    (tmp_path / "extra.css").write_text(
        "@import 'https://evil.example/a.css';\n.a { background: url(/own.png) }\n"
        '.b::after { content: "Ring 07700 900461" }\n.c { background: url("//evil.example/b.png") }\n'
        '.d { background: image-set("https://evil.example/c.png" 1x, url(/own.png) 2x) }\n'
        ".e { background: -webkit-image-set('//evil.example/d.png' 1x) }\n"
    )
    found = check_site(tmp_path, "example.org")
    assert [(f.line, f.kind, f.text) for f in found] == [
        (3, "phone", "07700 900461"),
        (1, "third-party", "https://evil.example/a.css"),
        (4, "third-party", "//evil.example/b.png"),
        (5, "third-party", "https://evil.example/c.png"),
        (6, "third-party", "//evil.example/d.png"),
    ]


@pytest.mark.parametrize(
    "paragraph", ["<p>Ring \u202e123 009\n00770\u202c now.</p>", "<p>Ring \u202e123 009 <em>00770</em> now.</p>"]
)
def test_a_paragraph_turned_round_across_a_line_break_is_read_as_the_browser_shows_it(tmp_path: Path, paragraph: str) -> None:
    """An override runs on into the next line of a page's source and past an inline tag: the browser shows one line."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>Notes</p>\n" + paragraph)
    found = check_site(tmp_path, "example.org")
    assert [(f.path, f.line, f.kind) for f in found] == [("site/a/index.html", 2, "phone")]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<iframe srcdoc="<p>DOB <b>03</b>/04/2012</p>"></iframe>', [(2, "date-of-birth")]),
        (
            '<iframe srcdoc="<p>Ring 0770<b>0</b> 900461</p><img src=https://evil.example/a.png>"></iframe>',
            [(2, "phone"), (2, "third-party")],
        ),
        ('<style>\n.b::after { content: "Ring 07700 900461" }\n</style>', [(3, "phone")]),
        ('<style>\n.b::after { content: "Ring \\30 7700 \\39 00461" }</style>', [(3, "phone")]),
        ('<iframe srcdoc="' + "&lt;div&gt;" * 2100 + '"></iframe>', [(2, "unread")]),
    ],
)
def test_text_a_frame_or_a_page_style_shows_is_read(tmp_path: Path, page: str, expected: list[tuple[int, str]]) -> None:
    """A frame's own page (`srcdoc`) and a style's `content` are shown to readers: read, loads and escapes included."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>Notes</p>\n" + page)
    (tmp_path / "b.css").write_text('.b::after { content: "Ring \\30 7700 \\39 00461" }')
    found = check_site(tmp_path, "example.org")
    assert [(f.line, f.kind) for f in found if f.path == "site/a/index.html"] == expected
    assert [(f.path, f.kind, f.text) for f in found if f.path == "site/b.css"] == [("site/b.css", "phone", "07700 900461")]


@pytest.mark.parametrize(
    "table",
    [
        "<tr><th>Child</th><th>DOB</th></tr><tr><td rowspan=2>A and B</td><td>03/04/2012</td></tr><tr><td>05/06/2014</td></tr>",
        "<tr><th rowspan=3>Family</th><th>Child</th><th>DOB</th></tr>"
        "<tr><td>A</td><td>03/04/2012</td></tr><tr><td>B</td><td>05/06/2014</td></tr>",
        "<tr><th>Child</th><th>Checked</th><th>DOB</th></tr>"
        "<tr><td>A</td><td rowspan=2>12/03/2024</td><td>03/04/2012</td></tr><!-- B --><tr><td>B</td><td>05/06/2014</td></tr>",
    ],
)
def test_a_date_in_a_dob_column_is_found_beside_a_cell_spanning_rows(tmp_path: Path, table: str) -> None:
    """A cell spanning rows (`rowspan`) moves the cells of the rows below along, as a browser shows them."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(f"<table>{table}</table>")
    found = check_site(tmp_path, "example.org")
    assert [(f.kind, f.text) for f in found] == [("date-of-birth", "03/04/2012"), ("date-of-birth", "05/06/2014")]


BIRTH = b"<p>Date of birth: 03/0\xad4/2012</p>"  # a soft hyphen: no mark in a browser, in Latin-1 or windows-1252


@pytest.mark.parametrize(
    "page",
    [
        b'<meta charset="ansi_x3.4-1968">' + BIRTH,  # an ASCII label: browsers read windows-1252
        b'<meta charset="x-user-defined">' + BIRTH,
        b'<meta name="x" content="' + b"a" * 320 + b'" charset="windows-1252">' + BIRTH,
        b'<!-- <meta charset="utf-8"> --><meta charset="windows-1252">' + BIRTH,
        b'<meta charset="iso-8859-9"><p>DOB: 03\x9604\x962012</p>',  # windows-1254 in browsers: en dashes
        b'<meta charset="windows-1252">' + "<p>D\u200bOB: 03/04/2012</p>".encode(),  # served as UTF-8, the label ignored
        b'<iframe srcdoc="<meta charset=windows-1252><p>Date of birth: 07/0&#8203;8/2016</p>"></iframe>',
        b"<table><thead><tr><th>Child</th><th>DOB</th></tr></thead><tbody><tr><td rowspan=2>A</td><td>n/k</td></tr>"
        b"</tbody><tbody><tr><td>B</td><td>05/06/2014</td></tr></tbody></table>",  # a row span ends with its section
        b'<table><tr><th>Child</th><th>DOB</th></tr><tr><td rowspan=" 2;">A</td><td>n/k</td></tr><tr><td>05/06/2014</td></tr></table>',
        b"<table><tr><th>Child</th><th>DOB</th></tr><tr><td rowspan=0>A</td><td>n/k</td></tr><tr><td>05/06/2014</td></tr></table>",
    ],
)
def test_a_page_is_read_in_every_encoding_a_browser_could_and_its_tables_as_a_browser_lays_them_out(
    tmp_path: Path, page: bytes
) -> None:
    """Served with `charset=utf-8` or without, a page may be read as UTF-8 or in the encoding it names (as the WHATWG
    Encoding Standard maps it): both are checked. A frame's own page is UTF-8 text. A cell's span counts as browsers
    count it, and ends with its table's section."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(page)
    assert {f.kind for f in check_site(tmp_path, "example.org")} == {"date-of-birth"}


@pytest.mark.parametrize(
    "css",
    [
        'p::after { CONTENT: "Ring 07700 900461" }',
        'p::after { content: "Ring " "07700 900461" }',
        'p::after { content: /* x */ "Ring 07700 900461" }',
        'p::after { cont\\65nt: "Ring 07700 900461" }',
    ],
)
def test_every_string_a_stylesheet_could_show_is_read(tmp_path: Path, css: str) -> None:
    (tmp_path / "a.css").write_text(css)
    assert [f.kind for f in check_site(tmp_path, "example.org")] == ["phone"]


DRAWING = '<svg xmlns="http://www.w3.org/2000/svg"><!-- Icons: CC BY 4.0 --><text y="15">DOB: 03/04/2012</text></svg>'


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a/index.html", f'<img src="data:image/svg+xml;base64,{base64.b64encode(DRAWING.encode()).decode()}" alt="">'),
        ("b/index.html", f'<img src="data:image/svg+xml,{quote(DRAWING)}" alt="">'),
        ("c.css", f".x {{ background: url('data:image/svg+xml;base64,{base64.b64encode(DRAWING.encode()).decode()}') }}"),
        (
            "d.css",
            '.x { background: url("data:image/svg+xml,\\3c svg\\3e \\3c text\\3e DOB: 03/04/2012\\3c /text\\3e \\3c /svg\\3e ") }',
        ),
    ],
)
def test_the_text_of_a_drawing_in_a_data_url_is_read(tmp_path: Path, name: str, text: str) -> None:
    """A picture written into the page or stylesheet shows its text to readers (the theme's icons carry comments
    naming their makers: a built site's checks pass them)."""
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    assert [(f.kind, f.text) for f in check_site(tmp_path, "example.org")] == [("date-of-birth", "DOB: 03/04/2012")]


def test_a_stylesheet_url_is_read_with_its_escapes(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text('.x { background: url("\\68 ttps://evil.example/a.png") }')
    assert [(f.kind, f.text) for f in check_site(tmp_path, "example.org")] == [("third-party", "https://evil.example/a.png")]


@pytest.mark.parametrize(
    "text",
    [
        "| Born | Children |\n|---|---|\n| 01/04/2020 – 31/03/2021 | 14 |",
        "| Cohort | Born from | Born to | Cases |\n|---|---|---|---|\n| 2020/21 | 01/04/2020 | 31/03/2021 | 14 |",
        "| Case | DOB check date | Result |\n|---|---|---|\n| 1 | 12/03/2024 | Correct |",
        "| Venue | Pre-birth pathway | Born into Care |\n|---|---|---|\n| Civic Centre | 12/03/2024 | 14/05/2024 |",
        "Babies born to teenage parents were discussed by the panel on 12 March 2024.",
        "All babies born to care-experienced parents are offered a pre-birth assessment, as agreed on 12 March 2024.",
        "Data extracted 31/03/2024 (DOB, NHS number, address).",
        "DOB spot check: 12/03/2024. Date of birth data quality audit: 12 March 2024.",
        "Date of birth corrected on system: 14/03/2024",
        "| Data item | Current position | Deadline |\n|---|---|---|\n| Date of birth | Not recorded | 31/03/2025 |",
        "| Item | Baseline | Re-audit |\n|---|---|---|\n| DOB | Not known | 12/03/2024 |",
        "Date of birth: not recorded (2 cases); 12/03/2024 (re-audit).",
        "Date of birth: [see data annex], 31/03/2024.",
        "The review was delivered on 12 March 2024. Findings delivered 12/03/2024; actions agreed 14/03/2024.",
        "Learning event 12 March 2024 delivered by the designated nurse.",
        "### Date of birth\n\n12 March 2024 workshop",
        "Children born on 1 April 2010 or later were excluded; those born 1 April 2008 onwards were included.",
        "Dates of birth: 01/09/2010 – 31/08/2011 (the Year 10 cohort).",
        "### Dates of birth\n\n| Finding | Date |\n|---|---|\n| DOB missing | 12/03/2024 |",
        "Date of birth checks\n\n| Case | 12/03/2024 |\n|---|---|",
        "Dates of birth (cohort)\n\n| From | To |\n|---|---|\n| 01/09/2010 | 31/08/2011 |",
        "The review gave birth to a new protocol, launched on 3 April 2024.",
        "The partnership gave birth to the hub on 12 March 2024; the pilot was given birth-rate data on 14 March 2024.",
        "The review was due on 14 June 2024; the report due 14/06/2024 came late.",
        "Action 3 due date: 30/06/2024. The report's due date was 14 June 2024. Due date for returns: 14 June.",
        "| Action | Owner | Due date |\n|---|---|---|\n| Review protocol | QA lead | 14/06/2024 |",
        "The EDD field was completed in 12 of 14 cases by 14 June 2024. Babies due for immunisation on 14 June were seen.",
    ],
)
def test_dates_near_birth_words_that_are_no_births_pass_both_scans(tmp_path: Path, text: str) -> None:
    """What an audit writes about births and dates of birth without giving one: cohorts, checks of the DOB field,
    deadlines beside a stand-in, a later event after "born to …", "delivered" with no baby."""
    assert [f.text for f in scan_text(list(enumerate(text.split("\n"), start=1))) if f.kind == "date-of-birth"] == []
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(to_html(text))
    assert [f.text for f in check_site(tmp_path, "example.org") if f.kind == "date-of-birth"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Mosaic 2023-24 performance data show referrals rose; EHM 2023/24 and LCS 2022-2023 agree.",
        "Case number 2024-25 comparison; Crime ref. 2023/24 totals; the school's URN 105678 is public.",
        "Instagram: 2.4k followers. TikTok was 1st, Snapchat was 2nd and Instagram was 3rd. Discord: v2.0. Twitter: X.com",
        "The Orchard family hub opened in May.",
        "| Field | First name | Surname | DOB |\n|---|---|---|---|\n| Recorded on Mosaic | Yes | Yes | No |",
        "| Child's name | Mother's name |\n|---|---|\n| Child A (pseudonym) | Mother of Child A |\n| Twin 1 | Mrs A |"
        "\n| Not recorded | Not applicable |",
        "The partnership turned 5 on 1 April 2024. Operation Encompass turned 10 on 3 March 2021.",
        "The date of birth was recorded incorrectly as 01/01/1900 in 14 records, a system default.",
        "Born in Bradford on 12 March 2024 published its findings. Registration of a birth on 12 March 2024 is due.",
        "Round 2 Rose Orchard awards; Cohort 3 Riverside Quay apprentices; Week 3 Apple Orchard visit.",
        "CP-2023-24 plans rose by 8%; the QA-2024-25 programme and CP/2023-24 data agreed.",
        "We met at nspcc.org.uk and sessions were held at Bradford dot org.",
        "The contact centre took 7,700 calls and 7700 texts in 2023; phone contacts rose from 7,123 to 7,456.",
        "Mobile phones were given to 7,700 young people and 7700 parents; texts reached 7 700 families by 2023-24.",
        "Ring 0808 800 5000 (number 7 of 10 on the list); 7700 900 123 456 is a reference; v7700 900123 a version.",
        "Baby A was discharged. Baby P's case was public. The Baby Box scheme, Baby Steps, Baby Bonds and Baby Sensory ran.",
        "The Baby Bank, Baby Massage, Baby Loss Awareness Week, Baby Friendly Initiative and Baby Feeding Team helped.",
        "ID 2 of the checklist, ref 2024 and ref 2023/24 were noted; ID checks on 4829 visits and on 48291 visits were done.",
        "Section 47 enquiries under Working Together 2023 and the Children Act 1989 s.20 were reviewed.",
        "CP 2023-24, CIN 2023/24 and LAC 2024 figures: 12 CP plans and 40 CIN plans. Reference: Working Together 2023, para 112.",
    ],
)
def test_report_wordings_that_hold_no_detail_pass_both_scans(tmp_path: Path, text: str) -> None:
    """Annual reports' and newsletters' wordings like a reference, a handle, a name's cell or a birthday, found by an
    attack on the rules that find those: none blocks the build."""
    _passes_both_scans(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "After School Club was popular; Before School provision was offered; During Primary School she was happy.",
        "The local primary school and a Northbrook primary school took part; each Northbrook primary school replied.",
        "Forest School sessions ran weekly and she loved forest school; Sunday School and Sunday school met.",
        "The Virtual School Head attended, as did the Virtual school head of a neighbouring authority.",
        "Secondary School transfer, Special School places, Independent School staff and the Grammar School test were discussed.",
        "Free School Meals and free school meals were claimed; a Free School opened.",
        "The Church of England school, the Polish Saturday school and a Leeds primary school took part.",
        "The Northbrook school nurses visited and Northbrook school places rose after Ofsted school inspections.",
        "Ofsted's Children's Home inspections were read; the Secure Children's Home and a Registered Children's Home were visited.",
        "The Restorative Practice, the Systemic Practice and the Signs of Safety Practice Framework were used.",
        "The Trauma Informed Practice, the Strengths-Based Practice and the Think Family Practice were named.",
        "The Social Work Practice pilot and the Northbrook Practice Framework were agreed; Good Practice was shared.",
        "The call was at 14:00 UTC. The Sixth Form was supportive. She joined a Montessori nursery.",
        "Alternative Provision school places, the Early Years nursery staff and a Voluntary Aided school were reviewed.",
        "Attending school was hard; missing school was common. After school, Child A went home.",
        "The Church of England Primary School in the village and a Voluntary Aided School took part.",
    ],
)
def test_settings_named_by_their_kind_or_their_area_pass(tmp_path: Path, text: str) -> None:
    """What an audit writes about schools, homes and practices without naming one: a kind of setting (Forest School,
    the Virtual School, a Secure Children's Home), one of the area's ("a Northbrook primary school"), a service a
    setting's words qualify ("Northbrook school nurses") and a way of practising ("the Restorative Practice")."""
    findings = scan_text(list(enumerate(text.split("\n"), start=1)))
    assert [(f.kind, f.text) for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The office is at 14 Safeguarding Partnership House, Northbrook; the panel met at Partnership House, Mill Lane.",
        "It was raised at 3 Case Conferences and with 14 Children's Services teams; there are 2 Police Stations.",
        "Level 3 House, Northbrook was the venue, and Level 3 House rules apply.",
        "## 2 The Findings\n\n### 3 The Outcomes\n\nSection 2 The Strand of work was read.",
        "They made 3 Food Bank referrals and ran 2 Sensory Garden sessions; 14 Pathway Plans were reviewed.",
        "Two Mill Lane residents complained; Seven Sisters Road and Nine Elms Lane were named.",
        "Twenty Family Court hearings were held; the case moved to Twenty Family Court hearings a year.",
        "One Stop Shop and One Front Door were set up; Three Case Conferences were held.",
    ],
)
def test_counts_and_buildings_beside_street_words_pass_both_scans(tmp_path: Path, text: str) -> None:
    """A count before capitalised words, a numbered part, a heading, an organisation's building and a street named by a
    number are no family's address: the house number written out counts only after "at", "to", "from" or a colon."""
    findings = scan_text(list(enumerate(text.split("\n"), start=1)))
    assert [(f.kind, f.text) for f in findings if f.kind == "address"] == []
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(to_html(text))
    assert [(f.kind, f.text) for f in check_site(tmp_path, "example.org")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Attendance rose +48 points; 00 40 in the range; scores +12 15 20 25 30 over five terms.",
        "Costs were +£1,200 (+2,000 in 2023); 1 in 10,000 children; +12.5% on 2022-23; 00:40 at night.",
        "The meeting ran 10:00 40 minutes late; s.47 00 12 enquiries; £1,00 40 000 000 in the budget.",
        "Referrals +1,234 in 2023 and +2011 2012 cohorts; section 17 +47 cases; 0.0040 721 in the table.",
        "Ring Childline on +44 800 1111 or 0044 800 1111; the Samaritans on +44 116 123.",
        "The O2 shop, CO2 and NO2 levels; 7,700 children; 0,100,200,300 and 01,234,567,890; 2020,2021,2022,2023.",
        "Contact O2 on 0800 800 202; NSPCC helpline O8OO 8OO 5OOO; the 0,5 ratio; O1 to O7 grades; OOO and 0OO.",
        "Counts 07700,900 and 12,345,678; version 077OO; codes 01234∙567 and 2∙3∙4.",
        "Shifts 07:00 – 09:00; 10:30 – 12:00 on 01/02/2024; ages 0–4, 5–9, 10–15; ratio 1:2:3; codes 012 ; 345 ; 678.",
        "| Year | Cases |\n|---|---|\n| 2023 | 012 |\n| 2024 | 0145 |\n\nScores 070|080|090|100 and 050 – 060 – 070.",
        "A snap decision was made in 2023; the Steam sale was 50% off; Xbox was a 2023 model; on Roblox by 2024 most had",
        "accounts; the Discord server had 12 users; the far side of 2 rooms; ISBN 9780140449136.",
        "In 2019 Mum drove him to school; in 2023 Dad's side of the family helped; in 2019 the Carr report found.",
        "The offer ran out of steam by Y11; most played Roblox by KS2 and were on Snapchat by Y10; Discord as KS3.",
        "The text 2023 2024 was revised; calls rose to 2500 in 2024; the phone 2024 upgrade; 4960 visits; number 12 of 40.",
        "The account 2023 2024 figures; the passport office 2024 2025 plan; sort code changes in 2024; ULN checks 2023.",
        "The passport office handled 123456789 requests; the account for 12345678 visits; bank holidays 2024; DOB checks 2024.",
        "Leaflets in Urdu (\u0645\u062f\u062f, 2024) and Hebrew (\u05e9\u05dc\u05d5\u05dd 3 of 10); Arabic \u0645\u0631\u062d\u0628\u0627 12 and 45.",
    ],
)
def test_numbers_that_are_no_phone_abroad_and_no_phone_in_disguise_pass_both_scans(tmp_path: Path, text: str) -> None:
    """Scores, ranges, money, years, times, statutes and percentages after "+" or "00"; O as a network's or a gas's
    letter, counts with commas: no phone number, found by a sixth attack's lookalikes."""
    _passes_both_scans(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "The cohort b 2011 was reviewed; options a b c were weighed; see (b) 03/04/2011 meeting.",
        "Most babies were born at term; two were born at home; one born at 32 weeks.",
        "The project was born at 9am on 3 April 2024; the hub was born at 10:30 on 12 March 2024.",
        "Items a, b and c; options a 01/02/2011, B 03/04/2011 agreed; Children A, B 03/04/2011 reviewed.",
        "Babies born weighing under 2.5kg were 6% of the 2011 cohort; the target was set on 3 April 2011.",
        "Actions: a. 1 May 2024; b. 5 May 2024 review. Options: b 3/4/2011 meeting; (b 12 cases).",
    ],
)
def test_birth_words_without_a_childs_birth_date_pass(tmp_path: Path, text: str) -> None:
    """A cohort, a list's letter b, births at term or at home without a date, a project "born" at an hour: no date of
    birth, found by a sixth attack's lookalikes."""
    _passes_both_scans(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "A. Level results rose; J. Crew clothes were donated; see Appendix A. Children and Part B. Findings.",
        "No. 10 wrote. Option B Smith and Plan B Young people; T Levels were started; the A Smith family.",
        "Heading 1. Findings and 2. Actions. Grade C. Level 3 staff. Category B. Children in need were seen.",
        "E. coli was found. Key Stage 2 results; Form A. Findings; Section B. Children were seen.",
    ],
)
def test_letters_that_number_a_part_or_a_grade_are_no_initials(tmp_path: Path, text: str) -> None:
    """A letter that numbers an appendix, a part, an option or a grade, before a capitalised word: no initial and
    surname, found by a sixth attack's lookalikes."""
    findings = scan_text(list(enumerate(text.split("\n"), start=1)))
    assert [(f.kind, f.text) for f in findings if f.severity == "error"] == []


def _passes_both_scans(tmp_path: Path, text: str) -> None:
    """No error in `text` as content, and no finding in it as a built page's text."""
    findings = scan_text(list(enumerate(text.split("\n"), start=1)))
    assert [(f.kind, f.text) for f in findings if f.severity == "error"] == []
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(to_html(text))
    assert [(f.kind, f.text) for f in check_site(tmp_path, "example.org")] == []


def test_a_preview_never_passes_over_a_detail_a_fresh_build_finds_for_a_block_it_remembers(tmp_path: Path) -> None:
    """A remembered block is not read again, so what a fresh build finds with its help is still found: a mobile's
    number just after a remembered heading (read from the start of the text), and one after a phone's word (which
    says what the next block holds, as a DOB label does)."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    page = site / "a" / "index.html"
    for detail in ("<p>7700 900461</p>", "<p>Mobile</p><p>7012345678</p>", "<dl><dt>Call</dt><dd>7012 345678</dd></dl>"):
        page.write_text("<h1>About us</h1><p>Mobile</p><dl><dt>Call</dt><dd>the office</dd></dl><p>Hello.</p>")
        passed: dict = {}
        seen: set[str] = set()
        assert check_site(site, "example.org", passed, seen=seen) == []
        page.write_text(f"<h1>About us</h1>{detail}")
        fresh = [(p.kind, p.text) for p in check_site(site, "example.org")]
        assert fresh and [(p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh


@pytest.mark.parametrize(
    ("earlier", "page"),
    [
        ("<p>Address: </p>", "<p>Home</p><p>Address: </p><p>Fourteen Laburnum Close</p>"),
        (
            "<h2>Child B</h2>",
            "<h1>Family history</h1><h2>Child B</h2><p>Born in Northbrook General Hospital on 3 April 2017.</p>",
        ),
        ("<h2>Child B</h2>", "<h2>Child B</h2><p>turned 7 on 3 April 2024.</p>"),
        ("<p>Contents page</p>", "<p>Appendix </p><p>Contents page</p><p>14 Laburnum Close</p>"),
        (
            "<p>What the partnership did this year, in a paragraph long enough to part them.</p>",
            "<h2>Training sessions</h2><p>What the partnership did this year, in a paragraph long enough to part them.</p>"
            "<p>The baby was delivered on 3 April 2024.</p>",
        ),
        ("<p>05/06/2014</p>", "<p>Dates of birth:</p><p>03/04/2012</p><p>05/06/2014</p>"),
        ("<p>Fourteen Laburnum Close</p><p>Home</p><p>Address: </p>", "<p>Address: </p><p>Fourteen Laburnum Close</p>"),
        (
            "<p>Dates of births:</p><!-- table pasted from the annual return spreadsheet, checked against the source by the QA officer -->",
            "<p>Dates of births:</p><!-- table pasted from the annual return spreadsheet, checked against the source by the QA officer --><table><tr><td>Child A</td><td>03/04/2012</td></tr></table>",
        ),
        *[
            (
                "<h1>Annual report 2024</h1><p>The partnership met four times this year and agreed its priorities for the coming period.</p>",
                f"<h1>Annual report 2024</h1><p>The partnership met four times this year and agreed its priorities for the coming period.</p><p>{detail}</p>",
            )
            for detail in (
                "Her IG was tyler_s",
                "Mum said her due date is fourteenth of June",
                "E-mail tyler_s at gmail . com",
            )
        ],
    ],
)
def test_a_remembered_block_still_says_what_the_blocks_beside_it_hold(tmp_path: Path, earlier: str, page: str) -> None:
    """A remembered block is passed over, yet its text may be what a detector reads around a detail: a child named just
    before a birth, "Address:" before a house number written out, a paragraph keeping "Appendix" or "training" out of
    reach of an address or a delivery, a sibling's date in a list under a DOB label, a table's label however far above it;
    and a block passed after other text says nothing of it after "Address:". A detail with no digit (a handle, a due date)
    is found without the digits of the blocks passed over. What a fresh build finds is found."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    built = site / "a" / "index.html"
    built.write_text(page)
    fresh = [(p.kind, p.text) for p in check_site(site, "example.org")]
    built.write_text(earlier)
    passed: dict = {}
    seen: set[str] = set()
    assert check_site(site, "example.org", passed, seen=seen) == []
    built.write_text(page)
    assert fresh and [(p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh


@pytest.mark.parametrize(
    "detail",
    [
        "<p>Mum said the baby is </p><p>due on 14 June</p>",
        "<p>We were told the baby is <br>due on 14 June</p>",
        "<p>Heard at court ZW</p><p>23C50123</p>",
    ],
)
def test_a_detail_read_across_two_blocks_is_found_again_when_its_page_is_rebuilt(tmp_path: Path, detail: str) -> None:
    """A detail that starts in one block and ends in the next: neither block passed, so a rebuild of the page (saved
    for a change elsewhere in it) finds it again, as a fresh build does."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    built = site / "a" / "index.html"
    passed: dict = {}
    seen: set[str] = set()
    rest = "<p>The partnership met four times this year and agreed its priorities for the coming period.</p>"
    built.write_text(f"{detail}{rest}<p>Hello.</p>")
    fresh = [(p.kind, p.text) for p in check_site(site, "example.org")]
    assert fresh and [(p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh
    built.write_text(f"{detail}{rest}<p>Hello again.</p>")
    assert [(p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh


def test_blocks_read_apart_on_a_rebuild_are_not_read_as_one_detail(tmp_path: Path) -> None:
    """The blocks a rebuild reads again may stand apart on the page, the blocks between them passed: a court's letters
    ending one and a number starting another are no case reference there, as a fresh build finds none."""
    coded = "The partnership reviewed the referrals made by schools in the north of the area coded ZW"
    between = "A neutral paragraph about what the auditors found when they read the records of the agencies."
    numbered = "23C50123 is the file name of the spreadsheet that the auditors used for the review this year."
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    built = site / "a" / "index.html"
    page = "".join(f"<p>{text}</p>" for text in ("Intro", coded, between, numbered, "c", "New text"))
    built.write_text(page)
    assert check_site(site, "example.org") == []
    passed: dict = {}
    seen: set[str] = set()
    built.write_text("".join(f"<p>{text}</p>" for text in (coded, between, numbered, "c")))
    assert check_site(site, "example.org", passed, seen=seen) == []
    built.write_text(page)
    assert check_site(site, "example.org", passed, seen=seen) == []


@pytest.mark.parametrize(
    ("before", "context", "after"),
    [
        # a long paragraph read again for what it says before a new block, its own words kept from a detail by the
        # numbering before it ("Level 2", "Appendix 14"), which a rebuild does not read again
        ("<p>Level </p>", "2 Broadway is where the partnership meets each month, as it has done for many years now.", ""),
        ("<p>Appendix </p>", "14 Laburnum Close is the title of the next part of this report, which runs on for many words.", ""),
        # a date read as a birth's by a DOB label after it: found again when the label is new
        ("<p>Intro</p>", "05/06/2014DOB", "<p>DOB</p>"),
    ],
)
def test_a_block_read_again_for_its_words_is_read_as_a_fresh_build_reads_it(
    tmp_path: Path, before: str, context: str, after: str
) -> None:
    """The blocks passed before a new one are read again with it, and what stands before them is not all read again:
    a rebuild finds in them what a fresh build finds, no more (a false error blocks a preview) and no less."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    built = site / "a" / "index.html"
    built.write_text(f"{before}<p>{context}</p>{after}<p>New text.</p>")
    fresh = [(p.line, p.kind, p.text) for p in check_site(site, "example.org")]
    passed: dict = {}
    seen: set[str] = set()
    built.write_text(f"{before}<p>{context}</p><p>Old text.</p>")
    assert check_site(site, "example.org", passed, seen=seen) == []
    built.write_text(f"{before}<p>{context}</p>{after}<p>New text.</p>")
    assert [(p.line, p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh


@pytest.mark.parametrize(
    ("label", "first", "second"),
    [("Dates of birth", "circa 03/04/2012", "05/06/2014"), ("Born", "on 3 April 2012", "5 June 2014")],
)
def test_a_list_under_a_new_label_is_read_past_a_first_value_written_loosely(
    tmp_path: Path, label: str, first: str, second: str
) -> None:
    """A DOB label added over a list passed before: its first value may be written with a word before the date ("circa",
    "on"), and the dates under it are the label's too, as a fresh build finds them, however far the label stands above."""
    note = "<!-- copied from the case file and checked against the source by the QA officer on the day of the audit -->"
    listing = f"{note}<dl><dd>{first}</dd><dd>{second}</dd></dl><p>End</p>"
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    built = site / "a" / "index.html"
    built.write_text(f"<p>Intro</p><dl><dt>{label}</dt></dl>{listing}")
    fresh = [(p.kind, p.text) for p in check_site(site, "example.org")]
    passed: dict = {}
    seen: set[str] = set()
    built.write_text(f"<p>Intro</p>{listing}")
    assert check_site(site, "example.org", passed, seen=seen) == []
    built.write_text(f"<p>Intro</p><dl><dt>{label}</dt></dl>{listing}")
    assert len(fresh) == 2
    assert [(p.kind, p.text) for p in check_site(site, "example.org", passed, seen=seen)] == fresh
