"""Site search: a Pagefind index of the built site, so a reader downloads only the chunks a query needs.

Pagefind (its binary ships in the `pagefind[bin]` wheel and runs offline) reads the finished HTML,
so only what a build publishes can ever be found: drafts and restricted items never reach it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def index_site(site: Path) -> None:
    """Write `pagefind/` into `site`; only pages marked data-pagefind-body (the briefings) are indexed."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--exclude-selectors", ".headerlink", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind could not index the site: {result.stderr.strip() or result.stdout.strip()}")
