from __future__ import annotations

from datetime import date

import pytest

from generator.model import Audience, Status, reporting_year
from generator.sitemodel import Output, visible


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2017, 3, 31), "2016/17"),
        (date(2017, 4, 1), "2017/18"),
        (date(2000, 1, 1), "1999/00"),
        (date(2099, 12, 31), "2099/00"),
    ],
)
def test_reporting_year_runs_from_1_april_to_31_march(day: date, year: str) -> None:
    assert reporting_year(day) == year


@pytest.mark.parametrize(
    ("status", "audience", "drafts", "shown"),
    [
        (Status.PUBLISHED, Audience.PUBLIC, False, True),
        (Status.RESTRICTED, Audience.PUBLIC, False, False),
        (Status.RESTRICTED, Audience.PUBLIC, True, False),
        (Status.RESTRICTED, Audience.PARTNERS, False, True),
        (Status.DRAFT, Audience.PARTNERS, False, False),
        (Status.DRAFT, Audience.PUBLIC, True, True),
    ],
)
def test_visibility(status: Status, audience: Audience, drafts: bool, shown: bool) -> None:
    assert visible(status, audience, drafts) is shown


@pytest.mark.parametrize(
    "content",
    [
        "<p>Plain</p>",
        "<p>Word’s “quotes”, a no-break\u00a0space, an emoji 🧸 and a lone \ud800 surrogate</p>",
        b"PK\x03\x04 a Word file's bytes \xff\x00",
        "",
    ],
)
def test_a_generated_file_gives_back_exactly_what_it_was_given(content: str | bytes) -> None:
    """Kept compressed until the engine writes it: nothing an author wrote may change on the way."""
    output = Output("briefings/x.md", content)
    assert output.content == content
    assert type(output.content) is type(content)
    assert output.size == len(content)


def test_generated_files_are_equal_exactly_when_their_contents_are() -> None:
    """A preview writes again only the files whose content changed (`Output` equality)."""
    assert Output("a.md", "<p>Same</p>") == Output("a.md", "<p>Same</p>")
    assert Output("a.md", "<p>Same</p>") != Output("a.md", "<p>Same.</p>")
    assert Output("a.md", "<p>Same</p>") != Output("a.md", b"<p>Same</p>")
    assert Output("a.md", "x", searchable=True) != Output("a.md", "x")
    assert "packed" not in repr(Output("a.md", "x"))
