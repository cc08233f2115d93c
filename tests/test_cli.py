"""The `briefings` command: output format, exit codes, safe builds and `new`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import frontmatter

from generator.pipeline import check
from tests.support import AUDIT_HEADINGS, BASE, build_site, tree_digest, write


def test_check_passes_and_counts_drafts(project: Path, cli) -> None:
    run = cli("check", "--build-date", "2024-10-02")  # the newest audit's day, before any review reminder
    assert run.code == 0
    assert run.lines == [
        "content/audits/autumn-maca.md:7: privacy: small-count: children: 2 (warning: could identify a family)",
        "content/audits/narwhal-restricted.md:6: privacy: small-count: cases: 1 (warning: could identify a family)",
        "content/audits/narwhal-restricted.md:7: privacy: small-count: children: 1 (warning: could identify a family)",
        "All content is valid: 6 briefings checked. 1 draft checked, not published: content/audits/quokka-draft.md. "
        "3 privacy warnings to review.",
    ]


def test_an_untouched_draft_is_reported_but_does_not_block(project: Path, cli) -> None:
    """The guide says: fill it in, run check, publish when it is clean. A new scaffold is far from clean: check
    says what is left, marked as not blocking, and still exits 0 for everyone else's content."""
    assert cli("new", "briefing", "Safer sleep").code == 0
    run = cli("check")
    assert run.code == 0, run.out
    drafts = [line for line in run.lines if line.startswith("content/briefings/safer-sleep.md:")]
    assert drafts and all(": draft, to fix before publishing (does not block the build): " in line for line in drafts)
    assert "draft problems to fix before publishing; they do not block the build): " in run.lines[-1]
    assert cli("check", "--drafts").code == 1


def test_check_lists_briefings_due_for_review_without_blocking(project: Path, cli) -> None:
    """A review date passed, or within 60 days, is a reminder at the line that sets it; drafts are not listed."""
    run = cli("check", "--build-date", "2024-11-10")
    assert run.code == 0
    assert [line for line in run.lines if ": review: " in line] == [
        "content/briefings/standalone-review.md:8: review: due on 2025-01-01 (in 52 days): check that its learning still "
        "reflects current guidance, then set a new review_date (a reminder; it blocks nothing)"
    ]
    assert run.lines[-1].endswith(" 1 briefing due for review.")
    later = cli("check", "--build-date", "2025-01-02")
    assert "due on 2025-01-01 (1 day ago)" in later.out
    assert not [line for line in cli("check", "--build-date", "2024-10-01").lines if ": review: " in line]


def test_strict_privacy_makes_warnings_block(project: Path, cli) -> None:
    run = cli("check", "--strict-privacy")
    assert run.code == 1
    assert run.lines[-1].startswith("3 problems in 2 files; nothing was built.")


def test_check_prints_every_problem_and_exits_1(project: Path, cli) -> None:
    write(project, "content/audits/bad.md", BASE.replace("type: maca", "type: mca").replace("cases: 3", "cases: 0"))
    run = cli("check")
    assert run.code == 1
    assert run.lines[:2] == [
        "content/audits/bad.md:3: type: 'mca' is not allowed; use one of: maca, thematic (the audit_types keys in taxonomy.yml)",
        "content/audits/bad.md:6: cases: must be at least 1; write a whole number such as 6",
    ]
    assert run.lines[-1].startswith("2 problems in 1 file; nothing was built. 1 draft checked, not published")


def test_build_refuses_bad_content_and_keeps_the_previous_site(project: Path, cli) -> None:
    site = build_site(project)
    before = tree_digest(site)
    write(project, "content/audits/bad.md", BASE.replace("date: 2024-05-01", "date: soon"))
    run = cli("build")
    assert run.code == 1
    assert "content/audits/bad.md:4: date: 'soon' is not a real date" in run.out
    assert tree_digest(site) == before


def test_engine_failure_keeps_the_previous_site_and_leaves_no_debris(project: Path, cli) -> None:
    site = build_site(project)
    before = tree_digest(site)
    write(project, "content/pages/index.md", "# A hand-written page that clashes with the generated home page\n")
    run = cli("build")
    assert run.code == 1
    assert "site/ was left as it was" in run.err
    assert tree_digest(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"]  # the build lock, kept


def test_builds_never_modify_content(project: Path, cli) -> None:
    before = tree_digest(project / "content")
    assert cli("build").code == 0
    assert cli("build", "--audience", "partners", "--drafts").code == 0
    assert tree_digest(project / "content") == before


def test_drafts_build_marks_drafts(project: Path, cli) -> None:
    assert cli("build", "--drafts").code == 0
    html = (project / "site" / "briefings" / "quokka-draft" / "index.html").read_text()
    assert "DRAFT: Quokka draft audit" in html
    assert "Draft: not published" in html


def test_new_audit_writes_a_draft_shaped_like_the_contract(project: Path, cli) -> None:
    run = cli("new", "audit", "Neglect of teenagers: a MACA")
    assert run.code == 0
    path = project / "content/audits/neglect-of-teenagers-a-maca.md"
    post = frontmatter.load(path)
    assert post["title"] == "Neglect of teenagers: a MACA"
    assert post["status"] == "draft"
    assert post["date"] == date.today()
    assert post["type"] == "maca"
    headings = [line for line in post.content.splitlines() if line.startswith("## ")]
    assert headings == AUDIT_HEADINGS
    result = check(project, "content")
    assert result.ok and "content/audits/neglect-of-teenagers-a-maca.md" in result.drafts_held
    todo = [str(p) for p in check(project, "content", include_drafts=True).problems if "neglect-of-teenagers" in p.path]
    assert "content/audits/neglect-of-teenagers-a-maca.md:6: cases: is empty; write a whole number such as 6" in todo


def test_new_briefing_and_refusal_to_overwrite(project: Path, cli) -> None:
    assert cli("new", "briefing", "Safer sleep").code == 0
    path = project / "content/briefings/safer-sleep.md"
    original = path.read_bytes()
    assert frontmatter.load(path)["status"] == "draft"
    again = cli("new", "briefing", "Safer sleep")
    assert again.code == 1
    assert "content/briefings/safer-sleep.md already exists" in again.err
    clash = cli("new", "audit", "Safer sleep")
    assert clash.code == 1
    assert path.read_bytes() == original
    assert not (project / "content/audits/safer-sleep.md").exists()


def test_new_makes_a_short_address_or_takes_the_one_given(project: Path, cli) -> None:
    """The file name is the page's permanent address: by default a short slug cut at a word, or exactly --slug."""
    title = "Children's voice in LAC reviews (Q3 2016/17, MACA 4): what the audit found"
    assert cli("new", "audit", title).code == 0
    made = sorted((project / "content/audits").glob("children-s-voice*.md"))
    assert [p.stem for p in made] == ["children-s-voice-in-lac-reviews-q3-2016-17-maca-4"]
    assert frontmatter.load(made[0])["title"] == title
    assert cli("new", "audit", title, "--slug", "voice-in-lac-reviews").code == 0
    assert frontmatter.load(project / "content/audits/voice-in-lac-reviews.md")["title"] == title
    for bad, why in (
        ("Voice In LAC", "cannot be an address"),
        ("by-year", "e.g. 'by-year-briefing' (that name is reserved"),
        ("voice-in-lac-reviews", "already exists"),
    ):
        run = cli("new", "briefing", title, "--slug", bad)
        assert run.code == 1 and why in run.err, run.err
    assert not list((project / "content/briefings").glob("voice*.md"))


def test_a_title_is_written_as_typed_and_its_address_keeps_its_letters(project: Path, cli) -> None:
    """Curly quotes and accents stay readable in the file (no `\\u2019` escapes); the address drops only accents."""
    title = "Über-café: a child’s “naïve” trust in Straße\u2028workers"
    assert cli("new", "briefing", title).code == 0
    path = project / "content/briefings/uber-cafe-a-child-s-naive-trust-in-strasse-workers.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Über-café: a child’s “naïve” trust in Straße\\u2028workers"' in text
    assert frontmatter.loads(text)["title"] == title


def test_run_from_the_wrong_folder_says_where_to_run_it(project: Path, cli, monkeypatch) -> None:
    monkeypatch.chdir(project / "content")
    for command in (("check",), ("build",), ("linkcheck",)):
        run = cli(*command)
        assert run.code == 1
        assert run.err.startswith(
            f"briefings: there is no mkdocs.yml in {project / 'content'}: run briefings from the project's folder"
        )


def test_check_refuses_partners_settings_the_partners_build_refuses(project: Path, cli) -> None:
    """It judges the partners site's links, where the settings give it an address: an address that is the public site's
    passed, and only the partners build refused it."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(text.replace("https://partners.northbrook.example/briefings/", "https://example.github.io/briefings/"))
    assert (run := cli("check")).code == 1 and "'partners_site_url' must not be the public site_url" in run.out, run.out
    settings.write_text(text.replace("https://partners.northbrook.example/", "partners.northbrook.example/"))
    line = text[: text.index("partners_site_url:")].count("\n") + 1  # not a public link's line, read from the wrong host
    said = f"mkdocs.yml:{line}: plugins.briefings.partners_site_url must be a web address starting https://"
    for run in cli("check"), cli("build", "--pdf", "skip", "--audience", "partners"):
        assert run.code == 1 and said in run.out + run.err, run.out + run.err
