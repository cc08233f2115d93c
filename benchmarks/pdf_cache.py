"""Benchmark: what the PDF cache saves a publisher, at 1,000 synthetic audits (issue 23, item 2).

Run: .venv/bin/python benchmarks/pdf_cache.py [N]      (default: 1000; needs /usr/bin/chromium)

In one project, each a whole `briefings build` (wall time):
1. without PDFs (`--pdf skip`);
2. with PDFs and an empty cache (`.briefings-cache/pdf/` removed): every briefing printed, once;
then three rounds, alternating so that a busy spell on the shared machine spreads over all of them:
3. with PDFs, nothing changed: every PDF reused;
4. one sentence added to one audit (another each round), then with PDFs: that briefing printed, the rest reused;
5. without PDFs, after the same change.
Target: the median of 4 at most 1.5 times the median of the builds without PDFs (1 and 5). Prints the
figures and writes the section "PDF cache (issue 23)" of benchmarks/RESULTS.md, with the machine's load.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import machine, write_section
from scale import BIN, WORK
from synthetic import make_project

from generator.output.pdf import PDF_CACHE, find_chromium

HEADING = "## PDF cache (issue 23)"
TARGET = 1.5
COUNTS = re.compile(r"\((\d+) printed, (\d+) reused")
ROUNDS = 3
BUILD_DATE = "2026-11-01"
"""Fixed: an action plan's caption gives the build date ("as at …"), so a new day reprints every briefing with one."""
NAMES = (
    "without PDFs",
    "with PDFs, empty cache",
    "with PDFs, nothing changed",
    "with PDFs, after changing one audit",
)


def build(project: Path, pdf: str) -> tuple[float, str]:
    """Wall seconds of one `briefings build --pdf <pdf>`, and what it printed and reused."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "briefings"), "build", "--pdf", pdf, "--build-date", BUILD_DATE],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"briefings build --pdf {pdf} failed:\n{done.stderr[-2000:]}")
    counts = COUNTS.search(done.stdout)
    return seconds, f"{counts.group(1)} printed, {counts.group(2)} reused" if counts else "no PDFs"


def change_one_audit(project: Path, index: int) -> str:
    """Add a sentence to one audit's text (not its title or summary): its page, and only its page, changes."""
    name = f"audit-{index:05d}.md"
    file = project / "content" / "audits" / name
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace("## Why it matters\n\n", "## Why it matters\n\nThe partnership discussed this audit again. ", 1),
        encoding="utf-8",
    )
    return name


def same_or_each(values: list[str]) -> str:
    """One value if every run gave it, else each run's."""
    return values[0] if len(set(values)) == 1 else "; ".join(values)


def load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    if find_chromium() is None:
        raise SystemExit("Chromium was not found (apt-get install chromium, or set BRIEFINGS_CHROMIUM)")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    project = make_project(WORK / f"pdf-cache-{count}", count)
    shutil.rmtree(project / PDF_CACHE, ignore_errors=True)
    before = load()
    runs: dict[str, list[tuple[float, str]]] = {name: [] for name in NAMES}
    runs[NAMES[0]].append(build(project, "skip"))
    runs[NAMES[1]].append(build(project, "require"))
    changed = []
    for turn in range(ROUNDS):
        runs[NAMES[2]].append(build(project, "require"))
        changed.append(change_one_audit(project, count // 2 + turn))
        runs[NAMES[3]].append(build(project, "require"))
        runs[NAMES[0]].append(build(project, "skip"))
    after = load()
    without = statistics.median(seconds for seconds, _ in runs[NAMES[0]])
    median = {name: statistics.median(seconds for seconds, _ in found) for name, found in runs.items()}
    table = [
        f"| {name} | {', '.join(f'{s:.1f}' for s, _ in found)} | {median[name]:.1f} s | {median[name] / without:.2f}× | "
        f"{same_or_each([pdfs for _, pdfs in found])} |"
        for name, found in runs.items()
    ]
    ratio = median[NAMES[3]] / without
    text = "\n".join(
        [
            HEADING,
            "",
            f"Produced by `.venv/bin/python benchmarks/pdf_cache.py {count}` on: {machine()}. {count:,} synthetic audits,",
            "each run a whole `briefings build`; the builds with a warm cache and without PDFs alternate, three rounds",
            f"(changed: {', '.join(changed)}, one sentence each). Load average (1, 5, 15 min) {before} before and {after}",
            "after: the machine is shared, and other builds and tests ran meanwhile.",
            "",
            "| build | runs (s) | median | ÷ without PDFs | PDFs, each run |",
            "|---|---|---|---|---|",
            *table,
            "",
            f"Target: a build after changing one audit, PDFs included, at most {TARGET}× the build without PDFs: "
            f"{ratio:.2f}×, {'met' if ratio <= TARGET else 'NOT met'}.",
        ]
    )
    print(text)
    write_section(HEADING, text)


if __name__ == "__main__":
    main()
