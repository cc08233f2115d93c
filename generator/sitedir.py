"""Replace a built site only once the new one is complete, so a failed build never damages it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replace_on_success(target: Path) -> Iterator[Path]:
    """Yield an empty sibling folder to build into; swap it in for `target` only if no exception escapes."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = target.parent / f".{target.name}-old-{staging.name.rsplit('-', 1)[-1]}"
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    target.chmod(0o755)
    shutil.rmtree(retired, ignore_errors=True)
