"""The JSON schema of an extraction ("soc-extraction/1"), shipped with the package as data.

`ExtractionResult.to_json()` produces an object of this schema; `reviewer extract --json` prints one per file.
The schema belongs to the project: tests and checks read it from here, never from outside the repository.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "extraction.schema.json"


def extraction_schema_text() -> str:
    """The schema file's text, as shipped."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def extraction_schema() -> dict[str, Any]:
    """The schema as a JSON object (parsed once; do not mutate it)."""
    schema: dict[str, Any] = json.loads(extraction_schema_text())
    return schema
