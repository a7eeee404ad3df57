"""`python -m reviewer.gui.screenshots OUT_DIR`: the main views rendered offscreen into PNGs, for the docs.

The fictional sample reports (resources/samples/) are imported into a throwaway encrypted register in a
temporary folder, which is deleted afterwards; settings live in the same folder, never the user's. One report
gets a review (triage, a CUEC mapping, a verdict, a correction) so that the workspace and its workpaper show
one; the workpaper's first pages are rendered to PNG through the viewer's render child (pypdfium2).

Each shot is taken on its own: one that fails (a view changed under it) is named on stderr, the others are still
written, and the command exits 1. `SHOTS` lists every PNG a complete run writes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "screenshots only, thrown away"
SIZE = (1400, 860)
WORKPAPER_PAGES = 2
WORKPAPER_SCALE = 1.6  # pixels per point: an A4 page about 950 pixels wide
SHOTS: tuple[str, ...] = (
    "create-register", "empty-register", "register", "search", "procurement", "finance", "vendor", "signals",
    "workspace", "workspace-cuecs", "workspace-check",
    *(f"workpaper-{page}" for page in range(1, WORKPAPER_PAGES + 1)),
)

if TYPE_CHECKING:
    from reviewer.register import Register


def _fill(register: Register, samples: Path) -> None:
    from reviewer.register import iter_pdf_paths

    for path in iter_pdf_paths([samples]):
        outcome = register.reports.import_file(path)
        match = outcome.vendor_match
        report_id = outcome.report_id
        if outcome.status == "imported" and report_id is not None and match is not None and not match.certain:
            # as a user would: the linked vendor, else the name the report gives, else the nearest vendor
            if match.vendor_id is not None:
                register.vendors.confirm(report_id, match.vendor_id, who="screenshots")
            elif match.vendor_name:
                register.vendors.confirm(report_id, None, new_name=match.vendor_name, who="screenshots")
            elif match.candidates:
                register.vendors.confirm(report_id, match.candidates[0][0], who="screenshots")


def _manifest(samples: Path) -> dict[str, Any]:
    import json

    try:
        manifest = json.loads((samples / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _accepted_firms(samples: Path) -> list[str]:
    """The audit firms the samples' manifest says the demo accepts (Settings), so one signature is flagged."""
    firms = _manifest(samples).get("accepted_firms", [])
    return [str(f) for f in firms] if isinstance(firms, list) else []


def _reference_day(samples: Path) -> date | None:
    """The day the samples' statuses are meant for (their manifest's), so the shots do not drift with time."""
    try:
        return date.fromisoformat(str(_manifest(samples)["reference_date"]))
    except (KeyError, ValueError):
        return None


def _correct_for_the_shot(register: Register, report_id: int) -> None:
    """A reviewer's correction, as the workspace screenshot shows one: the system's full name, with a reason."""
    extraction = register.reports.get(report_id).extraction
    system = extraction.report.system or "the system"
    register.corrections.correct(report_id, "system", f"{system} (production)", who="Alex Example",
                                 reason="full name from the system description")


def _report_to_show(register: Register, model: Any) -> int:
    """The SOC report of the register table the workspace shots show: one with exceptions and CUECs (both tabs
    have rows), preferring one with values left to check (the Check shot shows their count); else the first."""
    ids = [model.report_id(row) for row in range(model.rowCount())]
    reports = [rid for rid in ids if register.reports.get(rid).extraction.document_type == "soc_report"] or ids
    full = [rid for rid in reports
            if register.reviews.exceptions(rid) and register.reviews.cuecs(rid)] or reports
    return next((rid for rid in full if register.corrections.to_check(rid)), full[0])


def _review_for_the_shot(register: Register, report_id: int) -> None:
    """A review under way, as a reviewer leaves one: an exception triaged, a CUEC mapped, a verdict."""
    who = "Alex Example"
    exceptions = register.reviews.exceptions(report_id)
    if exceptions:
        register.reviews.update_triage(exceptions[0].id, who, relevance="Relevant: the control guards our data",
                                       nature="isolated", compensating_control="Our quarterly access review",
                                       follow_up="Ask for the remediation evidence")
    cuecs = register.reviews.cuecs(report_id)
    if cuecs:
        control = register.reviews.add_own_control("IAM-03", "Quarterly user access review", "IT Security", who)
        register.reviews.map_cuec(cuecs[0].id, control.id, who)
    register.reviews.update(report_id, who, status="accepted_with_conditions", reviewer=who,
                            rationale="Unmodified opinion; the exception is isolated and covered by our own "
                                      "access review. Follow up on the remediation at the next report.")


def _show_tab(workspace: Any, tab: Any) -> None:
    """`tab` of the workspace on screen, its first row selected (its details shown, its evidence on the page)."""
    from PySide6.QtCore import QModelIndex

    workspace.tabs.setCurrentWidget(tab)
    table = getattr(tab, "table", None)
    if table is not None and table.model() is not None and table.model().rowCount():
        table.setCurrentIndex(QModelIndex())  # so that selecting the first row is a change the tab follows
        table.selectRow(0)


def _show_check_tab(workspace: Any) -> None:
    """The Check tab on screen, the corrected value selected (or the first value left to check)."""
    tab = workspace.corrections_tab
    workspace.tabs.setCurrentWidget(tab)
    if tab.left:
        tab.next_unsure()
    else:
        tab.select_target("system")



def _workpaper_pages(register: Register, report_id: int, folder: Path, pages: int) -> list[Any]:
    """The review workpaper of `report_id`, exported as the workspace does, its first `pages` pages rendered as
    QImages by the viewer's render child (pypdfium2), on white."""
    from reviewer.gui.viewer.render import PdfPages
    from reviewer.gui.workspace.workpaper import export_workpaper

    pdf = export_workpaper(register, report_id, folder / "workpaper.pdf")
    document = PdfPages(pdf.read_bytes())
    try:
        if document.page_count < pages:
            raise ValueError(f"the workpaper has {document.page_count} page(s), fewer than {pages}")
        return [document.render(page, WORKPAPER_SCALE) for page in range(1, pages + 1)]
    finally:
        document.close()


def render(out_dir: Path, samples: Path | None = None, today: date | None = None) -> list[Path]:
    """Write the PNGs of `SHOTS` into `out_dir`; returns their paths. Raises `ScreenshotsFailed` naming the shots
    that could not be taken, after taking all the others."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from reviewer.gui.launcher import application
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.settings import AppSettings
    from reviewer.gui.unlock import UnlockDialog
    from reviewer.register import Register
    from reviewer.resources import samples_dir

    samples = samples if samples is not None else samples_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    app = application()
    written: list[Path] = []
    failed: dict[str, str] = {}

    def save(image_of: QWidget | QImage, name: str) -> None:
        app.processEvents()
        path = out_dir / f"{name}.png"
        image = image_of if isinstance(image_of, QImage) else image_of.grab().toImage()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    def shot(name: str, take: Any) -> None:
        """Take one shot; a failure is kept (and named at the end), the next shots still run."""
        try:
            take()
        except Exception as err:  # noqa: BLE001 - any failure of one view must not cost the others' shots
            failed[name] = f"{type(err).__name__}: {err}"
            print(f"screenshots: {name} failed: {failed[name]}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="reviewer-shots-") as tmp:
        register_path = Path(tmp) / "register.db"
        settings = AppSettings.at(Path(tmp) / "settings.ini")
        settings.reviewer_name = "Alex Example"
        settings.idle_lock_minutes = 0

        def create_register() -> None:
            unlock = UnlockDialog(register_path)
            unlock.resize(520, 260)
            unlock.show()
            try:
                save(unlock, "create-register")
            finally:
                unlock.close()

        shot("create-register", create_register)

        register = Register.open(register_path, PASSPHRASE)
        window = MainWindow(register, settings)
        window.procurement.today = today or _reference_day(samples)
        window.resize(*SIZE)
        window.show()
        shot("empty-register", lambda: save(window, "empty-register"))

        _fill(register, samples)
        register.insights.set_accepted_firms(_accepted_firms(samples), who="screenshots")
        window.refresh()
        shot("register", lambda: save(window, "register"))

        def search() -> None:
            window.register_view.filter_bar.search.setText("encrypted")
            window.register_view.search("encrypted")
            try:
                save(window, "search")
            finally:
                window.register_view.search("")
                window.register_view.filter_bar.search.clear()

        shot("search", search)

        def view_shot(view: Any, name: str, before: Any = None) -> None:
            window.tabs.setCurrentWidget(view)
            view.refresh()
            if before is not None:
                before()
            save(window, name)

        def finance_details() -> None:
            if window.finance.coverage and window.finance.coverage[0].report_id is not None:
                window.finance.show_details(window.finance.coverage[0].report_id)

        shot("procurement", lambda: view_shot(window.procurement, "procurement"))
        shot("finance", lambda: view_shot(window.finance, "finance", finance_details))
        # the vendor view opens on the vendor with the most reports: a history to show
        shot("vendor", lambda: view_shot(window.vendor_view, "vendor"))
        shot("signals", lambda: view_shot(window.signals_view, "signals"))

        window.tabs.setCurrentWidget(window.register_view)
        report_id = _report_to_show(register, window.register_view.model) if register.reports.count() else None
        workspace: Any = None

        def open_workspace() -> Any:
            nonlocal workspace
            if report_id is None:
                raise ValueError("no report in the register")
            if workspace is None:
                _review_for_the_shot(register, report_id)
                _correct_for_the_shot(register, report_id)
                workspace = window.open_report(report_id)
            return workspace

        def workspace_shot(name: str, show: Any) -> None:
            show(open_workspace())
            save(window, name)

        shot("workspace", lambda: workspace_shot("workspace", lambda w: _show_tab(w, w.exceptions_tab)))
        shot("workspace-cuecs", lambda: workspace_shot("workspace-cuecs", lambda w: _show_tab(w, w.cuecs_tab)))
        shot("workspace-check", lambda: workspace_shot("workspace-check", _show_check_tab))

        def workpaper() -> None:
            open_workspace()  # the review it prints
            assert report_id is not None
            for page, image in enumerate(_workpaper_pages(register, report_id, Path(tmp), WORKPAPER_PAGES), 1):
                save(image, f"workpaper-{page}")

        shot("workpaper-1", workpaper)
        if "workpaper-1" in failed:
            failed.update({name: failed["workpaper-1"] for name in SHOTS if name.startswith("workpaper-")})
        window.close()
        QApplication.processEvents()
    if failed:
        raise ScreenshotsFailed(failed, written)
    return written


class ScreenshotsFailed(RuntimeError):
    """Some shots could not be taken: `failed` says why for each; `written` are the PNGs that were."""

    def __init__(self, failed: dict[str, str], written: list[Path]) -> None:
        super().__init__("screenshots not taken: " + "; ".join(f"{k} ({v})" for k, v in failed.items()))
        self.failed = failed
        self.written = written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reviewer.gui.screenshots OUT_DIR", file=sys.stderr)
        return 2
    try:
        written = render(Path(args[0]))
    except ScreenshotsFailed as err:
        for path in err.written:
            print(path)
        print(f"screenshots: {len(err.failed)} of {len(SHOTS)} not taken: {', '.join(err.failed)}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
