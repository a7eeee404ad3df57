"""Each field family, read from every readable corpus document, against the ground truth."""

from __future__ import annotations

import pytest

from tests.extract.scoring import field_values

FAMILIES = {
    "document and file": ["document_type", "file.pages", "file.encrypted", "file.text_layer"],
    "framework and type": ["framework", "type"],
    "parties": ["service_organization", "system", "service_auditor"],
    "dates": ["period_start", "period_end", "as_of", "report_date", "bridge_period_end"],
    "opinion": ["opinion"],
    "scope": ["categories", "criteria", "control_objectives"],
    "exceptions": ["exceptions"],
    "complementary and subservice": ["cuecs", "csocs", "subservice_organizations"],
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_field_family_matches_truth(family, corpus, extracted):
    wrong = []
    # a scan (no text layer) is read by OCR, measured against its born-digital twin in test_ocr_accuracy.py
    for doc in (d for d in corpus.readable() if d.truth["file"]["text_layer"] != "none"):
        pairs = field_values(extracted[doc.id], doc.truth)
        for key in FAMILIES[family]:
            if key in pairs and pairs[key][0] != pairs[key][1]:
                got, want = pairs[key]
                wrong.append(f"{doc.id} {key}: got {got!r}, want {want!r}")
    assert not wrong, "\n".join(wrong)
