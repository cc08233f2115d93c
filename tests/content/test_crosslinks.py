"""Links from one briefing to another lead only to pages its readers can open (`generator/content/crosslinks.py`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support import BASE, LINKER, build_site, linking, page, write

RESTRICTED = "'narwhal-restricted', which is restricted: the public site does not have it"
DRAFT = "'quokka-draft', which is a draft, so the link would lead nowhere once published"


@pytest.mark.parametrize(
    "written",
    [
        "See [the audit](../narwhal-restricted/).",
        "See [the audit](/briefings/narwhal-restricted/index.html#step-2 'its steps').",
        "See <a href='https://example.github.io/briefings/narwhal%2Drestricted'>the audit</a>.",
        "[the audit]: <../narwhal-restricted.md>",
        "See <https://example.github.io/briefings/narwhal-restricted/>.",
        "- a list item\n\n    [the audit]: ../narwhal-restricted/",
        "> [the audit]:\n> ../narwhal-restricted/",
        "See [the audit](\n../narwhal-restricted/).",
        'See <a\nhref=\n"../narwhal-restricted/">the audit</a>.',
        'See <a href="https://example.github.io/briefings/briefings&#47;narwhal-restricted/">it</a>.',
        "See [it](../other/../narwhal-restricted/), [it](..\\narwhal-restricted), [it](../Narwhal-Restricted/).",
        "See [its text](../narwhal-restricted.txt).",
        "| Audit | Link |\n|---|---|\n| one | [it](../narwhal-restricted/) |",
        "See [the audit](../narwhal\\-restricted/).",
        '<img src="../narwhal-restricted/x.png" alt="its chart">',
        "Copied from the address bar: https://example.github.io/briefings/briefings/narwhal-restricted/",
        "[Its PDF](https://example.github.io/briefings/briefings/narwhal-restricted.pdf)",
        "[Via Outlook](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.github.io%2Fbriefings%2F"
        "briefings%2Fnarwhal-restricted%2F&data=05)",
        "[Forwarded twice](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Feur01.safelinks.protection"
        ".outlook.com%2F%3Furl%3Dhttps%253A%252F%252Fexample.github.io%252Fbriefings%252Fbriefings%252Fnarwhal-restricted"
        "%252F%26data%3D05&data=05)",
        "[Via Proofpoint](https://urldefense.proofpoint.com/v2/url?u=https-3A__example.github.io_briefings_briefings_"
        "narwhal-2Drestricted_&d=DwMF)",
        "[On the partners site](https://partners.northbrook.example/briefings/briefings/narwhal-restricted/)",
        "[With www.](https://WWW.Example.GitHub.io./briefings/briefings/narwhal-restricted/)",
        "[From the preview](http://127.0.0.1:8000/briefings/briefings/narwhal-restricted/)",
        "[Its source](../../audits/narwhal-restricted.md)",
        "Write it as `<!-- see /briefings/narwhal-restricted/ -->` once it is public.",
        "```\n<!-- see /briefings/narwhal-restricted/ -->\n```",
        "Text <!--> see [it](../narwhal-restricted/) <!-- and the rest -->",
        "````text\n```\n<!-- see /briefings/narwhal-restricted/ -->\n````",
        "<textarea>\n<!-- see /briefings/narwhal-restricted/ -->\n</textarea>",
    ],
)
def test_a_public_briefings_link_to_a_restricted_one_is_refused_at_its_line(project: Path, cli, written: str) -> None:
    first = linking(project, written)
    run = cli("check")
    assert run.code == 1
    lines = [int(said.split(":")[1]) for said in run.lines if said.startswith(f"{LINKER}:") and RESTRICTED in said]
    assert lines and all(first <= line < first + 1 + written.count("\n") for line in lines), run.out


def test_a_summary_naming_a_restricted_briefings_address_is_refused(project: Path, cli) -> None:
    """A summary is shown on the cards of the home and agency pages."""
    write(project, LINKER, BASE.replace("A valid summary.", "See briefings/narwhal-restricted for more."))
    assert f"{LINKER}:10: links to {RESTRICTED}" in cli("check").out


def test_a_note_in_a_comment_to_link_a_draft_once_published_passes(project: Path, cli) -> None:
    linking(project, "<!-- add [the quokka audit](../quokka-draft/)\n once it is published -->")
    assert cli("check").code == 0


def test_a_restricted_briefings_old_address_is_refused_too(project: Path, cli) -> None:
    restricted = project / "content/audits/narwhal-restricted.md"
    restricted.write_text(
        restricted.read_text().replace("status: restricted", "status: restricted\nprevious_slugs: [old-narwhal]")
    )
    line = linking(project, "See [the audit](../old-narwhal/).")
    assert f"{LINKER}:{line}: links to 'old-narwhal', which is restricted" in cli("check").out


def test_a_page_or_a_themes_link_to_a_restricted_briefing_is_refused_at_its_line(project: Path, cli) -> None:
    """Hand-written pages and the taxonomy's links are on both sites."""
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + "\nRead [the audit](briefings/narwhal-restricted/).\n")
    taxonomy = project / "content/taxonomy.yml"
    own = "https://example.github.io/briefings/briefings/narwhal-restricted/"  # the site's own host (mkdocs.yml)
    taxonomy.write_text(taxonomy.read_text().replace("https://www.example.gov.uk/neglect-toolkit?a=1&b=2", own))
    run = cli("check")
    assert run.code == 1
    assert f"content/pages/about.md:{about.read_text().count(chr(10))}: links to {RESTRICTED}" in run.out, run.out
    assert f"content/taxonomy.yml:23: links to {RESTRICTED}" in run.out
    write(project, "content/pages/briefings/older.md", "# Older\n\nSee [it](../narwhal-restricted/).\n")
    write(
        project,
        "content/pages/chart.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="../briefings/narwhal-restricted/"/></svg>',
    )
    address = "https://example.github.io/briefings/briefings/narwhal-restricted/"
    published_with_the_pages = {
        "links.yaml": f"# Links\nsee: {address}\n",
        "redirect.js": f"// Old address\nlocation.replace('{address}');\n",
        "extra.css": f"/* Banner */\n.banner {{ background: url('{address}x.png'); }}\n",
    }
    for name, text in published_with_the_pages.items():
        write(project, f"content/pages/{name}", text)
    run = cli("check")
    assert f"content/pages/briefings/older.md:3: links to {RESTRICTED}" in run.out
    assert f"content/pages/chart.svg:1: links to {RESTRICTED}" in run.out
    for name in published_with_the_pages:
        assert f"content/pages/{name}:2: links to {RESTRICTED}" in run.out, run.out


def test_a_link_to_a_draft_is_refused_and_a_drafts_own_links_are_noted_for_later(project: Path, cli) -> None:
    line = linking(project, "Compare [the draft](../quokka-draft/) and [the other](../narwhal-restricted/).")
    run = cli("check")
    assert run.code == 1
    assert f"{LINKER}:{line}: links to {DRAFT}" in run.out and f"{LINKER}:{line}: links to {RESTRICTED}" in run.out
    linking(project, "Compare [the draft](../quokka-draft/).", status="draft")
    held = cli("check")
    assert held.code == 0, held.out
    assert f"{LINKER}:{line}: draft, to fix before publishing (does not block the build): links to {DRAFT}" in held.out
    previewed = cli("check", "--drafts")  # a preview of the drafts shows both: the link leads to one
    assert previewed.code == 0 and "links to" not in previewed.out, previewed.out


def test_the_settings_and_the_themes_templates_are_read_too(project: Path, cli) -> None:
    """Both are shown on every page of both sites: a link there named a restricted briefing on every public page."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nnav:\n", "\nnav:\n  - Latest: briefings/narwhal-restricted/\n", 1))
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text() + '<a href="https://example.github.io/briefings/briefings/quokka-draft/">x</a>\n')
    main = project / "overrides/main.html"
    main.write_text(main.read_text() + "<!-- partners only: briefings/narwhal-restricted/ -->\n")  # copied to every page
    run = cli("check")
    assert run.code == 1
    assert f"mkdocs.yml:{config.read_text().split(chr(10)).index('nav:') + 2}: links to {RESTRICTED}" in run.out, run.out
    assert f"overrides/partials/copyright.html:{template.read_text().count(chr(10))}: links to {DRAFT}" in run.out
    assert f"overrides/main.html:{main.read_text().count(chr(10))}: links to {RESTRICTED}" in run.out


def test_comments_never_published_are_passed_over(project: Path, cli) -> None:
    """A note in the settings' YAML, a template's Jinja comment or a front matter's YAML is never copied to a page."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nnav:\n", "\nnav:\n  # once approved: briefings/quokka-draft/\n", 1))
    main = project / "overrides/main.html"
    main.write_text(main.read_text() + "{# add briefings/narwhal-restricted/ once it is public #}\n")
    note = "# see https://example.github.io/briefings/briefings/narwhal-restricted/ once it is public"
    write(project, "content/pages/help.md", f"---\ntitle: Help {note}\n{note}\n---\n\n# Help\n\nText.\n")
    write(project, LINKER, BASE.replace("summary: A valid summary.", f"summary: A valid summary.\n{note}"))
    run = cli("check")
    assert run.code == 0 and "links to" not in run.out, run.out


@pytest.mark.parametrize(
    "meta",
    [
        "Read more # [it](../briefings/narwhal-restricted/)",
        "- Contents # [it](../briefings/narwhal-restricted/)",
        "see: *also # [it](../briefings/narwhal-restricted/)",
    ],
)
def test_a_comment_in_front_matter_the_engine_shows_as_text_is_read(project: Path, cli, meta: str) -> None:
    """Not a mapping, or no YAML the engine can load: it shows the whole of it as the page's text, link and all."""
    write(project, "content/pages/notes.md", f"---\n{meta}\n---\n\nSome text.\n")
    assert f"content/pages/notes.md:2: links to {RESTRICTED}" in cli("check").out


@pytest.mark.parametrize(
    "value",
    [
        '"Neglect #1: https://example.github.io/briefings/briefings/narwhal-restricted/"',
        "'Neglect #1: https://example.github.io/briefings/briefings/narwhal-restricted/' # a note",
        ">-\n      Neglect, see\n      #1 https://example.github.io/briefings/briefings/narwhal-restricted/",
        "|\n      Neglect\n      # https://example.github.io/briefings/briefings/narwhal-restricted/",
        '"https://example.github.io/briefings/\\x62riefings/narwhal-restricted/"',
        '"Neglect: https://example.github.io/briefings/\\u0062riefings/narwhal-restricted/"',
        '"Neglect: https://example.github.io/briefings/briefings/\\\n      narwhal-restricted/"',
    ],
)
def test_a_yaml_value_is_read_as_the_site_shows_it(project: Path, cli, value: str) -> None:
    """A `#` in a quoted or block value starts no comment, and an escape (`\\x62` is b) or a quoted line's
    continuation reads as the value it makes: the value, address and all, is on the theme's page."""
    taxonomy = project / "content/taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text().replace("    label: Neglect\n", f"    label: {value}\n", 1))
    first = taxonomy.read_text().splitlines().index("    label: " + value.split("\n")[0]) + 1
    write(project, LINKER, BASE.replace("summary: A valid summary.", f"summary: {value.replace('      ', '  ')}"))
    run = cli("check")
    assert run.code == 1
    for path, line in (("content/taxonomy.yml", first), (LINKER, 10)):
        said = [int(s.split(":")[1]) for s in run.lines if s.startswith(f"{path}:") and f"links to {RESTRICTED}" in s]
        assert said and all(line <= at <= line + value.count("\n") for at in said), run.out


def test_links_every_reader_can_open_pass_and_are_built(project: Path, cli) -> None:
    """To a published briefing, a restricted one's link to a restricted one (the partners site has both), a site
    elsewhere whose path merely shares a word, another site's briefing that shares a slug (slugs are made from
    topics), and a slug written in the text, not linked."""
    linking(
        project,
        "See [the MACA](../year-end-maca/), [a guide](https://example.github.io/guides/narwhal-restricted/),\n"
        "[a theme](/themes/narwhal-restricted/), [another](../../themes/quokka-draft/) and narwhal-restricted;\n"
        "[Home Office](https://www.gov.uk/government/publications/briefings/narwhal-restricted), "
        "https://www.researchinpractice.org.uk/children/briefings/quokka-draft/ and\n"
        "[via Outlook](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.gov.uk%2Fbriefings%2F"
        "narwhal-restricted&data=05).",
    )
    write(
        project,
        "content/audits/narwhal-restricted.md",
        (project / "content/audits/narwhal-restricted.md")
        .read_text()
        .replace("## Background\n", "## Background\n\nSee [the other restricted audit](../linker/).\n"),
    )
    run = cli("check")
    assert run.code == 1  # only for the two that lead to no page of this site (a theme's, a host's other site)
    assert [line.split(": ", 2)[1] for line in run.lines if line.startswith(f"{LINKER}:") and "leads to no page" in line] == [
        "the link '/themes/narwhal-restricted/' leads to no page or file of the site (followed from this briefing's page, "
        "it leads out of the site's folder)",
        "the link '../../themes/quokka-draft/' leads to no page or file of the site (followed from this briefing's page, it "
        "leads to themes/quokka-draft)",
    ], run.out
    for host, target in (("gov.uk", "narwhal-restricted"), ("researchinpractice.org.uk", "quokka-draft")):
        said = f"links to '{target}' on {host}, most likely that site's own page; if {host} is this site's too, remove it"
        assert said in run.out, run.out
    linking(project, "See [its partner](../narwhal-restricted/).", status="restricted")
    assert cli("check").code == 0
    page = (build_site(project, "--pdf", "skip", "--audience", "partners") / "briefings/linker/index.html").read_text()
    assert 'href="../narwhal-restricted/"' in page


@pytest.mark.parametrize("field", ["withdrawn_reason", "title"])
def test_a_withdrawn_notices_words_are_read_for_links_too(project: Path, cli, field: str) -> None:
    """A withdrawn briefing's notice shows its title and its reason on the public site: both were never read, so a
    reason naming a restricted briefing's address published it."""
    said = {"title": "Old note", "withdrawn_reason": "Replaced."}
    said[field] += " See https://example.github.io/briefings/briefings/narwhal-restricted/ for partners."
    notice = BASE.replace(
        "status: published", "status: withdrawn\nwithdrawn_on: 2025-01-01\n" + f"withdrawn_reason: {said['withdrawn_reason']}"
    )
    write(
        project,
        LINKER,
        notice.replace("title: Valid audit", f"title: {said['title']}") + "\n[Body, never shown](../quokka-draft/)\n",
    )
    run = cli("check")
    assert run.code == 1
    line = 2 if field == "title" else 7
    found = [said.split(", which")[0] for said in run.lines if said.startswith(f"{LINKER}:")]
    assert found == [f"{LINKER}:{line}: links to 'narwhal-restricted'"], run.out  # the body is never shown: not read


def test_a_good_practice_entrys_links_lead_where_they_do_from_its_briefing_on_every_page_that_shows_it(
    project: Path, cli
) -> None:
    """An entry's text is shown on its briefing's page, on the showcase and on its agency's pages, at other depths: a
    relative link or picture that worked on the briefing's page was broken on every other page (the publish workflow's
    link check refused the site at the showcase's page, not the line to mend)."""
    entry = (
        "## Good practice\n\n### A shared log\nAgency: police\nThemes: neglect\n\n"
        "The log went to [the MACA](../year-end-maca/), to [its steps](#background) and to [a print](?print=1).\n"
    )
    linking(project, entry)
    site = build_site(project, "--pdf", "skip")
    wanted = [
        "https://example.github.io/briefings/briefings/linker/#background",
        "https://example.github.io/briefings/briefings/linker/?print=1",
        "https://example.github.io/briefings/briefings/year-end-maca/",
    ]
    pages = ["briefings/linker/", "showcase/", "showcase/by-agency/police/", "showcase/by-theme/neglect/", "agencies/police/"]
    for url in pages:
        links = [
            a["href"] for a in page(site, url).select("article a[href]") if a.get_text() in ("the MACA", "its steps", "a print")
        ]
        assert sorted({urljoin(f"https://example.github.io/briefings/{url}", href) for href in links}) == wanted, (url, links)


def test_a_team_records_links_lead_where_the_briefings_own_do(project: Path, cli) -> None:
    """Step 6 is shown on the briefing's page and on its team record, a folder deeper: a relative link led elsewhere from
    there, to a restricted briefing's address (`../../narwhal-restricted/` from `briefings/linker/record/`) past the check,
    which follows it from the briefing's page; and any link to another briefing was broken there."""
    questions = (
        "## Questions for reflection\n\n- How would [the MACA](../year-end-maca/) and [this](../../narwhal-restricted/) help?\n"
        '- And <a href=" ../year-end-maca/#background">its background</a>, [ours](#background) and [a print](?print=1)?\n'
    )
    first = linking(project, questions)
    dead = f"{LINKER}:{first + 2}: the link '../../narwhal-restricted/' leads to no page or file of the site"
    for run in cli("check"), cli("build", "--pdf", "skip"):  # from the briefing's page: no page at all
        assert run.code == 1 and dead in run.out, run.out
    linking(project, questions.replace(" and [this](../../narwhal-restricted/)", ""))
    site = build_site(project, "--pdf", "skip")
    for url in ("briefings/linker/", "briefings/linker/record/"):
        ours = ("the MACA", "its background", "ours", "a print")
        links = [a["href"] for a in page(site, url).select("article a[href]") if a.get_text() in ours]
        assert sorted({urljoin(f"https://example.github.io/briefings/{url}", href.strip()) for href in links}) == [
            "https://example.github.io/briefings/briefings/linker/#background",
            "https://example.github.io/briefings/briefings/linker/?print=1",
            "https://example.github.io/briefings/briefings/year-end-maca/",
            "https://example.github.io/briefings/briefings/year-end-maca/#background",
        ], (url, links)
    checked = cli("linkcheck").out
    assert ": 0 problems." in checked, checked


def test_a_page_in_the_briefings_folder_is_refused(project: Path, cli) -> None:
    """A hand-written page at `content/pages/briefings/narwhal-restricted.md` was published at the restricted
    briefing's address, its slug in the sitemap, on the public site (the partners build refused it as generated)."""
    write(project, "content/pages/briefings/narwhal-restricted.md", "# Notes\n\nA clean page.\n")
    write(project, "content/pages/Briefings/older/index.md", "# Notes\n\nA clean page.\n")
    write(project, "content/pages/briefings ./narwhal-restricted/index.md", "# Notes\n\nA clean page.\n")  # Windows drops " ."
    write(project, "overrides/briefings/narwhal-restricted.txt", "A clean text.\n")  # the theme's files are published too
    write(project, "content/pages/briefings\\narwhal-restricted.md", "# Notes\n\nA clean page.\n")
    run = cli("check")
    assert run.code == 1
    assert sorted(said.split(": ")[0] for said in run.lines if "the folder the site publishes its briefings in" in said) == [
        "content/pages/Briefings:1",
        "content/pages/briefings .:1",
        "content/pages/briefings:1",
        "overrides/briefings:1",
    ]
    assert "content/pages/briefings\\narwhal-restricted.md:1: has a backslash in its name" in run.out


def test_a_hand_written_page_at_a_generated_pages_address_is_refused(project: Path, cli) -> None:
    """`content/pages/archive.md` is published at `archive/`, the MACA archive's address: the generated page took its
    place without a word."""
    write(project, "content/pages/archive.md", "# Our archive\n\nA clean page.\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    assert (
        "content/pages/archive.md would be published where the site's own archive/index.html is; rename or remove it"
        in run.err + run.out
    )


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\uff0f", "\u2215"])
def test_an_address_with_characters_a_reader_does_not_see_is_read_as_shown(project: Path, cli, hidden: str) -> None:
    """`briefings/` and a zero-width space, a soft hyphen or a word joiner before the slug, or a full-width or division
    slash, are shown as the restricted briefing's address."""
    slash = hidden if hidden in ("\uff0f", "\u2215") else "/" + hidden
    linking(project, f"Replaced by briefings{slash}narwhal-restricted for partners.")
    assert "links to 'narwhal-restricted'" in cli("check").out
