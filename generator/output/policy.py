"""Defence in the page: every built page says, before anything on it runs, what it may load and run.

A Content Security Policy allows only the site's own scripts, styles and images (and `data:` images), each
inline script by the hash of its exact text (the theme's own, different on every page), and WebAssembly
for the search; a referrer policy keeps page addresses from other sites. Written into the finished pages
by a build, never by a preview (whose live-reload script is inline and changes).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
from collections.abc import Collection
from pathlib import Path

from generator import tasks
from generator.output.sitedir import files_in

_INLINE_SCRIPT = re.compile(rb"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(rb"<meta charset=[^>]*>", re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def policy(html: bytes) -> str:
    """The policy for one page: its inline scripts allowed by hash (a JSON block is data, never run)."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(match["body"]).digest()).decode() + "'"
        for match in _INLINE_SCRIPT.finditer(html)
        if b"src=" not in match["attributes"] and b"application/json" not in match["attributes"]
    ]
    return POLICY.format(hashes=" ".join(dict.fromkeys(hashes)))


def protect(file: Path) -> None:
    """Put the policies at the top of the page's <head> (before its first script), replacing the file whole,
    so that a reader of it (the search indexer) never sees half a page."""
    html = file.read_bytes()
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">\n<meta name="referrer" content="same-origin">'
    charset, head = _CHARSET.search(html), html.find(b"<head>")
    if charset is None and head < 0:
        return  # not a page (a fragment an author left in content/pages)
    at = charset.end() if charset else head + len(b"<head>")
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".protect-")
    with os.fdopen(handle, "wb") as out:
        out.write(html[:at] + b"\n" + tags.encode() + html[at:])
    os.chmod(temporary, 0o644)
    os.replace(temporary, file)


def protect_site(folder: Path, workers: int, done_already: Collection[str] = ()) -> None:
    """Every page of a built site but those `done_already` (paths in it), in `workers` processes."""
    pages = [folder / page for page in files_in(folder) if page.endswith(".html") and page not in done_already]
    with tasks.shared_out(protect, pages, workers) as done:
        for _ in done:
            pass
