"""YAML read safely, as authors write it: plain values only, every problem a `Problem` at its line.

Front matter, the taxonomy, the allowed names and the settings file are all read here, so a character YAML refuses,
a tag that would build an object or an alias bomb is reported the same way, whichever file holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from contextlib import suppress

import yaml

from generator.model import CONTENT_FIELDS, Problem

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CURLY_QUOTES = re.compile("[\u201c\u201d\u2018\u2019\u201e]")
_YAML_FIXES = {
    "mapping values are not allowed here": "a value containing ': ' must be put in straight quotes, e.g. title: \"Neglect: what we learned\"",
    "found character '\\t' that cannot start any token": "use spaces, not tabs, to indent",
}


def parse_yaml(
    text: str, path: str, first_line: int, what: str = "front matter", tags: re.Pattern[str] | None = None
) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose YAML into nodes (which carry line numbers); a syntax error becomes a Problem. Plain values only, and
    the `tags` that match.

    libyaml (C) parses when it is available; on an error the pure-Python parser runs again, so the
    message an author reads is always the same, whichever is installed.
    """
    if _UNREADABLE.search(text):
        return None, _unreadable_characters(text, path, first_line, what)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
        read = (node, []) if node is None else _bounded(node, path, first_line, what, tags)
        if read[0] is not None and "&" in text and what != "the settings file" and (named := _unused_anchors(text)):
            return None, [Problem(path, first_line + line, _ANCHOR.format(what=what, anchor=name)) for line, name in named]
        return read
    except (yaml.YAMLError, RecursionError):
        pass
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        return (node, []) if node is None else _bounded(node, path, first_line, what, tags)
    except RecursionError:
        line = first_line + _deepest_line(text)
        return None, [Problem(path, line, f"{what} is nested more than {MAX_DEPTH} levels deep; write plain values and lists")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or "it could not be read"
        fix = _YAML_FIXES.get(problem, "check quotes, colons and indentation")
        source = text.split("\n")
        if what == "front matter" and (slip := _slip(source, line - first_line)):  # flat: a nested file is indented
            return None, [Problem(path, first_line + slip[0], f"{what} is not valid YAML: {slip[1]}")]
        if _CURLY_QUOTES.search(source[line - first_line] if line - first_line < len(source) else ""):
            fix = f"curly quotes (\u201c \u201d, as Word types them) are not quotes to YAML; {fix}"
        return None, [Problem(path, line, f"{what} is not valid YAML: {problem}; {fix}")]


FIELD_NAMES = CONTENT_FIELDS | {"title", "date", "status", "summary"}
"""Every field of an audit's or a briefing's front matter: an indented line naming one is a field indented by mistake, not
a wrapped value's words ("  including: chronologies")."""
_SLIPS = (
    (
        re.compile(r"[a-z_]+:(?!//)[^\s\u00a0\u2007\u202f]"),
        "put a space after the colon (status: published, not status:published)",
    ),
    (re.compile(r"[a-z_]+:[\u00a0\u2007\u202f]"), "the space after the colon is a no-break space (as Word types it); retype it"),
    (
        re.compile(r"[a-z_]+:[ \t]+\*"),
        "YAML reads a value starting with * as a reference; put the whole value in straight double quotes",
    ),
    (
        re.compile(r"[a-z_]+:[ \t]+'[^']*'[^'\n]*\w[^\n]*'"),
        "an apostrophe inside single quotes ends them; put the value in double quotes",
    ),
    (
        re.compile(r'[a-z_]+:[ \t]+"[^"\\\n]*"[^"\n]*\w[^\n]*"'),
        "a double quote inside double quotes ends them; put the value in single quotes",
    ),
    (
        re.compile(r"[a-z_]+:[ \t]+(?:\[[^\]\n]*\][ \t]*[^\s#]|- )"),
        "YAML reads a value starting with [ or - as a list; put it in quotes",
    ),
    (
        re.compile(rf"[ \t]+(?:{'|'.join(sorted(FIELD_NAMES))})[ \t]*:(?:[ \t]|$)"),
        "this line is indented: a field starts at the beginning of its line",
    ),
)
"""Slips an author makes in front matter, each at its line, with its fix: YAML's own words for them name another line or
thing ("could not find expected ':'" on the line after "status:published")."""


def _slip(lines: list[str], at: int) -> tuple[int, str] | None:
    """The first slip (`_SLIPS`) on the line where YAML stopped or the one before it: (its index, the fix)."""
    for index in (at - 1, at):
        for pattern, fix in _SLIPS if 0 <= index < len(lines) else ():
            if pattern.match(lines[index]):
                return index, fix
    return None


_ANCHOR = (
    "{what}: YAML reads '&{anchor}' at the start of a value as a name for it, not as text, so it would not be published; "
    "put the whole value in straight double quotes"
)


def _unused_anchors(text: str) -> list[tuple[int, str]]:
    """Each anchor (`&name`) no alias (`*name`) uses, and its line: an `&` that starts a value as text ("&Safer sleep")."""
    events = list(yaml.parse(text, Loader=_FAST_LOADER))
    used = {event.anchor for event in events if isinstance(event, yaml.AliasEvent)}
    return [
        (event.start_mark.line, event.anchor)
        for event in events
        if isinstance(event, yaml.NodeEvent)
        and not isinstance(event, yaml.AliasEvent)
        and event.anchor
        and event.anchor not in used
    ]


_BREAKS = "\x85\u2028\u2029"
_UNREADABLE = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[{_BREAKS}]")
"""A character YAML refuses anywhere (comments included), or a line break it reads and an editor shows none of (Word's
manual line break pasted as U+2028), after which every line YAML names would be one off."""


def _unreadable_characters(text: str, path: str, first_line: int, what: str) -> list[Problem]:
    """Each line holding a character of `_UNREADABLE`, at once, naming its first."""
    found: dict[int, Problem] = {}
    for match in _UNREADABLE.finditer(text):
        line, character = first_line + text.count("\n", 0, match.start()), match.group()
        if line not in found:
            kind, reading = ("line break", "reads as a new line") if character in _BREAKS else ("control character", "refuses")
            found[line] = Problem(
                path,
                line,
                f"{what} holds an invisible {kind} (U+{ord(character):04X}) on this line, which YAML {reading}; delete it",
            )
    return list(found.values())


MAX_DEPTH = 20
"""Lists and mappings nested deeper than this are refused: no field needs more than two."""
MAX_ALIASES = 10
"""YAML aliases (`*name`) allowed in one file: more could expand without end ("billion laughs")."""
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def _bounded(
    root: yaml.Node, path: str, first_line: int, what: str, tags: re.Pattern[str] | None
) -> tuple[yaml.Node | None, list[Problem]]:
    """Refuse what plain fields never need and a hostile file could use: tags that build Python objects (or
    any other tag), aliases beyond a few, and deep nesting. Walked without expanding aliases."""
    seen: set[int] = set()
    aliases = 0
    tagged: list[Problem] = []  # every tag at once: none is read
    todo: list[tuple[yaml.Node, int]] = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        line = first_line + node.start_mark.line
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                return None, [
                    Problem(path, line, f"{what} uses more than {MAX_ALIASES} YAML aliases (*name); write the values out")
                ]
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS and not (tags and tags.fullmatch(node.tag)):
            tagged.append(Problem(path, line, f"{what} uses the YAML tag {node.tag!r}; remove it and write a plain value"))
            continue
        if depth > MAX_DEPTH:
            return None, [
                Problem(path, line, f"{what} is nested more than {MAX_DEPTH} levels deep; write plain values and lists")
            ]
        if isinstance(node, yaml.SequenceNode):
            todo += [(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            todo += [(item, depth + 1) for pair in node.value for item in pair]
    return (None, sorted(tagged, key=lambda problem: problem.line)) if tagged else (root, [])


def _deepest_line(text: str) -> int:
    """The line (from 0) where brackets first nest deeper than `MAX_DEPTH`: too deep for the parser to say."""
    depth = 0
    for number, line in enumerate(text.split("\n")):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_DEPTH:
                return number
    return 0


LONGEST_NUMBER = 100
"""Characters of a number, at most: no setting or field needs more, and YAML reads a longer one slowly or not."""


def unreadable_values(document: yaml.Node, path: str, first_line: int) -> list[Problem]:
    """Each value a YAML loader would stop at, at its line (an engine then stops with a traceback, or shows the
    whole front matter as text): a number too long, a date that is no date (`2024-02-30`), a value its tag cannot
    make (`!!int abc`)."""
    loader = yaml.SafeLoader("")
    return [problem for node in scalars(document) if (problem := _unreadable(node, path, first_line, loader))]


def scalars(document: yaml.Node) -> list[yaml.ScalarNode]:
    """Every value written, once each (an alias names a value written before)."""
    found, seen, todo = [], set(), [document]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.append(node)
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif isinstance(node, yaml.MappingNode):
            todo += [item for pair in node.value for item in pair]
    return sorted(found, key=lambda node: node.start_mark.index)


def _unreadable(node: yaml.ScalarNode, path: str, first_line: int, loader: yaml.SafeLoader) -> Problem | None:
    line, kind = first_line + node.start_mark.line, node.tag.rsplit(":", 1)[-1]
    if kind in ("int", "float") and len(node.value) > LONGEST_NUMBER:
        return Problem(path, line, f"a number of {len(node.value):,} characters; no setting needs one so long: shorten it")
    if node.tag not in _PLAIN_TAGS:  # a tag the caller allowed (a function's name in the settings) makes no value
        return None
    try:
        loader.construct_object(node)
    except (ValueError, KeyError, yaml.YAMLError) as error:
        if kind == "timestamp":
            return Problem(path, line, f"{node.value} is no date YAML can read ({error}); write a real date, YYYY-MM-DD")
        return Problem(path, line, f"{node.value!r} is no {kind} YAML can read; remove the tag !!{kind}, or write one")
    return None


_COMMENT_SIGN = re.compile(r"(?:^|(?<=[ \t]))#", re.M)


def comments_blanked(text: str) -> str:
    """YAML `text` without its comments, its lines kept: what a reader never sees of it. A `#` in a quoted or block
    value is the value's, shown wherever the value is. YAML that cannot be read is returned whole (it is refused
    where it is read as settings or front matter)."""
    try:
        tokens = [token for token in yaml.scan(text, Loader=yaml.SafeLoader) if isinstance(token, yaml.ScalarToken)]
    except yaml.YAMLError:
        return text
    starts, ends = [token.start_mark.index for token in tokens], [token.end_mark.index for token in tokens]
    kept, done = [], 0
    for sign in _COMMENT_SIGN.finditer(text):
        at = bisect_right(starts, sign.start()) - 1
        if sign.start() < done or (at >= 0 and sign.start() < ends[at]):
            continue  # in a comment blanked already, or in a value
        kept.append(text[done : sign.start()])
        end = text.find("\n", sign.start())
        done = len(text) if end < 0 else end
    return "".join(kept) + text[done:]


def setting(document: yaml.Node | None, name: str) -> yaml.Node | None:
    """The value of the setting `name` in a mapping, as `pairs` reads it (None if it has none)."""
    return next((value for key, value in pairs(document) if key.value == name), None)


def pairs(mapping: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """A mapping's settings as the engine's loader reads them: merge keys (`<<: *base`) applied, and the last of a key
    written twice."""
    if not isinstance(mapping, yaml.MappingNode):
        return []
    with suppress(yaml.YAMLError):  # a merge the engine cannot make either: it says so itself
        yaml.SafeLoader("").flatten_mapping(mapping)
    return list({key.value: (key, value) for key, value in mapping.value if isinstance(key, yaml.ScalarNode)}.values())
