"""Headings are found exactly where Python-Markdown will render them."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.content.parse import find_headings

SAMPLES = [
    "## Background\n\nText\n\n### Sub\n",
    "```\n## Not a heading\n```\n\n## After the fence\n",
    "~~~\n# Not\n~~~\n#Hashtag heading\n",
    "    ## indented code\n\n## Real\n",
    "Title\n-----\n\nBody\n\nOther\n=====\n",
    "## Closing hashes ##\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_headings_match_python_markdown(text: str) -> None:
    html = markdown.markdown(text, extensions=["fenced_code"])
    rendered = [
        (int(h.name[1]), h.get_text()) for h in BeautifulSoup(html, "html.parser").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]
    assert [(h.level, h.title) for h in find_headings(text, 1)] == rendered


def test_heading_lines_are_file_lines() -> None:
    assert [(h.title, h.line, h.setext) for h in find_headings("intro\n\n## A\n\nB\n-\n", 10)] == [
        ("A", 12, False),
        ("B", 14, True),
    ]
