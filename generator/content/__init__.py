"""What authors wrote, read and checked: files, front matter, body, taxonomy, addresses, then a `Briefing`."""
