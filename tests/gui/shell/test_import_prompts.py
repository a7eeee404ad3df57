"""The import's questions as a user meets them: a vendor that only looks alike is not the default, the question is
a modal dialog of its own, and Cancel (the question's or the progress list's) drops the questions still waiting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.gui.importing.prompts import ImportQuestion, VendorConfirmDialog
from reviewer.register.vendors import AUTO_MATCH
from tests.gui.shell.import_helpers import finish_import
from tests.support.register import store

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
BRACKENRIDGE = SAMPLES / "brackenridge-soc2-type2.pdf"  # "Brackenridge Analytics, Inc."
OAKHURST = SAMPLES / "oakhurst-soc2-type2.pdf"  # "Oakhurst Document Systems LLC"
QUILLON = SAMPLES / "quillon-soc2-type2.pdf"


def _window(qtbot, register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.idle_lock_minutes = 0
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _first_question(qtbot, controller) -> ImportQuestion:
    qtbot.waitUntil(lambda: controller.prompt is not None and controller.prompt.isVisible(), timeout=60_000)
    assert controller.prompt is not None
    return controller.prompt


def test_a_look_alike_vendor_is_not_the_default_and_enter_keeps_a_new_vendor(qtbot, empty_register, settings):
    store(empty_register, "Brindle Analytics Ltd.")
    window = _window(qtbot, empty_register, settings)
    window.import_paths([BRACKENRIDGE])
    seen = []

    def press_enter(dialog):
        assert isinstance(dialog, VendorConfirmDialog)
        [(_vid, name, score)] = dialog.match.candidates
        assert name == "Brindle Analytics Ltd." and score < AUTO_MATCH  # offered, 77% similar
        assert dialog.new_button.isChecked() and dialog.new_name.text() == "Brackenridge Analytics, Inc."
        seen.append(dialog)
        qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)  # what the user did

    finish_import(qtbot, window.importer, press_enter)
    assert len(seen) == 1
    vendors = sorted(v.name for v in empty_register.vendors.all())
    assert vendors == ["Brackenridge Analytics, Inc.", "Brindle Analytics Ltd."]
    [row] = [r for r in empty_register.reports.rows() if r.file_name == BRACKENRIDGE.name]
    assert row.vendor == "Brackenridge Analytics, Inc."


def test_a_vendor_the_register_took_for_the_same_is_the_default(qtbot, empty_register, settings):
    store(empty_register, "Brackenridge Analytic")
    window = _window(qtbot, empty_register, settings)
    window.import_paths([BRACKENRIDGE])
    chosen = []

    def accept_default(dialog):
        chosen.append(dialog.choice())
        dialog.accept()

    finish_import(qtbot, window.importer, accept_default)
    [(vendor_id, new_name)] = chosen
    assert new_name is None
    assert [v.name for v in empty_register.vendors.all()] == ["Brackenridge Analytic"]
    assert vendor_id == empty_register.vendors.all()[0].id


def test_the_question_is_a_modal_dialog_of_its_own_window(qtbot, empty_register, settings):
    store(empty_register, "Brindle Analytics Ltd.")
    window = _window(qtbot, empty_register, settings)
    window.import_paths([BRACKENRIDGE])
    prompt = _first_question(qtbot, window.importer)
    progress = window.importer.dialog
    assert prompt.isWindow() and prompt.windowModality() == Qt.WindowModality.WindowModal
    assert QApplication.activeModalWidget() is prompt
    assert not progress.isAncestorOf(prompt)  # not drawn inside the progress list
    prompt.reject()
    finish_import(qtbot, window.importer)


def _two_questions(qtbot, register, settings):
    store(register, "Brindle Analytics Ltd.")
    store(register, "Oakhurst Docs Systems Ltd")
    window = _window(qtbot, register, settings)
    window.import_paths([BRACKENRIDGE, OAKHURST])
    controller = window.importer
    prompt = _first_question(qtbot, controller)
    qtbot.waitUntil(lambda: len(controller.questions) == 1, timeout=60_000)  # the second waits its turn
    assert prompt.waiting.isVisible() and "1 more question" in prompt.waiting.text()
    return window, controller, prompt


def test_cancel_import_in_the_question_drops_the_questions_waiting(qtbot, empty_register, settings):
    window, controller, prompt = _two_questions(qtbot, empty_register, settings)
    window.import_paths([QUILLON])  # a file queued behind the questions
    prompt.cancel_import_button.click()
    assert controller.prompt is None and not controller.questions and not prompt.isVisible()
    qtbot.waitUntil(lambda: not controller.is_busy(), timeout=60_000)
    qtbot.wait(200)
    assert controller.prompt is None  # no second question came
    progress = window.importer.dialog
    assert progress.close_button.isEnabled()
    assert progress.outcomes[QUILLON][0] == "cancelled"
    names = {r.file_name for r in empty_register.reports.rows()}
    assert {BRACKENRIDGE.name, OAKHURST.name} <= names  # imported before the cancel, with the register's vendor
    assert QUILLON.name not in names


def test_the_progress_lists_cancel_drops_the_questions_waiting(qtbot, empty_register, settings):
    window, controller, prompt = _two_questions(qtbot, empty_register, settings)
    window.importer.dialog.cancel_button.click()
    assert controller.prompt is None and not controller.questions and not prompt.isVisible()
    qtbot.waitUntil(lambda: not controller.is_busy())
    assert "2 imported" in window.importer.dialog.summary_text()
