"""Does each performance mechanism pay for itself? The full build of N synthetic audits, with each mechanism
switched off in turn (by patching the build in its own process, so the shipped code has no switches).

Run: .venv/bin/python benchmarks/mechanisms.py [N ...]      (default: 1000 5000)

A mechanism stays only while, without it, a target fails or the 1,000-audit build is at least 10% slower.
Writes the section "Performance mechanisms" of benchmarks/RESULTS.md (scale.py keeps it when it rewrites
the rest of the file).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import machine, write_section
from scale import WORK, run
from synthetic import make_project

HEADING = "## Performance mechanisms"

BUILD = """
import sys
from contextlib import contextmanager
from generator import build
from generator import memory
from generator.content import parse
from generator.output import postbuild
from generator import tasks
{patch}
from generator.cli import main
sys.exit(main(["build", "--pdf", "skip"]))
"""

VARIANTS: dict[str, str] = {
    "as shipped": "",
    "core in one process (no forked workers, `tasks.shared_out`)": """
@contextmanager
def serial(function, items, workers, chunk=None):
    yield map(function, items)
tasks.shared_out = serial
""",
    "pages checked after the build (no checking worker, `postbuild.PageChecks`)": """
shipped = postbuild.PostBuild.__init__
def one_worker(self, *args, **kwargs):
    shipped(self, *args, **{**kwargs, "workers": 1})
postbuild.PostBuild.__init__ = one_worker
""",
    "pages the worker has not reached left to it (not shared, `postbuild.PageChecks.shared`)": """
postbuild.PageChecks.shared = lambda self: self.worker.answers()
""",
    "search index after the build (not started once the briefings are written)": """
def written(self, dest):
    if self.page_checks:
        self.page_checks.written(dest)
postbuild.PostBuild.written = written
""",
    "pages in the core's order (no `build.writing_order`)": """
build.writing_order = lambda output: 0
""",
    "no freed memory handed back (`memory.give_back`)": """
tasks.give_back = postbuild.give_back = memory.give_back = lambda: None
""",
    "forked workers kept until every result is read (no `pool.close()` in `tasks.shared_out`)": """
from multiprocessing.pool import Pool
Pool.close = lambda self: None
""",
    "documents sent back whole from the workers (`Document.without_body`)": """
parse.Document.without_body = lambda self: self
""",
    "generated files held as text (not compressed in `sitemodel.Output`)": """
import types
from generator import sitemodel
sitemodel.zlib = types.SimpleNamespace(compress=lambda data, level: data, decompress=lambda data: data)
""",
    "page HTML handed to MkDocs as it reads each page (as where another plugin could read it: not in `on_page_context`)": """
from generator.engines.mkdocs import plugin
shipped_content = plugin.BriefingsPlugin.on_page_content
def whole(self, html, page, config, files):
    html = shipped_content(self, html, page, config, files)
    output = self.pages.pop(page.file.src_uri, None)
    return output.content if output is not None else html
plugin.BriefingsPlugin.on_page_content = whole
""",
}


def measure(count: int) -> dict[str, tuple[float, float]]:
    project = make_project(WORK / f"audits-{count}", count)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in VARIANTS}
    for _ in range(3 if count <= 1000 else 1):  # alternating, so that a slow spell of the machine hits every variant
        for name, patch in VARIANTS.items():
            runs[name].append(run([sys.executable, "-c", BUILD.format(patch=patch)], project))
            print(f"{count:,} audits, {name}: {runs[name][-1][0]:.1f} s, {runs[name][-1][2]:.0f} MB", flush=True)
    return {name: (statistics.median(r[0] for r in found), max(r[2] for r in found)) for name, found in runs.items()}


def section(results: dict[int, dict[str, tuple[float, float]]]) -> str:
    counts = sorted(results)
    head = " | ".join(f"{c:,} audits: build (vs shipped), peak of all processes" for c in counts)
    lines = [
        HEADING,
        "",
        f"Produced by `.venv/bin/python benchmarks/mechanisms.py` on: {machine()}. Builds with `--pdf skip`; up to 1,000",
        "audits the median of three runs (variants alternating), peaks the largest of them. A mechanism is kept while,",
        "without it, the 1,000-audit build is at least 10% slower or a target fails (peak ≤ 500 MB at 5,000 audits;",
        "5,000 ÷ 1,000 ≤ 5.5×; a target that fails as shipped too counts only if it is more than 5% worse without the",
        "mechanism). On this shared machine runs of the same build vary by about ±20%.",
        "",
        f"| mechanism switched off | {head} | verdict |",
        "|---|" + "---|" * (len(counts) + 1),
    ]
    for name in VARIANTS:
        cells = []
        for count in counts:
            seconds, peak = results[count][name]
            shipped = results[count]["as shipped"][0]
            change = "" if name == "as shipped" else f" ({(seconds / shipped - 1) * 100:+.0f}%)"
            cells.append(f"{seconds:.1f} s{change}, {peak:.0f} MB")
        lines.append(f"| {name} | {' | '.join(cells)} | {verdict(results, name)} |")
    return "\n".join(lines) + "\n"


def verdict(results: dict[int, dict[str, tuple[float, float]]], name: str) -> str:
    """Keep or remove, by the rule above, with the reasons. A target that fails as shipped too counts against
    removing a mechanism only if, without it, the figure is worse by more than the machine's noise."""
    if name == "as shipped":
        return ""
    reasons = []
    if 1000 in results:
        slower = results[1000][name][0] / results[1000]["as shipped"][0] - 1
        if slower >= 0.10:
            reasons.append(f"1,000 audits {slower:+.0%}")
    if 5000 in results:
        peak, shipped_peak = results[5000][name][1], results[5000]["as shipped"][1]
        if peak > 500 and (shipped_peak <= 500 or peak > shipped_peak * 1.05):
            reasons.append(f"peak {peak:.0f} MB at 5,000 (as shipped {shipped_peak:.0f} MB)")
        if 1000 in results:
            ratio = results[5000][name][0] / results[1000][name][0]
            shipped_ratio = results[5000]["as shipped"][0] / results[1000]["as shipped"][0]
            if ratio > 5.5 and (shipped_ratio <= 5.5 or ratio > shipped_ratio * 1.05):
                reasons.append(f"5,000 ÷ 1,000 = {ratio:.1f}× (as shipped {shipped_ratio:.1f}×)")
        slower = results[5000][name][0] / results[5000]["as shipped"][0] - 1
        if slower >= 0.10:
            reasons.append(f"5,000 audits {slower:+.0%}")
    return f"kept: without it, {'; '.join(reasons)}" if reasons else "remove: it does not pay"


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [1000, 5000]
    results = {count: measure(count) for count in counts}
    text = section(results)
    write_section(HEADING, text)
    print(text)


if __name__ == "__main__":
    main()
