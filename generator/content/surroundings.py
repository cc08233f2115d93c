"""What around the content reaches every page: the theme's folder, the settings, and the template each hand-written
page asks for. Checked with the content, before anything is built, where it would let the engine publish what no
check reads or build a page without the site's own template.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import yaml

from generator.config import Project
from generator.content.files import MAX_BYTES
from generator.content.pagemeta import ENGINE_META, PAGES, first_line_settings
from generator.content.settingsfile import language_problems, pages_files, unknown_settings
from generator.content.theme import theme_problems
from generator.content.yamlread import parse_yaml
from generator.model import Problem


def theme_folders(project: Project) -> list[str]:
    """The theme's folders (`custom_dir`), as the settings name them."""
    return [place for place in project.origins if place not in (project.content_dir, project.config_file)]


def surroundings_problems(project: Project) -> list[Problem]:
    """What in the theme and the settings would let the engine publish what no check reads: the theme's links out,
    and pages taken from a folder other than the one the check reads (`docs_dir: content/audits` published drafts);
    and each page's template that the theme's folder does not hold."""
    setting, themes = (project.config_file, project.line_of(("theme", "custom_dir"))), theme_folders(project)
    problems = theme_problems(project.root, themes, setting) + unknown_settings(project.root, project.config_file)
    problems += language_problems(project.root, project.config_file, themes)
    if PurePosixPath(project.pages_dir) != PurePosixPath(project.content_dir, "pages"):
        message = f"docs_dir must be {project.content_dir}/pages, the folder the checks read (it is {project.pages_dir})"
        problems.append(Problem(project.config_file, project.line_of(("docs_dir",)), message))
    return problems + template_problems(project.root, project.pages_dir, themes)


def template_problems(root: Path, pages_dir: str, themes: list[str]) -> list[Problem]:
    """Each hand-written page whose `template:`, read as the engine reads it, names no template of the theme's folder, at
    its line. The engine stopped the build without naming the page's file or line; and a template of the engine's theme
    itself (`base.html`) would build the page without the site's own (`main.html`: the "Exit this page" button, the way
    to report a concern). Pages the engine never builds (`templates/`) are left alone."""
    held = {name for folder in themes for name in pages_files(root / folder) if _whole_page(root / folder, name)}
    named = ", ".join(sorted(held - {"404.html"}))
    problems = []
    for name in sorted(pages_files(root / pages_dir)):
        if not name.endswith(PAGES) or name.startswith("templates/"):
            continue
        path = f"{pages_dir}/{name}"
        file = root / path
        if not file.is_file() or file.stat().st_size > MAX_BYTES:  # a broken link, a pipe, a device: refused by the check
            continue
        found = _template(file)
        if found and _as_loaded(found[0]) not in held:
            message = (
                f"template: '{found[0]}' is no template of the theme's folder ({', '.join(themes) or 'none'}), so the "
                f"engine could not build this page with the site's own: name one there ({named or 'none'}), or remove it"
            )
            problems.append(Problem(path, found[1], message))
    return problems


def _whole_page(folder: Path, name: str) -> bool:
    """Whether the theme's file `name` is a whole page with the site's own: `main.html`, or a template of the folder's
    top that extends it (not a partial, a script, or a page on the engine's `base.html`, without the "Exit this page"
    button and the way to report a concern)."""
    if "/" in name or not name.endswith(".html"):
        return False
    return name == "main.html" or _EXTENDS_MAIN.search((folder / name).read_text(encoding="utf-8", errors="replace")) is not None


_EXTENDS_MAIN = re.compile(r"\{%-?\s*extends\s+[\"']main\.html[\"']")


def _as_loaded(value: object) -> str | None:
    """A template's name as the engine's loader looks it up (`./main.html`, `/main.html`: main.html), or None where it
    refuses it (`..` in the path) or it is no name at all."""
    if not isinstance(value, str):
        return None
    parts = [part for part in value.split("/") if part not in ("", ".")]
    return None if ".." in parts else "/".join(parts)


def _template(file: Path) -> tuple[object, int] | None:
    """A page's `template:` setting and its line, as the engine reads the page's front matter: YAML between lines of
    dashes (the last of keys written twice, merged keys after the page's own), or else MultiMarkdown's `Name: value`
    lines up to the first blank one (a name written twice: its values joined)."""
    text = file.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    meta = ENGINE_META.match(text)
    if meta is None:
        return _first_lines_template(text)
    node, problems = parse_yaml(meta.group(1), str(file), 2, tags=_MERGE)  # a merge the engine reads too
    return None if problems or not isinstance(node, yaml.MappingNode) else _from_mapping(node)


_MERGE_TAG = "tag:yaml.org,2002:merge"
_MERGE = re.compile(re.escape(_MERGE_TAG))


def _from_mapping(node: yaml.MappingNode) -> tuple[object, int] | None:
    own, merged = None, None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "template":
            own = (value.value if isinstance(value, yaml.ScalarNode) else "(not a name)", key.start_mark.line + 2)
        elif isinstance(key, yaml.ScalarNode) and key.tag == _MERGE_TAG:
            for source in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                merged = merged or (_from_mapping(source) if isinstance(source, yaml.MappingNode) else None)
    return own or merged


def _first_lines_template(text: str) -> tuple[object, int] | None:
    """`template:` on a page's first lines: a name written twice, or a line going on with it, joined with a space."""
    lines = [(number, value) for number, name, value, _ in first_line_settings(text) if name.lower() == "template"]
    return (" ".join(value for _, value in lines), lines[0][0]) if lines else None
