"""`python -m reviewer.gui.screenshots OUT_DIR`: the main views rendered offscreen into PNGs, for the docs.

The fictional sample reports (resources/samples/) are imported into a throwaway encrypted register in a
temporary folder, which is deleted afterwards; settings live in the same folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
PASSPHRASE = "screenshots only, thrown away"
SIZE = (1400, 860)

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


def _accepted_firms(samples: Path) -> list[str]:
    """The audit firms the samples' manifest says the demo accepts (Settings), so one signature is flagged."""
    import json

    try:
        return [str(f) for f in json.loads((samples / "manifest.json").read_text()).get("accepted_firms", [])]
    except (OSError, ValueError, AttributeError):
        return []


def _correct_for_the_shot(register: Register, report_id: int) -> None:
    """A reviewer's correction, as the workspace screenshot shows one: the system's full name, with a reason."""
    extraction = register.reports.get(report_id).extraction
    system = extraction.report.system or "the system"
    register.corrections.correct(report_id, "system", f"{system} (production)", who="Alex Example",
                                 reason="full name from the system description")


def _report_to_check(register: Register, model: Any) -> int:
    """The first SOC report in the register table that has values left to check (the shot shows their count),
    else the first report."""
    ids = [model.report_id(row) for row in range(model.rowCount())]
    reports = [rid for rid in ids if register.reports.get(rid).extraction.document_type == "soc_report"] or ids
    return next((rid for rid in reports if register.corrections.to_check(rid)), reports[0])


def _show_check_tab(workspace: object) -> None:
    """The Check tab on screen, the corrected value selected (or the first value left to check)."""
    from reviewer.gui.workspace import ReviewWorkspace

    if not isinstance(workspace, ReviewWorkspace):
        return
    tab = workspace.corrections_tab
    workspace.tabs.setCurrentWidget(tab)
    if tab.left:
        tab.next_unsure()
    else:
        tab.select_target("system")


def render(out_dir: Path, samples: Path = SAMPLES, today: date | None = None) -> list[Path]:
    """Write the PNGs into `out_dir`; returns their paths."""
    from PySide6.QtWidgets import QApplication, QWidget

    from reviewer.gui.launcher import application
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.settings import AppSettings
    from reviewer.gui.unlock import UnlockDialog
    from reviewer.register import Register

    out_dir.mkdir(parents=True, exist_ok=True)
    app = application()
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        path = out_dir / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="reviewer-shots-") as tmp:
        register_path = Path(tmp) / "register.db"
        settings = AppSettings.at(Path(tmp) / "settings.ini")
        settings.reviewer_name = "Alex Example"
        settings.idle_lock_minutes = 0

        unlock = UnlockDialog(register_path)
        unlock.resize(520, 260)
        unlock.show()
        save(unlock, "create-register")
        unlock.close()

        register = Register.open(register_path, PASSPHRASE)
        _fill(register, samples)
        register.insights.set_accepted_firms(_accepted_firms(samples), who="screenshots")
        window = MainWindow(register, settings)
        window.procurement.today = today
        window.resize(*SIZE)
        window.show()
        save(window, "register")

        window.register_view.filter_bar.search.setText("encrypted")
        window.register_view.search("encrypted")
        save(window, "search")
        window.register_view.search("")
        window.register_view.filter_bar.search.clear()

        window.tabs.setCurrentWidget(window.procurement)
        window.procurement.refresh()
        save(window, "procurement")
        window.tabs.setCurrentWidget(window.finance)
        window.finance.refresh()
        if window.finance.coverage:
            first = window.finance.coverage[0].report_id
            if first is not None:
                window.finance.show_details(first)
        save(window, "finance")

        window.tabs.setCurrentWidget(window.vendor_view)
        window.vendor_view.refresh()  # opens on the vendor with the most reports: a history to show
        save(window, "vendor")
        window.tabs.setCurrentWidget(window.signals_view)
        window.signals_view.refresh()
        save(window, "signals")

        window.tabs.setCurrentWidget(window.register_view)
        if window.register_view.model.rowCount():
            report_id = _report_to_check(register, window.register_view.model)
            _correct_for_the_shot(register, report_id)
            workspace = window.open_report(report_id)
            if workspace is not None:
                _show_check_tab(workspace)
                save(window, "workspace")
        window.close()
        QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reviewer.gui.screenshots OUT_DIR", file=sys.stderr)
        return 2
    for path in render(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
