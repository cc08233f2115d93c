"""What an author is left to do after `briefings import`, and what of the document the draft does not show."""

from __future__ import annotations

from generator.authoring.scaffold import Found
from generator.authoring.word.docx import Word
from generator.authoring.word.sections import Placed
from generator.diagnostics import plural

IMAGE_NOTE = "an image was here: images are not imported; say in words what it showed, if the briefing needs it"


def steps_left(word: Word, placed: Placed, found: Found, kind: str) -> list[str]:
    """The manual steps, in the order an author does them."""
    missing = ["summary"] + [
        name
        for name, value in (
            ("date", found.date),
            *((("cases", found.cases), ("children", found.children)) if kind == "audit" else ()),
            ("agencies", found.agencies),
            ("themes", found.themes),
        )
        if value in (None, "", [])
    ]
    left = [
        f"fill in the front matter the document did not give: {', '.join(missing)} (the comment on each line says what it holds)"
    ]
    left.append("check the values the import filled in: each line's comment says which words of the document it read")
    if not placed.sections.get("questions-for-reflection"):
        left.append(
            "the document has no reflective questions, so the briefing will show its themes' default questions; "
            "add '## Questions for reflection' to write your own (you must if its themes have none)"
        )
    left += _not_imported(word)
    left.append(
        "fix each line listed above, run 'briefings check --drafts' until it names no problem in this file, "
        "then change 'status: draft' to 'status: published'"
    )
    return left


def _not_imported(word: Word) -> list[str]:
    """What the draft does not show of the document, each said once, with what to do about it."""
    survey = word.survey
    told = []
    skipped = [
        plural(n, what)
        for n, what in (
            (word.images, "image"),
            (survey.charts, "chart or diagram"),
            (survey.embedded, "embedded document"),
            (survey.comments, "comment"),
            (survey.deletions, "tracked deletion"),
            (survey.moves, "tracked move's old place"),
        )
        if n
    ]
    if skipped:
        told.append(
            f"not imported from the document: {', '.join(skipped)} (tracked insertions were kept as text); read the draft beside it"
        )
    if survey.hidden:
        told.append(
            f"left out: {plural(len(survey.hidden), 'passage')} in Word's Hidden font, which Word does not show or print "
            f"({_quoted(survey.hidden)}); if it should be published, unhide it in Word and import again"
        )
    if survey.margins:
        told.append(
            f"not imported: the document's headers and footers ({_quoted(survey.margins)}); "
            "if they carry a protective marking (OFFICIAL-SENSITIVE), check that the briefing may be published"
        )
    if survey.equations:
        told.append(f"{plural(survey.equations, 'equation')} imported as plain text: check how they read")
    if survey.text_boxes:
        told.append(f"{plural(survey.text_boxes, 'text box', 'text boxes')} imported after the paragraph each was anchored in")
    if word.missing:
        told.append(
            f"{plural(len(word.missing), 'word')} of the document did not come through ({_quoted(word.missing)}): "
            "Word holds them where import cannot read (a shape, chart, form field or embedded object, or a footnote cited "
            "only from hidden text); find them in the document and copy them in where they belong"
        )
    told += [f"import could not read part of the document ({message}): compare the draft with it" for message in word.unread]
    return told


def _quoted(texts: list[str], most: int = 5) -> str:
    shown = ", ".join(repr(t if len(t) <= 60 else t[:57] + "...") for t in texts[:most])
    return shown + (f" and {len(texts) - most} more" if len(texts) > most else "")
