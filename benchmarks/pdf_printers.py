"""Benchmark: how many pages should print at once in the one Chromium (`pdf.print_pdfs`' `workers`)?

Run: .venv/bin/python benchmarks/pdf_printers.py [N] [PRINTERS ...]      (default: 40 briefings; 1 2 4)

Builds N synthetic audits without PDFs once, then prints all N with an empty cache for each number of pages
at a time, alternating over three rounds (medians), and writes the section "PDF printers (issue 23)" of
benchmarks/RESULTS.md. A build prints with as many pages at a time as the machine has cores (`tasks.cores`).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import machine, write_section
from scale import BIN, WORK
from synthetic import make_project

from generator.output.pdf import find_chromium, print_pdfs
from generator.tasks import cores

HEADING = "## PDF printers (issue 23)"
ROUNDS = 3


def main() -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium was not found (apt-get install chromium, or set BRIEFINGS_CHROMIUM)")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    printers = [int(a) for a in sys.argv[2:]] or [1, 2, 4]
    project = make_project(WORK / f"pdf-printers-{count}", count)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(BIN / "briefings"), "build", "--pdf", "skip"], cwd=project, env=env, check=True, capture_output=True)
    site = project / "site"
    slugs = sorted(page.parent.name for page in (site / "briefings").glob("audit-*/index.html"))
    times: dict[int, list[float]] = {n: [] for n in printers}
    before = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    for _ in range(ROUNDS):
        for n in printers:
            cache = Path(tempfile.mkdtemp())
            start = time.perf_counter()
            printed = print_pdfs(site, "https://example.org/bench/", slugs, chromium, "Bench", cache, n)
            times[n].append(time.perf_counter() - start)
            shutil.rmtree(cache)
            assert printed.printed == len(slugs)
    after = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    rows = [
        f"| {n} | {', '.join(f'{t:.1f}' for t in times[n])} | {statistics.median(times[n]):.1f} s | "
        f"{statistics.median(times[n]) * 1000 / len(slugs):.0f} ms |"
        for n in printers
    ]
    text = "\n".join(
        [
            HEADING,
            "",
            f"Produced by `.venv/bin/python benchmarks/pdf_printers.py {count}` on: {machine()} ({cores()} for this process).",
            f"{len(slugs)} briefings printed with an empty cache, three rounds alternating; load average (1, 5, 15 min)",
            f"{before} before and {after} after, on a machine shared with other builds.",
            "",
            "| pages at a time | runs (s) | median | per PDF |",
            "|---|---|---|---|",
            *rows,
        ]
    )
    print(text)
    write_section(HEADING, text)


if __name__ == "__main__":
    main()
