"""What a line of Markdown shows beside its running text: a tag's attributes, a comment, an attribute list's and a
link's target. A reader reads them apart from the line (after an `ASIDE`), and the line's words run on without them
(`[Tyler](#a) Whitfield` reads as Tyler Whitfield)."""

from __future__ import annotations

import re
from urllib.parse import unquote

BLOCKS = frozenset(
    """address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form h1
    h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split()  # noqa: SIM905
)
"""HTML elements that part an author's text; any other tag in Markdown is dropped and its text runs on, as the
sanitiser does (`Ty<o:p></o:p>ler` from Word reads as Tyler)."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)?)(?=[\s/>])([^<>\n]*)>")
"""A tag on one line, its name perhaps with a prefix (Word's `<o:p>`). An autolink (`<https://…>`, `<mailto:…>`,
`<jane@…>`) is not a tag: a reader sees its text."""
_ATTRIBUTE = re.compile(r"""\b([A-Za-z][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
ATTRIBUTES_READ = frozenset(
    {"href", "src", "title", "alt", "content", "aria-label", "placeholder", "value", "label", "id", "name"}
)
"""Attributes a reader sees or follows: read beside the text, in content and in the built site alike (an element's
`id` or an anchor's `name` is in the address of every link to it)."""
_ATTR_ITEM = r"""(?:[.#][\w-]+|[A-Za-z][\w:-]*[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'}]+))"""
_ATTR_LIST = re.compile(rf"\{{:?[ \t]*{_ATTR_ITEM}(?:[ \t]+{_ATTR_ITEM})*[ \t]*\}}")
"""Python-Markdown's attribute list (`*Tyler*{: .x}`, `{ title="…" }`): not shown where the extension is on (the
hand-written pages), so it parts nothing."""
_LINK = re.compile(r"""!?\[([^\[\]\n]*)\](?:\(<?([^()\s<>]*)>?(?:[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'))?\)|\[[^\[\]\n]*\])""")
"""A Markdown link or image, inline (`[text](target "title")`) or by reference (`[text][1]`): its text is shown in
the line, its target and title beside it."""
_COMMENT = re.compile(r"<!--(.*?)-->")
_COMMENT_MARK = re.compile(r"<!--|-->")
ASIDE = " ¦ "
"""Parts a line's text from what stands beside it (a link's target, a comment): a reader reads them apart."""


def beside(line: str) -> str:
    """One line without its attribute lists, links' targets, tags and comments, what they show read beside it: an
    inline tag vanishes, any other tag parts text like a line break."""
    asides: list[str] = []

    def attributes(found: str) -> None:
        for name, *values in _ATTRIBUTE.findall(found):
            value = next((v for v in values if v), "")
            if value and name.lower() in ATTRIBUTES_READ:
                asides.append(unquote(value) if name.lower() in ("href", "src") else value)

    def attribute_list(match: re.Match[str]) -> str:
        attributes(match.group())
        return ""

    def link(match: re.Match[str]) -> str:
        asides.extend(unquote(part) if index == 2 else part for index, part in enumerate(match.groups()) if index and part)
        return match.group(1)

    def tag(match: re.Match[str]) -> str:
        attributes(match.group(3))
        return " " if match.group(2).lower() in BLOCKS else ""

    def comment(match: re.Match[str]) -> str:
        asides.append(match.group(1))
        return ""

    if "{" in line:
        line = _ATTR_LIST.sub(attribute_list, line)
    if "[" in line:
        line = _LINK.sub(link, line)
    if "<" in line:
        line = _TAG.sub(tag, _COMMENT_MARK.sub(" ", _COMMENT.sub(comment, line)))
    return line + "".join(ASIDE + aside for aside in asides)
