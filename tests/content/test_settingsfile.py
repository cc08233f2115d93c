"""The settings file screened before the engine's own YAML loader reads it (`generator/content/settingsfile.py`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ENGINE, LINKER, Run, env, every_build_path, linking, tree_digest, write


def add_settings(project: Path, lines: str) -> int:
    """`lines` added under `extra:` in the project's mkdocs.yml; the line number of the first."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    at = text.index("\nextra:\n") + len("\nextra:\n")
    settings.write_text(text[:at] + lines + text[at:])
    return text[:at].count("\n") + 1


@pytest.mark.parametrize("command", [["check"], ["build", "--pdf", "skip"], ["takedown", "no-such-slug", "--reason", "a test"]])
def test_a_tag_that_runs_code_is_refused_at_its_line_before_the_engine_reads_the_file(
    project: Path, cli, tmp_path: Path, command: list[str]
) -> None:
    marker = tmp_path / "ran"
    line = add_settings(project, f'  x: !!python/object/apply:os.system ["touch {marker}"]\n  y: !ENV [SITE_NAME, x]\n')
    run: Run = cli(*command)
    assert run.code == 1
    assert not marker.exists()
    assert f"mkdocs.yml:{line}: the settings file uses the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in run.err
    assert f"mkdocs.yml:{line + 1}: the settings file uses the YAML tag '!ENV'" in run.err
    assert f"{command[0]} refused: mkdocs.yml cannot be read as it is written: fix the lines above" in run.err
    assert not (project / "site").exists()


def test_a_function_named_as_materials_documentation_writes_one_is_read(project: Path, cli) -> None:
    add_settings(project, "  emoji: !!python/name:material.extensions.emoji.twemoji\n")
    assert cli("check").code == 0


def test_a_function_named_from_any_other_module_is_refused_before_its_module_runs(project: Path, cli) -> None:
    """Naming a function imports its module, and importing `this` prints a poem: any module's code would run."""
    line = add_settings(project, "  poem: !!python/name:this.s\n")
    run = cli("check")
    assert run.code == 1
    assert f"mkdocs.yml:{line}: the settings file uses the YAML tag 'tag:yaml.org,2002:python/name:this.s'" in run.err
    assert "Beautiful is better than ugly" not in run.out + run.err


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("  big: " + "9" * 5000 + "\n", "a number of 5,000 characters; no setting needs one so long"),
        ("  day: 2024-02-30\n", "2024-02-30 is no date YAML can read (day is out of range for month)"),
        (
            "  a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)),
            "the settings file uses more than 10 YAML aliases (*name)",
        ),
    ],
)
def test_what_yaml_cannot_read_or_would_expand_without_end_is_refused_at_its_line(
    project: Path, cli, written: str, message: str
) -> None:
    first = add_settings(project, written)
    run = cli("check")
    assert run.code == 1
    said = [line for line in run.err.splitlines() if message in line]
    assert said, run.err
    assert first <= int(said[0].split(":")[1]) < first + written.count("\n")


def test_a_character_yaml_refuses_is_named_at_its_line_not_a_traceback(project: Path, cli) -> None:
    line = add_settings(project, "  note: pasted\x0c from an e-mail\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "Traceback" not in run.err
    assert f"mkdocs.yml:{line}: the settings file holds an invisible control character (U+000C) on this line" in run.err
    assert not (project / "site").exists()


def test_settings_from_another_file_or_in_another_encoding_are_refused(project: Path, cli) -> None:
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text("INHERIT: base.yml\n" + text)
    assert "mkdocs.yml:1: INHERIT: settings taken from another file are never checked" in cli("check").err
    settings.write_bytes(text.replace("site_name: ", "site_name: Tyler Whitfield ").encode("utf-16"))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    assert 'mkdocs.yml:1: file is UTF-16 text (what Notepad and Word call "Unicode"), not UTF-8' in run.err
    assert not (project / "site").exists()


def test_a_line_the_engines_parser_reads_otherwise_is_refused(project: Path, cli, tmp_path: Path) -> None:
    """After a byte-order mark, `#` starts a comment for the quicker YAML parser and a key for the engine's."""
    marker = tmp_path / "ran"
    line = add_settings(project, f'\ufeff#x: !!python/object/apply:os.system ["touch {marker}"]\n')
    run = cli("check")
    assert run.code == 1 and not marker.exists()
    assert f"mkdocs.yml:{line}: an invisible byte-order mark (U+FEFF) stands on this line" in run.err


def test_materials_documented_slugs_and_merge_keys_are_read(project: Path, cli) -> None:
    add_settings(project, "  base: &base {a: 1}\n  more:\n    <<: *base\n    b: 2\n")
    settings = project / "mkdocs.yml"
    settings.write_text(
        settings.read_text().replace(
            "markdown_extensions:\n",
            "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n",
            1,
        )
    )
    run = cli("check")
    assert run.code == 0, run.err


NAV_ENTRIES = """\
  - Old guidance: old-guidance.md
  - Partners:
    - https://example.org/partners/
    - /briefings/archive/
    - MACA archive: ./archive/index.md
    - guides/missing.md
    - Neglect: themes/neglect/index.md
    - Guidance: "https://[www.gov.uk]/guidance"
"""


def test_a_navigation_entry_for_a_page_the_site_does_not_have_is_refused_at_its_line(project: Path, cli) -> None:
    """A page deleted or renamed leaves its `nav:` entry behind: the engine's warning named neither file nor line."""
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    at = text.index("  - About: about.md\n") + len("  - About: about.md\n")
    settings.write_text(text[:at] + NAV_ENTRIES + text[at:])
    first = text[:at].count("\n") + 1
    fix = "write the page's file name as it is in content/pages/, or a page the site makes as its address ends, with .md"
    for code, output in every_build_path(project, cli):
        assert code == 1
        assert "All content is valid" not in output
        assert (
            f"mkdocs.yml:{first}: nav: 'old-guidance.md' is no page of the site (there is no content/pages/old-guidance.md"
            in output
        )
        assert f"mkdocs.yml:{first + 5}: nav: 'guides/missing.md' is no page of the site" in output
        assert fix in output
        assert (
            f"mkdocs.yml:{first + 6}: nav: 'themes/neglect/index.md' is no page of the site (did you mean 'themes/neglect.md'?)"
            in output
        )
        assert output.count("is no page of the site") == 3
        assert f"mkdocs.yml:{first + 7}: nav: 'https://[www.gov.uk]/guidance' is no web address the engine can read" in output
        assert "Traceback" not in output
    assert tree_digest(project / "site") == before
    (project / "content/pages/old-guidance.md").write_text("# Old guidance\n")
    (project / "content/pages/guides").mkdir()
    (project / "content/pages/guides/missing.md").write_text("# Found again\n")
    settings.write_text(
        settings.read_text().replace("themes/neglect/index.md", "themes/neglect.md").replace("[www.gov.uk]", "www.gov.uk")
    )
    assert cli("build", "--pdf", "skip").code == 0


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("- About: 12", "nav: 'About' has '12' for its page"),
        ("- About:", "nav: 'About' has nothing for its page"),
        ("- About: {Us: about.md}", "nav: 'About' has titles not written as a list for its page"),
        ("- 12", "nav: '12' is no entry the engine can read"),
        ("- {About: about.md, Help: about.md}", "nav: 2 titles at once is no entry the engine can read"),
        ("- Help: [Us: about.md, 2024]", "nav: '2024' is no entry the engine can read"),
        ('- About: ""', "nav: 'About' has nothing for its page"),  # the engine: a reference to '' (strict: stops)
        ("- [About]: about.md", "nav: a title must be words, not a list"),  # check: a traceback
        ("- &about {More: [{About: about.md}, *about]}", "nav: this entry holds itself"),  # check: a traceback
        ("- On: about.md", "nav: a title must be words, not 'On'"),  # YAML's true: every page's tab said True
        ("- !relative About: about.md", "nav: a title must be words, not 'About'"),  # check: a traceback
    ],
)
def test_a_navigation_entry_the_engine_cannot_read_is_refused_at_its_line(project: Path, cli, entry: str, said: str) -> None:
    """The engine stopped with its own message (`Expected nav to be a list, got a int: 12`), naming no line."""
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(text.replace("  - About: about.md\n", f"  {entry}\n"))
    line = text[: text.index("  - About: about.md")].count("\n") + 1
    for run in cli("check"), cli("build", "--pdf", "skip"):
        assert run.code == 1 and f"mkdocs.yml:{line}: {said}" in run.out + run.err, run.out + run.err
        assert "Expected nav" not in run.out + run.err
    assert tree_digest(project / "site") == before


def test_a_navigation_entry_brought_in_by_a_merge_key_is_read_as_the_engine_reads_it(project: Path, cli) -> None:
    """`- <<: *about` is the entry its anchor names: the engine builds it; the check refused it as a title '<<'."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    nav = re.search(r"\nnav:\n(?:  - .*\n)+", text)
    assert nav and "  - About: about.md\n" in nav.group() and "\nextra:\n" in text
    rest = (text[: nav.start()] + "\n" + text[nav.end() :]).replace("\nextra:\n", "\nextra:\n  about: &about {About: about.md}\n")
    written_twice = "  - {About: old-about.md, About: about.md}\n"  # the engine reads the last of a title written twice
    settings.write_text(rest + nav.group().replace("  - About: about.md\n", "  - <<: *about\n" + written_twice))
    for code, output in every_build_path(project, cli):
        assert code == 0, output


def test_a_setting_of_the_site_misspelt_is_refused_at_its_line_not_dropped(project: Path, cli) -> None:
    """`exit_link:` for `exit_url:` took the "Exit this page" button off every page, and `feedbak_url:` the feedback
    link, without a word."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(text.replace("    exit_url:", "    exit_link:").replace("    feedback_url:", "    feedbak_url:"))
    line = text[: text.index("    exit_url:")].count("\n") + 1
    engine = subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project, env=env(), capture_output=True, text=True)
    for code, output in ((run := cli("check")).code, run.out), (engine.returncode, engine.stdout + engine.stderr):
        assert code == 1
        assert f"mkdocs.yml:{line}: extra.briefings.exit_link is no setting the site reads (did you mean 'exit_url'?)" in output
        assert "extra.briefings.feedbak_url is no setting the site reads (did you mean 'feedback_url'?)" in output
    assert not (project / "site").exists()


def test_a_setting_one_level_up_empty_or_misspelt_in_the_statement_is_refused_and_a_merge_key_read(project: Path, cli) -> None:
    """`feedback_url` written under `extra:` itself, `exit_url:` left empty and `known_isues:` in the accessibility
    statement each took something off every page (or the statement) without a word; a merge key brings settings in."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    text = text.replace("    exit_url: https://www.bbc.co.uk/weather", "    exit_url:").replace(
        "      known_issues:", "      known_isues:"
    )
    text = text.replace("extra:\n", "extra:\n  feedback_url: https://forms.example.org/feedback\n", 1)
    settings.write_text(text)
    lines = text.split("\n")
    at = {
        start: next(n for n, line in enumerate(lines, 1) if line.startswith(start))
        for start in ("  feedback_url:", "    exit_url:", "      known_isues:")
    }
    run = cli("check")
    assert run.code == 1
    assert f"mkdocs.yml:{at['  feedback_url:']}: extra.feedback_url belongs under extra.briefings" in run.out
    assert f"mkdocs.yml:{at['    exit_url:']}: extra.briefings.exit_url is empty, so the pages would go without it" in run.out
    assert (
        f"mkdocs.yml:{at['      known_isues:']}: extra.briefings.accessibility.known_isues is no part of the statement (did you mean 'known_issues'?)"
        in run.out
    )
    settings.write_text(
        settings.read_text()
        .replace("  feedback_url: https://forms.example.org/feedback\n", "")
        .replace("    exit_url:", "    exit_url: https://www.bbc.co.uk/weather")
        .replace("known_isues", "known_issues")
        .replace("  briefings:\n", "  briefings:\n    <<: {}\n", 1)
    )
    assert cli("check").code == 0


@pytest.mark.parametrize("written", ["en-gb", "en_GB", "English"])
def test_a_language_the_theme_has_no_words_for_is_refused_at_its_line(project: Path, cli, written: str) -> None:
    """`language: en-gb` for the sample's `en-GB`: the engine stopped on a template it could not find, naming no line
    of the settings; `check` passed."""
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    assert "  language: en-GB " in text
    settings.write_text(text.replace("  language: en-GB ", f"  language: {written} ", 1))
    line = text[: text.index("  language: en-GB ")].count("\n") + 1
    runs = every_build_path(project, cli)
    for code, output in runs:
        assert code == 1
        assert f"mkdocs.yml:{line}: theme.language: the theme has no words for '{written}'" in output, output
        assert "Traceback" not in output and "not found in search paths" not in output
    if written != "English":
        assert "(did you mean 'en-GB'?)" in runs[0][1]  # check's
    assert tree_digest(project / "site") == before
    settings.write_text(text.replace("  language: en-GB ", "  language: cy ", 1))  # Welsh, from the theme's own words
    assert cli("check").code == 0


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("  language: en-GB\n  language: en-gb ", "2: theme.language: the theme has no words for 'en-gb'"),
        ("  language: [en-GB] ", "1: theme.language: no language is named"),
        ("  language: ", "1: theme.language: no language is named"),
        ("  language: en-gb\n  language: en-GB ", ""),  # the engine reads the last
        ("  <<: {language: fr}\n  language: fr-CA\n  language: cy ", ""),
    ],
)
def test_the_language_is_read_as_the_engine_reads_it(project: Path, cli, written: str, said: str) -> None:
    """The last of a key written twice, and a list or nothing, where the engine's loader stopped on a template."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(text.replace("  language: en-GB ", written, 1))
    line = text[: text.index("  language: en-GB ")].count("\n")
    run = cli("check")
    if said:
        number, message = said.split(": ", 1)
        assert run.code == 1 and f"mkdocs.yml:{line + int(number)}: {message}" in run.out, run.out
    else:
        assert run.code == 0 and "theme.language" not in run.out, run.out


def test_a_theme_without_words_of_its_own_is_not_judged(project: Path, cli) -> None:
    """A theme that keeps its words otherwise (MkDocs' own; here one made of the project's folder alone, which either
    engine reads): the one language the project's folder holds is not its list."""
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("  name: material\n", "  name: null\n", 1).replace("en-GB ", "fr ", 1))
    assert "theme.language" not in cli("check").out


def test_a_page_the_engine_leaves_out_is_no_page_to_name_or_link_to(project: Path, cli) -> None:
    """The pages folder's `templates/`, and what `exclude_docs` and `draft_docs` leave out, are never published: a
    navigation entry or a link naming one passed every check and left a broken link on every page."""
    for name in ("templates/letter.md", "old/guidance.md", "drafts/plan.md", "guide/index.md", "guide/README.md"):
        write(project, f"content/pages/{name}", "# A page\n\nIts text.\n")
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    at = text.index("  - About: about.md\n") + len("  - About: about.md\n")
    entries = "  - Letter: templates/letter.md\n  - Old: old/guidance.md\n  - Plan: drafts/plan.md\n  - Guide: guide/README.md\n"
    write(project, "content/pages/.well-known/security.txt", "Contact: https://www.northbrook.example/security\n")
    left_out = "exclude_docs: |\n  old/\n  !.well-known/\ndraft_docs: |\n  drafts/\n  !old/guidance.md\n"  # each on its own
    settings.write_text(text[:at] + entries + text[at:] + left_out)
    first = text[:at].count("\n") + 1
    line = linking(project, "See [the old guidance](../../old/guidance/) and [ours](../../.well-known/security.txt).")
    for run in cli("check"), cli("build", "--pdf", "skip"):
        assert run.code == 1
        for number, page in enumerate(("templates/letter.md", "old/guidance.md", "drafts/plan.md", "guide/README.md")):
            assert f"mkdocs.yml:{first + number}: nav: '{page}' is no page of the site: the engine leaves" in run.out, run.out
        assert f"{LINKER}:{line}: the link '../../old/guidance/' leads to no page or file of the site" in run.out
        assert "security.txt" not in run.out  # a hidden file the settings publish
    settings.write_text(text)
    linking(project, "See [the about page](../../about/).")
    assert cli("check").code == 0


def test_the_site_settings_are_read_as_the_engine_reads_them_a_key_twice_or_merged_in(project: Path, cli) -> None:
    """The engine reads the last of a key written twice (an emptied `exit_url:` then the address was refused as
    empty) and the keys a merge brings in (a misspelt one there was never named)."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    twice = text.replace(
        "    exit_url: https://www.bbc.co.uk/weather", '    exit_url: ""\n    exit_url: https://www.bbc.co.uk/weather'
    )
    settings.write_text(twice)
    assert (run := cli("check")).code == 0, run.out
    merged = text.replace("extra:\n", "extra:\n  common: &common\n    feedbak_url: https://forms.example.org/feedback\n", 1)
    settings.write_text(merged.replace("  briefings:\n", "  briefings:\n    <<: *common\n", 1))
    line = merged.split("\n").index("    feedbak_url: https://forms.example.org/feedback") + 1
    run = cli("check")
    assert f"mkdocs.yml:{line}: extra.briefings.feedbak_url is no setting the site reads" in run.out, run.out


@pytest.mark.parametrize(
    ("setting", "named"), [("site_name", "site_name"), ("      partnership", "plugins.briefings.partnership")]
)
def test_a_control_character_in_a_setting_the_pages_show_is_refused_at_its_line(
    project: Path, cli, setting: str, named: str
) -> None:
    """Pasted into a setting every page shows, it stopped `check` with a traceback and the build without a line, while
    the feed was written."""
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    start = text.index(f"{setting}:")
    end = text.index("\n", start)
    settings.write_text(text[:start] + f'{setting}: "Northbrook\\vSafeguarding"' + text[end:])
    line = text[:start].count("\n") + 1
    for run in cli("check"), cli("build", "--pdf", "skip"):
        said = f"mkdocs.yml:{line}: {named} must be plain text, without HTML tags or entities, nor invisible control"
        assert run.code == 1 and said in run.out + run.err and "Traceback" not in run.out + run.err, run.out + run.err
