"""The register's command line, run as a user would (`python -m reviewer ...`): output lines and exit codes."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from reviewer.register import Register

PASS = "cli test passphrase"


def reviewer(*args, env=None, passphrase=PASS, cwd=None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    if passphrase is not None:
        environ["REVIEWER_PASSPHRASE"] = passphrase
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "reviewer", *map(str, args)], capture_output=True, text=True,
                          env=environ, timeout=300, stdin=subprocess.DEVNULL, cwd=cwd)


def one_line_error(done):
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "reg" / "register.db"


@pytest.fixture
def reports(corpus):
    return [d for d in corpus.readable() if d.truth["document_type"] == "soc_report"][:3]


def test_import_prints_a_line_per_file_and_list_shows_them(db, reports):
    done = reviewer("import", "--register", db, *[d.path for d in reports])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("imported: ") for line in lines)
    again = reviewer("import", "--register", db, reports[0].path)
    assert again.returncode == 0
    assert again.stdout.startswith(f"duplicate: {reports[0].path}")
    listed = reviewer("list", "--register", db, "--json")
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert {r["vendor"] for r in rows} == {d.truth["report"]["service_organization"] for d in reports}
    assert {"vendor", "framework", "type", "period_end", "opinion", "exceptions_count", "currency_status",
            "review_status"} <= set(rows[0])
    table = reviewer("list", "--register", db)
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split()[:3] == ["ID", "VENDOR", "DOCUMENT"]
    assert len(table.stdout.strip().splitlines()) == 4


def test_a_failed_file_exits_1_and_says_why(db, reports, corpus, tmp_path):
    bad = [d for d in corpus.documents if d.expect_error == "not_pdf"][0]
    done = reviewer("import", "--register", db, reports[0].path, bad.path, tmp_path / "missing.pdf")
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("imported: ")
    assert lines[1].startswith(f"failed: {bad.path}: not a PDF")
    assert lines[2] == f"failed: {tmp_path / 'missing.pdf'}: no such file or folder"
    assert "2 of 3 file(s) failed" in one_line_error(done)
    with Register.open(db, PASS) as reg:
        assert reg.reports.count() == 1


def test_a_folder_is_imported(db, reports, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for doc in reports[:2]:
        (folder / doc.path.name).write_bytes(doc.path.read_bytes())
    done = reviewer("import", "--register", db, folder)
    assert done.returncode == 0
    assert done.stdout.count("imported: ") == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = reviewer("import", "--register", db, empty)
    assert nothing.returncode == 2
    assert "no PDF files found" in one_line_error(nothing)


def test_currency_as_of_a_date(db, reports):
    reviewer("import", "--register", db, *[d.path for d in reports])
    done = reviewer("currency", "--register", db, "--json", "--as-of", "2030-01-01")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 3
    assert {r["status"] for r in rows} == {"next_report_expected"}
    first_end = min(r["period_end"] for r in rows)
    current = json.loads(reviewer("currency", "--register", db, "--json", "--as-of", first_end).stdout)
    assert "current" in {r["status"] for r in current}
    table = reviewer("currency", "--register", db, "--as-of", "2030-01-01")
    assert table.stdout.splitlines()[0] == "Currency as of 2030-01-01"
    bad = reviewer("currency", "--register", db, "--as-of", "01/02/2030")
    assert bad.returncode == 2
    assert "YYYY-MM-DD" in one_line_error(bad)


def test_export_csv_and_xlsx(db, reports, tmp_path):
    reviewer("import", "--register", db, *[d.path for d in reports])
    with Register.open(db, PASS) as reg:
        reg.reviews.update(reg.reports.rows()[0].id, "alice", status="in_review")
    out = tmp_path / "export.csv"
    done = reviewer("export", "--register", db, "--format", "csv", "--output", out)
    assert done.returncode == 0, done.stderr
    names = ["export", "export-exceptions", "export-cuecs", "export-subservice", "export-csocs", "export-audit"]
    assert done.stdout.splitlines()[1:] == [f"  {tmp_path / name}.csv" for name in names]  # each file it wrote
    assert all((tmp_path / f"{name}.csv").is_file() for name in names)
    with open(out, newline="", encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == 3
    with open(tmp_path / "export-audit.csv", newline="", encoding="utf-8-sig") as fh:
        assert [(r["who"], r["field"]) for r in csv.DictReader(fh)] == [("cli", "imported")] * 3 + [
            ("alice", "status")]
    xlsx = tmp_path / "export.xlsx"
    done = reviewer("export", "--register", db, "--format", "xlsx", "--output", xlsx)
    assert done.returncode == 0
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Reports", "Exceptions", "CUECs", "Subservice organizations", "CSOCs", "Audit log",
                               "History", "Signals"]
    assert book["Reports"].max_row == 4 and book["Audit log"].max_row == 5  # 3 imports and the status
    assert done.stdout.splitlines()[-1] == f"  {xlsx}"
    nowhere = reviewer("export", "--register", db, "--format", "csv", "--output", tmp_path / "no" / "x.csv")
    assert nowhere.returncode == 2
    assert "does not exist" in one_line_error(nowhere)


def test_wrong_passphrase_exits_3(db, reports):
    reviewer("import", "--register", db, reports[0].path)
    done = reviewer("list", "--register", db, passphrase="wrong")
    assert done.returncode == 3
    assert one_line_error(done).startswith(f"reviewer: wrong passphrase for the register {db}")


def test_a_register_in_use_by_another_process(db):
    with Register.open(db, PASS):
        done = reviewer("list", "--register", db)
    assert done.returncode == 2
    assert "is in use by another reviewer process" in one_line_error(done)


def test_passwd_changes_the_passphrase(db, reports):
    imported = reviewer("import", "--register", db, reports[0].path)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    done = reviewer("passwd", "--register", db, env={"REVIEWER_NEW_PASSPHRASE": "second passphrase"})
    assert done.returncode == 0, done.stderr
    assert reviewer("list", "--register", db).returncode == 3
    listed = reviewer("list", "--register", db, "--json", passphrase="second passphrase")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1


def test_passwd_without_a_register_and_without_a_passphrase(db):
    done = reviewer("passwd", "--register", db, env={"REVIEWER_NEW_PASSPHRASE": "x"})
    assert done.returncode == 2
    assert "no register at" in one_line_error(done)
    no_pass = reviewer("list", "--register", db, passphrase=None)
    assert no_pass.returncode == 2
    assert "REVIEWER_PASSPHRASE" in one_line_error(no_pass)
    assert not db.exists()


def test_the_default_register_lives_in_the_user_data_folder(tmp_path, reports):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}
    done = reviewer("import", reports[0].path, env=env)
    assert done.returncode == 0, done.stderr
    created = list(Path(tmp_path / "data").rglob("register.db"))
    assert len(created) == 1 and created[0].parent.name == "reviewer"


def test_demo_prints_the_register_and_currency_and_leaves_nothing(tmp_path):
    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    pdfs = sorted(samples.glob("*.pdf"))
    assert pdfs, "the demo samples are missing"
    env = {"TMPDIR": str(tmp_path)}
    done = reviewer("demo", env=env, passphrase=None)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("imported: ") == len(pdfs)
    assert "ID  VENDOR" in out
    assert "Currency as of today" in out
    manifest = json.loads((samples / "manifest.json").read_text())
    reference = manifest.get("reference_date") if isinstance(manifest, dict) else None
    if reference:
        assert f"reference date of {reference}" in out
    assert list(tmp_path.iterdir()) == []  # the throwaway register is gone
