"""One test-support package: PDF builders, the truth-against-PDF checker, and register helpers.

- `pdfs.text_pdf(pages)`: a real PDF with one page per text (reportlab, in memory).
- `viewer_pdf`: small PDFs with known words at known places, for the viewer (`make_pdf`, `line_box`, `LINES`).
- `truth_check`: where each truth value of a committed holdout document is printed (`page_texts`, `problems`).
- `register`: the test passphrase, and `store(reg, ...)`, a report stored through the real insert path.

Tested by `tests/support/test_support.py`.
"""
