"""An audit published twice: a file copied under a new name and both left to publish (a QA officer's copy made to
start the next audit, or kept as a backup). The archive, its charts and the open data would count its cases and
children twice, and nothing on the site would show why."""

from __future__ import annotations

from generator.content.frontmatter import status_of
from generator.content.parse import Document
from generator.model import Problem, Status
from generator.privacy.characters import as_shown


def copied_audits(docs: list[Document]) -> list[Problem]:
    """Each audit with the title and date of one before it, reported at its title; drafts and withdrawn audits are
    counted in no total."""
    first: dict[tuple[str, str], str] = {}
    problems = []
    for doc in docs:
        title, when = doc.fields.get("title"), doc.fields.get("date")
        if doc.kind != "audit" or status_of(doc) not in (Status.PUBLISHED, Status.RESTRICTED) or not (title and when):
            continue
        key = (_as_read(str(title.value)), str(when.text or when.value))
        if key not in first:
            first[key] = doc.path
            continue
        problems.append(
            Problem(
                doc.path,
                title.line,
                f"title: this audit has the title and date of {first[key]}, so the archive would count it twice in its "
                "totals; if it is another audit, give it its own title, else delete one of the two files",
            )
        )
    return problems


def _as_read(title: str) -> str:
    """A title as a reader tells it from another: its letters and digits as shown (look-alikes, invisible characters and
    accents composed as the privacy checks read them), whatever their case, spacing and punctuation."""
    shown = as_shown(title).casefold()
    return "".join(character for character in shown if character.isalnum())
