"""The print stylesheet each build writes: the partnership's name and logo at the top of every printed page."""

from __future__ import annotations

from generator.sitemodel import Settings

PRINT_STYLESHEET = "assets/stylesheets/print.css"
"""Written by each build: the partnership's name and logo at the top of every printed page (see briefings-print.css)."""


def print_stylesheet(settings: Settings) -> str:
    """The top of every printed page, from the settings: the partnership's name, after its logo if it has one."""
    rules = [f"content: {css_string(settings.partnership_name)};"]
    if settings.logo:
        logo = css_string("../../" + settings.logo)  # from assets/stylesheets/ to the logo's place in the site
        rules += ["padding-left: 14mm;", f"background: url({logo}) no-repeat left center / auto 9mm;"]
    lines = "\n    ".join(rules)
    return f"/* Written by the build from mkdocs.yml. */\n@page {{\n  @top-left {{\n    {lines}\n  }}\n}}\n"


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes, line breaks and `<` escaped, so no setting can end it."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>' or ord(c) < 32 else c for c in text) + '"'
