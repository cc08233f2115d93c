"""The site made from the briefings: indexes and totals, pages from templates, feed, open data, charts, plain text."""
