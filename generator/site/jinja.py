"""The Jinja environment every generated page is written with, its filters and helpers.

Every author string placed in a template is escaped (autoescape); the templates folder is found here only.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from markupsafe import Markup

from generator.content.writing import abbreviate, reading_minutes
from generator.model import long_date
from generator.site.markup import to_html
from generator.site.totals import count_text, describe, written


@lru_cache(maxsize=4096)
def relative(here: str, target: str) -> str:
    """A link from the page at site URL `here` to `target`, so the site works under any base path.

    Both are site-relative (`briefings/x/`, `feed.xml`); pages are folders, so `here` is a directory. Kept:
    a listing links to the same theme, agency and year pages from many rows.
    """
    path, hash_, anchor = target.partition("#")
    base = [part for part in here.split("/") if part]
    parts = path.split("/")
    common = 0
    while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
        common += 1
    link = "../" * (len(base) - common) + "/".join(parts[common:])
    return (link or "./") + hash_ + anchor


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are part of the package: changing them means restarting anyway
    )
    env.filters["markdown"] = lambda text, up="": Markup(to_html(text, up))
    env.filters["long_date"] = long_date
    env.filters["iso"] = lambda day: day.isoformat()
    env.filters["number"] = written
    env.filters["abbreviations"] = lambda html, glossary: Markup(abbreviate(str(html), glossary))
    env.globals["reading_minutes"] = reading_minutes
    env.globals["describe"] = describe
    env.globals["count_text"] = count_text
    return env


ENV = _environment()


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for any environment that uses this cache (`bytecode_cache`).

    An engine makes a new environment for its theme at every build, and a preview rebuilds in one process:
    without it, each rebuild would compile the theme's templates again. A template whose source changed is
    compiled again (Jinja checks each one's checksum), and so is one whose environment compiles differently.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, tuple[tuple, bytes]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self.compiled.get(bucket.key)
        if kept is not None and kept[0] == _compiling(bucket.environment):
            bucket.bytecode_from_string(kept[1])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = (_compiling(bucket.environment), bucket.bytecode_to_string())


def _compiling(env: jinja2.Environment) -> tuple:
    """What an environment's compiled code depends on besides the source: its syntax, extensions, escaping, and
    the filters and tests it may fold into constants (held, not only named, so that a new one never matches)."""
    syntax = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string)
    syntax += (env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix)
    syntax += (env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized)
    syntax += (env.finalize, env.is_async)
    return (*syntax, env.autoescape, tuple(sorted(env.extensions)), tuple(env.filters.items()), tuple(env.tests.items()))
