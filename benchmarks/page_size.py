"""The largest HTML pages of a site of 1,000 synthetic audits: no listing may grow without bound.

.venv/bin/python benchmarks/page_size.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.results import write_section  # noqa: E402
from benchmarks.synthetic import make_project  # noqa: E402

AUDITS = 1000
HEADING = "## Largest page at 1,000 audits"
SHOWN = 8


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        project = make_project(Path(temporary) / "project", AUDITS)
        environment = os.environ | {"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "build", "--pdf", "skip"], cwd=project, env=environment, check=True
        )
        site = project / "site"
        pages = sorted(
            ((p.stat().st_size, p.relative_to(site).parent.as_posix() + "/") for p in site.rglob("*.html")), reverse=True
        )
    lines = [
        HEADING,
        "",
        f"Produced by `benchmarks/page_size.py`: {AUDITS:,} synthetic audits (`synthetic.py`), {len(pages):,} HTML pages, "
        "long listings in pages of 100 items (`listing_page_size`). The largest, uncompressed:",
        "",
        "| page | HTML |",
        "|---|---|",
        *(f"| `{path}` | {size / 1024:.0f} KiB |" for size, path in pages[:SHOWN]),
    ]
    print("\n".join(lines))
    write_section(HEADING, "\n".join(lines))


if __name__ == "__main__":
    main()
