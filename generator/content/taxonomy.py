"""Read and check `taxonomy.yml`: the vocabularies (audit types, agencies, themes, groups) and the glossary
every briefing's front matter is checked against."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from generator.config import MARKUP
from generator.content.files import load_yaml_file
from generator.content.parse import Field, mapping_fields
from generator.content.slugs import SLUG
from generator.content.wordhabits import CONTROL
from generator.content.writing import ACRONYM
from generator.diagnostics import did_you_mean
from generator.model import Link, Problem, Taxonomy, Theme
from generator.privacy.characters import told_apart

TAXONOMY_SECTIONS = ("audit_types", "agencies", "themes")
OPTIONAL_SECTIONS = ("groups", "glossary")
"""Boards, sub-groups and task-and-finish groups, which may own actions; acronyms and their expansions."""


def load_taxonomy(root: Path, content_dir: str, refused: Collection[Path] = ()) -> tuple[Taxonomy | None, list[Problem]]:
    """Read `taxonomy.yml` (unless `refused`: see `load.refused_files`); any problem here makes every
    vocabulary check meaningless, so stop."""
    path = f"{content_dir}/taxonomy.yml"
    if root / path in refused:
        return None, []
    node, problems = load_yaml_file(root / path, path)
    if node is None:
        return None, problems or [Problem(path, 1, "is empty; it must hold audit_types, agencies and themes (docs/authoring.md)")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, 1, "must hold the mappings audit_types, agencies and themes")]
    fields, problems = mapping_fields(node, path, 1)
    problems += _markup(node, path)
    for key, found in fields.items():
        if key not in (*TAXONOMY_SECTIONS, *OPTIONAL_SECTIONS):
            problems.append(
                Problem(
                    path,
                    found.line,
                    f"unknown section '{key}'{did_you_mean(key, [*TAXONOMY_SECTIONS, *OPTIONAL_SECTIONS])}; the sections are "
                    f"{', '.join(TAXONOMY_SECTIONS)} and, if needed, {', '.join(OPTIONAL_SECTIONS)}",
                )
            )
    sections = {}
    for name in (*TAXONOMY_SECTIONS, *OPTIONAL_SECTIONS):
        found = fields.get(name)
        if found is None:
            if name in TAXONOMY_SECTIONS:
                problems.append(Problem(path, 1, f"missing section '{name}:'; add it with at least one 'key: label' entry"))
        elif not isinstance(found.value, dict) or not found.value:
            problems.append(Problem(path, found.line, f"'{name}' must be a mapping of key: label with at least one entry"))
        else:
            sections[name] = found
    if problems:
        return None, problems
    labels = {name: _labels(path, sections[name], problems) for name in ("audit_types", "agencies", "groups") if name in sections}
    themes = _themes(path, sections["themes"], _child(node, "themes"), problems)
    groups = labels.get("groups", {})
    for key in groups.keys() & labels["agencies"].keys():
        problems.append(
            Problem(path, _at(sections["groups"], key), f"'{key}' is both an agency and a group; give the group another key")
        )
    if "briefing" in labels["audit_types"]:
        message = "audit type 'briefing' is the type the filters give standalone briefings; give this type another key"
        problems.append(Problem(path, _at(sections["audit_types"], "briefing"), message))
    named = [(sections[name], labels[name]) for name in ("agencies", "groups") if name in labels]
    problems += _same_labels(path, [(sections["audit_types"], labels["audit_types"])])
    problems += _same_labels(path, named) + _same_labels(path, [(sections["themes"], {k: t.label for k, t in themes.items()})])
    glossary = _glossary(path, sections["glossary"], problems) if "glossary" in sections else {}
    taxonomy = Taxonomy(labels["audit_types"], labels["agencies"], themes, groups, glossary)
    return (None, problems) if problems else (taxonomy, [])


def _markup(node: yaml.Node, path: str) -> list[Problem]:
    """Taxonomy text is untrusted and shown on every page (and in each page's <title>): every text in the file
    must be plain, so markup anywhere in it is refused at its line; and a key given twice anywhere (YAML would
    keep the last silently) is refused at the second."""
    problems, todo = [], [node]
    while todo:
        item = todo.pop()
        if isinstance(item, yaml.ScalarNode) and CONTROL.search(str(item.value)):
            problems.append(
                Problem(
                    path,
                    1 + item.start_mark.line,
                    f"holds an invisible control character (often pasted from another program): {item.value!r}; retype it",
                )
            )
        elif isinstance(item, yaml.ScalarNode) and MARKUP.search(str(item.value)):
            problems.append(
                Problem(path, 1 + item.start_mark.line, f"must be plain text, without HTML tags or entities: {item.value!r}")
            )
        elif isinstance(item, yaml.SequenceNode):
            todo += item.value
        elif isinstance(item, yaml.MappingNode):
            todo += [part for pair in item.value for part in pair]
            if item is not node:  # the file's own sections are told apart by `mapping_fields`
                problems += mapping_fields(item, path, 1)[1]
    return sorted(problems, key=lambda p: p.line)


def _at(section: Field, key: object) -> int:
    """The line of one entry of a taxonomy section."""
    return section.lines.get(str(key), section.line)


def _check_key(path: str, section: Field, key: Any, problems: list[Problem]) -> None:
    if not isinstance(key, str) or not SLUG.match(key):
        problems.append(Problem(path, _at(section, key), f"key '{key}' must be lowercase letters, digits and hyphens"))


def _labels(path: str, section: Field, problems: list[Problem]) -> dict[str, str]:
    for key, label in section.value.items():
        _check_key(path, section, key, problems)
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(path, _at(section, key), f"'{key}' needs a label, e.g. '{key}: Police'"))
    return {key: str(label) for key, label in section.value.items()}


def _same_labels(path: str, sections: list[tuple[Field, dict[str, str]]]) -> list[Problem]:
    """Each entry labelled as one before it is, as a reader tells labels apart: the site would show two rows, filters
    and counts under one name ("Neglect" and "NEGLECT ", an agency and a group both "Police"), splitting its figures."""
    first: dict[str, str] = {}
    problems = []
    for section, labels in sections:
        for key, label in labels.items():
            if (read := told_apart(label)) and (earlier := first.setdefault(read, key)) != key:
                message = (
                    f"'{key}' has the label of '{earlier}' ({label.strip()!r}), so readers could not tell their pages and "
                    f"counts apart; give each its own label, or use '{earlier}' alone"
                )
                problems.append(Problem(path, _at(section, key), message))
    return problems


def _glossary(path: str, section: Field, problems: list[Problem]) -> dict[str, str]:
    """Acronyms as written (`IRO: Independent reviewing officer`): capitals, each with what it stands for."""
    glossary = {}
    for term, expansion in section.value.items():
        if not isinstance(term, str) or not ACRONYM.fullmatch(term):
            problems.append(
                Problem(path, _at(section, term), f"glossary: '{term}' must be an acronym of 2 to 6 capitals, e.g. 'IRO: ...'")
            )
        elif not isinstance(expansion, str) or not expansion.strip():
            problems.append(Problem(path, _at(section, term), f"glossary: '{term}' needs what it stands for, e.g. '{term}: ...'"))
        else:
            glossary[term] = " ".join(expansion.split())
    return glossary


THEME_KEYS = ("label", "questions", "description", "links")


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node of `key` in a YAML mapping node (None if it is not one, or has no such key)."""
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if name.value == key), None)
    return None


def _line(node: yaml.Node | None, fallback: int) -> int:
    return 1 + node.start_mark.line if node is not None else fallback


def _themes(path: str, section: Field, node: yaml.Node | None, problems: list[Problem]) -> dict[str, Theme]:
    themes = {}
    for key, spec in section.value.items():
        _check_key(path, section, key, problems)
        spec = spec if isinstance(spec, dict) else {}
        spec_node = _child(node, key)
        line = _line(spec_node, section.line)
        label, questions = spec.get("label"), spec.get("questions", [])
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(path, _at(section, key), f"theme '{key}' needs 'label: <text>'"))
        if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
            problems.append(Problem(path, _at(section, key), f"theme '{key}': 'questions' must be a list of questions"))
            questions = []
        unknown = set(spec) - set(THEME_KEYS)
        if unknown:
            at = _line(_child(spec_node, sorted(unknown)[0]), line)
            problems.append(Problem(path, at, f"theme '{key}' has unknown keys {sorted(unknown)}; use {', '.join(THEME_KEYS)}"))
        description = spec.get("description", "")
        if not isinstance(description, str):
            at = _line(_child(spec_node, "description"), line)
            problems.append(Problem(path, at, f"theme '{key}': 'description' must be text (one paragraph)"))
            description = ""
        links = _theme_links(path, key, spec.get("links", []), _child(spec_node, "links"), line, problems)
        themes[key] = Theme(key, str(label), tuple(q.strip() for q in questions), " ".join(description.split()), links)
    return themes


def _theme_links(
    path: str, theme: str, value: object, node: yaml.Node | None, line: int, problems: list[Problem]
) -> tuple[Link, ...]:
    """A theme's guidance: a list of `{title, url}`, each address https (shown on a public page as a link)."""
    example = "- {title: Neglect toolkit, url: https://...}"
    if not isinstance(value, list):
        problems.append(Problem(path, _line(node, line), f"theme '{theme}': 'links' must be a list such as {example}"))
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    links = []
    for number, item in enumerate(value):
        at = _line(items[number] if number < len(items) else None, line)
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            problems.append(Problem(path, at, f"theme '{theme}': each link needs exactly a title and a url: {example}"))
            continue
        title, url = item["title"], item["url"]
        if not isinstance(title, str) or not title.strip():
            problems.append(Problem(path, at, f"theme '{theme}': a link's title must be text"))
        elif not isinstance(url, str) or not re.fullmatch(r"https://[^\s\"'<>`]+", url):
            problems.append(
                Problem(path, at, f"theme '{theme}': link {title!r} must have a url starting https:// (it is {url!r})")
            )
        else:
            links.append(Link(" ".join(title.split()), url))
    return tuple(links)
