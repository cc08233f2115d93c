"""Benchmark at archive scale: prints figures for N synthetic audits and writes benchmarks/RESULTS.md.

Run: .venv/bin/python benchmarks/scale.py [N ...]      (default: 100 1000 5000)

For each N it measures, in one process tree so ratios hold on a noisy machine:
- the generator core (load + validate + render, no MkDocs), per audit: as a build runs it, shared out
  among the machine's cores (`generator.tasks`), and in one process; and the same again with
  Python-Markdown left out, to show what the rest of the core costs;
- the full `briefings build --pdf skip` (wall time: up to 1,000 audits the median of three runs that
  alternate with the bare build's; peak memory of its largest process, and of all its processes together,
  counting memory that forked processes share once: proportional set size);
- the built site's size and page count;
- a bare `mkdocs build` of the same number of plain ~600-word pages, none in the navigation;
- the bytes a browser downloads (gzip, as a static host serves them) to show the first result of a
  one-word query: with the shipped Pagefind search, and with Material's search on the same content.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from preview import measure_preview, report
from results import RESULTS, SCALE_SECTIONS, kept_sections, machine
from synthetic import make_plain_project, make_project

from generator.model import Audience
from generator.output.pdf import LAUNCH_ARGS, find_chromium
from generator.pipeline import check, generate
from generator.site import markup
from generator.site.markup import to_html
from generator.sitemodel import Settings
from generator.tasks import cores

WORK = Path(__file__).resolve().parent / "work"
BIN = Path(sys.executable).parent
QUERY = "chronology"
SHIPPED_BOX = (".pagefind-ui__search-input", ".pagefind-ui__result-link")


def tree_pss_mb(root: int) -> float:
    """Memory of a process and all its descendants right now (Linux /proc): their proportional set size,
    in which a page that forked processes share counts once, split among them."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += parents.get(pid, [])
        with contextlib.suppress(OSError, IndexError, ValueError):
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1)) * 1024
    return total / 1e6


def run(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds of one child process, its largest process's peak memory (MB: ru_maxrss over it and its
    children) and the peak of all its processes together (sampled every 250 ms: a sample reads every process's
    memory map, which takes processor time from the build it measures)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty build would fill a pipe nobody reads
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        together = 0.0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            together = max(together, tree_pss_mb(child.pid))
            time.sleep(0.25)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, together


def core_ms_per_audit(root: Path, count: int, workers: int) -> float:
    statement = {
        "organisation": "Bench",
        "contact_url": "https://example.org/",
        "status": "partially",
        "response_days": 5,
        "prepared": "-",
        "reviewed": "-",
    }
    settings = Settings("Bench", "https://example.org/bench/", build_date=date(2026, 11, 1), accessibility=statement)
    runs = []
    for _ in range(3 if count <= 1000 else 1):
        to_html.cache_clear()  # every run renders every audit afresh, as a build does
        start = time.perf_counter()
        checked = check(root, "content", workers=workers)
        generate(checked, settings, Audience.PUBLIC, drafts=False, workers=workers)
        runs.append(time.perf_counter() - start)
        assert checked.ok, checked.problems[:3]
    return statistics.median(runs) * 1000 / count


class _Escaper:
    """Stands in for Python-Markdown: each text escaped into one paragraph, at almost no cost (the sanitiser still runs)."""

    def reset(self) -> _Escaper:
        return self

    def convert(self, text: str) -> str:
        return f"<p>{html.escape(text)}</p>"


def core_without_markdown(root: Path, count: int, workers: int) -> float:
    """The core per audit with Python-Markdown left out: what no faster Markdown engine could save."""
    with mock.patch.object(markup, "_converter", _Escaper()):
        return core_ms_per_audit(root, count, workers)


def site_size(site: Path) -> tuple[float, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, sum(1 for p in files if p.name == "index.html")


def search_bytes(site: Path, engine: str) -> int:
    """Gzip bytes of every search resource a real browser fetches to show the first results, typing a query
    into the header's search box as a reader does (with Pagefind: every part of the index it merges)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from tests.support import served

    fetched: dict[str, int] = {}
    with sync_playwright() as playwright, served(site) as base:
        browser = playwright.chromium.launch(executable_path=str(find_chromium()), args=LAUNCH_ARGS)
        page = browser.new_page()

        def record(response) -> None:
            url = response.url
            if ("search" in url and engine == "material") or (engine == "pagefind" and re.search(r"/pagefind(-\d+)?/", url)):
                with contextlib.suppress(PlaywrightError):  # a response without a body (redirect) costs nothing
                    fetched[url] = len(gzip.compress(response.body(), 6))

        page.on("response", record)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        box, result = ("input[name=query]", ".md-search-result__item") if engine == "material" else SHIPPED_BOX
        page.click(box)
        page.keyboard.type(QUERY)
        page.wait_for_selector(result, timeout=120_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(fetched.values())


def measure(count: int) -> dict[str, float]:
    project = make_project(WORK / f"audits-{count}", count)
    core = core_ms_per_audit(project, count, cores())
    core_alone = core_ms_per_audit(project, count, 1)
    rest, rest_alone = core_without_markdown(project, count, cores()), core_without_markdown(project, count, 1)
    build = [str(BIN / "briefings"), "build", "--pdf", "skip"]
    bare = [str(BIN / "mkdocs"), "build", "-q"]
    builds = [run(build, project)]
    size_mb, pages = site_size(project / "site")
    plain = make_plain_project(WORK / f"plain-{count}", pages)
    bares = [run(bare, plain)]
    for _ in range(2 if count <= 1000 else 0):  # medians of three, alternating, where runs are short
        builds.append(run(build, project))
        bares.append(run(bare, plain))
    build_s, build_mb, build_all_mb = (
        statistics.median(b[0] for b in builds),
        max(b[1] for b in builds),
        max(b[2] for b in builds),
    )
    bare_s, bare_mb = statistics.median(b[0] for b in bares), max(b[1] for b in bares)
    result = {
        "audits": count,
        "core_ms": core,
        "core_alone_ms": core_alone,
        "rest_ms": rest,
        "rest_alone_ms": rest_alone,
        "build_s": build_s,
        "build_mb": build_mb,
        "build_all_mb": build_all_mb,
        "site_mb": size_mb,
        "pages": pages,
        "bare_s": bare_s,
        "bare_mb": bare_mb,
    }
    if find_chromium():
        result["pagefind_kb"] = search_bytes(project / "site", "pagefind") / 1000
        result["material_kb"] = search_bytes(material_variant(project, count), "material") / 1000
    return result


def material_variant(project: Path, count: int) -> Path:
    """The same content built with Material's own search (plugin and header box restored), for comparison.

    The built-site scan refuses Material's index (numbers from neighbouring table cells run together in its
    text, read as an NHS number), and a refused build leaves no site. So a hook, run before every other
    post-build step, writes Material's index and copies the finished site aside (`site-material/`) for the
    measurement; the build itself then fails, as it should."""
    variant = WORK / f"material-{count}"
    shutil.rmtree(variant, ignore_errors=True)
    shutil.copytree(project, variant, ignore=shutil.ignore_patterns("site"))
    (variant / "overrides" / "partials" / "header.html").unlink()
    (variant / "keep_site.py").write_text(KEEP_SITE)
    config = variant / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n", 1) + "hooks:\n  - keep_site.py\n")
    subprocess.run([str(BIN / "mkdocs"), "build", "-q"], cwd=variant, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not (variant / "site-material" / "search" / "search_index.json").is_file():
        raise SystemExit(f"the Material search variant in {variant} wrote no search index")
    return variant / "site-material"


KEEP_SITE = """
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(100)
def on_post_build(config):
    search = next(plugin for name, plugin in config.plugins.items() if name.endswith("search"))
    search.on_post_build(config=config)
    shutil.copytree(config.site_dir, Path(config.config_file_path).parent / "site-material")
"""


ROW = "| {audits:,} | {core_ms:.2f} ms ({core_alone_ms:.2f} ms) | {build_s:.1f} s | {build_mb:.0f} MB ({build_all_mb:.0f} MB) | {site_mb:.0f} MB ({pages:,} pages) | {bare_s:.1f} s | {ratio:.2f}× | {material_kb} | {pagefind_kb} |"

SPLIT_ROW = "| {audits:,} | {core_ms:.2f} ms ({core_alone_ms:.2f} ms) | {rest_ms:.2f} ms ({rest_alone_ms:.2f} ms) |"


def row(r: dict[str, float]) -> str:
    fmt = {k: v for k, v in r.items()}
    fmt["ratio"] = r["build_s"] / r["bare_s"]
    fmt["material_kb"] = f"{r['material_kb']:,.0f} KB" if "material_kb" in r else "–"
    fmt["pagefind_kb"] = f"{r['pagefind_kb']:,.0f} KB" if "pagefind_kb" in r else "–"
    return ROW.format(**fmt)


PREVIEW_AUDITS = 1000
CHOICES = """
## Choices

- **Search: Pagefind, not Material's search.** Both were measured above on the same content: Material's
  index is downloaded whole before the first result (it grows with the archive), Pagefind's in chunks.
  Pagefind reads only the briefing pages (`--glob`) and writes a large archive's index in parts of 1,000
  briefings (`search_part_size`), one after another, because it holds a whole index in memory (about
  200 MB per 1,000 briefings); the search box merges the parts.
- **Every core:** the core reads, parses, scans and checks content files, and renders briefings, in short-lived
  forked workers (`generator.tasks`); the build hands the engine the briefing pages early
  (`build.writing_order`) and starts Pagefind as soon as they are written, so it indexes while the engine
  writes the other pages; a worker process checks each page as soon as it is written
  (`postbuild.PageChecks`), instead of a pass over the finished site. Each of these is measured without
  it under *Performance mechanisms* below.
- **Navigation:** briefings are reached from listings and theme pages, never from the navigation, which
  MkDocs renders into every page (quadratic). Listings and indexes are built once per build.
- **Pages as HTML:** the core writes each generated page's HTML itself (in the workers, for the briefings)
  with an outline of its headings, and hands MkDocs empty Markdown, so MkDocs' Markdown pass, about 1 ms a
  page in one process, has nothing to convert; the page's title, table of contents and anchors come from
  the outline.
- **Memory:** the build holds each generated file from the time the core makes it until the engine
  writes it, so it holds them compressed (`sitemodel.Output`: a page's HTML takes about a quarter of the
  space), and it lets go of the content check's results once the pages are made. MkDocs keeps what a plugin
  gives it for each page until it has read every page: the plugin gives it a page's HTML only just before
  the theme wraps it (`on_page_context`; where another plugin, hook or extra template could read pages
  earlier, it gets the HTML at once, as before), drops it once the page is written, and every other generated file once it is
  copied (the engine takes the files from the build's `Job`, which keeps none). Freed memory is handed back to the system
  (glibc's `malloc_trim`, `generator.memory`) before the core forks its workers, which would otherwise keep
  copies of pages the build process reuses, and before Pagefind starts. The core's workers send each
  checked document back without its body, which the build process would otherwise read and free, leaving
  its memory fragmented. Long listings are written, and checked, before the briefings, so that the checks'
  largest parses are over when Pagefind runs beside the build. All processes together are counted by
  proportional set size (memory that forked processes share counts once); their peak comes while the core's
  forked workers render the briefings (Pagefind writing a part, about 200 MB beside the build process, comes
  second).
- **Preview:** `briefings serve` makes dirty rebuilds: the core keeps each file's parse, scan, validation
  and rendered pages between rebuilds (pipeline.Memo; the pages other than the briefings' are made from a
  listing view of the site, without the steps, and kept while that view is unchanged; when it changes, each
  page is made again only if its arguments or what its template read of the site changed, `site.kept`),
  MkDocs rewrites only pages whose content changed,
  the theme's templates are compiled once for the session (`jinja.CompiledTemplates`), the output scan rereads
  only files written since they passed and checks again only those whose bytes changed (MkDocs rewrites its
  sitemap at every rebuild), a worker interpreter checks the files other than pages and a share of the pages
  while the preview checks the rest (`postbuild.Checker`), the site folder is listed with `os.scandir` (`sitedir.files_in`), not `Path.rglob`, and
  Pagefind catches up in the background.
- **Not met, and why** (2026-12-06, the table above, on a 2-core Intel Xeon): met: all processes together peak
  at 492 MB at 5,000 audits (target 500 MB, a thin margin: 489 to 498 MB in the runs of *The mechanisms measured
  again* below), 5,000 ÷ 1,000 is 4.48× (target 5.5×), and the preview (the section *Preview*) shows a saved
  sentence in 1.13 s and a saved title in 1.65 s at the median of five saves, the slowest 2.08 s (target 3 s).
  Not met: at 1,000 audits the build takes 2.74× a bare MkDocs build of the same page count (target 1.3×). On
  2026-12-03 this table, made on a 2-core AMD EPYC, said 1.73×: that machine's bare build took 22.1 s against
  6.6 s here, and the full build 38.2 s against 18.0 s. The ratio depends on the machine as much as on the code,
  because the two builds do different work: the bare build is one process, and the full build uses about 31 s of
  processor time against the bare build's 6 s. It checks and privacy-scans every content file, renders every
  page itself, scans every built page and file again as the last privacy guard (about half of the 31 s), and
  indexes the briefings for search. Without the built-site scan, the rest, shared perfectly over the 2 cores,
  would already be about 1.15×; 1.3× would leave that scan a tenth of the processor time it takes (*The
  mechanisms measured again, and what the build's time is made of*). The target needs more cores or less work
  per build, and the privacy checks stay.
"""


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]
    lines = [
        "| audits | core per audit: on all cores (in one process) | full build | peak memory: largest process (all processes together) | output | bare MkDocs, same page count | build ÷ bare | Material search (not shipped): first result | Pagefind (shipped): first result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    results = []
    for count in counts:
        result = measure(count)
        results.append(result)
        lines.append(row(result))
        print(lines[-1], flush=True)
    split = [
        "\n## The core without Python-Markdown\n",
        "The same core runs with Python-Markdown left out (each text escaped into one paragraph, then sanitised as usual):",
        "what remains is what no faster Markdown engine could save.\n",
        "| audits | core per audit: on all cores (in one process) | without Python-Markdown |",
        "|---|---|---|",
        *(SPLIT_ROW.format(**r) for r in results),
    ]
    scaling = ""
    if len(results) >= 2 and results[-1]["audits"] == 5 * results[-2]["audits"]:
        scaling = f"\nBuild time at {results[-1]['audits']:,} ÷ at {results[-2]['audits']:,}: {results[-1]['build_s'] / results[-2]['build_s']:.2f}× (linear would be 5×).\n"
    preview = ""
    if PREVIEW_AUDITS in counts and find_chromium():
        preview = (
            "\n## Preview\n\n" + "\n".join(report(PREVIEW_AUDITS, measure_preview(WORK / f"audits-{PREVIEW_AUDITS}"))) + "\n"
        )
        print(preview, flush=True)
    text = (
        "# Benchmark results\n\nProduced by `.venv/bin/python benchmarks/scale.py` on: "
        + machine()
        + ".\n\n"
        + "Build times up to 1,000 audits are medians of three runs, alternating with the bare build's.\n\n"
        + "\n".join(lines)
        + "\n"
        + scaling
        + "\n".join(split)
        + "\n"
        + preview
        + CHOICES
    )
    text += kept_sections(SCALE_SECTIONS + (("## Preview",) if preview else ()))
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
