"""The `briefings` command: check, build, serve and start new content."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from . import engine
from .linkcheck import check_links
from .model import Audience
from .parallel import cores
from .pdf import find_chromium, link_pdfs, print_pdfs
from .pipeline import Checked, check, publishable_slugs
from .report import print_problems, write_step_summary
from .scaffold import ScaffoldError, new_file
from .sitedir import replace_on_success
from .validate import load_taxonomy


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def report(checked: Checked) -> int:
    """Print every problem as `path:line: message`, then a summary; the exit status follows the errors."""
    print_problems(checked.problems, checked.warnings)
    if checked.allowances:
        print(f"Privacy allowances in use ({len(checked.allowances)}):")
        for allowance in checked.allowances:
            print(f'  {allowance.path}:{allowance.line}: allows "{allowance.text}" because: {allowance.reason}')
    drafts = checked.drafts_skipped
    skipped = f"{_plural(len(drafts), 'draft')} skipped (not checked, not published)"
    if drafts:
        skipped += ": " + ", ".join(drafts)
    if checked.problems:
        files = len({p.path for p in checked.problems})
        outcome = f"{_plural(len(checked.problems), 'problem')} in {_plural(files, 'file')}; nothing was built. {skipped}."
    else:
        warnings = f" {_plural(len(checked.warnings), 'privacy warning')} to review." if checked.warnings else ""
        outcome = f"All content is valid: {_plural(len(checked.briefings), 'briefing')} checked. {skipped}.{warnings}"
    print(outcome)
    write_step_summary("briefings check", outcome, checked.problems, checked.warnings)
    return 1 if checked.problems else 0


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    return report(check(root, engine.content_dir(root), args.drafts, args.strict_privacy, workers=cores()))


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    checked = check(root, engine.content_dir(root), args.drafts, args.strict_privacy, workers=cores())
    if report(checked):
        return 1
    audience = Audience(args.audience)
    chromium = find_chromium() if args.pdf != "skip" else None
    if args.pdf == "require" and chromium is None:
        print(
            "build failed: --pdf require, but Chromium was not found (apt-get install chromium, or set BRIEFINGS_CHROMIUM)",
            file=sys.stderr,
        )
        return 1
    try:
        with replace_on_success(root / "site") as staging:
            engine.build(root, staging, audience, args.drafts, checked)
            if chromium:
                link_pdfs(staging, print_pdfs(staging, publishable_slugs(checked, audience), chromium))
    except Exception as error:  # the engine reports its own details; the old site/ stays as it was
        print(f"build failed: {error}; the previous site/ was left unchanged", file=sys.stderr)
        return 1
    pdfs = "with a PDF of each briefing" if chromium else "without PDFs (Chromium not found or --pdf skip)"
    print(f"Built the {args.audience} site into site/, {pdfs}.")
    return 0


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    engine.serve(root, args.drafts, args.dev_addr)
    return 0


def cmd_linkcheck(root: Path, args: argparse.Namespace) -> int:
    site = root / args.site
    if not (site / "index.html").is_file():
        print(f"{args.site}/ holds no built site; run briefings build first", file=sys.stderr)
        return 1
    result = check_links(site, engine.site_url(root))
    print_problems(result.problems)
    if args.external:
        for url in sorted(result.external):
            print(f"external (not fetched): {url}")
    outcome = (
        f"{_plural(result.checked, 'internal link')} checked: {_plural(len(result.problems), 'problem')}. "
        f"{_plural(len(result.external), 'external link')} listed, not fetched."
    )
    print(outcome)
    write_step_summary("briefings linkcheck", outcome, result.problems)
    return 1 if result.problems else 0


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    content = engine.content_dir(root)
    taxonomy, problems = load_taxonomy(root, content)
    if taxonomy is None:
        print_problems(problems)
        return 1
    try:
        path = new_file(root, content, args.kind, args.title, taxonomy, date.today())
    except (ScaffoldError, FileExistsError) as error:
        print(f"not written: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {path.relative_to(root).as_posix()} (status: draft). Preview it with: briefings serve --drafts")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="briefings", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate all content; exit 1 if anything must be fixed")
    check_cmd.add_argument("--drafts", action="store_true", help="check drafts too")
    check_cmd.add_argument("--strict-privacy", action="store_true", help="treat privacy warnings as errors")
    check_cmd.set_defaults(run=cmd_check)
    build_cmd = commands.add_parser("build", help="check, then build the site into site/")
    build_cmd.add_argument("--audience", choices=[a.value for a in Audience], default=Audience.PUBLIC.value)
    build_cmd.add_argument("--drafts", action="store_true", help="include drafts, marked DRAFT (never for publishing)")
    build_cmd.add_argument("--strict-privacy", action="store_true", help="treat privacy warnings as errors")
    build_cmd.add_argument(
        "--pdf",
        choices=["auto", "require", "skip"],
        default="auto",
        help="print a PDF of each briefing with Chromium: when found (auto, the default), always (require) or never (skip)",
    )
    build_cmd.set_defaults(run=cmd_build)
    serve_cmd = commands.add_parser("serve", help="live preview that reloads when content changes")
    serve_cmd.add_argument("--drafts", action="store_true", help="include drafts, marked DRAFT")
    serve_cmd.add_argument("--dev-addr", help="address to serve on, e.g. 127.0.0.1:8000")
    serve_cmd.set_defaults(run=cmd_serve)
    link_cmd = commands.add_parser("linkcheck", help="check the built site's internal links, anchors and assets (offline)")
    link_cmd.add_argument("--site", default="site", help="the built site folder (default: site)")
    link_cmd.add_argument("--external", action="store_true", help="list every external link (they are never fetched)")
    link_cmd.set_defaults(run=cmd_linkcheck)
    new_cmd = commands.add_parser("new", help="start a new draft audit or briefing")
    new_cmd.add_argument("kind", choices=["audit", "briefing"])
    new_cmd.add_argument("title")
    new_cmd.set_defaults(run=cmd_new)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the pin and the move are explained in the README
    args = parser().parse_args(argv)
    return args.run(Path.cwd(), args)


if __name__ == "__main__":
    sys.exit(main())
