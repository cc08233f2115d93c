"""The cache of printed PDFs (`.briefings-cache/pdf/<audience>/`), so that a build prints only the briefings
whose printout could have changed.

An entry is keyed by what the printout is made from: the page's HTML as printed, the printing code (the
source of `pdf.py` and of this module), the browser's and pypdf's versions, the published address the links
lead to and the PDF's author. Beside the PDF, the entry lists every file of the site the page loaded while it
was printed (stylesheets, `print.css` with the partnership's name, scripts, images, fonts) with a hash of
each: it is reused only while every one of them is byte for byte the same, and its PDF only while the PDF's
own hash and size match what was stored, so a changed, truncated or corrupted entry is printed afresh,
never published. After a build, entries the build did not use (a briefing changed, withdrawn or removed)
are deleted, so a withdrawn text does not linger in the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

CODE = (Path(__file__).with_name("pdf.py"), Path(__file__))
"""The printing code: a change to either file reprints every PDF."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def printing_context(browser: str, base: str, author: str) -> str:
    """Everything besides the page and the files it loads that a printout depends on, as one string."""
    code = digest(b"".join(file.read_bytes() for file in CODE))
    return json.dumps({"code": code, "browser": browser, "pypdf": version("pypdf"), "base": base, "author": author})


@dataclass
class PdfCache:
    """The entries of one audience's cache, looked up and written by one build of `site`."""

    folder: Path
    site: Path
    context: str
    """`printing_context(…)`: part of every key."""
    used: set[str] = field(default_factory=set)
    """Keys this build reused or stored: every other entry is pruned."""
    _hashes: dict[str, str | None] = field(default_factory=dict)

    def key(self, slug: str) -> str:
        """The key of the briefing's printout, from its page as it stands in the site now."""
        page = self.site / "briefings" / slug / "index.html"
        return digest(self.context.encode() + b"\0" + slug.encode() + b"\0" + page.read_bytes())

    def file_hash(self, relative: str) -> str | None:
        """The hash of a file of the site (None if there is none), each file read once per build."""
        if relative not in self._hashes:
            file = self.site / relative
            self._hashes[relative] = digest(file.read_bytes()) if file.is_file() else None
        return self._hashes[relative]

    def reuse(self, key: str, target: Path) -> int | None:
        """Write the entry's PDF to `target` and return its size, if the entry is whole and every file the page
        loaded is unchanged; else None (and nothing written)."""
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            files, pdf_hash, size = dict(entry["files"]), str(entry["pdf"]), int(entry["size"])
            data = (self.folder / f"{key}.pdf").read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            return None  # no entry, or one that cannot be read: print afresh
        if len(data) != size or digest(data) != pdf_hash or any(self.file_hash(f) != h for f, h in files.items()):
            return None
        target.write_bytes(data)
        self.used.add(key)
        return size

    def store(self, key: str, pdf: Path, files: set[str]) -> None:
        """Keep the printed `pdf` under `key` with the hash of each file its page loaded: the PDF first, then
        the list that vouches for it, each written whole (a build stopped half-way leaves no half entry)."""
        data = pdf.read_bytes()
        entry = {"files": {f: self.file_hash(f) for f in sorted(files)}, "pdf": digest(data), "size": len(data)}
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_whole(self.folder / f"{key}.pdf", data)
        _write_whole(self.folder / f"{key}.json", json.dumps(entry, indent=1).encode())
        self.used.add(key)

    def prune(self) -> int:
        """Delete every entry this build did not use (and anything else in the folder); returns how many files."""
        stale = [f for f in self.folder.glob("*") if f.is_file() and f.stem not in self.used] if self.folder.is_dir() else []
        for file in stale:
            file.unlink()
        return len(stale)


def _write_whole(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file beside it, replaced in one step."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
