"""Check front matter against a JSON Schema built from the taxonomy (so the vocabularies are the taxonomy's),
translating jsonschema's errors into messages a QA officer can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import jsonschema

from generator.content.aswritten import AS_WRITTEN, unplain
from generator.content.parse import Document, Field
from generator.content.slugs import SLUG
from generator.content.wordhabits import word_habits
from generator.diagnostics import did_you_mean
from generator.model import Problem, Status, Taxonomy

DATE_FIELDS = ("date", "published", "review_date", "withdrawn_on")
COUNT_FIELDS = ("cases", "children")
EARLIEST_YEAR = 1990
"""Audits dated before this are typing slips: `1025-05-01` would stretch every chart's axis."""
MOST = 100_000
"""The most cases or children an audit may count: more is a typing slip (past 2**53, not what a spreadsheet shows)."""
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping"}
WITHDRAWAL_FIELDS = ("withdrawn_on", "withdrawn_reason")
"""Only a withdrawn briefing has them, and it must have both."""


def status_of(doc: Document) -> Status | None:
    """A file without `status:` is a draft, so nothing is published by omission; None for a value the schema refuses."""
    found = doc.fields.get("status")
    if found is None:
        return Status.DRAFT
    return Status(found.value) if isinstance(found.value, str) and found.value in {s.value for s in Status} else None


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
    plain = {"not": {"type": "string", "pattern": rf"<[A-Za-z/!?]|{AS_WRITTEN}"}}
    """Text with a tag or other markup in it; a value that is not text is told so once, by its type."""
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
            "allOf": [plain, {"not": {"type": "string", "pattern": r"\n\s*\n"}}],
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
            "allOf": [plain, {"not": {"type": "string", "pattern": r"\n\s*\n"}}],
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
        "type": "is empty"
        if value is None
        else f"{value} has a decimal point: write {int(value)}"
        if error.validator_value == "integer" and isinstance(value, float) and value.is_integer()
        else f"{value} has commas: write {value.replace(',', '')}, as YAML reads digits alone"
        if error.validator_value == "integer" and isinstance(value, str) and _THOUSANDS.fullmatch(value)
        else f"must be {_TYPE_NAMES.get(str(error.validator_value), error.validator_value)}",
        "enum": f"'{value}' is not allowed",
        "format": f"'{value}' is not a real date",
        "pattern": f"'{value}' is not a slug (lowercase letters, digits and hyphens)",
        "minLength": "is empty",
        "maxLength": f"is {len(value) if isinstance(value, str) else 0} characters long; the limit is {error.validator_value}",
        "minimum": f"must be at least {error.validator_value}",
        "minItems": "is an empty list",
        "uniqueItems": "lists the same key twice",
        "not": unplain(value),
    }.get(str(error.validator), error.message)
    if len(error.absolute_path) > 1:
        what = f"item {error.absolute_path[1] + 1}: {what}"
    return [Problem(doc.path, doc.fields[key].line, f"{key}: {what}; {hint}")]


class FrontMatterRules:
    """One compiled validator per kind of file, built once per taxonomy rather than once per file."""

    def __init__(self, taxonomy: Taxonomy, today: date) -> None:
        self.today = today
        """The build's today (`--build-date`): no briefing is dated, or published, after it."""
        self.schemas = {
            (kind, gone): front_matter_schema(kind, taxonomy, gone) for kind in ("audit", "briefing") for gone in (False, True)
        }
        checker = jsonschema.FormatChecker()
        self.validators = {key: _Validator(schema, format_checker=checker) for key, schema in self.schemas.items()}


_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
    ),
)
"""JSON Schema's rules, except that a whole number is written as one: JSON Schema counts 6.0 as an integer, and
the site would show "6.0 children" (and a preview could take it for the 6 it was)."""


@dataclass
class CheckedFrontMatter:
    problems: list[Problem]
    dates: dict[str, date]
    """Each date field, parsed once here, where it was checked (empty when the front matter has problems)."""


def check_front_matter(doc: Document, rules: FrontMatterRules) -> CheckedFrontMatter:
    gone = status_of(doc) is Status.WITHDRAWN
    schema, validator = rules.schemas[doc.kind, gone], rules.validators[doc.kind, gone]
    # each missing field's error names every field missing: each is reported once
    problems = list(dict.fromkeys(p for e in validator.iter_errors(_instance(doc.fields)) for p in _describe(e, doc, schema)))
    problems += word_habits(doc) + _unplain_counts(doc)
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
    if problems:
        return CheckedFrontMatter(problems, {})
    dates = {
        key: date.fromisoformat(doc.fields[key].text or str(doc.fields[key].value)) for key in DATE_FIELDS if key in doc.fields
    }
    return CheckedFrontMatter(_check_dates(doc, dates, rules.today), dates)


def _unplain_counts(doc: Document) -> list[Problem]:
    """Counts YAML reads otherwise than a reader would (`010` is 8, octal; `1:30` is 90; `1_000` is 1000), and counts
    past any audit's (a typing slip)."""
    problems = []
    for key in COUNT_FIELDS:
        if not ((f := doc.fields.get(key)) and type(f.value) is int and f.text is not None):
            continue
        if f.text != _read_as(f.value):
            plain = "write the count in plain digits with no leading zero, such as 6"
            problems.append(Problem(doc.path, f.line, f"{key}: {f.text} would be read as {_read_as(f.value)}; {plain}"))
        elif f.value > MOST:
            slip = f"is more than {MOST:,}, more than any audit reviews: check it for a typing slip"
            problems.append(Problem(doc.path, f.line, f"{key}: {slip}"))
    return problems


def _read_as(count: int) -> str:
    """A count as YAML reads it, in digits unless there are too many to write out (`0xfff…` read as hexadecimal)."""
    return str(count) if count.bit_length() < 10_000 else "a number of thousands of digits"


def _check_dates(doc: Document, dates: dict[str, date], today: date) -> list[Problem]:
    """Dates a reader would be misled by: a year typed wrong, a date not yet come (it would head "Recently published"
    and open a reporting year that has not begun), a publication, a review or a withdrawal before its date."""
    fields, when = doc.fields, dates["date"]
    if when.year < EARLIEST_YEAR:
        return [
            Problem(
                doc.path,
                fields["date"].line,
                f"date: {when} is not a year this audit could have taken place in (from {EARLIEST_YEAR} to today); "
                "check the year for a typing slip",
            )
        ]
    future = [key for key in ("date", "published", "withdrawn_on") if key in dates and dates[key] > today]
    if future:
        return [
            Problem(
                doc.path,
                fields[key].line,
                f"{key}: {dates[key]} is after today ({today}, the build date), so the site would show a day that has not "
                f"come yet; {_FUTURE_FIX[key]}",
            )
            for key in future
        ]
    return [
        Problem(doc.path, fields[key].line, f"{key}: {dates[key]} " + why.format(when=when))
        for key, why in _BEFORE_ITS_DATE.items()
        if key in dates and dates[key] < when
    ]


_BEFORE_ITS_DATE = {
    "withdrawn_on": "is before its date {when}; check for a typing slip",
    "review_date": "is before its date {when}, so it would be due for review before it was written; check for a typing slip",
    "published": "is before the audit date {when}; publication cannot come before the audit",
}
"""Dates that come after a briefing's own, each with what to say when it is before it (each one is said at once)."""


_FUTURE_FIX = {
    "date": "write the day the audit took place (for a standalone briefing, the day it is published), checking the year "
    "for a typing slip, or keep it as a draft until then",
    "published": "write the day it is published (today or earlier), or remove the line to use the audit date",
    "withdrawn_on": "write the day it was withdrawn (today or earlier)",
}
