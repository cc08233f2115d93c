"""Benchmark the preview loop: save one audit under `briefings serve`, time until the browser shows it.

Run: .venv/bin/python benchmarks/preview.py [N]      (default: 1000 audits)

It starts `briefings serve` on N synthetic audits, opens the audit's briefing page in Chromium (the
page reloads itself through MkDocs' live reload, as an author's browser does), then edits the audit
file several times and prints, for each save, the seconds until the new text is on screen. The audit
is restored afterwards. Two kinds of edit are timed: a body sentence (only that briefing changes) and
the title (listings and theme pages change too). Writes the section "Preview" of benchmarks/RESULTS.md
(scale.py writes it too, when it measures 1,000 audits).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from playwright.sync_api import sync_playwright
from results import machine, write_section
from synthetic import make_project

from generator.engines.mkdocs.runner import Engine
from generator.output.pdf import LAUNCH_ARGS, find_chromium

WORK = Path(__file__).resolve().parent / "work"
HEADING = "## Preview"
BIN = Path(sys.executable).parent
ADDRESS = "127.0.0.1:8123"
SAVES = 5


def wait_until_served(url: str, server: subprocess.Popen, limit: float = 600) -> float:
    """Seconds until the first build is served (the preview's start-up cost)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise SystemExit(f"briefings serve exited; see {WORK / 'preview-serve.log'}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} was not served within {limit} s")


def timed_saves(page, audit: Path, edit) -> list[float]:
    """Seconds from each save until its marker is visible in the (self-reloading) page."""
    original = audit.read_text(encoding="utf-8")
    seconds = []
    try:
        for n in range(SAVES):
            marker = f"Preview marker {n} {time.time_ns()}"
            audit.write_text(edit(original, marker), encoding="utf-8")
            start = time.perf_counter()
            # a reload may be under way, with no body yet
            page.wait_for_function("m => document.body?.innerText.includes(m)", arg=marker, timeout=60_000, polling=50)
            seconds.append(time.perf_counter() - start)
            time.sleep(1)  # let the watcher settle so saves do not coalesce
    finally:
        audit.write_text(original, encoding="utf-8")
    return seconds


def in_body(text: str, marker: str) -> str:
    return text.replace("## Background\n\n", f"## Background\n\n{marker}. ", 1)


def in_title(text: str, marker: str) -> str:
    return text.replace('title: "', f'title: "{marker} — ', 1)


def measure_preview(project: Path) -> dict[str, object]:
    """Start-up seconds, and the seconds from each save to the change on screen, for each kind of edit."""
    audit = project / "content" / "audits" / "audit-00001.md"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (WORK / "preview-serve.log").open("w")  # a pipe nobody reads would fill and stall the server
    server = subprocess.Popen(
        [str(BIN / "briefings"), "serve", "--dev-addr", ADDRESS],
        cwd=project,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    url = f"http://{ADDRESS}{urlparse(Engine(project).project().site_url).path}briefings/audit-00001/"
    try:
        startup = wait_until_served(url, server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
            page = browser.new_page()
            page.goto(url)
            saves = {"a body sentence": timed_saves(page, audit, in_body), "the title": timed_saves(page, audit, in_title)}
            browser.close()
    finally:
        server.terminate()  # stops cleanly, like Ctrl-C, however this script was started (a shell's background job ignores SIGINT)
        server.wait(timeout=30)
        log.close()
    return {"startup": startup, "saves": saves}


def report(count: int, result: dict[str, object]) -> list[str]:
    lines = [f"`briefings serve` on {count:,} audits: first build served after {result['startup']:.1f} s."]
    for name, runs in result["saves"].items():
        timings = ", ".join(f"{s:.2f}" for s in runs)
        lines.append(
            f"Saving {name} of one audit → visible in the browser: median {statistics.median(runs):.2f} s, "
            f"slowest {max(runs):.2f} s ({timings})."
        )
    return lines


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    project = WORK / f"audits-{count}"
    if not (project / "content" / "audits" / f"audit-{count:05d}.md").exists():
        make_project(project, count)
    lines = report(count, measure_preview(project))
    print("\n".join(lines))
    produced = f"Produced by `.venv/bin/python benchmarks/preview.py {count}` on: {machine()}."
    write_section(HEADING, "\n".join([HEADING, "", produced, "", *lines]))


if __name__ == "__main__":
    main()
