"""The `briefings` command: check, build, serve and start new content (blank, or from a Word document)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import (
    cmd_assert_public,
    cmd_build,
    cmd_check,
    cmd_import,
    cmd_linkcheck,
    cmd_new,
    cmd_review,
    cmd_serve,
    cmd_takedown,
    refused,
)
from generator.config import SettingsError, engine_name
from generator.engines.mkdocs.runner import CONFIG
from generator.model import Audience


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="briefings", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate all content; exit 1 if anything must be fixed")
    check_cmd.add_argument("--drafts", action="store_true", help="check drafts too")
    check_cmd.add_argument("--strict-privacy", action="store_true", help="treat privacy warnings as errors")
    check_cmd.add_argument(
        "--public-repository",
        action="store_true",
        help="refuse restricted items (the publish workflow passes it in a public repository)",
    )
    check_cmd.add_argument("--build-date", help="the day to check as, YYYY-MM-DD (briefings due for review); default today")
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
    build_cmd.add_argument(
        "--build-date", help="the day to build as, YYYY-MM-DD (overdue actions, review notices); default today"
    )
    build_cmd.set_defaults(run=cmd_build)
    serve_cmd = commands.add_parser("serve", help="live preview that reloads when content changes")
    serve_cmd.add_argument("--drafts", action="store_true", help="include drafts, marked DRAFT")
    serve_cmd.add_argument("--dev-addr", help="address to serve on, e.g. 127.0.0.1:8000")
    serve_cmd.add_argument("--build-date", help="the day to build as, YYYY-MM-DD; default today")
    serve_cmd.set_defaults(audience=Audience.PUBLIC.value, strict_privacy=False)
    serve_cmd.set_defaults(run=cmd_serve)
    link_cmd = commands.add_parser("linkcheck", help="check the built site's internal links, anchors and assets (offline)")
    link_cmd.add_argument("--audience", choices=[a.value for a in Audience], default=Audience.PUBLIC.value)
    link_cmd.add_argument("--site", help="the built site folder (default: site, or site-partners for --audience partners)")
    link_cmd.add_argument("--external", action="store_true", help="list every external link (they are never fetched)")
    link_cmd.set_defaults(run=cmd_linkcheck)
    public_cmd = commands.add_parser("assert-public", help="exit 1 if FOLDER is a partners build (run before every deploy)")
    public_cmd.add_argument("folder")
    public_cmd.set_defaults(run=cmd_assert_public)
    new_cmd = commands.add_parser("new", help="start a new draft audit or briefing")
    new_cmd.add_argument("kind", choices=["audit", "briefing"])
    new_cmd.add_argument("title")
    new_cmd.add_argument(
        "--slug", help="the file name and permanent address, e.g. neglect-under-fives (default: the title's first words)"
    )
    new_cmd.set_defaults(run=cmd_new)
    import_cmd = commands.add_parser("import", help="start a draft audit (or briefing) from a Word document (.docx)")
    import_cmd.add_argument("file", help="the .docx file")
    import_cmd.add_argument("--briefing", action="store_true", help="write a standalone briefing instead of an audit")
    import_cmd.add_argument(
        "--slug", help="the file name and permanent address, e.g. neglect-under-fives (default: the title's first words)"
    )
    import_cmd.set_defaults(run=cmd_import)
    takedown_cmd = commands.add_parser(
        "takedown", help="withdraw a briefing, rebuild, purge the PDF cache, and print the remote steps (docs/takedown.md)"
    )
    takedown_cmd.add_argument("slug", help="the briefing's file name without .md")
    takedown_cmd.add_argument("--reason", help="why it is withdrawn, in plain text: readers see it (asked for if not given)")
    takedown_cmd.add_argument("--superseded-by", help="the slug of the briefing that replaces it")
    takedown_cmd.add_argument("--on", help="the day it is withdrawn, YYYY-MM-DD; default the build date, or today")
    takedown_cmd.add_argument("--build-date", help="the day to rebuild as, YYYY-MM-DD; default today")
    takedown_cmd.add_argument("--pdf", choices=["auto", "require", "skip"], default="auto", help="as for build")
    takedown_cmd.set_defaults(run=cmd_takedown)
    review_cmd = commands.add_parser(
        "review", help="list what a change publishes, for its reviewer: allowances, status changes, new names"
    )
    review_cmd.add_argument("--base", required=True, help="the commit to compare with: the pull request's base")
    review_cmd.set_defaults(run=cmd_review)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root = Path.cwd()
    if args.run is not cmd_assert_public and not (root / CONFIG).is_file():
        print(
            f"briefings: there is no {CONFIG} in {root}: run briefings from the project's folder, where {CONFIG} is",
            file=sys.stderr,
        )
        return 1
    try:
        engine_name()
        return args.run(root, args)
    except SettingsError as error:  # the settings file, read before a command says what it does
        return refused(args.command, error)
    except KeyboardInterrupt:  # Ctrl-C (a preview's SIGTERM too): each step undid its own work on the way out
        print(f"briefings {args.command}: stopped (interrupted)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
