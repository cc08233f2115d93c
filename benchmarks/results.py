"""benchmarks/RESULTS.md, written in sections: scale.py writes the file, and each other benchmark replaces
its own section, which scale.py keeps."""

from __future__ import annotations

import os
import platform
from datetime import date
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
OWN_SECTIONS = (
    "## Performance mechanisms",
    "## Privacy scan",
    "## Before and after the one build path (issue 16)",
    "## Pages kept page by page (issue 16)",
    "## Where the build's time goes (issue 16)",
    "## PDF cache (issue 23)",
    "## PDF printers (issue 23)",
    "## Lighthouse: page weight on a phone",
    "## Largest page at 1,000 audits",
)
"""Written by benchmarks/mechanisms.py, privacy_scan.py, pdf_cache.py, pdf_printers.py, lighthouse.py and page_size.py,
and sections measured by hand."""


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


def kept_sections() -> str:
    """The sections other benchmarks wrote, to append when scale.py rewrites the file."""
    current = _sections(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    return "".join(f"\n{heading}\n{current[heading].rstrip()}\n" for heading in OWN_SECTIONS if heading in current)


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
