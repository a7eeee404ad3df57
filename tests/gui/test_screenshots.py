"""`make screenshots` (python -m reviewer.gui.screenshots OUT_DIR) writes every shot the docs show, each a real
picture: the register, the vendor view, the workspace's exceptions and CUECs, procurement, finance, and the first
two pages of a review workpaper."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reviewer.gui.screenshots import SHOTS

README = Path(__file__).resolve().parents[2] / "README.md"


def distinct_colours(image: QImage, samples: int = 60) -> int:
    """How many colours a grid of samples × samples pixels holds (a blank image has one)."""
    step_x, step_y = max(1, image.width() // samples), max(1, image.height() // samples)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)})


def test_make_screenshots_writes_every_shot_as_a_real_picture(tmp_path):
    for needed in ("register", "vendor", "workspace", "workspace-cuecs", "procurement", "finance",
                   "workpaper-1", "workpaper-2"):
        assert needed in SHOTS
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "reviewer.gui.screenshots", str(out)], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=540, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(Path(line).name for line in run.stdout.split()) == sorted(f"{name}.png" for name in SHOTS)
    for name in SHOTS:
        path = out / f"{name}.png"
        assert path.is_file() and path.stat().st_size > 2000, name
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 400 and image.height() >= 250, name
        assert distinct_colours(image) >= 8, f"{name}.png is (nearly) one colour"
    # the workpaper's two pages are two different pages
    first, second = QImage(str(out / "workpaper-1.png")), QImage(str(out / "workpaper-2.png"))
    assert first != second
    # the README shows the shots it names, and each of them is one the command writes
    shown = {part.split(")")[0] for part in README.read_text(encoding="utf-8").split("(docs/screenshots/")[1:]}
    assert shown and shown <= {f"{name}.png" for name in SHOTS}
    assert {"workpaper-1.png", "workpaper-2.png", "workspace-cuecs.png", "vendor.png"} <= shown


@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
def test_a_shot_that_cannot_be_taken_is_named_and_the_others_are_still_written(qtbot, tmp_path):
    from reviewer.gui.screenshots import ScreenshotsFailed, render

    no_samples = tmp_path / "no-samples"
    no_samples.mkdir()
    with pytest.raises(ScreenshotsFailed) as failure:
        render(tmp_path / "shots", samples=no_samples)
    # without a report there is no workspace and no workpaper to show; every other view is still shot
    not_taken = {name for name in SHOTS if name.startswith(("workspace", "workpaper"))}
    assert set(failure.value.failed) == not_taken
    assert {path.name for path in failure.value.written} == {f"{n}.png" for n in SHOTS if n not in not_taken}
    assert all(path.stat().st_size > 0 for path in failure.value.written)
