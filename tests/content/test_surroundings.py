"""What around the content reaches every page: a hand-written page's template (`generator/content/surroundings.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ENGINE, env, tree_digest, write

PAGE = "---\ntitle: Help\n# the site's own template:\ntemplate: {template}\n---\n\n# Help\n\nHow to use the briefings.\n"


@pytest.mark.parametrize(
    "template", ["nosuch.html", "'base.html'", "main.htm", "partials/copyright.html", "partials/../main.html", "plain.html"]
)
def test_a_page_asking_for_a_template_the_theme_folder_does_not_hold_is_refused_at_its_line(
    project: Path, cli, template: str
) -> None:
    """The engine stopped the build naming neither file nor line ("'nosuch.html' not found in search paths"), or (with
    the engine's own `base.html`) built the page without the site's template, its "Exit this page" button and its way to
    report a concern."""
    write(project, "overrides/plain.html", '{% extends "base.html" %}\n')  # a whole page, on the engine's template
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    write(project, "content/pages/help.md", PAGE.format(template=template))
    said = f"content/pages/help.md:4: template: '{template.strip(chr(39))}' is no template of the theme's folder (overrides)"
    engine = subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project, env=env(), capture_output=True, text=True)
    for command in ("check", "build"):
        run = cli(command, *(["--pdf", "skip"] if command == "build" else []))
        assert run.code == 1 and said in run.out, run.out + run.err
    assert engine.returncode == 1 and said in engine.stdout + engine.stderr
    assert tree_digest(project / "site") == before


def test_a_page_asking_for_the_sites_own_template_is_built_with_it(project: Path, cli) -> None:
    write(project, "content/pages/help.md", PAGE.format(template="main.html"))
    assert cli("build", "--pdf", "skip").code == 0
    assert "exit-this-page" in (project / "site/help/index.html").read_text()


WRITTEN_PAST = [
    ("help.md", "template: base.html\ntitle: Help\n\n# Help\n", 1, "base.html"),  # the engine's settings without dashes
    ("help.md", "---\ntemplate: main.html\ntemplate: base.html\n---\n\n# Help\n", 3, "base.html"),  # the last one counts
    ("help.md", "---\n{title: Help, template: base.html}\n---\n\n# Help\n", 2, "base.html"),
    ("help.md", '---\n"template": base.html\n---\n\n# Help\n', 2, "base.html"),
    ("help.md", "---\nb: &b {template: base.html}\n<<: *b\ntitle: Help\n---\n\n# Help\n", 2, "base.html"),
    ("help.md", '---\ntemplate: "main.html "\n---\n\n# Help\n', 2, "main.html "),
    ("help.markdown", "---\ntitle: Help\ntemplate: base.html\n---\n\n# Help\n", 3, "base.html"),
    ("help.md", "template: main.html\n    base.html\n\n# Help\n", 1, "main.html base.html"),
]


@pytest.mark.parametrize(("name", "text", "line", "read"), WRITTEN_PAST)
def test_a_template_is_read_as_the_engine_reads_the_pages_settings(project: Path, cli, name, text, line, read) -> None:
    """The first check read `template:` with a pattern: written without dashes, twice, in braces, quoted, merged or in a
    `.markdown` page, `base.html` built the page without the site's template, past it."""
    write(project, f"content/pages/{name}", text)
    run = cli("check")
    assert run.code == 1 and f"content/pages/{name}:{line}: template: '{read}' is no template" in run.out, run.out


@pytest.mark.parametrize(
    "text",
    [
        "---\ntemplate:\n  main.html\n---\n\n# Help\n",
        "---\ntemplate: >-\n  main.html\n---\n\n# Help\n",
        "---\ntemplate: !!str main.html\n---\n\n# Help\n",
        "---\ntemplate: ./main.html\n---\n\n# Help\n",
        "---\ntemplate: /main.html\n---\n\n# Help\n",
        "---\ntemplate: 404.html\n---\n\n# Help\n",
    ],
)
def test_the_sites_own_template_however_yaml_writes_it_passes(project: Path, cli, text: str) -> None:
    write(project, "content/pages/help.md", text)
    assert "template:" not in cli("check").out
