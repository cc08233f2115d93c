"""What each `briefings` command does: each handler takes the project's folder and the parsed arguments,
prints what it did and returns the command's exit code."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from generator.authoring.review import ReviewRefused, review, summary
from generator.authoring.scaffold import ScaffoldError, new_file
from generator.authoring.takedown import TakedownRefused, origin_url, purge_pdf_cache, remote_steps, withdraw
from generator.authoring.word.docx import ImportRefused
from generator.authoring.word.importer import import_docx
from generator.build import BuildFailed, build, checked_content, concluded
from generator.config import OUTPUT_FOLDERS, BuildOptions, SettingsError, in_ci, parse_date
from generator.content.files import content_files, read_text, refused_files
from generator.content.parse import parse_document
from generator.content.taxonomy import load_taxonomy
from generator.diagnostics import (
    Reporter,
    append_step_summary,
    plural,
    print_problems,
    report_template_error,
    write_step_summary,
)
from generator.engines.mkdocs.runner import Engine
from generator.madesites import every_sites_links
from generator.model import Audience, Problem, Status, Taxonomy
from generator.output.deployguard import not_public
from generator.output.linkcheck import check_links
from generator.output.pdf import PDF_CACHE
from generator.output.sitedir import Refused
from generator.pipeline import check
from generator.preview import ANOTHER, unusable_address
from generator.tasks import cores


def refused(command: str, error: Exception, after: str = "") -> int:
    """Why `command` did nothing: a settings file's problems each at its line (with annotations in Actions), then
    the error; exit status 1."""
    if isinstance(error, SettingsError):
        Reporter(sys.stderr).problems(error.problems)
    print(f"{command} refused: {error}{after}", file=sys.stderr)
    return 1


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    project = Engine(root).project()
    try:
        today = parse_date(args.build_date, "--build-date") or date.today()
    except SettingsError as error:
        return refused("check", error)
    options = BuildOptions(  # a check writes nothing: its output folder is never used
        root, drafts=args.drafts, build_date=today, strict_privacy=args.strict_privacy, workers=cores(), in_ci=in_ci(os.environ)
    )
    more = project.problems()  # settings a build refuses before its check, the partners' too where it has an address
    more += [p for p in project.problems(Audience.PARTNERS) if p not in more] if project.partners_site_url else []
    more += restricted_in_public(root, project.content_dir) if args.public_repository else []
    reporter = Reporter()
    try:
        checked = checked_content(options, project, reporter, leftovers_fail=options.in_ci, more=more, links_next=True)
        concluded(checked, reporter, every_sites_links(options, project, checked))
    except BuildFailed:
        return 1
    return 0


def restricted_in_public(root: Path, content_dir: str) -> list[Problem]:
    """A restricted item in a public repository is public already, whatever the workflow builds: each one,
    valid or not, at its `status:` line."""
    problems = []
    for source in content_files(root, content_dir, refused_files(root, content_dir))[0]:
        text, _ = read_text(source.file, source.path)
        doc, _ = parse_document(text or "", source.path, source.kind, source.slug)
        status = doc.fields.get("status")
        if status is not None and status.value == Status.RESTRICTED.value:
            problems.append(
                Problem(
                    source.path,
                    status.line,
                    "status: restricted, but this repository is public, so this file is public already: move restricted "
                    "items to a private content repository (docs/publishing.md: The partners site), or publish this one",
                )
            )
    return problems


def _options(root: Path, args: argparse.Namespace, **more: object) -> BuildOptions:
    return BuildOptions(
        output=root / OUTPUT_FOLDERS[Audience(args.audience)],
        audience=Audience(args.audience),
        drafts=args.drafts,
        build_date=parse_date(args.build_date, "--build-date") or date.today(),
        in_ci=in_ci(os.environ),
        **more,  # type: ignore[arg-type]
    )


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    engine = Engine(root)
    try:
        options = _options(root, args, strict_privacy=args.strict_privacy, pdf=args.pdf, workers=cores())
        built = build(options, engine.project(), engine, Reporter())
    except BuildFailed as error:
        print(f"build failed: {error}; {options.output.name}/ was left as it was", file=sys.stderr)
        return 1
    except (Refused, SettingsError) as error:
        return refused("build", error)
    except Exception as error:  # the engine reports its own details; the output folder stays as it was
        report_template_error(error, root, Reporter(sys.stderr))
        print(f"build failed: {error}; {options.output.name}/ was left as it was", file=sys.stderr)
        return 1
    pdfs = (
        f"with a PDF of each briefing ({built.pdfs.printed} printed, {built.pdfs.reused} reused from {PDF_CACHE}/{args.audience}/)"
        if built.pdfs is not None
        else "without PDFs (Chromium not found or --pdf skip)"
    )
    drafts = " with drafts (marked DRAFT: a local preview, never to be deployed)" if args.drafts else ""
    print(f"Built the {args.audience} site{drafts} into {built.folder.name}/, {pdfs}.")
    return 0


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    if unusable := unusable_address(args.dev_addr):  # said before the first build, which may take a minute
        print(f"serve: cannot serve on {args.dev_addr}: {unusable}", file=sys.stderr)
        return 1
    try:
        Engine(root).serve(_options(root, args), args.dev_addr)
    except SettingsError as error:
        return refused("serve", error)
    except Exception as error:  # the engine's first build stops the preview before it serves anything
        if isinstance(error, OSError) and error.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL):  # mkdocs.yml's, or taken
            print(
                f"serve: cannot serve on {args.dev_addr or 'mkdocs.yml’s dev_addr'}: {error.strerror}; {ANOTHER}",
                file=sys.stderr,
            )
            return 1
        where = " in a template" if report_template_error(error, root, Reporter(sys.stderr)) else ""
        print(f"serve stopped: the preview's first build failed{where}: {error}; mend it and start again", file=sys.stderr)
        return 1
    return 0


def cmd_linkcheck(root: Path, args: argparse.Namespace) -> int:
    audience = Audience(args.audience)
    folder = args.site or OUTPUT_FOLDERS[audience]
    site = root / folder
    if not (site / "index.html").is_file():
        print(f"{folder}/ holds no built site; run briefings build first", file=sys.stderr)
        return 1
    result = check_links(site, Engine(root).project().url(audience), folder.rstrip("/"))
    print_problems(result.problems)
    if args.external:
        for url in sorted(result.external):
            print(f"external (not fetched): {url}")
    outcome = (
        f"{plural(result.checked, 'internal link')} checked: {plural(len(result.problems), 'problem')}. "
        f"{plural(len(result.external), 'external link')} listed, not fetched."
    )
    print(outcome)
    write_step_summary("briefings linkcheck", outcome, result.problems)
    return 1 if result.problems else 0


def cmd_assert_public(root: Path, args: argparse.Namespace) -> int:
    """Refuse a partners build before anything deploys it to a public host."""
    folder = root / args.folder
    if not (folder / "index.html").is_file():
        print(f"{args.folder}/ holds no built site: nothing to deploy", file=sys.stderr)
        return 1
    reasons = not_public(folder)
    if reasons:
        shown = "; ".join(reasons[:5]) + (f"; and {len(reasons) - 5} more" if len(reasons) > 5 else "")
        print(
            f"{args.folder}/ is not a public build ({shown}): it may hold restricted briefings or drafts and must never "
            "be deployed to a public host. Deploy the public build (`briefings build`, into site/) instead.",
            file=sys.stderr,
        )
        return 1
    print(f"{args.folder}/ is a public build: safe to deploy.")
    return 0


def cmd_takedown(root: Path, args: argparse.Namespace) -> int:
    """Withdraw a briefing and do the local steps of the runbook (docs/takedown.md); print the remote ones."""
    project = Engine(root).project()
    try:
        today = parse_date(args.build_date, "--build-date") or date.today()
        on = parse_date(args.on, "--on") or today
        if on > today:  # the notice would say it was withdrawn on a day that has not come
            raise TakedownRefused(f"--on {on} is after today ({today}): give the day it was withdrawn, today or earlier")
        reason = args.reason if args.reason is not None else _ask("Why is it withdrawn (readers see this)? ")
        done = withdraw(root, project.content_dir, args.slug, reason, on, args.superseded_by)
    except (TakedownRefused, SettingsError) as error:
        return refused("takedown", error, "; nothing was changed")
    print(f"Withdrawn: {done.path} (status: {done.was} before; only its status lines changed).")
    audiences = [Audience.PUBLIC] + ([Audience.PARTNERS] if (root / OUTPUT_FOLDERS[Audience.PARTNERS]).is_dir() else [])
    for audience in audiences:
        rebuild = argparse.Namespace(
            audience=audience.value, drafts=False, build_date=args.build_date, strict_privacy=False, pdf=args.pdf
        )
        if cmd_build(root, rebuild) != 0:
            print(
                f"takedown: {done.path} now says withdrawn, but the site was not rebuilt: fix what is listed above, run "
                "briefings build, then follow docs/takedown.md for the remote steps",
                file=sys.stderr,
            )
            return 1
    print(purge_pdf_cache(root))
    print()
    print(remote_steps(done, project.site_url, origin_url(root), datetime.now(UTC)))
    return 0


def cmd_review(root: Path, args: argparse.Namespace) -> int:
    """List for the reviewer what a change publishes: allowances, status changes to published, new names."""
    try:
        found = review(root, Engine(root).project().content_dir, args.base)
    except ReviewRefused as error:
        print(f"review refused: {error}", file=sys.stderr)
        return 1
    markdown = summary(found)
    print(markdown, end="")
    append_step_summary(markdown)
    return 0


def _ask(prompt: str) -> str:
    """A reason typed at the terminal; never waits on a pipe or a workflow."""
    if not sys.stdin.isatty():
        raise TakedownRefused("give the reason with --reason TEXT")
    return input(prompt)


def _taxonomy(root: Path) -> tuple[str, Taxonomy | None]:
    """The content folder and its taxonomy, which a new draft is shaped by; its problems printed if it has any."""
    content = Engine(root).project().content_dir
    taxonomy, problems = load_taxonomy(root, content)
    print_problems(problems)
    return content, taxonomy


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    content, taxonomy = _taxonomy(root)
    if taxonomy is None:
        return 1
    try:
        path = new_file(root, content, args.kind, args.title, taxonomy, date.today(), args.slug)
    except (ScaffoldError, FileExistsError) as error:
        print(f"not written: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {path.relative_to(root).as_posix()} (status: draft). Preview it with: briefings serve --drafts")
    return 0


def cmd_import(root: Path, args: argparse.Namespace) -> int:
    """Write a draft from a Word document, then list what to fix in it, as `briefings check --drafts` would."""
    content, taxonomy = _taxonomy(root)
    if taxonomy is None:
        return 1
    kind = "briefing" if args.briefing else "audit"
    try:
        imported = import_docx(root, content, Path(args.file), kind, taxonomy, args.slug)
    except (ImportRefused, ScaffoldError, FileExistsError) as error:
        print(f"not imported: {error}", file=sys.stderr)
        return 1
    checked = check(root, content, include_drafts=True, workers=cores())
    found = [p for p in [*checked.problems, *checked.warnings, *checked.notes] if p.path == imported.path]
    to_fix = sorted([*imported.notes, *found], key=lambda p: (p.line, not p.message.startswith("import:")))
    print(f"Wrote {imported.path} (status: draft) from {args.file}.")
    print_problems(to_fix)
    if to_fix:
        print(
            f"{plural(len(to_fix), 'line')} above to fix or check in the draft (the draft was written; it stays "
            "unpublished until you fix them and set status: published)."
        )
    print("Left for you:")
    for number, step in enumerate(imported.left, start=1):
        print(f"  {number}. {step}")
    return 0
