"""A plain-text rendering of a briefing, for screen readers, e-mail and very slow connections."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from generator.model import PARTNERS_NOTICE, STEPS, Briefing, Status, Taxonomy, progress
from generator.site.markup import to_html
from generator.site.totals import written

WIDTH = 78


def fill(text: str, first: str = "", rest: str = "") -> str:
    """Wrap at spaces only: a hyphenated word or a long link stays whole, so it can be found and copied.

    Greedy, like `textwrap.fill(..., break_on_hyphens=False, break_long_words=False)`, at a fraction of its cost.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > WIDTH:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else (rest if lines else first) + word
    return "\n".join([*lines, line] if line else lines)


def _start(attrs: list[tuple[str, str | None]]) -> int:
    """The number an ordered list's first item shows (`<ol start="3">`, as the page shows it): 1 unless given."""
    value = dict(attrs).get("start") or ""
    return int(value) if value.strip().lstrip("-").isdigit() else 1


class _TextWriter(HTMLParser):
    """Sanitised author HTML to wrapped text: paragraphs, bulleted and numbered lists, table rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[int]] = []
        self.prefix = ""

    def _flush(self) -> None:
        """The words so far as a block; a list item's number or bullet waits for its first words (in a loose list,
        those of the paragraph the item starts with)."""
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.blocks.append(fill(text, self._indent() + self.prefix, self._indent() + "   "))
            self.prefix = ""

    def _indent(self) -> str:
        return "   " * max(0, len(self.lists) - 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "tr", "h3", "h4", "h5", "h6", "pre", "blockquote"):
            self._flush()
        if tag in ("ul", "ol"):
            self._flush()
            if self.prefix:  # an item that starts with a list of its own: its number on a line of its own
                self.blocks.append(self._indent() + self.prefix.rstrip())
                self.prefix = ""
            self.lists.append([_start(attrs) - 1] if tag == "ol" else [])
        elif tag == "li" and self.lists:
            counter = self.lists[-1]
            if counter:
                counter[0] += 1
                self.prefix = f"{counter[0]}. "
            else:
                self.prefix = "-  "
        elif tag in ("td", "th") and self.current:
            self.current.append(" | ")
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
            self.prefix = ""  # an item with no words
        elif tag in ("p", "li", "tr", "h3", "h4", "h5", "h6", "pre", "blockquote"):
            self._flush()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks)


def markdown_to_text(markdown: str) -> str:
    writer = _TextWriter()
    writer.feed(to_html(markdown))
    return writer.text()


def briefing_text(b: Briefing, taxonomy: Taxonomy, url: str, today: date, successor: tuple[str, str] | None = None) -> str:
    """The whole briefing as text: the same source, steps and facts as the page (and, as on the page, first the
    briefing that replaces it: `successor`'s title and address)."""
    facts = [f"Published: {b.published.isoformat()}", f"Review due: {b.review_due.isoformat()}"]
    if b.is_audit:
        facts.insert(
            0,
            f"Type: {taxonomy.audit_types[b.audit_type or '']}; audit date {b.date.isoformat()} (reporting year {b.reporting_year})",
        )
        if b.cases is not None:
            facts.append(f"Cases audited: {written(b.cases)}")
        if b.children is not None:
            facts.append(f"Children: {written(b.children)}")
    elif b.source:
        facts.insert(0, f"Source: {b.source}")
    if b.agencies:
        facts.append("Agencies: " + ", ".join(taxonomy.agencies[k] for k in b.agencies))
    facts.append("Themes: " + ", ".join(taxonomy.themes[k].label for k in b.themes))
    parts = [f"{b.title.upper()}\n{'=' * min(WIDTH, len(b.title))}", fill(b.summary), "\n".join(facts)]  # underlined
    if successor:
        parts.insert(0, fill(f"SUPERSEDED: this briefing has been replaced by {successor[0]}: {successor[1]}"))
    if b.status is Status.RESTRICTED:
        parts.insert(0, PARTNERS_NOTICE.upper())
    for number, ((_, heading), body) in enumerate(zip(STEPS, b.steps, strict=True), start=1):
        text = (
            "\n".join(f"-  {q}" for q in b.default_questions) if number == 6 and b.default_questions else markdown_to_text(body)
        )
        parts += [f"{number}. {heading.upper()}", text]
        if number == 5 and b.actions:
            done = progress(b.actions, today)
            rows = [
                f"-  {a.text} ({taxonomy.owners[a.owner]}, due {a.due.isoformat()}, {a.status}{', OVERDUE' * a.overdue(today)})"
                for a in b.actions
            ]
            parts += [f"Action plan: {done}.", "\n".join(rows)]
    for entry in b.good_practice:
        parts += [
            f"GOOD PRACTICE: {entry.title} ({', '.join(taxonomy.agencies[key] for key in entry.agencies)})",
            markdown_to_text(entry.body),
        ]
    parts.append(f"Read online: {url}")
    return "\n\n".join(parts) + "\n"
