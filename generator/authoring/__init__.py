"""Commands that write or judge content files rather than build the site: new, import, takedown, review."""
