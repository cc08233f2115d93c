"""Turn loaded documents into model objects, reporting every broken rule as `path:line: what to fix`.

Front matter is checked against a JSON Schema built from the taxonomy (so the vocabularies
are the taxonomy's), and jsonschema's errors are translated into messages a QA officer can
act on. The body's section structure is checked here directly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .actions import parse_action_plan
from .config import MARKUP
from .files import load_yaml_file
from .model import STEPS, Action, Briefing, GoodPractice, Link, Problem, Status, Taxonomy, Theme
from .parse import Document, Field, Section, mapping_fields
from .reading import strings
from .report import did_you_mean
from .writing import ACRONYM

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
RESERVED_SLUGS = {"by-year", "by-type", "by-theme", "by-agency", "page", "index"}
"""/briefings/by-year/… and the like are the list filters, `page` their later pages (`page/2/`); `index` is the list itself."""

GOOD_PRACTICE = "good practice"
ACTION_PLAN = "action plan"
AUDIT_ONLY = {GOOD_PRACTICE: "Good practice", ACTION_PLAN: "Action plan"}
SECTION_KEYS = {title.lower(): key for key, title in STEPS} | {key: key for key in AUDIT_ONLY}
REQUIRED_STEPS = [title for _, title in STEPS[:5]]
DATE_FIELDS = ("date", "published", "review_date", "withdrawn_on")
EARLIEST_YEAR = 1990
"""Audits dated before this (or after next year) are typing slips: `1025-05-01` would stretch every chart's axis."""
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_META = re.compile(r"^(agency|themes)\s*:\s*(.*)$", re.I)
TAXONOMY_SECTIONS = ("audit_types", "agencies", "themes")
OPTIONAL_SECTIONS = ("groups", "glossary")
"""Boards, sub-groups and task-and-finish groups, which may own actions; acronyms and their expansions."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters no page, feed or Word document can hold, or that break a line where none shows: control
characters (C0 and C1), line and paragraph separators and lone surrogates, which only an
escape in a double-quoted YAML value (`\\a`, `\\ud800`) or a paste from another program can write."""
_ENTRY_KEYS = {
    "agency": ("an agency key", "agencies", "an 'Agency: <key>'"),
    "themes": ("a theme key", "themes", "a 'Themes: <key>, <key>'"),
}
"""The metadata lines of a good-practice entry: what each key is, where keys come from, the line to write."""
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping"}


@dataclass
class Validated:
    briefings: list[Briefing]
    problems: list[Problem]
    drafts_held: list[str]
    """Paths of drafts, checked but not published."""
    draft_problems: list[Problem]
    """The drafts' own problems: they stop the draft, not the build."""


# --- taxonomy -----------------------------------------------------------------------------


def load_taxonomy(root: Path, content_dir: str, refused: Collection[Path] = ()) -> tuple[Taxonomy | None, list[Problem]]:
    """Read `taxonomy.yml` (unless `refused`: see `load.refused_files`); any problem here makes every
    vocabulary check meaningless, so stop."""
    path = f"{content_dir}/taxonomy.yml"
    if root / path in refused:
        return None, []
    node, problems = load_yaml_file(root / path, path)
    if node is None:
        return None, problems or [Problem(path, 1, "is empty; it must hold audit_types, agencies and themes (see the README)")]
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
        if isinstance(item, yaml.ScalarNode) and MARKUP.search(str(item.value)):
            problems.append(
                Problem(path, 1 + item.start_mark.line, f"must be plain text, without HTML tags or entities: {item.value!r}")
            )
        elif isinstance(item, yaml.ScalarNode) and _CONTROL.search(str(item.value)):
            problems.append(
                Problem(
                    path,
                    1 + item.start_mark.line,
                    f"holds an invisible control character (often pasted from another program): {item.value!r}; retype it",
                )
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


# --- front matter ---------------------------------------------------------------------------


WITHDRAWAL_FIELDS = ("withdrawn_on", "withdrawn_reason")
"""Only a withdrawn briefing has them, and it must have both."""


def front_matter_schema(kind: str, taxonomy: Taxonomy, withdrawn: bool = False) -> dict[str, Any]:
    """The contract's front-matter rules as JSON Schema; `x-hint` says how to put a value right.

    A `withdrawn` file needs only what its notice shows (title, date, withdrawn_on, withdrawn_reason): the
    rest may already have been deleted from it, and is never published.
    """

    def vocabulary(values: dict[str, Any], name: str) -> dict[str, Any]:
        return {"enum": list(values), "x-hint": f"use one of: {', '.join(values)} (the {name} keys in taxonomy.yml)"}

    def keys(values: dict[str, Any], name: str) -> dict[str, Any]:
        return {
            "type": "array",
            "minItems": 1,
            "items": vocabulary(values, name),
            "uniqueItems": True,
            "x-hint": f"write a list such as [{', '.join(list(values)[:2])}] of {name} keys from taxonomy.yml",
        }

    iso_date = {"type": "string", "format": "date", "x-hint": "write an ISO date YYYY-MM-DD, e.g. 2024-03-31"}
    plain = {"not": {"pattern": r"<[A-Za-z/!?]"}}
    properties: dict[str, Any] = {
        "title": {"type": "string", "minLength": 1, **plain, "x-hint": "write the title as plain text (no HTML)"},
        "date": iso_date,
        "status": {"enum": [s.value for s in Status], "x-hint": "use draft, published, restricted or withdrawn"},
        "themes": keys(taxonomy.themes, "themes"),
        "agencies": keys(taxonomy.agencies, "agencies"),
        "summary": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300,
            "allOf": [plain, {"not": {"pattern": r"\n\s*\n"}}],
            "x-hint": "write one plain-text paragraph of at most 300 characters (no HTML, no blank lines)",
        },
        "pseudonyms": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "x-hint": "write a list of invented names, e.g. [Child A, Sam]",
        },
        "review_date": iso_date,
        "superseded_by": {
            "type": "string",
            "pattern": SLUG.pattern,
            "x-hint": "write the slug (file name without .md) of the briefing that replaces this one",
        },
        "previous_slugs": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": SLUG.pattern},
            "x-hint": "write a list of the file names (without .md) this briefing was published under, e.g. [old-name]",
        },
        "withdrawn_on": iso_date,
        "withdrawn_reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500,
            "allOf": [plain, {"not": {"pattern": r"\n\s*\n"}}],
            "x-hint": "write why it was withdrawn as one plain-text paragraph of at most 500 characters",
        },
    }
    required = ["title", "date", *WITHDRAWAL_FIELDS] if withdrawn else ["title", "date", "themes", "summary"]
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if kind == "audit":
        count = {"type": "integer", "x-hint": "write a whole number such as 6"}
        properties |= {
            "type": vocabulary(taxonomy.audit_types, "audit_types"),
            "published": iso_date,
            "cases": {**count, "minimum": 1},
            "children": {**count, "minimum": 0},
        }
        if not withdrawn:
            required += ["type", "agencies"]
            schema["if"] = {"properties": {"type": {"const": "maca"}}, "required": ["type"]}
            schema["then"] = {"required": ["cases", "children"]}
    else:
        properties["source"] = {
            "type": "string",
            "minLength": 1,
            "x-hint": "write free text, e.g. Child safeguarding practice review",
        }
    schema["required"] = required
    return schema


def _instance(fields: dict[str, Field]) -> dict[str, Any]:
    """Field values as jsonschema sees them; dates as written, so `2024-3-1` is caught."""
    return {k: (f.text if k in DATE_FIELDS and f.text is not None else f.value) for k, f in fields.items()}


def _describe(error: jsonschema.ValidationError, doc: Document, schema: dict[str, Any]) -> list[Problem]:
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        why = " (every MACA gives cases and children)" if error.schema is schema.get("then") else ""
        return [
            Problem(
                doc.path,
                1,
                f"missing required field '{k}'{why}: add '{k}:' to the front matter; "
                f"{schema['properties'][k].get('x-hint', '')}".rstrip("; "),
            )
            for k in missing
        ]
    if error.validator == "additionalProperties":
        allowed = list(schema["properties"])
        return [
            Problem(
                doc.path,
                doc.fields[k].line,
                f"unknown field '{k}'{did_you_mean(k, allowed)}; the fields are: {', '.join(allowed)}",
            )
            for k in error.instance
            if k not in schema["properties"]
        ]
    key = str(error.absolute_path[0])
    value = error.instance
    hint = error.schema.get("x-hint") or schema["properties"][key].get("x-hint", "")
    what = {
        "type": "is empty" if value is None else f"must be {_TYPE_NAMES.get(str(error.validator_value), error.validator_value)}",
        "enum": f"'{value}' is not allowed",
        "format": f"'{value}' is not a real date",
        "pattern": f"'{value}' is not a slug (lowercase letters, digits and hyphens)",
        "minLength": "is empty",
        "maxLength": f"is {len(value) if isinstance(value, str) else 0} characters long; the limit is {error.validator_value}",
        "minimum": f"must be at least {error.validator_value}",
        "minItems": "is an empty list",
        "uniqueItems": "lists the same key twice",
        "not": "has HTML or more than one paragraph",
    }.get(str(error.validator), error.message)
    if len(error.absolute_path) > 1:
        what = f"item {error.absolute_path[1] + 1}: {what}"
    return [Problem(doc.path, doc.fields[key].line, f"{key}: {what}; {hint}")]


class FrontMatterRules:
    """One compiled validator per kind of file, built once per taxonomy rather than once per file."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.schemas = {
            (kind, gone): front_matter_schema(kind, taxonomy, gone) for kind in ("audit", "briefing") for gone in (False, True)
        }
        checker = jsonschema.FormatChecker()
        self.validators = {
            key: jsonschema.Draft202012Validator(schema, format_checker=checker) for key, schema in self.schemas.items()
        }


def check_front_matter(doc: Document, rules: FrontMatterRules) -> list[Problem]:
    gone = status_of(doc) is Status.WITHDRAWN
    schema, validator = rules.schemas[doc.kind, gone], rules.validators[doc.kind, gone]
    problems = [p for e in validator.iter_errors(_instance(doc.fields)) for p in _describe(e, doc, schema)]
    problems += word_habits(doc)
    if not gone:
        problems += [
            Problem(
                doc.path,
                doc.fields[key].line,
                f"{key}: only a withdrawn briefing has it; set 'status: withdrawn' (see docs/takedown.md) or remove this line",
            )
            for key in WITHDRAWAL_FIELDS
            if key in doc.fields
        ]
    if not problems:
        problems += _check_dates(doc)
    return problems


TEXT_FIELDS = ("title", "summary", "source", "withdrawn_reason")
CURLY = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c"}
"""Word's opening quote marks and their closing ones: to YAML they are ordinary letters."""
_COMMENT_CUT = re.compile(r"(?:^[ \t]*|(?<=\S) )#(?![ \t]*privacy[ \t]*:)")
"""A `#` that cuts a plain value short: one space after the text, or at the start of a continuation line.
A comment the author means has two spaces before it, as `briefings new` writes them (and yamllint asks),
or is the privacy marker."""


def word_habits(doc: Document) -> list[Problem]:
    """Text fields that YAML reads otherwise than the author meant, each said plainly: never a silent change."""
    lines = doc.text.split("\n")
    problems = [
        Problem(
            doc.path,
            found.line,
            f"{key}: holds an invisible control character (often an escape such as \\a in double quotes, or pasted from "
            f"another program): {text!r}; remove it",
        )
        for key, found in doc.fields.items()
        for text in [key, *strings(found.value)]
        if _CONTROL.search(text)
    ]
    for key in TEXT_FIELDS:
        found = doc.fields.get(key)
        if found is None or not isinstance(found.value, str):
            continue
        value = found.value.strip()
        written = _written_value(lines, found.line, key)
        opening = written or next((t.strip() for _, t in _continued(lines, found.line)), "")  # the value may start below
        if opening and opening[0] not in "\"'|>" and (cut := _cut_at(lines, found.line, written)):
            problems.append(
                Problem(
                    doc.path,
                    cut,
                    f"{key}: YAML reads everything after ' #' as a comment, so this would publish as {value!r}; "
                    f"put the whole {key} in straight double quotes, e.g. {key}: {_quoted(_example(lines, found.line, key))} "
                    "(a comment needs two spaces before its '#')",
                )
            )
        elif value[:1] in CURLY and value[-1:] in CURLY.values():
            problems.append(
                Problem(
                    doc.path,
                    found.line,
                    f"{key}: is wrapped in curly quotes ({value[0]} {value[-1]}, as Word types them), which YAML keeps as part "
                    f"of the text; use straight quotes instead: {key}: {_quoted(value[1:-1])}",
                )
            )
    return problems


def _written_value(lines: list[str], line: int, key: str) -> str:
    """What follows `key:` on its line, as written."""
    return lines[line - 1].split(":", 1)[1].strip() if ":" in lines[line - 1] else ""


def _cut_at(lines: list[str], line: int, written: str) -> int | None:
    """The line where a plain (unquoted) value is cut short by a comment, if it is: the first line, or one of the
    indented lines that continue it."""
    if _COMMENT_CUT.search(written):
        return line
    return next((number for number, text in _continued(lines, line) if _COMMENT_CUT.search(text)), None)


def _continued(lines: list[str], line: int) -> Iterator[tuple[int, str]]:
    """The indented lines (numbered from 1) that continue the value on `line`."""
    number = line
    while number < len(lines) and lines[number][:1] in " \t" and lines[number].strip():
        yield number + 1, lines[number]
        number += 1


def _example(lines: list[str], line: int, key: str) -> str:
    """The value as the author typed it, continuation lines joined, for the message's example."""
    parts = [_written_value(lines, line, key), *(text.strip() for _, text in _continued(lines, line))]
    return " ".join(part for part in parts if part)


def _quoted(text: str) -> str:
    """`text` as a double-quoted YAML value that reads back as exactly this text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_dates(doc: Document) -> list[Problem]:
    fields = doc.fields
    when = date.fromisoformat(fields["date"].text or str(fields["date"].value))
    if not EARLIEST_YEAR <= when.year <= date.today().year + 1:
        return [
            Problem(
                doc.path,
                fields["date"].line,
                f"date: {when} is not a year this audit could have taken place in (from {EARLIEST_YEAR} to next year); "
                "check the year for a typing slip",
            )
        ]
    gone = fields.get("withdrawn_on")
    if gone and date.fromisoformat(gone.text or "") < when:
        return [Problem(doc.path, gone.line, f"withdrawn_on: {gone.text} is before its date {when}; check for a typing slip")]
    published = fields.get("published")
    if published and date.fromisoformat(published.text or "") < when:
        return [
            Problem(
                doc.path,
                published.line,
                f"published: {published.text} is before the audit date {when}; publication cannot come before the audit",
            )
        ]
    return []


# --- body -----------------------------------------------------------------------------------


def _has_text(markdown: str) -> bool:
    return bool(_COMMENT.sub("", markdown).strip())


def _first_text_line(markdown: str, first_line: int) -> int:
    for offset, line in enumerate(_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), markdown).split("\n")):
        if line.strip():
            return first_line + offset
    return first_line


def check_headings(doc: Document) -> list[Problem]:
    problems = []
    for heading in doc.headings:
        if heading.setext:
            problems.append(
                Problem(
                    doc.path,
                    heading.line,
                    f"'{heading.title}' is underlined to make a heading; "
                    f"write it as '{'#' * heading.level} {heading.title}' instead",
                )
            )
        elif heading.level == 1:
            problems.append(
                Problem(
                    doc.path,
                    heading.line,
                    f"'# {heading.title}' is a top-level heading; the title comes "
                    "from the front matter, so use '## ' for a section or '### ' inside one",
                )
            )
    preamble = "\n".join("" if line.startswith("#") else line for line in doc.preamble.split("\n"))
    if _has_text(preamble):
        problems.append(
            Problem(
                doc.path,
                _first_text_line(preamble, doc.body_line),
                "text before the first '## ' section would not be published; move it into a section such as '## Background'",
            )
        )
    return problems


def sort_sections(doc: Document) -> tuple[dict[str, Section], list[Problem]]:
    """Sections by contract key; unknown or repeated headings are errors, never dropped."""
    found: dict[str, Section] = {}
    problems = []
    for section in doc.sections:
        key = SECTION_KEYS.get(" ".join(section.title.lower().split()))
        allowed = [t for _, t in STEPS] + (list(AUDIT_ONLY.values()) if doc.kind == "audit" else [])
        if key is None or (key in AUDIT_ONLY and doc.kind != "audit"):
            extra = f" ('## {AUDIT_ONLY[key]}' is only for audits)" if key in AUDIT_ONLY else did_you_mean(section.title, allowed)
            problems.append(
                Problem(
                    doc.path,
                    section.line,
                    f"'## {section.title}' is not a section of a briefing{extra}; "
                    f"use one of: {', '.join(allowed)}, or make it a '### ' sub-heading inside one",
                )
            )
        elif key in found:
            problems.append(
                Problem(
                    doc.path, section.line, f"'## {section.title}' appears twice (first on line {found[key].line}); merge the two"
                )
            )
        else:
            found[key] = section
    for key, title in STEPS[:5]:
        if key not in found:
            problems.append(
                Problem(
                    doc.path,
                    doc.body_line,
                    f"missing section '## {title}': add it with its text (required: {', '.join(REQUIRED_STEPS)})",
                )
            )
        elif not _has_text(found[key].body):
            problems.append(Problem(doc.path, found[key].line, f"section '## {title}' is empty; write its text"))
    reflection = found.get("questions-for-reflection")
    if reflection and not _has_text(reflection.body):
        problems.append(
            Problem(
                doc.path,
                reflection.line,
                "section '## Questions for reflection' is empty; write questions "
                "or remove the heading to use the themes' default questions",
            )
        )
    return found, problems


def default_questions(doc: Document, themes: tuple[str, ...], taxonomy: Taxonomy) -> tuple[tuple[str, ...], list[Problem]]:
    questions = tuple(dict.fromkeys(q for key in themes for q in taxonomy.themes[key].questions))
    if questions:
        return questions, []
    return (), [
        Problem(
            doc.path,
            doc.body_line,
            "no '## Questions for reflection' section and none of this briefing's "
            "themes has default questions in taxonomy.yml; add the section with your questions",
        )
    ]


_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"})
"""Letters that Unicode does not decompose into a plain letter and an accent."""


def slugify(text: str) -> str:
    """Lowercase letters, digits and hyphens; accented letters lose their accents (`Über café` is `uber-cafe`)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "entry"


def good_practice(doc: Document, section: Section, taxonomy: Taxonomy) -> tuple[list[GoodPractice], list[Problem]]:
    problems = []
    if _has_text(section.preamble):
        problems.append(
            Problem(
                doc.path,
                _first_text_line(section.preamble, section.body_line),
                "text under '## Good practice' must belong to an entry: start each entry with a '### ' heading",
            )
        )
    if not section.entries:
        problems.append(
            Problem(doc.path, section.line, "'## Good practice' has no entries; add '### ' entries or remove the heading")
        )
    entries, anchors = [], set()
    for entry in section.entries:
        item, found = _entry(doc, entry, taxonomy)
        problems += found
        if item:
            anchor, n = item.anchor, 2
            while anchor in anchors:
                anchor, n = f"{item.anchor}-{n}", n + 1
            anchors.add(anchor)
            entries.append(replace(item, anchor=anchor))
    return entries, problems


def _entry(doc: Document, entry: Section, taxonomy: Taxonomy) -> tuple[GoodPractice | None, list[Problem]]:
    lines = entry.body.split("\n")
    meta: dict[str, tuple[str, int]] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    problems = []
    while index < len(lines) and (match := _META.match(lines[index].strip())):
        name, line = match.group(1).lower(), entry.body_line + index
        if name in meta:
            problems.append(
                Problem(doc.path, line, f"'{match.group(1)}:' is given twice (first on line {meta[name][1]}); keep one line")
            )
        meta[name] = (match.group(2).strip(), line)
        index += 1
    name = f"good-practice entry '{entry.title}'"
    agencies, found = _keys(doc.path, meta, "agency", entry, taxonomy.agencies)
    problems += found
    themes, found = _keys(doc.path, meta, "themes", entry, taxonomy.themes)
    problems += found
    text = "\n".join(lines[index:])
    if not _has_text(text):
        problems.append(Problem(doc.path, entry.line, f"{name} has no text; describe the practice under its metadata lines"))
    if problems:
        return None, problems
    return GoodPractice(entry.title, "gp-" + slugify(entry.title), agencies, themes, text.strip()), []


def _keys(
    path: str, meta: dict[str, tuple[str, int]], name: str, entry: Section, known: dict[str, Any]
) -> tuple[tuple[str, ...], list[Problem]]:
    """The keys on an entry's `Agency:` or `Themes:` line: one or several, separated by commas."""
    label = name.capitalize()
    what, section, wanted = _ENTRY_KEYS[name]
    text, line = meta.get(name, ("", entry.line))
    written = [key.strip() for key in text.split(",") if key.strip()]
    keys = tuple(dict.fromkeys(written))
    if not keys:
        return (), [
            Problem(
                path,
                line,
                f"good-practice entry '{entry.title}' needs {wanted} line right under its heading "
                f"(several keys are separated by commas, e.g. '{label}: {', '.join(list(known)[:2])}')",
            )
        ]
    return keys, [
        Problem(
            path,
            line,
            f"{label}: '{key}' is not {what}{did_you_mean(key, list(known))}; use keys from taxonomy.yml {section}: "
            f"{', '.join(known)}",
        )
        for key in keys
        if key not in known
    ] + [Problem(path, line, f"{label}: '{key}' is given twice; keep one") for key in keys if written.count(key) > 1]


# --- whole documents -----------------------------------------------------------------------------


def status_of(doc: Document) -> Status | None:
    found = doc.fields.get("status")
    if found is None:
        return Status.DRAFT
    return Status(found.value) if isinstance(found.value, str) and found.value in {s.value for s in Status} else None


def _withdrawn(doc: Document, rules: FrontMatterRules) -> tuple[Briefing | None, list[Problem]]:
    """A withdrawn file: only what its notice shows is checked and kept (its text may already be deleted)."""
    problems = check_front_matter(doc, rules)
    if problems:
        return None, problems
    fields = doc.fields
    when = date.fromisoformat(fields["date"].text or "")
    return Briefing(
        slug=doc.slug,
        kind=doc.kind,
        path=doc.path,
        title=fields["title"].value.strip(),
        status=Status.WITHDRAWN,
        date=when,
        published=when,
        summary="",
        themes=(),
        agencies=(),
        steps=("",) * len(STEPS),
        superseded_by=fields["superseded_by"].value if "superseded_by" in fields else None,
        previous_slugs=tuple(fields["previous_slugs"].value if "previous_slugs" in fields else ()),
        withdrawn_on=date.fromisoformat(fields["withdrawn_on"].text or ""),
        withdrawn_reason=" ".join(fields["withdrawn_reason"].value.split()),
    ), []


def validate_document(doc: Document, taxonomy: Taxonomy, rules: FrontMatterRules) -> tuple[Briefing | None, list[Problem]]:
    if status_of(doc) is Status.WITHDRAWN:
        return _withdrawn(doc, rules)
    problems = check_front_matter(doc, rules) + check_headings(doc)
    sections, found = sort_sections(doc)
    problems += found
    fields = {k: f.value for k, f in doc.fields.items()}
    themes = tuple(fields["themes"]) if isinstance(fields.get("themes"), list) else ()
    questions: tuple[str, ...] = ()
    known_themes = tuple(t for t in themes if isinstance(t, str) and t in taxonomy.themes)
    if "questions-for-reflection" not in sections and known_themes:
        questions, found = default_questions(doc, known_themes, taxonomy)
        problems += found
    entries: list[GoodPractice] = []
    if GOOD_PRACTICE in sections:
        entries, found = good_practice(doc, sections[GOOD_PRACTICE], taxonomy)
        problems += found
    actions: tuple[Action, ...] = ()
    if ACTION_PLAN in sections:
        actions, found = parse_action_plan(doc.path, sections[ACTION_PLAN], taxonomy.owners)
        problems += found
    if problems:
        return None, problems

    def day(key: str) -> date | None:
        return date.fromisoformat(doc.fields[key].text or "") if key in doc.fields else None

    when = day("date") or date.min
    return Briefing(
        slug=doc.slug,
        kind=doc.kind,
        path=doc.path,
        title=fields["title"].strip(),
        status=status_of(doc) or Status.DRAFT,
        date=when,
        published=day("published") or when,
        summary=" ".join(fields["summary"].split()),
        themes=themes,
        agencies=tuple(fields.get("agencies") or ()),
        steps=tuple(sections[key].body.strip() if key in sections else "" for key, _ in STEPS),
        default_questions=questions,
        good_practice=tuple(entries),
        actions=actions,
        audit_type=fields.get("type"),
        cases=fields.get("cases"),
        children=fields.get("children"),
        source=fields.get("source"),
        review_date=day("review_date"),
        pseudonyms=tuple(fields.get("pseudonyms") or ()),
        superseded_by=fields.get("superseded_by"),
        previous_slugs=tuple(fields.get("previous_slugs") or ()),
    ), []


def check_slugs(docs: list[Document]) -> list[Problem]:
    problems, seen = [], {}
    for doc in docs:
        if not SLUG.match(doc.slug):
            problems.append(
                Problem(
                    doc.path,
                    1,
                    f"file name '{doc.slug}.md' is not a valid slug; rename it using lowercase "
                    f"letters, digits and hyphens, e.g. '{slugify(doc.slug)}.md'",
                )
            )
        elif doc.slug in RESERVED_SLUGS:
            problems.append(
                Problem(doc.path, 1, f"file name '{doc.slug}.md' is reserved for the site's filter pages; rename the file")
            )
        elif doc.slug in seen:
            problems.append(
                Problem(
                    doc.path,
                    1,
                    f"slug '{doc.slug}' is already used by {seen[doc.slug]}; both would publish "
                    f"at /briefings/{doc.slug}/, so rename one file",
                )
            )
        else:
            seen[doc.slug] = doc.path
    return problems


def _previous_slugs(doc: Document) -> list[str]:
    """The well-formed slugs of `previous_slugs`: the schema reports the rest."""
    found = doc.fields.get("previous_slugs")
    values = found.value if found is not None and doc.parsed and isinstance(found.value, list) else []
    return [v for v in values if isinstance(v, str) and SLUG.match(v)]


def _successor(doc: Document) -> str | None:
    """The slug `superseded_by` names, if it is one: the schema reports anything else."""
    found = doc.fields.get("superseded_by")
    value = found.value if found is not None and doc.parsed else None
    return value if isinstance(value, str) and SLUG.match(value) else None


def check_previous_slugs(docs: list[Document]) -> list[Problem]:
    """Each old address leads to one briefing: never a current file's, a filter page's, or another's old one."""
    current = {doc.slug: doc.path for doc in docs}
    claimed: dict[str, str] = {}
    problems = []
    for doc in docs:
        for old in _previous_slugs(doc):
            line = doc.fields["previous_slugs"].line
            if old in RESERVED_SLUGS:
                why = f"'{old}' is reserved for the site's filter pages, never a briefing's address"
            elif old == doc.slug:
                why = f"'{old}' is this file's own name, not an earlier one; remove it"
            elif old in current:
                why = f"'{old}' is the address of {current[old]}; an old address cannot be a current one"
            elif old in claimed:
                why = f"'{old}' is also a previous slug of {claimed[old]}; an old address can lead to one briefing only"
            else:
                claimed[old] = doc.path
                continue
            problems.append(Problem(doc.path, line, f"previous_slugs: {why}"))
    return problems


def check_successors(docs: list[Document]) -> list[Problem]:
    """`superseded_by` names a briefing every reader of the notice can open: published (or, from a restricted
    one, restricted), never itself, a draft or a withdrawn one."""
    statuses = {doc.slug: status_of(doc) for doc in docs if doc.parsed}
    successors = {doc.slug: _successor(doc) for doc in docs}
    problems = []
    for doc in docs:
        if (slug := _successor(doc)) is not None:
            target = statuses.get(slug)
            if slug == doc.slug:
                why = "a briefing cannot supersede itself; name the briefing that replaces it"
            elif slug not in statuses:
                why = f"no briefing has the slug '{slug}'{did_you_mean(slug, list(statuses))}; write the newer file's name without .md"
            elif target is Status.WITHDRAWN:
                why = f"'{slug}' is withdrawn; name the briefing that replaces it now"
            elif target is Status.DRAFT:
                why = f"'{slug}' is a draft, so the link would lead nowhere; publish it first"
            elif target is Status.RESTRICTED and status_of(doc) is not Status.RESTRICTED:
                why = f"'{slug}' is restricted, so the public site would link to a page it does not have"
            elif doc.slug in _chain(slug, successors):
                why = f"'{slug}' is superseded, in turn, by this briefing; name the newest briefing"
            else:
                continue
            problems.append(Problem(doc.path, doc.fields["superseded_by"].line, f"superseded_by: {why}"))
    return problems


def _chain(slug: str, successors: dict[str, str | None]) -> list[str]:
    """The briefings that supersede `slug`, one after another, until one that names no successor (or a loop)."""
    found: list[str] = []
    following = successors.get(slug)
    while following is not None and following not in found:
        found.append(following)
        following = successors.get(following)
    return found


Known = dict[tuple[str, str], tuple[Briefing | None, list[Problem]]]
"""Results of `validate_document` by (path, text), valid for one taxonomy."""


def validate(docs: list[Document], taxonomy: Taxonomy, include_drafts: bool, known: Known | None = None) -> Validated:
    """Check every document; drafts' problems come apart, and drafts are kept only when `include_drafts`.

    Documents found in `known` (a preview's earlier rebuild, same taxonomy) are not checked again.
    """
    result = Validated([], check_slugs(docs), [], [])
    known = {} if known is None else known
    rules: FrontMatterRules | None = None
    for doc in docs:
        if not doc.parsed:
            continue
        key = (doc.path, doc.text)
        if key not in known:
            rules = rules or FrontMatterRules(taxonomy)
            known[key] = validate_document(doc, taxonomy, rules)
        briefing, problems = known[key]
        if status_of(doc) is Status.DRAFT and not include_drafts:
            result.drafts_held.append(doc.path)
            result.draft_problems += problems
            continue
        result.problems += problems
        if briefing:
            result.briefings.append(briefing)
    result.problems += check_previous_slugs(docs)
    held = set(result.drafts_held)
    for problem in check_successors(docs):
        (result.draft_problems if problem.path in held else result.problems).append(problem)
    return result
