"""The encrypted register (SQLCipher under sqlite-utils): reports, vendors, reviews, currency, exports. No Qt.

Implements /work/notes/REGISTER_API.md. Deviations and additions (the contract's names all exist):
- `confirm_vendor(report_id, vendor_id, new_name=None, *, who="unknown")` and
  `link_bridge_letter(letter_id, report_id, *, who="unknown")` take an optional `who` for the audit log;
  `confirm_vendor` returns the vendor id.
- `sign_off` requires a decided status (accepted, accepted_with_conditions, rejected): RegisterError otherwise.
  Changing any field of a signed-off review clears the sign-off (logged).
- `update_triage` returns the new `Triage`; `map_cuec` returns None.
- `VendorCurrency.status` (and `next_report_expected`, `period_end`) is None for a vendor whose SOC report has
  no readable period end, or who has only bridge letters / other documents; `reason` says which.
  Currency precedence: see `reviewer.register.currency` (the later milestone wins).
- `soc1_coverage` returns one row per vendor: its SOC 1 report overlapping the fiscal year most.
- `fourth_parties_missing() -> list[FourthPartyGap(name, linked_vendor_id, used_by, report_ids)]`.
- `ReportFilter` also has `document_type` and `vendor_id`; `list_reports(limit=None)` returns all rows;
  `order_by` is one of `reports.ORDER_COLUMNS`; "currency_status" orders worst first (gap, stale, bridge due,
  next report expected, bridged, current, none). `list_reports`, `count_reports`, `export_csv` and `export_xlsx`
  take `thresholds=` (default `CurrencyThresholds()`): the currency shown, filtered and ordered follows them.
- `export_csv(path)` returns the path of the audit file it writes beside it (`<name>-audit.csv`).
- `change_passphrase` raises RegisterError while other connections to the register are open in this process.
- `Register.open(..., create=False)` raises RegisterError when there is no register file.
- Records carry a little more than the contract lists: `SubserviceRecord` starts with its row `id`;
  `AuditEntry` ends with `entity_id`; `MappingSuggestion(own_control, score, similar_cuec_text, similar_cuec_id)`.
- Vendor matching: only an identical normalised name is `certain`; 90+ links to the vendor but asks; 75-90 creates
  a new vendor and offers the candidates; names differing in a number ("Acme 2" / "Acme 3") never auto-merge. A
  bridge letter whose vendor was not read takes the one vendor its text names that has a report ending on the
  letter's stated period end (uncertain, so the GUI asks).
- `import_file`/`import_bytes` take `extractor=`: who extracts (default `extract_in_process`, in this process; the
  GUI passes an `IsolatedExtractor`, a child process reused for a batch). The storage transaction stays on the
  calling thread's connection. A crash of the child is a "failed" outcome (`ExtractorCrashed`, a PdfReadError).
- Extra (insights.py): `find_vendors(text)`, `vendor_history(vendor_id)` (history.py), `carried_forward(report_id)`
  and `reuse_cuec_mappings(report_id, who)` (carry_forward.py), `signals()` (signals.py), `accepted_firms()` and
  `set_accepted_firms(names, who)` (firms.py); the XLSX export also has "History" and "Signals" sheets.
- Extra: `register.vendors()` rows are `VendorRecord(id, name, reports_count, latest_period_end)`;
  `register.db` is the `sqlite_utils.Database` over the connection (read-only use: its helpers commit).
"""

from reviewer.register.connection import RegisterKey, default_register_path
from reviewer.register.coverage import Soc1Coverage, fiscal_coverage
from reviewer.register.currency import (
    CURRENCY_STATUSES,
    CurrencyStatus,
    CurrencyThresholds,
    VendorCurrency,
    judge_currency,
)
from reviewer.register.errors import RegisterError, RegisterFull, RegisterInUse, WrongPassphrase
from reviewer.register.importer import iter_pdf_paths
from reviewer.register.isolated_extraction import ExtractorCrashed, IsolatedExtractor, extract_in_process
from reviewer.register.records import (
    REVIEW_STATUSES,
    AuditEntry,
    CuecMapping,
    CuecRecord,
    ExceptionRecord,
    FourthPartyGap,
    ImportOutcome,
    MappingSuggestion,
    OwnControl,
    ReportFilter,
    ReportRow,
    Review,
    SearchHit,
    StoredReport,
    SubserviceRecord,
    Triage,
    VendorMatch,
    VendorRecord,
)
from reviewer.register.register import Register

__all__ = [
    "CURRENCY_STATUSES",
    "REVIEW_STATUSES",
    "AuditEntry",
    "CuecMapping",
    "CuecRecord",
    "CurrencyStatus",
    "CurrencyThresholds",
    "ExceptionRecord",
    "ExtractorCrashed",
    "FourthPartyGap",
    "ImportOutcome",
    "IsolatedExtractor",
    "MappingSuggestion",
    "OwnControl",
    "Register",
    "RegisterError",
    "RegisterFull",
    "RegisterInUse",
    "RegisterKey",
    "ReportFilter",
    "ReportRow",
    "Review",
    "SearchHit",
    "Soc1Coverage",
    "StoredReport",
    "SubserviceRecord",
    "Triage",
    "VendorCurrency",
    "VendorMatch",
    "VendorRecord",
    "WrongPassphrase",
    "default_register_path",
    "extract_in_process",
    "fiscal_coverage",
    "iter_pdf_paths",
    "judge_currency",
]
