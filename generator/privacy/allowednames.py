"""The partnership's allowed-names file: names that are public (national reviews, charities), each with a
reason, that the privacy scan lets pass."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from generator.model import Problem

ALLOWED_NAMES = "allowed_names.yml"


@dataclass(frozen=True)
class AllowedName:
    name: str
    reason: str
    line: int


AllowedNames = tuple[AllowedName, ...]


def read_allowed_names(node: yaml.Node | None, path: str) -> tuple[AllowedNames, list[Problem]]:
    """The entries of an allowed-names file read into YAML nodes (from the working tree, or from another commit
    for a review)."""
    problems: list[Problem] = []
    if node is None:
        return (), problems
    if not isinstance(node, yaml.SequenceNode):
        return (), [
            Problem(path, 1, "must be a list of entries, each '- name: <name>' with '  reason: <why it may be published>'")
        ]
    found = []
    for item in node.value:
        line = item.start_mark.line + 1
        fields = {k.value: v.value for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        name, reason = fields.get("name"), fields.get("reason")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(path, line, "each entry needs 'name: <the name as it is written>'"))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(Problem(path, line, f"'{name}' needs 'reason: <why it may be published>'"))
        else:
            found.append(AllowedName(name.strip(), reason.strip(), line))
    return tuple(found), problems
