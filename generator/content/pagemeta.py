"""A hand-written page's front matter, as the engine reads it.

The engine (`mkdocs.utils.meta.get_data`) takes front matter only between a first line of exactly three dashes and a
line of three dashes or dots, and only if it reads as YAML names with values; anything else, it shows as the page's
text. Each such mistake is refused at its line, before anything is published.
"""

from __future__ import annotations

import re

import yaml

from generator.content.yamlread import parse_yaml, unreadable_values
from generator.model import Problem

ENGINE_META = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""The front matter the engine finds (`mkdocs.utils.meta.YAML_RE`)."""
_BEGUN = re.compile(r"\s*-{3,}[ \t]*\n(?:[ \t]*#[^\n]*\n)*[ \t]*[a-z_][a-z0-9_-]*[ \t]*:")
"""What an author means as front matter: a line of dashes, then (after YAML comments) a name as the engine and its
theme write theirs, in small letters (`title:`). A rule before a paragraph (`---`, then `Note: …`) is none."""
_SHOWN = "the engine would show it as the page's text"


def front_matter_problems(text: str, path: str) -> list[Problem]:
    """What in a page's front matter the engine could not read, each at its line."""
    found = ENGINE_META.match(text)
    if found is None:
        if not _BEGUN.match(text):
            return []
        line = text[: text.index("-")].count("\n") + 1
        fix = "start the page with a line of exactly three dashes (---); end the front matter with another, then a new line"
        return [Problem(path, line, f"this front matter is not where the engine looks for it, so {_SHOWN}: {fix}")]
    node, problems = parse_yaml(found.group(1), path, 2)
    if problems or not isinstance(node, yaml.MappingNode):  # no names: text between two rules, shown as written
        return problems if _BEGUN.match(text) else []
    problems = unreadable_values(node, path, 2)
    for key, value in node.value:
        line = 2 + key.start_mark.line
        if not isinstance(key, yaml.ScalarNode):
            problems.append(Problem(path, line, f"a name in front matter must be a word (title:), not a list, else {_SHOWN}"))
        elif key.value == "title" and not isinstance(value, yaml.ScalarNode):
            problems.append(Problem(path, line, "title must be text (title: About us), not a list"))
        elif key.value == "hide" and not (isinstance(value, yaml.SequenceNode) or value.tag.endswith((":str", ":null"))):
            problems.append(Problem(path, line, "hide must be a list of what to hide, such as hide: [navigation, toc]"))
    return problems
