"""Freed memory handed back to the system (glibc), so that processes started next can use it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.memory import give_back


def resident_mb() -> float:
    return int(re.search(r"^VmRSS:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M).group(1)) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_between_live_objects_goes_back_to_the_system() -> None:
    blocks = [bytes(2000) for _ in range(40_000)]  # 80 MB, as the pages of a build
    kept = blocks[::10]  # a tenth stays alive, scattered: the C library cannot shrink its heap by itself
    del blocks
    before = resident_mb()
    give_back()
    assert before - resident_mb() > 30
    assert len(kept) == 4_000
