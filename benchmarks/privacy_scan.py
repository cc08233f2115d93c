"""Benchmark: the privacy scan's cost per 100 KB of realistic content (target: under 50 ms).

Run: .venv/bin/python benchmarks/privacy_scan.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from generator.privacy import scan_text

REPO = Path(__file__).resolve().parents[1]


def corpus(size: int) -> list[tuple[int, str]]:
    """The sample content repeated to `size` bytes, as numbered lines."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "content").rglob("*.md")))
    lines = (text * (size // len(text) + 1))[:size].split("\n")
    return list(enumerate(lines, start=1))


def main() -> None:
    for size in (100_000, 1_000_000):
        lines = corpus(size)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            scan_text(lines)
            runs.append(time.perf_counter() - start)
        per_100kb = statistics.median(runs) * 1000 * 100_000 / size
        print(
            f"{size / 1000:>6.0f} KB: median {statistics.median(runs) * 1000:7.1f} ms  ->  {per_100kb:5.1f} ms per 100 KB (target < 50)"
        )


if __name__ == "__main__":
    main()
