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
from urllib.parse import urljoin, urlsplit

from generator import tasks
from generator.output.sitedir import files_in

_INLINE_SCRIPT = re.compile(rb"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(rb"<meta charset=[^>]*>", re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)


_IGNORED = re.compile(r"[\t\n\r]")


def third_party(url: str, own_host: str) -> bool:
    """Whether a browser would fetch `url` from another host. Judged as a browser parses it: tabs and newlines
    dropped, backslashes read as slashes, `//host` and `https:\\host` as hosts, relative to a page on the site."""
    cleaned = _IGNORED.sub("", url).strip(" \x00-\x1f").replace("\\", "/")
    if not cleaned.lower().startswith(("http:", "https:", "//", "/")):
        return bool(urlsplit(cleaned).scheme) and urlsplit(cleaned).scheme.lower() not in ("data", "mailto", "tel")
    resolved = urlsplit(urljoin(f"https://{own_host}/page/", re.sub(r"^(https?:)/*", r"\1//", cleaned, flags=re.I)))
    return (resolved.hostname or "") != own_host.lower()


def policy(html: bytes) -> str:
    """The policy for one page: its inline scripts allowed by hash (a JSON block is data, never run)."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(match["body"]).digest()).decode() + "'"
        for match in _INLINE_SCRIPT.finditer(html)
        if b"src=" not in match["attributes"] and b"application/json" not in match["attributes"]
    ]
    return POLICY.format(hashes=" ".join(dict.fromkeys(hashes)))


_POLICY_META = '<meta http-equiv="Content-Security-Policy"'


def _tags(html: bytes) -> bytes:
    return f'{_POLICY_META} content="{policy(html)}">\n<meta name="referrer" content="same-origin">'.encode()


def protected(html: bytes) -> bytes:
    """The page with its policies at the top of its <head> (before its first script); anything else, as it was
    (a fragment an author left in content/pages)."""
    at = _place(html)
    if at is None:
        return html
    tags = b"\n" + _tags(html)
    if html.startswith(tags, at):  # given them already (a copy anywhere else is no policy: it is not in the <head>)
        return html
    return html[:at] + tags + html[at:]


def _place(html: bytes) -> int | None:
    """Where the policies go: after the page's charset, or at the top of its <head>; None for a fragment. The same
    in a page with them as without (they hold neither)."""
    charset, head = _CHARSET.search(html), html.find(b"<head>")
    if charset is None and head < 0:
        return None
    return charset.end() if charset else head + len(b"<head>")


def protected_page(html: str) -> str:
    """`protected` for the engine, which hands over each page as text just before writing it (encoded as MkDocs
    writes it, so that the hashes are of the bytes written)."""
    return protected(html.encode("utf-8", "xmlcharrefreplace")).decode()


def unprotected(html: bytes) -> bytes:
    """The page as it was before `protected`, each line where it is in the page: the privacy checks read this,
    since the policy's hashes are no one's text. Only the tags `protected` would write are taken out, so a page
    with any other policy, or a copy of them anywhere else, is read whole."""
    if _POLICY_META.encode() not in html:  # a preview's page, or one never given them
        return html
    tags, at = b"\n" + _tags(html), _place(html)  # the same as for the page without them: they hold no script
    if at is None or not html.startswith(tags, at):
        return html
    return html[:at] + b"\n" * tags.count(b"\n") + html[at + len(tags) :]


def protect(file: Path) -> None:
    """Give a page written without them its policies, replacing the file whole, so that a reader of it (the search
    indexer) never sees half a page."""
    html = file.read_bytes()
    finished = protected(html)
    if finished == html:
        return
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".protect-")
    with os.fdopen(handle, "wb") as out:
        out.write(finished)
    os.chmod(temporary, 0o644)
    os.replace(temporary, file)


def protect_site(folder: Path, workers: int, done_already: Collection[str] = ()) -> None:
    """Every page of a built site but those `done_already` (paths in it), in `workers` processes."""
    pages = [folder / page for page in files_in(folder) if page.endswith(".html") and page not in done_already]
    with tasks.shared_out(protect, pages, workers) as done:
        for _ in done:
            pass
