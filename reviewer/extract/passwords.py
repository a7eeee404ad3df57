"""PDF passwords as PDF 2.0 prepares them: SASLprep (RFC 4013) for the AES-256 handlers (revisions 5 and 6).

PDF 2.0 (ISO 32000-2, 7.6.4.3.3) says a revision 6 password is the UTF-8 of the SASLprep-processed password
(stringprep profile: map non-ASCII spaces to a space and drop characters mapped to nothing, NFKC, refuse prohibited
and bidirectionally inconsistent strings), truncated to 127 bytes. PDFium uses the bytes it is given, so a password
typed with a decomposed accent, a no-break space or a soft hyphen opens nothing. `password_candidates` gives the
password as typed first (what every older revision and most writers expect), then its prepared form.
"""

from __future__ import annotations

import stringprep
import unicodedata

MAX_PASSWORD_BYTES = 127


def saslprep(text: str) -> str:
    """RFC 4013 SASLprep of `text` (unassigned code points allowed, as for a query). Raises ValueError."""
    mapped = "".join(" " if stringprep.in_table_c12(c) else c for c in text if not stringprep.in_table_b1(c))
    prepared = unicodedata.normalize("NFKC", mapped)
    prohibited = (stringprep.in_table_c12, stringprep.in_table_c21, stringprep.in_table_c22, stringprep.in_table_c3,
                  stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6, stringprep.in_table_c7,
                  stringprep.in_table_c8, stringprep.in_table_c9)
    for c in prepared:
        if any(test(c) for test in prohibited):
            raise ValueError(f"the password holds a character SASLprep prohibits (U+{ord(c):04X})")
    if any(stringprep.in_table_d1(c) for c in prepared):
        if any(stringprep.in_table_d2(c) for c in prepared):
            raise ValueError("the password mixes right-to-left and left-to-right text")
        if not (stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1])):
            raise ValueError("a right-to-left password must start and end with a right-to-left character")
    return prepared


def _truncated(text: str) -> str:
    data = text.encode("utf-8")[:MAX_PASSWORD_BYTES]
    return data.decode("utf-8", errors="ignore")


def password_candidates(password: str) -> list[str]:
    """The password as typed, then (when different) as PDF 2.0 prepares it for AES-256."""
    out = [password]
    try:
        prepared = _truncated(saslprep(password))
    except ValueError:
        return out
    if prepared and prepared not in out:
        out.append(prepared)
    return out
