"""The navigation's shape (`nav:` in mkdocs.yml) as the engine reads it: each entry a page, or one title with its page
or a list of entries. The engine stops on any other with its own message, naming no line; each is refused at its line
before the engine reads the file."""

from __future__ import annotations

import yaml

from generator.content.yamlread import pairs, setting
from generator.model import Problem


def nav_shape_problems(document: yaml.Node, path: str) -> list[Problem]:
    """Each entry of the navigation the engine cannot read (`- About: 12`, `- About:`), at its line: the engine stops
    with its own message, naming no line (`mkdocs.config.config_options.Nav`)."""
    nav = setting(document, "nav")
    if nav is None or (isinstance(nav, yaml.ScalarNode) and nav.tag.endswith(":null")):
        return []
    if not isinstance(nav, yaml.SequenceNode):
        return [Problem(path, nav.start_mark.line + 1, f"nav must be a list of entries: {_NAV_ENTRIES}")]
    return [problem for item in nav.value for problem in _nav_item(item, path)]


def _nav_item(node: yaml.Node, path: str, within: frozenset[int] = frozenset()) -> list[Problem]:
    """An entry: a page, or one title with its page or a list of entries (entries written as titles, not as a list, the
    engine warns of, which stops a build). `within`: the entries it is inside (an anchor may name its own entry)."""
    if _text(node):
        return []
    if id(node) in within:
        return [
            Problem(
                path, node.start_mark.line + 1, f"nav: this entry holds itself (its anchor is named within it): {_NAV_ENTRIES}"
            )
        ]
    entries = pairs(node)  # merge keys applied (`- <<: *home`), the last of a title written twice: as the engine reads them
    if isinstance(node, yaml.MappingNode) and (key := next((k for k, _ in node.value if not _title(k)), None)):
        return [Problem(path, key.start_mark.line + 1, f"nav: a title must be words, not {_entry(key)}: {_NAV_ENTRIES}")]
    if len(entries) != 1:
        return [Problem(path, node.start_mark.line + 1, f"nav: {_entry(node)} is no entry the engine can read: {_NAV_ENTRIES}")]
    title, under = entries[0]
    if _text(under):
        return []
    if isinstance(under, yaml.SequenceNode):
        return [problem for item in under.value for problem in _nav_item(item, path, within | {id(node)})]
    return [Problem(path, under.start_mark.line + 1, f"nav: '{title.value}' has {_entry(under)} for its page: {_NAV_ENTRIES}")]


def _text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and bool(node.value.strip())


def _title(node: yaml.Node) -> bool:
    """A title the engine shows as written: words or a number, not YAML's yes, no or nothing (`On:` shows True)."""
    plain = node.tag.startswith("tag:yaml.org,2002:") and not node.tag.endswith((":bool", ":null"))  # not !relative
    return isinstance(node, yaml.ScalarNode) and plain and bool(node.value.strip())


def _entry(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"'{node.value}'" if node.value.strip() else "nothing"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    count = len(pairs(node))
    return f"{count} titles at once" if count > 1 else "titles not written as a list" if count else "{}"


_NAV_ENTRIES = (
    "write each entry as a page (- about.md), a title and its page (- About: about.md), or a title and a list of "
    "entries under it; the engine stops the build on anything else, naming no line"
)
