"""Find and read content files, refusing unread what could not be read safely or is not content.

Every file under the content folders is either read or reported: links out of the repository,
devices, stray and leftover files, and text too large, too long a line, or not UTF-8.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.content.yamlread import parse_yaml
from generator.model import Problem

FOLDERS = {"audits": "audit", "briefings": "briefing"}
"""Content folders and the kind of briefing each holds."""

MAX_BYTES = 1_000_000
"""A content file larger than this is refused unread (an audit is about 10 KB)."""
MAX_LINE = 20_000
"""Characters in one line, at most (a long pasted paragraph is a few thousand)."""


BRIEFINGS_FOLDER = (
    "is the folder the site publishes its briefings in, from content/audits and content/briefings: a file here could take "
    "the address of a briefing the public may not see (a restricted or draft one's); move what is in it to another folder"
)


def briefings_folder(name: str) -> bool:
    """Whether a folder at the top of what the site publishes is the briefings' own, as a host reads its name: in any case,
    and without the spaces and dots a Windows host drops from its end."""
    return name.rstrip(" .").lower() == "briefings"


def read_text(file: Path, path: str, fallback: bool = False) -> tuple[str | None, list[Problem]]:
    """A file's text, or None with the problem that stops it being read. With `fallback`, a file that is not
    UTF-8 is read as Windows-1252 (what Word and Notepad most likely saved) and comes back with its problem,
    so that it can still be privacy-scanned."""
    if file.stat().st_size > MAX_BYTES:
        return None, [
            Problem(
                path, 1, f"file is larger than {MAX_BYTES:,} bytes; an audit needs far less: split it or remove pasted material"
            )
        ]
    data = file.read_bytes()
    problems = []
    wide = _wide(data)
    text = None
    if wide:
        problems.append(_is_wide(path, wide))
    else:
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")  # Word and Notepad add a byte-order mark
        except UnicodeDecodeError as error:
            problems.append(_not_utf8(data, error.start, path))
    if text is None:
        if not fallback or (not wide and b"\x00" in data):
            return None, problems
        text = data.decode(wide or "cp1252", errors="replace").removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    long = next((number for number, line in enumerate(text.split("\n"), start=1) if len(line) > MAX_LINE), None)
    if long is not None:
        return None, [Problem(path, long, f"line is longer than {MAX_LINE:,} characters; break it into paragraphs")]
    return text, problems


def _wide(data: bytes) -> str | None:
    """The UTF-16 (or, by its mark, UTF-32) codec a file was saved in (Notepad's and Word's "Unicode"), by its byte-order mark or by the
    zero bytes that ASCII letters leave in every other place; None if it is neither."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "utf-32"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if len(data) < 4 or len(data) % 2 or 0 not in data:  # UTF-8 text, the usual case, has no zero byte
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    half = len(data) // 2
    return "utf-16-le" if odd > half * 0.4 > even else "utf-16-be" if even > half * 0.4 > odd else None


def _is_wide(path: str, codec: str) -> Problem:
    return Problem(
        path,
        1,
        f'file is {codec[:6].upper()} text (what Notepad and Word call "Unicode"), not UTF-8; save the file as UTF-8 in your editor '
        "(Notepad: Save as, Encoding: UTF-8)",
    )


def _not_utf8(data: bytes, at: int, path: str) -> Problem:
    """Where a file stops being UTF-8, and what the byte there most likely was (Windows' own encoding)."""
    line = data.count(b"\n", 0, at) + 1
    shown = data[at : at + 1].decode("cp1252", errors="replace")
    return Problem(
        path,
        line,
        f"file is not UTF-8 text: byte 0x{data[at]:02X} on this line (probably '{shown}', as Word or Windows save it); "
        "save the file as UTF-8 in your editor (Notepad: Save as, Encoding: UTF-8)",
    )


@dataclass(frozen=True)
class Source:
    file: Path
    path: str
    """Relative to the project root, as problems name it."""
    kind: str

    @property
    def slug(self) -> str:
        return self.file.stem


def refused_files(root: Path, content_dir: str, within: str = "") -> dict[Path, Problem]:
    """Every file under the content folder that must never be read, each with why: a link that leaves the
    repository (it would publish a file from elsewhere on the machine), or the folder `within` (a theme's), and
    anything that is not a plain file or folder (a device or a pipe would never end). Judged from the links alone,
    before anything is read."""
    refused = {}
    repository, bounds = root.resolve(), (root / within).resolve()
    bound = f"{within}/" if within else "the repository"
    items = [(root / content_dir / folder).resolve() for folder in FOLDERS]
    for folder, dirs, files in os.walk(root / content_dir):  # never follows a linked folder
        for name in sorted(dirs + files):
            item = Path(folder) / name
            path = item.relative_to(root).as_posix()
            mode = _mode(item, follow=False)
            if stat.S_ISLNK(mode):  # only a link's target is looked up: most files are none
                if editor_lock(item):
                    continue
                target = item.resolve()
                if not target.is_relative_to(bounds):
                    shown = target.relative_to(repository).as_posix() if target.is_relative_to(repository) else target
                    refused[item] = Problem(path, 1, f"is a link to {shown}, outside {bound}; copy the file into {bound} instead")
                    continue
                if _reaches_items(item, target, items):
                    refused[item] = Problem(
                        path,
                        1,
                        f"is a link to {target.relative_to(repository).as_posix() or '.'}, among or around the audits and "
                        "briefings: published through it, they would ignore their status (restricted, draft); remove the link",
                    )
                    continue
                mode = _mode(target)
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                refused[item] = Problem(path, 1, "is not a plain file (a device, pipe or socket, or a broken link); remove it")
    return refused


def _reaches_items(link: Path, target: Path, items: list[Path]) -> bool:
    """Whether a link outside the audits' and briefings' folders leads into one of them (or to a folder holding one):
    only there is each item published as its status says."""
    if any(link.parent.resolve() == folder for folder in items):
        return False
    return any(target.is_relative_to(folder) or folder.is_relative_to(target) for folder in items)


def _mode(path: Path, follow: bool = True) -> int:
    try:
        return os.stat(path, follow_symlinks=follow).st_mode
    except OSError:
        return 0


LEFTOVER = re.compile(
    r"\.DS_Store|\._.*|Thumbs\.db|desktop\.ini|\.~lock\..*#|~\$.*|\..*\.sw[a-p]|.*~|\.#.*|.*\.(?:tmp|bak)", re.I
)
"""Files editors and operating systems leave beside the ones being edited (lock, swap and backup files)."""


def editor_lock(item: Path) -> bool:
    """Whether `item` is Emacs's lock, there while a buffer has unsaved changes: a link named `.#…` to nothing
    (`user@host.pid`), never read, as every leftover."""
    return item.name.startswith(".#") and item.is_symlink() and not _mode(item)


def leftover(file: Path, path: str) -> Problem | None:
    """A problem for an editor's leftover file, which is never read or published: delete it."""
    if not LEFTOVER.fullmatch(file.name):
        return None
    return Problem(path, 1, "is an editor's or the system's leftover file; delete it (it is never read or published)")


def content_files(
    root: Path, content_dir: str, refused: Collection[Path] = ()
) -> tuple[list[Source], list[Problem], list[Problem]]:
    """Every briefing source under the content folders; stray files are reported, never skipped silently
    (`refused` files are reported by `refused_files`, and never read). Editors' leftovers come apart, last:
    a local check may only warn about them."""
    sources: list[Source] = []
    problems: list[Problem] = []
    leftovers: list[Problem] = []
    for folder, kind in FOLDERS.items():
        base = root / content_dir / folder
        if not base.is_dir() or base in refused:
            continue
        for file in sorted(base.iterdir()):
            path = file.relative_to(root).as_posix()
            if file in refused:
                continue
            if found := leftover(file, path):
                leftovers.append(found)
            elif file.name in KEEP_FILES:
                continue  # an empty file that keeps an empty folder in git: never read or published
            elif file.is_dir() or file.suffix != ".md" or file.name.startswith("."):
                problems.append(
                    Problem(
                        path,
                        1,
                        f"only '.md' files not starting with '.' are read in {content_dir}/{folder}/; rename it or move it out",
                    )
                )
            else:
                sources.append(Source(file, path, kind))
    return sources, problems + strays(root / content_dir, root, refused), leftovers


KEEP_FILES = frozenset({".gitkeep", ".keep"})
_README = re.compile(r"README(?:\.\w+)?", re.I)
CONTENT_ITEMS = frozenset({*FOLDERS, "pages", "taxonomy.yml", "allowed_names.yml"})
"""What the content folder holds: the folders and files the site is made from."""
_STRAY = (
    "is not read, so nothing in it is published: an audit goes in {folder}/audits/, a briefing in {folder}/briefings/, a "
    "page in {folder}/pages/ (the settings files are taxonomy.yml and allowed_names.yml); move it, or delete it"
)


def strays(folder: Path, root: Path, refused: Collection[Path] = ()) -> list[Problem]:
    """What the content folder holds besides its own folders and files (`CONTENT_ITEMS`): an audit saved beside them, in
    a folder misspelt (`content/audit/`), a settings file renamed (`taxonomy.yaml`) would be dropped without a word. A
    hidden file, an editor's leftover and a note to the team (`README.md`) are none; `refused` ones are reported elsewhere."""
    if not folder.is_dir():
        return []
    where = folder.relative_to(root).as_posix()
    return [
        Problem(item.relative_to(root).as_posix(), 1, _STRAY.format(folder=where))
        for item in sorted(folder.iterdir())
        if item.name not in CONTENT_ITEMS
        and item not in refused
        and not item.name.startswith(".")
        and not LEFTOVER.fullmatch(item.name)
        and not (item.is_file() and _README.fullmatch(item.name))
    ]


def load_yaml_file(file: Path, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    if not file.is_file():
        return None, [Problem(path, 1, "file is missing; create it with audit_types, agencies and themes")]
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    return parse_yaml(text, path, 1, "this file")
