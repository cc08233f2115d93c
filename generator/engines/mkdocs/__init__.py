"""The adapter for MkDocs 1.6 and ProperDocs, its maintained drop-in fork (`plugin.py`, `runner.py`).

ProperDocs redirects every `mkdocs.*` import to its own modules once `properdocs.replacement` is imported,
as its own command does first; the `briefings` command does the same when `BRIEFINGS_ENGINE=properdocs`.
"""

import sys

from generator.config import SettingsError, engine_name

try:
    _PROPERDOCS = engine_name() == "properdocs" and "mkdocs" not in sys.modules  # plain `mkdocs` runs as itself
except SettingsError:  # another value: `briefings` refuses it (`cli.main`), plain engines ignore it
    _PROPERDOCS = False
if _PROPERDOCS:
    import properdocs.replacement  # noqa: F401  (from here on `mkdocs.*` imports give ProperDocs' modules)
