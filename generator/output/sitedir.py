"""The output folder: one build at a time, built beside it, put in its place whole or not at all.

A build writes into a hidden sibling folder (`.site-new-…`) while it holds a lock (`.site.lock`) beside
the output folder. Only a build that succeeds swaps its folder into place: on Linux in one step
(`renameat2` with `RENAME_EXCHANGE`, so there is no moment without an output folder); elsewhere, or on a
file system without it, by two renames with the old folder moved aside first (a moment of a few
microseconds without one). A failed build removes its own folder; the folders of builds that were
killed are removed by the next build, which holds the lock and so knows they belong to nobody (and which first
puts back an output folder that a build killed in that moment had moved aside).
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class Refused(RuntimeError):
    """The output folder cannot be built into: another build holds it, or it is a link."""


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """Yield an empty folder to build into; if no exception escapes, it replaces `target` whole.

    Raises `Refused` at once if another build is writing `target`.
    """
    target = target.absolute()
    if target.is_symlink():
        raise Refused(
            f"{target.name}/ is a link to {target.resolve()}: the build replaces its folder whole, so build into a real folder"
        )
    if target.exists() and not target.is_dir():
        raise Refused(f"{target.name} is a file, not a folder: the build would replace it whole; build into a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        remove_leftovers(target)
        staging = target.parent / f".{target.name}-new-{secrets.token_hex(_TOKEN_BYTES)}"
        staging.mkdir(0o700)  # a fresh name: one taken already fails here
        try:
            yield staging
            staging.chmod(0o755)
            previous = _swap(staging, target)
        except BaseException:  # a failed swap too: a partners site must not wait, whole, for the next build
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _remove(previous)


def files_in(folder: Path) -> list[str]:
    """Every file in `folder` (links to files included, no linked folder entered), as `/`-separated paths in it,
    in the order of their parts. A preview lists its whole site at every rebuild: `os.scandir` reads each
    folder once and knows most entries' kinds without asking again, unlike `Path.rglob`."""
    found: list[str] = []

    def visit(place: str, prefix: str) -> None:
        with os.scandir(place) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    found.append(prefix + entry.name)

    visit(str(folder), "")
    return sorted(found, key=lambda path: path.split("/"))


_TOKEN_BYTES = 8


def leftovers(target: Path) -> list[Path]:
    """Folders that builds of `target` started and never finished (killed): each holds a whole or part site. Named
    exactly as this module names them: a build of `site-new` works in `.site-new-new-…`, which a build of `site`
    (holding another lock) must leave alone, as it must a name a pattern would read otherwise (`site[1]`), or one a
    person chose (`.site-old-20261206`, a backup)."""
    name = re.compile(rf"\.{re.escape(target.name)}-(?:new|old)-[0-9a-f]{{{2 * _TOKEN_BYTES}}}")
    if not target.parent.is_dir():
        return []
    return sorted(target.parent / entry for entry in os.listdir(target.parent) if name.fullmatch(entry))


def unswappable(target: Path, pages: Path) -> str:
    """Why no swap may replace the folder `target`, and what to do, or "": a mount point at it or in it (a container's
    volume) cannot be swapped away, and what it holds would be deleted; so would a hidden file or folder that MkDocs'
    own build keeps there (a `.git` of the published branch; not one the `pages` folder publishes, `.well-known`,
    nor a file manager's `.DS_Store` or `._name`, nor a `.gitkeep`)."""
    if not target.is_dir() or target.is_symlink():
        return ""
    if mounted := next((Path(folder) for folder, _, _ in os.walk(target) if os.path.ismount(folder)), None):
        where = "is a mount point" if mounted == target else f"holds a mount point, {mounted.relative_to(target)}/,"
        return f"{where} (a volume), which no build can swap away; mount the folder above it instead, or build elsewhere"
    published = {item.name for item in pages.iterdir()} if pages.is_dir() else set()
    hidden = sorted(
        n for item in target.iterdir() if (n := item.name).startswith(".") and not _LITTER.fullmatch(n) and n not in published
    )
    what = "it" if len(hidden) == 1 else "them"
    return f"holds {', '.join(hidden[:3])}, which MkDocs' own build keeps there; move {what} out of it first" if hidden else ""


_LITTER = re.compile(r"\.DS_Store|\._.*|\.gitkeep|\.keep")


def moved_aside(target: Path) -> list[Path]:
    """The leftovers that were `target` itself, moved aside by a swap (`_swap`'s fallback) whose build was killed."""
    return [folder for folder in leftovers(target) if folder.name.startswith(f".{target.name}-old-")]


def remove_leftovers(target: Path) -> None:
    """Remove them, once the last finished site is back in place if a build was killed while it stood aside (the
    fallback's moment without an output folder); `Refused` if one cannot be removed (it may hold restricted pages)."""
    aside = [folder for folder in moved_aside(target) if folder.is_dir() and not folder.is_symlink()]
    if aside and not (target.exists() or target.is_symlink()):
        max(aside, key=lambda folder: folder.stat().st_mtime).rename(target)  # the newest, if builds were killed twice
    for folder in leftovers(target):
        _remove(folder)
        if folder.exists() or folder.is_symlink():
            raise Refused(
                f"{folder.name}/ is left from an earlier build and cannot be removed (it holds a whole or part site, the "
                f"partners' restricted pages perhaps); remove it (check its permissions), then build again"
            )


def _remove(path: Path) -> None:
    """Remove a folder whole, or a file or link of that name (earlier versions swapped an output file out as one)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold `.<name>.lock` beside `target` for the build; the system releases it if the build is killed."""
    if fcntl is None:
        yield
        return
    lock = target.parent / f".{target.name}.lock"
    try:  # never through a link, nor into a file with another name: the lock is emptied and written
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        if not (lock.exists() or lock.is_symlink()):
            raise Refused(
                f"{lock.name} cannot be made beside {target.name}/ ({error.strerror}): a build writes its lock and its new "
                f"folder in {target.parent}; build where you may write"
            ) from None
        raise Refused(
            f"{lock.name} cannot be opened as the build's lock ({error.strerror}); remove it, then build again"
        ) from None
    found = os.fstat(descriptor)
    if not stat.S_ISREG(found.st_mode) or found.st_nlink > 1:
        os.close(descriptor)
        raise Refused(f"{lock.name} is not the build's own lock file (a link or a special file); remove it, then build again")
    with open(descriptor, "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise Refused(f"{target.name}/ is being built by {holder}; wait for that build to finish, then build again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _swap(new: Path, target: Path) -> Path:
    """Put `new` at `target`; return where the previous `target` now is (nothing may be there)."""
    if not target.exists():
        new.rename(target)
        return new
    if _exchange(new, target):
        return new
    retired = target.parent / f".{target.name}-old-{new.name.rsplit('-', 1)[-1]}"
    target.rename(retired)
    try:
        new.rename(target)
    except BaseException:  # Ctrl-C too; if killed here, the next build puts it back (`remove_leftovers`)
        retired.rename(target)
        raise
    return retired


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step where the system can (Linux `renameat2`); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))
