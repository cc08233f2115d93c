"""Briefings: audit findings written as Markdown become a static site for practitioners.

The pipeline, one stage per package, each using only the ones below it (docs/architecture.md): `privacy`
finds what could identify a child in any reader's text; `content` reads and checks what authors wrote;
`site` renders the pages; `output` checks and finishes the built folder; `build.py` runs them in order, and
`engines/mkdocs` places the pages in the Material theme. `authoring` holds the commands that write content.
"""
