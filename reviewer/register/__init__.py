"""The encrypted register (SQLCipher): reports, vendors, reviews, currency, the audit log, exports. No Qt.

`Register.open(path, passphrase)` gives an open register: the connection, the lock and transactions. What it holds
is reached through its parts, each owning its SQL (`reviewer.register.parts`):

- `reg.reports`: `import_file`/`import_bytes` (take `extractor=`: who extracts, by default this process; the GUI
  passes an `IsolatedExtractor`, a child process reused for a batch; the storage transaction stays on the calling
  thread's connection; a crash of the child is a "failed" outcome, `ExtractorCrashed`; `who=` is logged in the
  audit log with the file name and sha256; a copy of a stored report, other bytes but the same report
  (`copies`), is outcome "copy" with `copy_of`, not stored unless `keep_copies=True`, and `skip_copy(outcome,
  who=)` logs that it was left out), `rows(filter, order_by=,
  descending=, offset=, limit=, thresholds=)` (`limit=None`: all rows; `order_by` one of `reports.ORDER_COLUMNS`;
  "currency_status" orders worst first: gap, stale, bridge due, next report expected, bridged, current, none),
  `count`, `get` (a `StoredReport`), `pdf_bytes`, `subservice`, `link_bridge_letter(letter_id, report_id, who=)`,
  `delete(report_id, who)` (the end of an NDA: nothing of the report is left in the files).
- `reg.reviews`: `get`, `update(report_id, who, **changes)` (changing a signed-off review clears the sign-off,
  logged), `sign_off` (needs a decided status: accepted, accepted_with_conditions, rejected), `exceptions`,
  `update_triage` (returns the new `Triage`), `cuecs`, `own_controls`, `add_own_control`, `map_cuec`.
- `reg.vendors`: `all()` (`VendorRecord(id, name, reports_count, latest_period_end)`), `confirm(report_id,
  vendor_id, new_name=None, who=)` (returns the vendor id), `fourth_parties_missing()`.
- `reg.currency`: `by_vendor(as_of, thresholds)` (`VendorCurrency.status` is None for a vendor whose SOC report has
  no readable period end, or who has only bridge letters or other documents; `reason` says which; precedence:
  `reviewer.register.currency`, the later milestone wins), `soc1_coverage(fiscal_year_end)` (one row per vendor:
  its SOC 1 report overlapping the fiscal year most).
- `reg.corrections`: `correct(report_id, target, value, who=, reason=, evidence=)`, `add_item`, `remove_item`,
  `confirm`, `undo`/`redo(correction_id, who)`, `reread(report_id, who=)`, `reread_all(who=)`, `all(report_id)`,
  `of(report_ids)`, `corrected` (the report as corrected, with item keys), `as_read`, `to_check`, `disagreements`.
  Corrections are materialized (`correction_store`): `reg.reports.get`, the rows, currency, coverage, exports and
  item rows all give corrected values. `reg.reviews.sign_off(..., accept_unconfirmed=False)` raises
  `UnconfirmedValues` while low-confidence values are left to check.
- `reg.audit.entries(report_id=None)`, `reg.search.pages(query)`, `reg.exports.csv(path)` (the reports, and beside
  them `<name>-exceptions.csv`, `-cuecs`, `-subservice`, `-csocs`, `-audit`; returns every path written) and
  `reg.exports.xlsx(path)` (the same tables as sheets, then "History" and "Signals"; returns [path]).
- `reg.insights`: `find_vendors(text)`, `vendor_history(vendor_id)` (a vendor's SOC reports oldest first and what
  changed between each consecutive pair of a framework), `carried_forward(report_id)` (last year's verdict,
  conditions, repeat findings with their triage, CUEC mappings) and `reuse_cuec_mappings(report_id, who)`,
  `signals()` (near copies across vendors, implausible timelines, auditors off the list), `accepted_firms()` and
  `set_accepted_firms(names, who)`.

Lists, counts and exports take `thresholds=` (default `CurrencyThresholds()`): the currency shown, filtered and
ordered follows them. `change_passphrase` raises RegisterError while other connections to the register are open in
this process; `Register.open(..., create=False)` raises RegisterError when there is no register file;
`Register.in_use(path)` says whether a process holds the register, without opening it.

Vendor matching: only an identical normalised name is `certain`; 90+ links to the vendor but asks; 75-90 creates a
new vendor and offers the candidates; names differing in a number ("Acme 2" / "Acme 3") never auto-merge. A bridge
letter whose vendor was not read takes the one vendor its text names that has a report ending on the letter's
stated period end (uncertain, so the GUI asks).
"""

from reviewer.register.connection import RegisterKey, default_register_path
from reviewer.register.corrections import Correction, Disagreement, ToCheck, apply_corrections
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
from reviewer.register.parts import UnconfirmedValues
from reviewer.register.records import (
    REVIEW_STATUSES,
    AuditEntry,
    CopyOf,
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
    "CopyOf",
    "Correction",
    "CuecMapping",
    "CuecRecord",
    "CurrencyStatus",
    "CurrencyThresholds",
    "Disagreement",
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
    "ToCheck",
    "Triage",
    "UnconfirmedValues",
    "VendorCurrency",
    "VendorMatch",
    "VendorRecord",
    "WrongPassphrase",
    "apply_corrections",
    "default_register_path",
    "extract_in_process",
    "fiscal_coverage",
    "iter_pdf_paths",
    "judge_currency",
]
