"""The parts of a `.docx` that mammoth does not show, read before it runs, so that nothing leaves a Word
document unseen: what can be made readable is rewritten in a copy for mammoth (fields, right-to-left runs,
ruby, equations, text boxes without a fallback); what is left out on purpose is counted or quoted for the
author (hidden text, comments, tracked deletions, headers and footers, charts, embedded documents); and any
word of the document that still did not come through is named (`missing_words`).

Element names are matched by local name, so a document saved as Strict Open XML reads as a Transitional one.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

BODY = "word/document.xml"
STYLES = "word/styles.xml"
NOTES = ("word/footnotes.xml", "word/endnotes.xml")
MAX_PART_BYTES = 50_000_000
"""A document part larger than this (uncompressed) is refused: a report is a few hundred kilobytes, and a
part this size would take minutes and gigabytes to convert."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_UNWRAP = ("fldSimple", "dir", "bdo")
"""Wrappers mammoth drops with everything inside: a simple field (a date, a document property), and runs
marked right-to-left."""
_OFF = ("0", "false", "off")
_MARGINS = re.compile(r"^word/(?:header|footer)\d*\.xml$")
_WORD = re.compile(r"[^\W_]+")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|td|th|caption)>|<br\s*/?>")
"""Where mammoth's HTML ends a paragraph or cell, so that words either side stay apart."""


class UnreadablePart(Exception):
    """The document has a part too large to read."""


@dataclass
class Survey:
    """What a document holds that the draft does not show as text, for the author."""

    comments: int = 0
    deletions: int = 0
    moves: int = 0
    """Tracked moves: the text is kept at its new place, and left out at its old one."""
    hidden: list[str] = field(default_factory=list)
    """Text in Word's Hidden font: left out, as Word leaves it out of what it shows and prints."""
    margins: list[str] = field(default_factory=list)
    """Each header's and footer's text, once (a protective marking such as OFFICIAL-SENSITIVE often sits there)."""
    charts: int = 0
    embedded: int = 0
    """Whole documents embedded in this one (Word's altChunk), which mammoth cannot read."""
    equations: int = 0
    text_boxes: int = 0
    words: Counter[str] = field(default_factory=Counter)
    """Every word a reader of the document sees in its body and notes, for `missing_words`."""


def prepare(archive: zipfile.ZipFile) -> tuple[bytes, Survey]:
    """A copy of the document that mammoth reads whole, and the survey of the original."""
    _refuse_large(archive)
    survey = Survey()
    names = archive.namelist()
    if "word/comments.xml" in names:
        survey.comments = sum(1 for _ in _root(archive, "word/comments.xml").iter("{*}comment"))
    survey.margins = list(dict.fromkeys(text for name in names if _MARGINS.match(name) if (text := _text(_root(archive, name)))))
    hidden_styles = _hidden_styles(_root(archive, STYLES)) if STYLES in names else frozenset()
    rewritten = {}
    for name in (BODY, *NOTES):
        if name in names:
            root = _root(archive, name)
            _rewrite(root, survey, hidden_styles)
            survey.words += _words(root)
            rewritten[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _copy(archive, rewritten), survey


def missing_words(survey: Survey, converted: str) -> list[str]:
    """Words of the document that mammoth's HTML lacks, in the document's order of first use."""
    spaced = _BLOCK_END.sub(lambda end: " " + end.group(), converted)
    text = lxml_html.fromstring(f"<div>{spaced}</div>").text_content()
    return list(survey.words - Counter(_WORD.findall(text.lower())))


def _refuse_large(archive: zipfile.ZipFile) -> None:
    for info in archive.infolist():
        if info.filename.startswith("word/") and info.file_size > MAX_PART_BYTES:
            raise UnreadablePart(
                f"its part {info.filename} holds {info.file_size // 1_000_000} MB of text and markup, more than a report "
                f"can ({MAX_PART_BYTES // 1_000_000} MB); split the document, or save a copy without its large tables or objects"
            )


def _root(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name), _PARSER)


def _rewrite(root: etree._Element, survey: Survey, hidden_styles: frozenset[str]) -> None:
    """Make the part's text readable to mammoth, and count what stays out of the draft."""
    survey.deletions += sum(1 for d in root.iter("{*}del") if _local(d.getparent()) != "rPr")
    survey.moves += sum(1 for m in root.iter("{*}moveFrom") if _local(m.getparent()) != "rPr")
    survey.charts += sum(1 for _ in root.iter("{*}chart", "{*}relIds"))
    survey.embedded += sum(1 for _ in root.iter("{*}altChunk"))
    for run in [r for r in root.iter("{*}r") if _hidden(r, hidden_styles)]:
        if text := _text(run):
            survey.hidden.append(text)
        run.getparent().remove(run)
    for name in _UNWRAP:
        for element in list(root.iter(f"{{*}}{name}")):
            _replace(element, list(element))
    for ruby in list(root.iter("{*}ruby")):
        _ruby(ruby)
    for equation in list(root.iter("{*}oMath")):
        survey.equations += 1
        _replace(
            equation.getparent() if _local(equation.getparent()) == "oMathPara" else equation, [_run(equation, _text(equation))]
        )
    for box in list(root.iter("{*}txbxContent")):
        survey.text_boxes += _lift(box)


def _hidden(run: etree._Element, hidden_styles: frozenset[str]) -> bool:
    """Hidden by the run's own formatting, else by its character style or its paragraph's style."""
    vanish = run.find("{*}rPr/{*}vanish")
    if vanish is not None:
        return _value(vanish) not in _OFF
    paragraph = next((a for a in run.iterancestors() if _local(a) == "p"), None)
    styles = [run.find("{*}rPr/{*}rStyle"), paragraph.find("{*}pPr/{*}pStyle") if paragraph is not None else None]
    return any(style is not None and _attribute(style, "val") in hidden_styles for style in styles)


def _hidden_styles(styles: etree._Element) -> frozenset[str]:
    """Ids of the styles that hide their text, themselves or through the styles they are based on."""
    vanish, based_on = {}, {}
    for style in styles.iter("{*}style"):
        name = _attribute(style, "styleId")
        mark = style.find("{*}rPr/{*}vanish")
        vanish[name] = None if mark is None else _value(mark) not in _OFF
        parent = style.find("{*}basedOn")
        based_on[name] = _attribute(parent, "val") if parent is not None else ""

    def hides(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if vanish.get(name) is not None:
            return bool(vanish[name])
        parent = based_on.get(name, "")
        return bool(parent) and parent not in seen and hides(parent, seen | {name})

    return frozenset(name for name in vanish if hides(name))


def _attribute(element: etree._Element, name: str) -> str:
    return next((v for k, v in element.attrib.items() if etree.QName(k).localname == name), "")


def _value(element: etree._Element) -> str:
    return _attribute(element, "val").lower() or "1"


def _local(element: etree._Element | None) -> str:
    return etree.QName(element).localname if element is not None else ""


def _replace(element: etree._Element, replacements: list[etree._Element]) -> None:
    """Put `replacements` where `element` was, keeping what follows it."""
    parent = element.getparent()
    index = parent.index(element)
    parent.remove(element)
    for offset, item in enumerate(replacements):
        parent.insert(index + offset, item)


def _run(like: etree._Element, text: str) -> etree._Element:
    """A run of plain text, in the namespace of the part it goes into."""
    namespace = next(
        (etree.QName(a).namespace for a in like.iterancestors() if _local(a) in ("p", "body")), etree.QName(like).namespace
    )
    run = etree.Element(f"{{{namespace}}}r")
    written = etree.SubElement(run, f"{{{namespace}}}t")
    written.text = text
    written.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _ruby(ruby: etree._Element) -> None:
    """Ruby (a reading written above its base) as the base followed by the reading in brackets."""
    outer = ruby.getparent()
    base = [r for b in ruby.iterchildren("{*}rubyBase") for r in b.iterchildren("{*}r")]
    reading = " ".join(_text(r) for r in ruby.iterchildren("{*}rt"))
    _replace(outer if _local(outer) == "r" else ruby, [*base, _run(ruby, f" ({reading})")] if reading else base)


def _lift(box: etree._Element) -> int:
    """Move a text box's paragraphs after the paragraph it is anchored in, where mammoth reads them, unless
    mammoth reads them already (an old-style box, or one with a fallback); 1 if it moved any."""
    ancestors = [_local(a) for a in box.iterancestors()]
    if "pict" in ancestors or "Fallback" in ancestors:
        return 0
    choice = next((a for a in box.iterancestors() if _local(a) == "AlternateContent"), None)
    if choice is not None and any(_local(c) == "Fallback" for c in choice):
        return 0
    anchor = [a for a in box.iterancestors() if _local(a) == "p"][-1]
    paragraphs = list(box.iterchildren("{*}p", "{*}tbl"))
    for offset, paragraph in enumerate(paragraphs, start=1):
        anchor.addnext(paragraph) if offset == 1 else paragraphs[offset - 2].addnext(paragraph)
    return 1 if paragraphs else 0


def _text(element: etree._Element) -> str:
    """The element's text as Word shows it, one space between paragraphs."""
    pieces = []
    for node in element.iter("{*}t", "{*}p", "{*}tab", "{*}br"):
        pieces.append(node.text or "" if _local(node) == "t" else " ")
    return " ".join("".join(pieces).split())


def _words(root: etree._Element) -> Counter[str]:
    """Words a reader sees, each paragraph's runs joined as Word joins them (a word can span runs): never in a
    fallback copy of a shape (the shape itself is read), a tracked deletion or a move's old place."""
    skipped = {n for s in root.iter("{*}Fallback", "{*}del", "{*}moveFrom") for n in s.iter()}
    paragraphs: dict[etree._Element | None, list[str]] = {}
    for node in root.iter("{*}t", "{*}tab", "{*}br"):
        if node in skipped:
            continue
        paragraph = next((a for a in node.iterancestors() if _local(a) == "p"), None)
        paragraphs.setdefault(paragraph, []).append(node.text or "" if _local(node) == "t" else " ")
    return Counter(word for pieces in paragraphs.values() for word in _WORD.findall("".join(pieces).lower()))


def _copy(archive: zipfile.ZipFile, rewritten: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, rewritten.get(info.filename) or archive.read(info))
    return out.getvalue()
