"""Unicode PDF passwords (issue 10, item 10): an AES-256 (revision 6) PDF whose password was stored as PDF 2.0
prepares it (SASLprep) opens with the password as a person types it: a decomposed accent, a no-break space,
a soft hyphen, a ligature, full-width letters. Built at test time with pikepdf (qpdf), which can write encryption."""

from __future__ import annotations

import io

import pytest

from reviewer.extract import PasswordRequiredError, extract_document
from reviewer.extract.passwords import password_candidates, saslprep
from tests.support.pdfs import text_pdf as make_pdf

pikepdf = pytest.importorskip("pikepdf")

# (as stored in the PDF, SASLprep-normalised; as typed)
CASES = [
    ("Größe Passwort", "Gro\u0308\u00dfe\u00a0Pass\u00adwort"),
    ("office 2024", "o\ufb03ce\u20032024"),
    ("ABC123", "\uff21\uff22\uff23\uff11\uff12\uff13"),
]


def _encrypted(password: str, revision: int = 6) -> bytes:
    source = pikepdf.open(io.BytesIO(make_pdf(["SOC 2 Type 2 report of Quokka Ledger Inc"])))
    out = io.BytesIO()
    source.save(out, encryption=pikepdf.Encryption(user=password, owner=password + " owner", R=revision))
    return out.getvalue()


@pytest.mark.parametrize(("stored", "typed"), CASES)
def test_an_aes256_pdf_opens_with_the_password_as_typed(stored, typed):
    assert saslprep(typed) == stored
    data = _encrypted(stored)
    extracted = extract_document(data, name="locked.pdf", password=typed)
    assert extracted.result.file.encrypted
    assert "Quokka Ledger" in extracted.page_texts[0]
    with pytest.raises(PasswordRequiredError):
        extract_document(data, name="locked.pdf", password="Grosse Passwort")


def test_the_password_as_typed_still_comes_first():
    assert password_candidates("plain") == ["plain"]
    assert password_candidates("a\u00a0b") == ["a\u00a0b", "a b"]
    data = _encrypted("café", revision=4)  # older revisions take the password as given
    assert extract_document(data, name="old.pdf", password="café").result.file.encrypted


@pytest.mark.parametrize("bad", ["\u0627a\u0628", "pass\u0000word", "\u200e"])
def test_prohibited_passwords_are_not_prepared(bad):
    with pytest.raises(ValueError):
        saslprep(bad)
    assert password_candidates(bad) == [bad]
