"""The whole site the core makes from the fixture content, against the golden copy a person reviewed (tests/golden/).

It runs the core in memory, with no engine and no browser, so any change to any output shows here at once.
After an intended change, regenerate the copy with `python -m tests.golden` and review `git diff tests/golden`
before committing it.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden import REGENERATE, build, read

DIFFS_SHOWN = 3
"""Changed files whose diff the failure shows in full; the rest are named."""


def differences(expected: dict[str, str], actual: dict[str, str]) -> str:
    """Every missing, extra and changed file at once, with the diffs of the first few changed ones."""
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(path for path in expected.keys() & actual.keys() if expected[path] != actual[path])
    report = [
        f"{title} ({len(paths)}): {', '.join(paths)}"
        for title, paths in (
            ("in tests/golden/ but no longer made", missing),
            ("made but not in tests/golden/", extra),
            ("changed", changed),
        )
        if paths
    ]
    for path in changed[:DIFFS_SHOWN]:
        diff = difflib.unified_diff(
            expected[path].splitlines(keepends=True), actual[path].splitlines(keepends=True), f"golden/{path}", f"now/{path}"
        )
        report.append("".join(diff))
    return "\n".join(report)


def test_the_core_makes_the_golden_site() -> None:
    found = differences(read(), build())
    if found:
        pytest.fail(
            f"the site differs from tests/golden/; if the change is intended, run `{REGENERATE}` and review `git diff tests/golden`\n{found}",
            pytrace=False,
        )
