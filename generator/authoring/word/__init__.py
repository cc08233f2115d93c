"""`briefings import FILE.docx`: a Word report becomes a draft shaped like the contract, nothing dropped."""
