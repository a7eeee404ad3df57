"""`reviewer import` with copies of a report (re-saved, watermarked: other bytes, the same report): a "duplicate"
line saying of which file it is a copy, skipped and logged; `--keep-copies` imports it too."""

from __future__ import annotations

from reviewer.register import Register
from tests.cli.test_register_cli import PASS, reviewer
from tests.support.pdf_copies import ORIGINAL, resaved, watermarked


def test_copies_are_reported_as_duplicates_of_their_original_and_skipped(tmp_path):
    db = tmp_path / "reg" / "register.db"
    copies = [resaved(ORIGINAL, tmp_path / "resaved.pdf"), watermarked(ORIGINAL, tmp_path / "portal.pdf")]
    done = reviewer("import", "--register", db, "--who", "Dana", ORIGINAL, *copies)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"imported: {ORIGINAL}: ")
    for line, copy in zip(lines[1:], copies, strict=True):
        assert line.startswith(f"duplicate: {copy}: copy of {ORIGINAL.name} (report 1")
        assert line.endswith("; skipped (--keep-copies imports it too)")
    with Register.open(db, PASS, create=False) as reg:
        assert reg.reports.count() == 1
        logged = [(e.who, e.field) for e in reg.audit.entries()]
    assert logged == [("Dana", "imported"), ("Dana", "copy_skipped"), ("Dana", "copy_skipped")]


def test_keep_copies_imports_them(tmp_path):
    db = tmp_path / "reg" / "register.db"
    copy = watermarked(ORIGINAL, tmp_path / "portal.pdf")
    assert reviewer("import", "--register", db, ORIGINAL).returncode == 0
    done = reviewer("import", "--register", db, "--keep-copies", copy)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"imported: {copy}: report 2: ")
    assert f"a copy of {ORIGINAL.name} (report 1), kept" in done.stdout
    with Register.open(db, PASS, create=False) as reg:
        assert reg.reports.count() == 2
        assert [e.who for e in reg.audit.entries() if e.field == "imported"] == ["cli", "cli"]
