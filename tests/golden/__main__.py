"""`python -m tests.golden`: rewrite the golden site from the core's outputs now; review `git diff tests/golden` next."""

from __future__ import annotations

from . import GOLDEN, build, write


def main() -> None:
    files = build()
    write(files)
    print(f"wrote {len(files)} files to {GOLDEN}: review them with `git diff tests/golden` before committing")


if __name__ == "__main__":
    main()
