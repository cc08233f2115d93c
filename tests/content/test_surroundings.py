"""What around the content reaches every page: a hand-written page's template (`generator/content/surroundings.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ENGINE, env, tree_digest, write

PAGE = "---\ntitle: Help\n# the site's own template:\ntemplate: {template}\n---\n\n# Help\n\nHow to use the briefings.\n"


@pytest.mark.parametrize("template", ["nosuch.html", "'base.html'", "main.htm"])
def test_a_page_asking_for_a_template_the_theme_folder_does_not_hold_is_refused_at_its_line(
    project: Path, cli, template: str
) -> None:
    """The engine stopped the build naming neither file nor line ("'nosuch.html' not found in search paths"), or (with
    the engine's own `base.html`) built the page without the site's template, its "Exit this page" button and its way to
    report a concern."""
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
