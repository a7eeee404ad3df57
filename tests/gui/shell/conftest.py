"""Fixtures for the shell's tests: settings in tmp_path, and real registers filled from the corpus.

A filled register is built once per session (importing the corpus's readable reports, vendors confirmed from
the documents' ground truth through `confirm_vendor`, as a user would) and copied into each test's tmp_path:
the copy is the same encrypted file, opened with the same passphrase.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reviewer.gui.settings import AppSettings
from reviewer.register import Register
from tests.support.register import PASSPHRASE

# the corpus's reports end in 2023-2024: views are judged on a fixed day so the statuses do not drift
TODAY = date(2024, 9, 15)


def import_confirmed(register: Register, path: Path, vendor: str | None) -> int | None:
    """Import one file; settle its vendor to `vendor` (the truth) when the register is unsure."""
    outcome = register.reports.import_file(path)
    assert outcome.status == "imported", outcome.message
    match = outcome.vendor_match
    if match is not None and not match.certain and vendor:
        existing = {v.name: v.id for v in register.vendors.all()}
        register.vendors.confirm(outcome.report_id, existing.get(vendor), new_name=vendor, who="tests")
    return outcome.report_id


@pytest.fixture(scope="session")
def filled_register_template(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "register.db"
    register = Register.open(path, PASSPHRASE)
    try:
        for doc in corpus.readable():
            if doc.password or not doc.truth or doc.truth.get("document_type") is None:
                continue
            vendor = (doc.truth.get("report") or {}).get("service_organization")
            import_confirmed(register, doc.path, vendor)
    finally:
        register.close()
    return path


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    return AppSettings.at(tmp_path / "settings.ini")


@pytest.fixture
def register_path(tmp_path) -> Path:
    return tmp_path / "register.db"


@pytest.fixture
def filled_register(filled_register_template, register_path):
    shutil.copyfile(filled_register_template, register_path)
    register = Register.open(register_path, PASSPHRASE, create=False)
    yield register
    register.close()


@pytest.fixture
def empty_register(register_path):
    register = Register.open(register_path, PASSPHRASE)
    yield register
    register.close()


@pytest.fixture
def window(qtbot, filled_register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.idle_lock_minutes = 0
    win = MainWindow(filled_register, settings)
    win.procurement.today = TODAY
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


# The offscreen platform plugin warns whenever a top-level window's size constraints change: a limit of the
# test platform, not of the app (qutebrowser ignores it the same way). Every other Qt warning still fails.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui/shell" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def protected_pdf(corpus, tmp_path) -> tuple[Path, str]:
    """A password-protected SOC report and its password: the corpus's own, or, while the corpus has none, a
    short one drawn with reportlab's standard encryption."""
    for doc in corpus.documents:
        if doc.password:
            return doc.path, doc.password
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = tmp_path / "protected.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter, encrypt="open sesame 42", invariant=1)
    for page in range(1, 4):
        pdf.drawString(72, 700, "Larchmont Billing, Inc.")
        pdf.drawString(72, 680, "SOC 2 Type 2 Report for the period January 1, 2024 to December 31, 2024")
        pdf.drawString(72, 660, f"Proprietary and Confidential - page {page}")
        pdf.showPage()
    pdf.save()
    return path, "open sesame 42"
