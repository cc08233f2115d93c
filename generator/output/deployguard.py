"""Whether a built folder may go to a public host: the last check before `briefings assert-public` lets a
deployment go ahead."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import DRAFTS_MARKER, PARTNERS_MARKER

MARKERS = {PARTNERS_MARKER, DRAFTS_MARKER}
_NOT_PUBLIC = {
    "a robots noindex tag (partners builds carry one)": re.compile(rb"<meta\b[^>]*\bname=[\"']?robots\b[^>]*>", re.I),
    "the partners-only banner": re.compile(rb"partners-banner|status-tag--restricted"),
    "a draft": re.compile(rb"status-tag--draft|briefing-notice[^>]*>\s*<p class=\"admonition-title\">Draft"),
}


def not_public(folder: Path) -> list[str]:
    """Why `folder` must never be deployed to a public host (nothing: it is a public build): a partners or
    drafts marker file anywhere in it, or a page marked as a partners page or as a draft."""
    reasons = [f"{file.relative_to(folder).as_posix()} is there" for file in sorted(folder.rglob("*")) if file.name in MARKERS]
    for page in sorted(folder.rglob("*.html")):
        html = page.read_bytes()
        reasons += [
            f"{page.relative_to(folder).as_posix()} has {what}" for what, mark in _NOT_PUBLIC.items() if mark.search(html)
        ]
    return reasons
