"""Lighthouse (mobile, simulated slow 4G) on each page type of the sample site, beside a bare Material page.

Both sites are served on loopback twice: with gzip, as GitHub Pages serves them, and without compression, as
some intranets and a quick local check do. Each page is measured three times; the medians go into their
section of benchmarks/RESULTS.md. Needs `npm ci --prefix tests/tools` (Lighthouse is pinned there) and
Debian's chromium at /usr/bin/chromium:

    .venv/bin/python benchmarks/lighthouse.py
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.results import write_section  # noqa: E402
from benchmarks.synthetic import make_plain_project  # noqa: E402

LIGHTHOUSE = REPO / "tests" / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")
HEADING = "## Lighthouse: page weight on a phone"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Gzipped(Quiet):
    """Text files gzipped when the browser accepts it, as GitHub Pages serves them."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def served(folder: Path, handler: type[SimpleHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(work: Path) -> tuple[Path, Path]:
    """The repo's sample site (without PDFs) and a bare Material site of plain pages."""
    sample = work / "sample"
    sample.mkdir()
    for name in ("mkdocs.yml", "overrides", "content"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, sample / name)
    environment = os.environ | {"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator.cli", "build", "--pdf", "skip"], cwd=sample, env=environment, check=True)
    bare = make_plain_project(work / "bare", 2)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=bare, env=environment, check=True)
    return sample / "site", bare / "site"


def lighthouse(url: str) -> dict[str, float]:
    """One mobile run: each category's score (0-100) and the bytes transferred."""
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    return scores | {"bytes": report["audits"]["total-byte-weight"]["numericValue"]}


def median(url: str) -> dict[str, float]:
    runs = [lighthouse(url) for _ in range(RUNS)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def page_types(site: Path) -> dict[str, str]:
    briefing = sorted(p.parent.parent.name for p in site.glob("briefings/*/record/index.html"))[0]
    theme = sorted(p.parent.name for p in site.glob("themes/*/index.html"))[0]
    return {
        "home": "",
        "a briefing": f"briefings/{briefing}/",
        "archive": "archive/",
        "a theme": f"themes/{theme}/",
        "showcase": "showcase/",
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        site, bare = build(Path(temporary))
        rows = []
        for compression, handler in (("gzip", Gzipped), ("none", Quiet)):
            with served(site, handler) as base, served(bare, handler) as bare_base:
                for name, path in [*page_types(site).items(), ("bare Material page", "page-00001/")]:
                    result = median((bare_base if name.startswith("bare") else base) + path)
                    rows.append((compression, name, result))
                    print(compression, name, result, flush=True)
    version = json.loads((LIGHTHOUSE.resolve().parents[1] / "package.json").read_text())["version"]
    lines = [
        HEADING,
        "",
        f"Produced by `benchmarks/lighthouse.py`: Lighthouse {version}, mobile (simulated slow 4G, throttled CPU), Debian "
        "chromium, the sample site (`content/`) served on loopback with and without gzip beside a bare Material page "
        f"(mkdocs-material with its own search, one page of text). Medians of {RUNS} runs; transfer is Lighthouse's total "
        "byte weight.",
        "",
        "Tables (2026-12-03): the archive scored 95-96 with gzip (total blocking time 210-260 ms) while Material's "
        "script moved each of its five tables into a scrolling wrapper after the first layout; with the tables built "
        "already wrapped and classed (`generator/site/tables.py`), which that script leaves alone, its blocking time fell "
        "to 120-130 ms and the score to the figures below (with no tables at all: 90 ms, 99).",
        "",
        "| served | page | performance | accessibility | best practices | SEO | transferred |",
        "|---|---|---|---|---|---|---|",
    ]
    for compression, name, result in rows:
        lines.append(
            f"| {compression} | {name} | {result['performance']:.0f} | {result['accessibility']:.0f} | "
            f"{result['best-practices']:.0f} | {result['seo']:.0f} | {result['bytes'] / 1024:.0f} KiB |"
        )
    write_section(HEADING, "\n".join(lines))


if __name__ == "__main__":
    main()
