"""A briefing's links and pictures must lead to a page or file of the site (`generator/content/sitelinks.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.support import BASE, LINKER, every_build_path, linking, tree_digest, write

DEAD = [
    ("![Referrals by month](chart.png)", "the picture 'chart.png'", "briefings/linker/chart.png"),
    ("[the archive](../../archives/)", "the link '../../archives/'", "archives) (did you mean '../../archive/'?)"),
    ("[the guide](../../guides/neglect.pdf)", "the link '../../guides/neglect.pdf'", "guides/neglect.pdf"),
    ("[the MACA](../year-end-macca/)", "the link '../year-end-macca/'", "(did you mean '../year-end-maca/'?)"),
    ("[about us](../about/)", "the link '../about/'", "briefings/about) (did you mean '../../about/'?)"),
    ("[a template](../../main.html)", "the link '../../main.html'", "main.html"),
    ('<img src="../../images/chart.PNG" alt="Referrals">', "the picture '../../images/chart.PNG'", "images/chart.PNG"),
    ("[the showcase](/briefings/show-case/)", "the link '/briefings/show-case/'", "show-case"),
    ("[too far up](../../../other/)", "the link '../../../other/'", "out of the site's folder"),
    ("[another site of the host](/other-site/)", "the link '/other-site/'", "out of the site's folder"),
    ("[about us](../../about.md)", "the link '../../about.md'", "(did you mean '../../about/'?)"),
    ('<a href="..\\year-end-maca\\">the MACA</a>', "the link '..\\year-end-maca\\'", "divided by /, never \\)"),
    ("[about us](..\\..\\about)", "the link '..\\..\\about'", "divided by /, never \\)"),  # Markdown reads ....\\about
    (
        "[from the address bar](https://example.github.io/briefings/briefings/year-end-macca/)",
        "the link 'https://example.github.io/briefings/briefings/year-end-macca/'",
        "(did you mean '../year-end-maca/'?)",
    ),
]
"""What an author writes, what the message names, and where it says the address leads."""


def test_a_link_or_picture_leading_to_no_page_or_file_of_the_site_is_refused_at_its_line(project: Path, cli) -> None:
    """A picture never copied in, a page renamed, one `../` too many: readers got a broken picture or a missing page, and
    only the publish workflow's link check of the built site refused it, naming the built page, not the line to mend."""
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    lines = "\n\n".join(written for written, _, _ in DEAD)
    intro = "Written first, in code: `../../archives/`, and a link that is not dead: [about](../../about/).\n\n"
    first = linking(project, "## Good practice\n\n### A shared log\nAgency: police\nThemes: neglect\n\n" + intro + lines + "\n")
    first += 8  # after the entry's heading, fields and first paragraph: a dead address is found where it is a link
    for code, output in every_build_path(project, cli):
        assert code == 1
        assert "All content is valid" not in output  # the summary, last, counts them (the check's own pass said so)
        assert f"{len(DEAD)} problems in 1 file; nothing was built." in output
        for number, (_, named, leads) in enumerate(DEAD):
            said = f"content/audits/linker.md:{first + 2 * number}: {named} leads to no page or file of the site"
            assert said in output, (said, output)
            assert leads in output.split(said, 1)[1].split("\n", 1)[0]
        assert output.count("leads to no page or file of the site") == len(DEAD)
        assert "Traceback" not in output
    assert tree_digest(project / "site") == before


def test_links_and_pictures_that_lead_to_the_sites_own_pages_and_files_pass(project: Path, cli) -> None:
    """Every way a briefing reaches the site's pages and files, and addresses the check leaves alone, in a step and in
    a good-practice entry (shown on other pages too: `test_crosslinks`)."""
    (project / "content/pages/images").mkdir()
    Image.new("RGB", (8, 8), "white").save(project / "content/pages/images/chart.png")
    (project / "overrides/assets").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), "white").save(project / "overrides/assets/logo.png")
    (project / "content/pages/guide.markdown").write_text("# Guide\n\nHow to read a briefing.\n")
    written = [
        "![Referrals by month](../../images/chart.png)",
        "[the guide](../../guide/) and [the site map](../../sitemap.xml) and [the search](../../pagefind/pagefind.js)",
        '<a href=" ../../about/ ">spaces about the address</a>',
        "![Our logo](../../assets/logo.png)",
        "[the archive](../../archive/) and [the themes](../../themes) and [home](../../) and [about](../../about/)",
        "[the MACA](../year-end-maca/) and [its steps](../year-end-maca/#background) and [ours](#background)",
        "[a print](?print=1) and [the feed](../../feed.xml) and [the showcase](/briefings/showcase/)",
        "[elsewhere](https://www.gov.uk/guidance) and [its PDF](../year-end-maca.pdf)",
        "[in full](HTTPS://Example.GitHub.io/briefings/briefings/year-end-maca/)",
        "`[in code](nope.png)` and <!-- [a note](nope.png) -->",
    ]
    lines = "\n\n".join(written)
    linking(project, lines + "\n\n## Good practice\n\n### A shared log\nAgency: police\nThemes: neglect\n\n" + lines + "\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 0, run.out + run.err
    checked = cli("linkcheck")
    broken = [line for line in checked.lines if "broken link" in line]
    assert broken and all("year-end-maca.pdf" in line for line in broken), checked.out  # printed with Chromium only


def test_a_file_the_site_never_publishes_is_no_place_to_link(project: Path, cli) -> None:
    """The theme's Markdown and templates are never copied into the site, nor the pages folder's `templates/`; a
    withdrawn briefing has no PDF; and a sentence written twice (a step's and a good-practice entry's) is named twice."""
    write(project, "overrides/notes.md", "Notes for the theme's maintainers.\n")
    write(project, "content/pages/templates/t.txt", "A template's text.\n")
    sentence = "See [the notes](../../notes.md), [the text](../../templates/t.txt) and [a PDF](../withdrawn-note.pdf)."
    notice = BASE.replace("status: published", "status: withdrawn\nwithdrawn_on: 2025-01-01\nwithdrawn_reason: Replaced.")
    write(project, "content/audits/withdrawn-note.md", notice)
    first = linking(
        project, sentence + "\n\n## Good practice\n\n### A shared log\nAgency: police\nThemes: neglect\n\n" + sentence + "\n"
    )
    said = [line.split(" leads to")[0] for line in cli("build", "--pdf", "skip").lines if "leads to no page" in line]
    links = ["the link '../../notes.md'", "the link '../../templates/t.txt'", "the link '../withdrawn-note.pdf'"]
    assert said == [f"content/audits/linker.md:{line}: {link}" for line in (first, first + 8) for link in links], said


def test_a_restricted_briefings_link_to_nowhere_is_refused_by_check_as_by_the_partners_build(project: Path, cli) -> None:
    """Only the partners site has a restricted briefing: its dead link passed `check` and the public build, and the
    publish workflow's partners build failed on it."""
    first = linking(project, "See [the spring audit](../spring-maca/).", status="restricted")
    said = f"{LINKER}:{first}: {{}}the link '../spring-maca/' leads to no page or file of the site"
    checked, partners = cli("check"), cli("build", "--pdf", "skip", "--audience", "partners")
    for run, site in (checked, "on the partners site, "), (partners, ""):  # check judges two sites: it names which
        assert run.code == 1 and run.out.count(said.format(site)) == 1, run.out
    said = said.format("")
    assert cli("build", "--pdf", "skip").code == 0  # the public site has no page of it
    partners_only = "[its partners page](https://partners.northbrook.example/briefings/briefings/nope/)"  # public: elsewhere
    linking(project, f"See [the spring audit](../spring-maca/) and [reviews](../../reviewz/), {partners_only}.")
    assert (run := cli("check")).code == 1 and run.out.count(said) == 1 and "3 problems in 1 file" in run.out, run.out
    assert "the link 'https://partners.northbrook.example/briefings/briefings/nope/' leads to no page" in run.out
    assert run.out.count("the link '../../reviewz/'") == 1 and "did you mean '../../reviews/'" not in run.out  # partners'


def test_a_site_whose_address_has_a_space_is_followed_as_its_readers_follow_it(project: Path, cli) -> None:
    settings = project / "mkdocs.yml"
    text = settings.read_text().replace("https://example.github.io/briefings/", "https://example.org/our%20briefings/")
    settings.write_text(text.replace("northbrook.example/briefings/", "northbrook.example/our%20briefings/"))
    linking(project, "See [the archive](/our%20briefings/archive/) and [in full](https://example.org/our%20briefings/archive/).")
    assert (run := cli("check")).code == 0, run.out
    linking(project, "See [in full](https://example.org/our%20briefings/archives/).")
    assert "the link 'https://example.org/our%20briefings/archives/' leads to no page" in (run := cli("check")).out, run.out


def test_a_drafts_link_to_nowhere_is_a_draft_problem_in_check_and_an_error_with_drafts(project: Path, cli) -> None:
    """Its other problems were listed for the author to fix before publishing; its dead link was not, until published."""
    first = linking(project, "See [the spring audit](../spring-maca/) and [the MACA](../year-end-maca/).", status="draft")
    said = f"{LINKER}:{first}: draft, to fix before publishing (does not block the build): the link '../spring-maca/'"
    assert (run := cli("check")).code == 0 and said in run.out and "1 draft problem to fix" in run.out, run.out
    assert "the link '../year-end-maca/'" not in run.out
    drafts = cli("check", "--drafts")
    assert drafts.code == 1 and f"{LINKER}:{first}: the link '../spring-maca/' leads to no page" in drafts.out, drafts.out


@pytest.mark.parametrize(
    "address",
    [
        "../narwhal-restricted/",
        "/briefings/briefings/narwhal-restricted/index.html#step-2",
        "https://example.github.io/briefings/briefings/narwhal-restricted/",
        "../Narwhal-Restricted/",
        "../narwhal%2Drestricted/",
        "../narwhal-restricted.txt",
    ],
)
def test_a_drafts_link_to_a_restricted_briefing_is_one_note(project: Path, cli, address: str) -> None:
    """It was told twice: the public site does not have it, and the link leads to no page of the site. (An address that
    would lead nowhere were the briefing published, `/briefings/narwhal-restricted/`, is told both.)"""
    first = linking(project, f"See [the audit]({address}).", status="draft")
    run = cli("check")
    said = [line for line in run.lines if line.startswith(f"{LINKER}:{first}:")]
    assert run.code == 0 and len(said) == 1 and "which is restricted" in said[0], run.out


def test_a_drafts_dead_link_beside_its_link_to_a_restricted_briefing_is_still_told(project: Path, cli) -> None:
    """A picture named after the briefing, on the line of its link, was taken for that link and left unsaid; a link
    whose address is on the next line was told twice."""
    chart = "[its chart](../../images/narwhal-restricted.png)"
    beside = "![its picture](../narwhal-restricted.png) and [its notes](../narwhal-restricted.docx)"  # the briefing's folder
    first = linking(
        project,
        f"See [the audit](../narwhal-restricted/) and {chart}.\n\nSee it [again](\n../narwhal-restricted/).\n\n{beside}.",
        status="draft",
    )
    run = cli("check")
    dead = [line for line in run.lines if line.startswith(f"{LINKER}:") and "leads to no page" in line]
    assert run.code == 0 and len(dead) == 3 and dead[0].startswith(f"{LINKER}:{first}: "), run.out
    assert "the link '../../images/narwhal-restricted.png'" in dead[0]
    assert "the picture '../narwhal-restricted.png'" in dead[1] and "the link '../narwhal-restricted.docx'" in dead[2]
    assert sum(line.startswith(f"{LINKER}:") and "which is restricted" in line for line in run.lines) == 2, run.out


def test_a_dead_link_is_told_at_its_own_line_not_at_a_longer_address_it_begins(project: Path, cli) -> None:
    """`../year-end` was found inside `../year-end-maca/` on the line before, and told there."""
    first = linking(project, "See [the MACA](../year-end-maca/)\nand [the other](../year-end).")
    run = cli("check")
    assert f"{LINKER}:{first + 1}: the link '../year-end' leads to no page" in run.out, run.out
