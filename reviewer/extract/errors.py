"""Why a PDF could not be read: the errors `extract_pdf` raises, each with a message a user can act on."""


class PdfReadError(Exception):
    """The file could not be read as a PDF. `str(err)` is one clear line for the user."""


class NotAPdfError(PdfReadError):
    """The file is not a PDF at all (wrong content, whatever its name)."""


class DamagedPdfError(PdfReadError):
    """The file starts like a PDF but is truncated or corrupt."""


class PasswordRequiredError(PdfReadError):
    """The PDF is encrypted and no password, or a wrong one, was given."""

    def __init__(self, message: str, *, wrong_password: bool = False) -> None:
        super().__init__(message)
        self.wrong_password = wrong_password


class ExtractionCancelled(Exception):
    """The caller's cancel check returned True; nothing was produced."""
