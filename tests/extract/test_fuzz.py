"""Broken input never escapes `extract_pdf` as anything but the PdfReadError family; the CLI exits 2 with one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from reviewer.cli import main
from reviewer.extract import PdfReadError, extract_pdf


def _small_pdf() -> bytes:
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Independent Service Auditor's Report for the period January 1, 2024 to June 30, 2024")
    c.drawString(72, 700, "In our opinion, in all material respects, the controls operated effectively.")
    c.showPage()
    c.save()
    return buf.getvalue()


SEED = _small_pdf()


def _check(data: bytes) -> None:
    try:
        result = extract_pdf(data, name="fuzz.pdf")
    except PdfReadError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert result.file.pages >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(SEED)))
def test_truncated(cut):
    _check(SEED[:cut])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_bit_flipped(flips):
    data = bytearray(SEED)
    for pos, value in flips:
        data[pos] = value
    _check(bytes(data))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_behind_a_pdf_header(data):
    _check(b"%PDF-1.7\n" + data)


@pytest.mark.parametrize("content", [b"", b"hello, not a pdf", SEED[: len(SEED) // 2], b"%PDF-1.4\n%%EOF"])
def test_cli_bad_input_exits_2_with_one_line(tmp_path, capsys, content):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert main(["extract", "--json", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.pdf" in err and "Traceback" not in err


def test_cli_subprocess_bad_and_good_file(tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(SEED)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    proc = subprocess.run([sys.executable, "-m", "reviewer", "extract", "--json", str(bad), str(good)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "bad.pdf" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout.count("\n") == 1 and '"name": "good.pdf"' in proc.stdout
