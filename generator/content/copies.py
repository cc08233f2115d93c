"""An audit published twice: a file copied under a new name and both left to publish (a QA officer's copy made to
start the next audit, or kept as a backup). The archive, its charts and the open data would count its cases and
children twice, and nothing on the site would show why."""

from __future__ import annotations

import re

from generator.content.body import COMMENT
from generator.content.frontmatter import status_of
from generator.content.parse import Document
from generator.model import Problem, Status
from generator.privacy.characters import told_apart


def copied_audits(docs: list[Document]) -> list[Problem]:
    """Each audit with the title and date, or the whole text, of one dated before it (or of the same date, its path
    before), reported at its title: the later is the copy; drafts and withdrawn audits are counted in no total."""
    first: dict[tuple[str, str, str], str] = {}
    problems = []
    for doc in sorted(docs, key=_dated):
        title, when = doc.fields.get("title"), doc.fields.get("date")
        if doc.kind != "audit" or status_of(doc) not in (Status.PUBLISHED, Status.RESTRICTED) or not (title and when):
            continue
        named, body = ("title", told_apart(str(title.value)), str(when.text or when.value)), ("text", _body(doc), "")
        for key in (named, body) if len(body[1]) >= _LONG_ENOUGH else (named,):
            if (earlier := first.setdefault(key, doc.path)) != doc.path:
                problems.append(Problem(doc.path, title.line, _COPY[key[0]].format(earlier=earlier)))
                break
    return problems


_COPY = {
    "title": "title: this audit has the title and date of {earlier}, so the archive would count it twice in its totals; if it "
    "is another audit, give it its own title, else delete one of the two files",
    "text": "title: this audit's text is that of {earlier}, word for word, so the archive would count it twice in its totals; "
    "if it is another audit, write its own findings (or keep it a draft until they are), else delete one of the two files",
}
_LONG_ENOUGH = 200
"""Letters and digits a text must hold to be told from another's by them alone: more than a heading and a line."""


def _dated(doc: Document) -> tuple[str, str]:
    when = doc.fields.get("date")
    return (str(when.text or when.value) if when else "", doc.path)


def _body(doc: Document) -> str:
    """The text below the front matter as a reader tells it from another's: without its comments, which no page shows,
    and its sections in any order, as the page shows them in the steps' own."""
    shown = COMMENT.sub("", "\n".join(doc.text.split("\n")[doc.body_line - 1 :]))
    return "".join(sorted(told_apart(section) for section in _SECTION.split(shown)))


_SECTION = re.compile(r"^##[ \t]", re.M)
