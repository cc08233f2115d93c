"""benchmarks/RESULTS.md, written in sections: scale.py writes the file, and each other benchmark replaces
its own section, which scale.py keeps."""

from __future__ import annotations

import os
import platform
from datetime import date
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SCALE_SECTIONS = ("## The core without Python-Markdown", "## Choices")
"""The sections scale.py writes every time, under its table (and `## Preview` when it measures the preview)."""


def _sections(text: str) -> dict[str, str]:
    """Each `## ` section of `text` by its heading line, with its body."""
    parts = ("\n" + text).split("\n## ")[1:]
    return {"## " + part.split("\n", 1)[0]: part.split("\n", 1)[1] if "\n" in part else "" for part in parts}


def write_section(heading: str, text: str) -> None:
    """Replace the section under `heading` (or add it at the end), leaving the rest of RESULTS.md as it is."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    before, _, after = current.partition(heading)
    rest = after.split("\n## ", 1)[1] if "\n## " in after else ""
    RESULTS.write_text(
        before.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n" + ("\n## " + rest if rest else ""), encoding="utf-8"
    )


def kept_sections(written: tuple[str, ...]) -> str:
    """Every section but those scale.py has just `written`, in their order, to append when it rewrites the file:
    the other benchmarks' sections and those measured by hand."""
    current = _sections(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    return "".join(f"\n{heading}\n{body.rstrip()}\n" for heading, body in current.items() if heading not in written)


def machine() -> str:
    """The machine and versions a benchmark ran on, for the line above each section it writes."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, pagefind {version('pagefind')}, {date.today().isoformat()}"
    )
