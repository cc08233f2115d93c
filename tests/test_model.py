from __future__ import annotations

from datetime import date

import pytest

from generator.model import Audience, Status, reporting_year
from generator.sitemodel import visible


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
