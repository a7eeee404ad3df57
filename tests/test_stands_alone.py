"""The repository stands alone: the extraction schema ships in the package, and no file points outside the repo."""

from __future__ import annotations

import subprocess
from pathlib import Path

import jsonschema

from reviewer.extract.model import SCHEMA_ID
from reviewer.schema import extraction_schema, extraction_schema_text

REPO = Path(__file__).resolve().parents[1]
OUTSIDE = ("../" + "shared", "/" + "work/")  # spelt in pieces so that this file is not one of its own finds


def test_the_schema_ships_with_the_package_and_is_a_valid_schema_of_this_extraction_id():
    schema = extraction_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert SCHEMA_ID in extraction_schema_text()


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):  # not a git checkout (an sdist): walk the tree instead
        return [p for p in REPO.rglob("*") if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts]
    return [REPO / name for name in out.decode().split("\0") if name]


def test_no_file_in_the_repository_refers_outside_it():
    me = Path(__file__).resolve()
    offenders = []
    for path in _tracked_files():
        if path.resolve() == me or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # PDFs, icons
        offenders += [f"{path.relative_to(REPO)}: {needle}" for needle in OUTSIDE if needle in text]
    assert not offenders, offenders
