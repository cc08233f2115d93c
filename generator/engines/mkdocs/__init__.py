"""The adapter for MkDocs 1.6 and ProperDocs, its maintained drop-in fork (`plugin.py`, `runner.py`).

ProperDocs redirects every `mkdocs.*` import to its own modules once `properdocs.replacement` is imported,
as its own command does first; the `briefings` command does the same when `BRIEFINGS_ENGINE=properdocs`.
"""

import os

from generator.config import ENGINE_ENV

if os.environ.get(ENGINE_ENV) == "properdocs":  # another value: `briefings` refuses it (`cli.main`), plain engines ignore it
    import properdocs.replacement  # noqa: F401  (from here on `mkdocs.*` imports give ProperDocs' modules)
