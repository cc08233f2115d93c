"""An audit published twice: a file copied under a new name and both left to publish (a QA officer's copy made to
start the next audit, or kept as a backup). The archive, its charts and the open data would count its cases and
children twice, and nothing on the site would show why."""

from __future__ import annotations

from generator.content.frontmatter import status_of
from generator.content.parse import Document
from generator.model import Problem, Status


def copied_audits(docs: list[Document]) -> list[Problem]:
    """Each audit with the title and date of one before it (titles compared as a reader reads them: case and spacing
    aside), reported at its title; drafts and withdrawn audits are counted in no total."""
    first: dict[tuple[str, str], str] = {}
    problems = []
    for doc in docs:
        title, when = doc.fields.get("title"), doc.fields.get("date")
        if doc.kind != "audit" or status_of(doc) not in (Status.PUBLISHED, Status.RESTRICTED) or not (title and when):
            continue
        key = (" ".join(str(title.value).casefold().split()), str(when.text or when.value))
        if key not in first:
            first[key] = doc.path
            continue
        problems.append(
            Problem(
                doc.path,
                title.line,
                f"title: this audit has the title and date of {first[key]}, so the archive would count its cases and "
                "children twice; if it is another audit, give it its own title, else delete one of the two files",
            )
        )
    return problems
