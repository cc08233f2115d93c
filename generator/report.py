"""How problems reach people: plain `path:line: message` lines, plus GitHub annotations in Actions.

In GitHub Actions (`GITHUB_ACTIONS=true`) each problem is also printed as a workflow command
(`::error file=…,line=…::message`), which GitHub shows on the changed line of a pull request,
and a short Markdown summary is appended to `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .model import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub workflow command that marks `problem` on its file and line."""
    return f"::{level} file={_escape_property(problem.path)},line={problem.line}::{_escape_data(problem.message)}"


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_problems(errors: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
    for problem in [*errors, *warnings]:
        print(problem)
    if in_github_actions():
        for problem in errors:
            print(annotation(problem))
        for problem in warnings:
            print(annotation(problem, "warning"))


def write_step_summary(title: str, outcome: str, errors: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
    """Append a Markdown summary for the Actions run page (no-op outside Actions)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not in_github_actions() or not target:
        return
    lines = [f"### {title}", "", outcome, ""]
    rows = [("error", p) for p in errors] + [("warning", p) for p in warnings]
    if rows:
        lines += ["| | where | problem |", "|---|---|---|"]
        lines += [f"| {kind} | `{p.path}:{p.line}` | {_cell(p.message)} |" for kind, p in rows]
        lines.append("")
    with open(target, "a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")
