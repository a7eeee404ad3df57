"""Scanned copies of corpus documents, made the way a scanner and an office would: each page rendered to a grey
image at a given resolution, turned by up to a degree, with paper tint, noise and specks, saved as JPEG and put
back as an image-only PDF (no text layer at all). Skew, specks and JPEG quality are drawn from a generator seeded
by the document and resolution; the noise is Pillow's. A scan is built once and cached beside the corpus.

`scanned_copy(doc, dpi, out_dir)` writes (and caches) the scan and returns its path; `scan_truth(truth)` is the
born-digital truth with the file facts of a scan (text layer "none").
"""

from __future__ import annotations

import copy
import hashlib
import io
import random
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

VERSION = "1"  # bump when the degradation changes: cached scans are rebuilt


def degrade(image: Image.Image, rng: random.Random, angle: float) -> bytes:
    """One grey page image as a scanner would give it, as JPEG bytes."""
    grey = image.convert("L")
    grey = grey.point(lambda v: int(18 + v * 0.88))  # paper is never white, toner never black
    grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=int(18 + 255 * 0.88))
    noise = Image.effect_noise(grey.size, 14).convert("L")
    grey = ImageChops.add(grey, noise, scale=1.0, offset=-128)
    draw = ImageDraw.Draw(grey)
    for _ in range(rng.randint(30, 80)):  # dust and toner specks
        x, y = rng.randrange(grey.width), rng.randrange(grey.height)
        r = rng.choice((0, 1, 1, 2))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(40, 140))
    out = io.BytesIO()
    grey.save(out, format="JPEG", quality=rng.randint(55, 75))
    return out.getvalue()


def scan_pdf(data: bytes, dpi: int, seed: str, password: str | None = None, max_skew: float = 1.0) -> bytes:
    """An image-only PDF of `data`'s pages scanned at `dpi`."""
    rng = random.Random(seed)
    src = pdfium.PdfDocument(data, password=password)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    try:
        for page in src:
            w, h = page.get_size()
            if page.get_rotation() in (90, 270):
                w, h = h, w
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            jpeg = degrade(bitmap.to_pil(), rng, rng.uniform(-max_skew, max_skew))
            bitmap.close()
            canvas.setPageSize((w, h))
            canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=w, height=h)
            canvas.showPage()
    finally:
        src.close()
    canvas.save()
    return out.getvalue()


def scanned_copy(doc: Any, dpi: int, out_dir: Path) -> Path:
    """The scan of corpus document `doc` at `dpi`, built once into out_dir (keyed by the source's bytes)."""
    data = doc.path.read_bytes()
    key = hashlib.sha256(data + f"{dpi}/{VERSION}".encode()).hexdigest()[:12]
    path = Path(out_dir) / f"{doc.id}-{dpi}dpi-{key}.pdf"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(scan_pdf(data, dpi, seed=f"{doc.id}/{dpi}", password=doc.password))
        tmp.replace(path)
    return path


def scan_truth(truth: dict[str, Any]) -> dict[str, Any]:
    """The truth of a scanned copy: the same facts, with no text layer."""
    out = copy.deepcopy(truth)
    out.setdefault("file", {})["text_layer"] = "none"
    out["file"]["encrypted"] = False
    return out
