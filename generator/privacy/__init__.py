"""Details that could identify a child or family, found in a reader's text, whether an author's file or a built page."""
