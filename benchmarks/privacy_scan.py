"""Benchmark: the privacy scan's cost per 100 KB (target: under 50 ms), both lines of defence.

- content: the sample content's Markdown as an audit is scanned (read as the reader reads it, then every
  detector, names included);
- built pages: the sample site's HTML pages as the output scan reads them (block text, attributes,
  comments; every detector but names).

The one speed mechanism in the detectors is measured too: the date-of-birth patterns run after a keyword, and on
a line under a label, only where a digit is within reach (`birthdates._DIGIT`; under a label, or a date's stand-in);
the content is scanned again with that look-ahead switched off.

Run: .venv/bin/python benchmarks/privacy_scan.py       (builds the sample site into a temporary folder)
Prints the figures and writes the section "Privacy scan" of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import machine, write_section

from generator.output.sitescan import check_html
from generator.privacy import birthdates
from generator.privacy.scan import scan_text

REPO = Path(__file__).resolve().parents[1]
RUNS = 5
HOSTILE = {
    "a DOB keyword, then 50,000 tabs": "DOB" + "\t" * 50_000 + " 1",
    "2,000 comments each holding DOB": "<!-- DOB -->\n\n" * 2_000 + "1",
    "2,000 lines of Date of birth": "Date of birth\n" * 2_000,
    "labels over lines of spaces and dashes": ("DOB\n" + "        ------------\n" * 6 + "x 1\n\n") * 200,
    "25,000 DOB keywords in one paragraph": "DOB-" * 25_000 + " 1",
    "a DOB row of 9,000 dates": "DOB\t" + "\t".join(["05/06/2014"] * 9_000),
    "6,500 'DOB: date;' in one paragraph": "DOB: 1/1/2012; " * 6_500,
    "20,000 'at' between names, then a domain": "a" + " at " * 20_000 + "x.com",
    "a name, 50,000 spaces, then '[at]'": "jane" + " " * 50_000 + "[at] example.org",
    "12,000 reference words before a code": "case ref " * 12_000 + "1234567",
    "4,000 names in a row": "Jordan Smith " * 4_000,
    "25,000 'due' words": "due " * 25_000 + "1",
    "20,000 'baby' words, then a due date": "baby " * 20_000 + "due on 14 June",
    "100,000 sevens": "7" * 100_000,
    "6,000 'gave birth to' before a date": "Mum gave birth to " * 6_000 + "x on 3 March 2021",
    "10,000 numbered streets": "\n".join(f"{n}. Laburnum Close" for n in range(2, 10_002)),
    "25,000 'www.' in one word, then a plus": "www." * 25_000 + " +",
    "10,000 'Mae angen' in one paragraph": "Mae angen " * 10_000,
    "20,000 names joined as an address": "-".join(["tyler"] * 20_000) + "-okafor",
    "a numbered street, its town's words far apart": "2. Station Road, Northbrook" + "          Mon" * 8_000 + "  9-5",
    "12,500 handles that are names run together": " @AmyLee" * 12_500,
    "8,000 register rows": "| Pupil | Year |\n|---|---|\n" + "| Patel, A. | Year 4 |\n" * 8_000,
}
"""Text made to make a pattern backtrack at length (after a keyword, every run of spacing and every skipped line
is bounded): each must cost about what ordinary text of its size does."""
HOSTILE_PAGE = '<img src="x.png" alt="Date of birth">\n' * 2_000


def markdown_corpus(size: int) -> list[tuple[int, str]]:
    """The sample content repeated to `size` bytes, as numbered lines."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "content").rglob("*.md")))
    lines = (text * (size // len(text) + 1))[:size].split("\n")
    return list(enumerate(lines, start=1))


def built_pages() -> list[Path]:
    site = Path(tempfile.mkdtemp()) / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=REPO, check=True, stdout=subprocess.DEVNULL
    )
    return sorted(site.rglob("*.html"))


def per_100kb(scan: Callable[[], object], size: int) -> tuple[float, float]:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        scan()
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs) * 1000
    return median, median * 100_000 / size


@contextmanager
def without_look_ahead() -> Iterator[None]:
    """The date-of-birth patterns tried after every keyword, a digit within reach or not."""
    with mock.patch.object(birthdates, "_DIGIT", re.compile("")):
        yield


def content_rows(label: str) -> tuple[list[str], list[float]]:
    """The table's rows for the content scan, and the time of each."""
    inputs = [("content (Markdown, names included)", markdown_corpus(size)) for size in (100_000, 1_000_000)]
    inputs += [(f"hostile content: {name}", list(enumerate(text.split("\n"), start=1))) for name, text in HOSTILE.items()]
    rows, times = [], []
    for name, lines in inputs:
        size = sum(len(line.encode()) + 1 for _, line in lines)
        median, rate = per_100kb(lambda lines=lines: scan_text(lines), size)
        rows.append(f"| {label}{name} | {size / 1000:,.0f} KB | {median:.1f} ms | {rate:.1f} ms |")
        times.append(median)
    return rows, times


def look_ahead_verdict(shipped: list[float], without: list[float]) -> str:
    """Kept while, without it, some input is at least 10% slower to scan (the rule of `mechanisms.py`)."""
    worst = max(off / on - 1 for on, off in zip(shipped, without, strict=True))
    verdict = "kept" if worst >= 0.10 else "remove: it does not pay"
    return f"Digit look-ahead: {verdict} (without it, the input it helps most takes {worst:+.0%})."


def main() -> None:
    rows, shipped = content_rows("")
    data = HOSTILE_PAGE.encode()
    median, rate = per_100kb(lambda: check_html("hostile.html", data, "example.org", set()), len(data))
    rows.append(
        f"| hostile page: 2,000 images labelled Date of birth | {len(data) / 1000:,.0f} KB | {median:.1f} ms | {rate:.1f} ms |"
    )
    pages = built_pages()
    size = sum(page.stat().st_size for page in pages)
    median, rate = per_100kb(lambda: [check_html(p.name, p.read_bytes(), "example.org", set()) for p in pages], size)
    rows.append(
        f"| built pages (HTML, {len(pages)} pages of the sample site) | {size / 1000:,.0f} KB | {median:.1f} ms | {rate:.1f} ms |"
    )
    with without_look_ahead():
        unchecked, without = content_rows("without the digit look-ahead: ")
    rows += unchecked
    text = "\n".join(
        [
            "## Privacy scan",
            "",
            f"Produced by `.venv/bin/python benchmarks/privacy_scan.py` on: {machine()}. Median of {RUNS} runs; target: under",
            "50 ms per 100 KB for the whole scan (the text read as its reader reads it, then every detector).",
            "",
            "| scanned | size | time | per 100 KB |",
            "|---|---|---|---|",
            *rows,
            "",
            look_ahead_verdict(shipped, without),
        ]
    )
    print(text)
    write_section("## Privacy scan", text)


if __name__ == "__main__":
    main()
