"""A built folder finished and checked: its privacy scan, links, search index and PDFs, and the swap into place."""
