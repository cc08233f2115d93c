"""Briefings: audit findings written as Markdown become a static site for practitioners.

The pipeline, one stage per package, each using only the ones before it (docs/architecture.md):
`content` reads and checks what authors wrote, `privacy` finds what could identify a child, `site` renders
the pages, `output` checks and finishes the built folder; `build.py` runs them in order, and
`engines/mkdocs` places the pages in the Material theme. `authoring` holds the commands that write content.
"""
