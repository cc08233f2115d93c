"""Taking a briefing down (`briefings takedown SLUG`): the local steps done here, the remote ones spelt out.

Locally: the file's status lines say `withdrawn` (every other byte of it kept), the site is rebuilt by the
command, and the PDF cache is emptied. What was published also lives where no local step reaches (the
Pages deployment, the workflow's artefacts, the repository's history, search engines): `remote_steps`
prints those with their exact commands, as `docs/takedown.md` describes them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from generator.content.files import Source, content_files, read_text, refused_files
from generator.content.frontmatter import WITHDRAWAL_FIELDS
from generator.content.parse import parse_document
from generator.content.slugs import SLUG
from generator.model import Status
from generator.output.pdf import PDF_CACHE

PLACEHOLDER_ORIGIN = "https://github.com/OWNER/REPO.git"
ARTEFACTS = ("site-public", "site-partners", "github-pages")
"""The publish workflow's artefacts: each holds the built site, withdrawn text included, until it expires."""
_STATUS_LINE = re.compile(r"status\s*:")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class TakedownRefused(Exception):
    """Nothing was changed: the message says why."""


@dataclass(frozen=True)
class Withdrawn:
    path: str
    """The content file, relative to the project root."""
    slug: str
    was: str
    """Its status before."""


def find_source(root: Path, content_dir: str, slug: str) -> Source:
    """The content file published at `slug`."""
    sources = [s for s in content_files(root, content_dir, refused_files(root, content_dir))[0] if s.slug == slug]
    if not sources:
        raise TakedownRefused(f"no file in {content_dir}/audits or {content_dir}/briefings is named {slug}.md")
    if len(sources) > 1:
        raise TakedownRefused(f"{slug} names more than one file ({', '.join(s.path for s in sources)}); run briefings check")
    return sources[0]


def withdraw_text(text: str, path: str, reason: str, on: date, superseded_by: str | None = None) -> str:
    """The file's text with its `status:` line saying `withdrawn` and the withdrawal's lines after it.

    Every other byte stays as it was (a byte-order mark and line endings included), so the change reads as
    one small diff.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix(bom)
    doc, problems = parse_document(text, path, "audit", Path(path).stem)
    if not doc.parsed:
        raise TakedownRefused(f"{path} cannot be read: {'; '.join(str(p) for p in problems)}")
    status = doc.fields.get("status")
    if status is not None and status.value == Status.WITHDRAWN.value:
        raise TakedownRefused(f"{path} is withdrawn already")
    present = [key for key in (*WITHDRAWAL_FIELDS, *(["superseded_by"] if superseded_by else [])) if key in doc.fields]
    if present:
        raise TakedownRefused(f"{path} already has {', '.join(present)}: edit those lines by hand")
    written = doc.fields["date"].text if "date" in doc.fields else None
    if written and _DATE.fullmatch(written) and on.isoformat() < written:  # ISO dates order as text
        raise TakedownRefused(f"--on {on.isoformat()} is before the briefing's date, {written}")
    lines = text.split("\n")
    at = status.line - 1 if status is not None else 1  # no status (a draft): after the opening '---'
    if status is not None and not _STATUS_LINE.match(lines[at]):
        raise TakedownRefused(f"{path}:{status.line}: the status is not on a line of its own; set it by hand (docs/takedown.md)")
    end = "\r" if lines[at - (status is None)].endswith("\r") else ""
    added = [
        f"status: {Status.WITHDRAWN.value}",
        f"withdrawn_on: {on.isoformat()}",
        f"withdrawn_reason: {json.dumps(reason, ensure_ascii=False)}",  # a JSON string is a YAML double-quoted one
        *([f"superseded_by: {superseded_by}"] if superseded_by else []),
    ]
    new = "\n".join([*lines[:at], *(line + end for line in added), *lines[at + (status is not None) :]])
    check, _ = parse_document(new, path, "audit", Path(path).stem)
    wanted = {"status": Status.WITHDRAWN.value, "withdrawn_reason": reason, "superseded_by": superseded_by}
    if not check.parsed or any(check.fields[key].value != value for key, value in wanted.items() if value is not None):
        raise TakedownRefused(f"{path}: the status lines could not be rewritten safely; set them by hand (docs/takedown.md)")
    return bom + new


def withdraw(root: Path, content_dir: str, slug: str, reason: str, on: date, superseded_by: str | None = None) -> Withdrawn:
    """Set the briefing at `slug` to withdrawn, replacing its file whole (a reader never sees half a file)."""
    reason = " ".join(reason.split())
    if not reason:
        raise TakedownRefused("give the reason readers will see, e.g. --reason 'A detail that could identify a family'")
    if superseded_by is not None and not SLUG.match(superseded_by):
        raise TakedownRefused(f"--superseded-by {superseded_by!r} is not a slug (a file name without .md)")
    source = find_source(root, content_dir, slug)
    readable, problems = read_text(source.file, source.path)
    if readable is None:
        raise TakedownRefused("; ".join(str(p) for p in problems))
    text = source.file.read_bytes().decode("utf-8")  # as it is, not as read for checking (line endings kept)
    was = parse_document(readable, source.path, source.kind, slug)[0].fields.get("status")
    if was is None or was.value in (Status.DRAFT.value, Status.RESTRICTED.value):
        shown = was.value if was is not None else "draft"
        raise TakedownRefused(
            f"{source.path} is {shown}: it was never on the public site, and a withdrawal notice would put its title there; "
            + (
                "take it off the partners site with status: draft, or delete the file"
                if shown == "restricted"
                else "delete the file"
            )
            + " (docs/takedown.md)"
        )
    new = withdraw_text(text, source.path, reason, on, superseded_by)
    handle, temporary = tempfile.mkstemp(dir=source.file.parent, prefix=".takedown-")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        out.write(new)
    os.chmod(temporary, source.file.stat().st_mode & 0o777)
    os.replace(temporary, source.file)
    return Withdrawn(source.path, slug, str(was.value) if was is not None else Status.DRAFT.value)


def purge_pdf_cache(root: Path) -> str:
    """Empty the cache of printed PDFs, whose entries may be keyed by content rather than slug: all of it goes."""
    cache = root / PDF_CACHE
    if not cache.exists():
        return f"PDF cache: none at {PDF_CACHE}/, nothing to purge."
    count = sum(1 for item in cache.rglob("*") if item.is_file())
    shutil.rmtree(cache)
    return f"PDF cache: removed {PDF_CACHE}/ ({count} file{'' if count == 1 else 's'})."


def origin_url(root: Path) -> str:
    """The repository the clone came from, for the commands that rewrite its history (a placeholder if none)."""
    found = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 and found.stdout.strip() else PLACEHOLDER_ORIGIN


def remote_steps(done: Withdrawn, site_url: str, origin: str, now: datetime) -> str:
    """What only a person with access to GitHub and the search engines can do, each with its exact command."""
    page = f"{site_url.rstrip('/')}/briefings/{done.slug}/"
    before = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    names = " or ".join(f'.name == "{name}"' for name in ARTEFACTS)
    return f"""\
Remote steps (see docs/takedown.md); do them in this order, today:

1. Delete the withdrawn text from {done.path} itself (keep its front matter): the repository is public to
   anyone who can read it. Then publish the withdrawal (the Publish workflow redeploys GitHub Pages):
     git add {done.path}
     git commit -m "Withdraw {done.slug}"
     git push
   When the workflow has finished, open {page} and check it shows the notice.

2. Delete the workflow artefacts made before now: each run's site-public (kept 14 days), site-partners
   (7 days) and github-pages hold the text. List the runs, then delete the artefacts:
     gh run list --workflow publish.yml --limit 100
     gh api --paginate 'repos/{{owner}}/{{repo}}/actions/artifacts?per_page=100' \\
       --jq '.artifacts[] | select(({names}) and .created_at < "{before}") | .id' \\
       | while read -r id; do gh api -X DELETE "repos/{{owner}}/{{repo}}/actions/artifacts/$id"; done
   and the workflow's caches (the PDF caches pdf-public-… and pdf-partners-… among them):
     gh cache delete --all

3. Remove the text from the repository's history, in a fresh clone (git filter-repo refuses any other):
     git clone {origin} takedown-clean && cd takedown-clean
   either replace each withdrawn detail everywhere in history (one 'text==>replacement' line per detail):
     printf '%s\\n' 'THE EXACT TEXT==>[withdrawn]' > ../takedown-expressions.txt
     git filter-repo --replace-text ../takedown-expressions.txt
   or remove the whole file from history (then add the withdrawn file, front matter only, again):
     git filter-repo --path {done.path} --invert-paths
   then push the rewritten history (an administrator may have to allow force pushes on main for a moment):
     git remote add origin {origin}
     git push --force --all
     git push --force --tags
   What that means for clones: every existing clone and fork still holds the old history. Everyone must delete
   their clone and clone again (a pull would merge the old history back, and a push from an old clone would
   publish it again); open pull requests must be closed and opened again from the new history. GitHub keeps old
   commits reachable by their id, and in pull requests, until GitHub Support removes them: ask at
   https://support.github.com/contact (Remove sensitive data), giving the commit ids from git filter-repo's
   report.

4. Ask search engines to drop the page and its snippet (the notice carries noindex, but they act only at
   their next visit):
     Google: https://search.google.com/search-console/removals (New request: {page}, also
       {site_url.rstrip("/")}/briefings/{done.slug}.pdf and .txt)
     Bing: https://www.bing.com/webmasters/tools/content-removal
"""
