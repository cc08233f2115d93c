"""How problems reach people: plain `path:line: message` lines, plus GitHub annotations in Actions.

In GitHub Actions (`GITHUB_ACTIONS=true`) each problem is also printed as a workflow command
(`::error file=…,line=…::message`), which GitHub shows on the changed line of a pull request,
and a short Markdown summary is appended to `$GITHUB_STEP_SUMMARY`. A setting's problem is reported at the
line it is written on (`written_line`); the engine's own messages are shown on stderr (`show_log`).
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import sys
import traceback
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TextIO

from generator.model import Problem, printable


def did_you_mean(word: str, options: list[str]) -> str:
    """A hint for a near-miss spelling, or nothing."""
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def table_cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table."""
    return " ".join(text.split()).replace("|", "\\|")


def annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub workflow command that marks `problem` on its file and line."""
    return f"::{level} file={_escape_property(problem.path)},line={problem.line}::{_escape_data(printable(problem.message))}"


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


class Reporter:
    """Where every problem goes, from the content checks and from the built site alike: `path:line: message`
    lines on `stream` (standard output when None), and in GitHub Actions an annotation for each and a
    summary on the run's page."""

    def __init__(self, stream: TextIO | None = None, repeat: bool = True) -> None:
        self.stream = stream
        self.repeat = repeat
        """Whether a content check's reminders are printed again when the last check gave them too (not in a preview)."""
        self.reminded: frozenset[Problem] = frozenset()

    def unrepeated(self, reminders: Sequence[Problem], saved: Collection[str] = ()) -> list[Problem]:
        """The `reminders` to print: every one, or, where reminders are not repeated, those the last check did not give
        and those of the files just `saved`. A preview's save rebuilds: the same hundreds of reminders (reviews due,
        writing notes) would hide its new one, while a warning still there after a save to mend it must show."""
        last, self.reminded = self.reminded, frozenset(reminders)
        return [r for r in reminders if self.repeat or r not in last or r.path in saved]

    def message(self, text: str) -> None:
        print(text, file=self.stream or sys.stdout)

    def problems(self, errors: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
        for problem in [*errors, *warnings]:
            self.message(str(problem))
        if in_github_actions():
            for problem in errors:
                self.message(annotation(problem))
            for problem in warnings:
                self.message(annotation(problem, "warning"))

    def built_site(self, problems: Sequence[Problem], consequence: str) -> None:
        """Report what the checks of a built site found, and what became of the build."""
        self.problems(problems)
        outcome = f"{plural(len(problems), 'problem')} in the built site; {consequence}."
        self.message(outcome)
        write_step_summary("briefings build", outcome, problems)


def template_problem(error: BaseException, root: Path) -> Problem | None:
    """Where in one of the project's templates (the theme's, in `overrides/`) `error` stopped the engine, as a
    problem at that line, or None: whoever edits a template fixes it there, and the traceback is the engine's code,
    not theirs. Jinja puts a template's lines in the traceback as frames of the template's own file. Where it stopped
    in the theme's own templates (Material's), the project's line that used them is named; but a template that
    extends another passes through its top-level code into the other's, at whatever top-level line ran last (its
    extends line, or a `set` after it): no line of it is to blame then, unless the error is raised there."""
    root = root.resolve()
    frames = traceback.extract_tb(error.__traceback__)
    templates = [(frame, Path(frame.filename).resolve()) for frame in frames if _is_template(Path(frame.filename))]
    innermost = templates[-1] if templates else None
    mine = [(frame, file) for frame, file in templates if file.is_relative_to(root) and "site-packages" not in file.parts]
    through = [(frame, file) for frame, file in mine if (frame, file) != innermost and _passes_through(frame, file)]
    ours = [found for found in mine if found not in through]
    if not ours or innermost is None:
        return None
    (frame, file), what = ours[-1], f"{error} ({type(error).__name__})"
    if frame is innermost[0]:
        made = "; if the name it was not found by is made from a setting (an icon), check that in mkdocs.yml"
        message = f"this template stopped the build: {what}; mend this line, or undo the last change to this file" + (
            made if type(error).__name__ == "TemplateNotFound" else ""
        )
    else:
        message = (
            f"the theme's template {_theme_name(innermost[1])}, used here, stopped the build: {what}; if this line "
            "changed lately, mend it, or else check the settings that template reads (in mkdocs.yml, or the page's own)"
        )
    ran = [(passed, passed_file) for passed, passed_file in through if _reads_what_set(frame.line, passed.line)]
    if ran:  # a top-level `set` there is read by every template it extends
        passed, passed_file = ran[-1]
        message += f"; or else {passed_file.relative_to(root).as_posix()}:{passed.lineno}, which ran just before it"
    return Problem(file.relative_to(root).as_posix(), frame.lineno or 1, message)


def _reads_what_set(line: str | None, top_level: str | None) -> bool:
    """Whether `line` reads a name that the `top_level` line of a template extending its own sets."""
    assigned = _SET.match(top_level or "")
    return bool(assigned and re.search(rf"\b{re.escape(assigned.group(1))}\b", line or ""))


_SET = re.compile(r"\s*\{%[-+]?\s*set\s+(\w+)")


def _passes_through(frame: traceback.FrameSummary, file: Path) -> bool:
    """Whether `frame` is the top-level code of a template that extends another, on its way into that one."""
    try:
        text = JINJA_COMMENT.sub("", file.read_text(encoding="utf-8"))
        return frame.name == "top-level template code" and bool(_EXTENDS.search(text))
    except (OSError, UnicodeDecodeError):
        return False


_EXTENDS = re.compile(r"\{%[-+]?\s*extends\b")
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
"""A template's comments, which Jinja never writes."""


def _theme_name(file: Path) -> str:
    """A theme's template by the name templates use for it (`partials/social.html`)."""
    parts = file.parts
    return "/".join(parts[len(parts) - parts[::-1].index("templates") :]) if "templates" in parts else file.name


def report_template_error(error: BaseException, root: Path, reporter: Reporter) -> bool:
    """Report an engine error that stopped in one of the project's templates at its line; whether it did."""
    problem = template_problem(error, root)
    if problem:
        reporter.problems([problem])
    return problem is not None


def _is_template(file: Path) -> bool:
    return file.suffix != ".py" and file.is_file()


def print_problems(errors: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
    Reporter().problems(errors, warnings)


def write_step_summary(title: str, outcome: str, errors: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
    """Append a Markdown summary for the Actions run page (no-op outside Actions)."""
    lines = [f"### {title}", "", outcome, ""]
    rows = [("error", p) for p in errors] + [("warning", p) for p in warnings]
    if rows:
        lines += ["| | where | problem |", "|---|---|---|"]
        lines += [f"| {kind} | `{p.path}:{p.line}` | {table_cell(p.message)} |" for kind, p in rows]
        lines.append("")
    append_step_summary("\n".join(lines) + "\n")


def append_step_summary(markdown: str) -> None:
    """Add Markdown to the Actions run's page (no-op outside Actions)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if in_github_actions() and target:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(markdown)


def written_line(text: str, keys: Sequence[str]) -> int:
    """The line of a YAML file's block mapping where the nested key `keys` is written (`extra`, `briefings`,
    `report_concern`), or where the deepest of its parents that is written is (1 if none is)."""
    line, indent, depth = 1, -1, 0
    for number, written in enumerate(text.splitlines(), start=1):
        stripped = written.lstrip()
        stripped = stripped.removeprefix("- ") if depth else stripped  # a plugin's options: `- briefings:` in a list
        if not stripped or stripped.startswith("#"):
            continue
        at = len(written) - len(stripped)
        if depth and at <= indent:
            break  # past the mapping that should have held the next key
        if at > indent and re.match(rf"{re.escape(keys[depth])}\s*:", stripped):
            line, indent, depth = number, at, depth + 1
            if depth == len(keys):
                break
    return line


class _ToStderr(logging.Handler):
    """The engine reports through logging; show its messages on whatever stderr is current."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname}: {record.getMessage()}", file=sys.stderr)


def show_log(name: str, level: int) -> None:
    """Show the messages of the logger `name` (the engine's) from `level` up on stderr, once however often called."""
    logger = logging.getLogger(name)
    logger.setLevel(level)
    if not any(isinstance(h, _ToStderr) for h in logger.handlers):
        logger.addHandler(_ToStderr())
