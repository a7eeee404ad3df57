"""Light preparation of a scanned page before OCR: the skew angle, the page turned straight, speckles removed.

Owns the image side of OCR, with Pillow only (no numpy in the app): `otsu_threshold` and `binarise`, the skew
estimate `skew_angle` (projection profiles of the ink over a range of small angles, on a reduced copy), `deskew`
(which returns a `Straightened` that maps boxes found on the straight image back onto the page as it is drawn),
and `despeckle`. A page fed skewed to the word grouping has words of one printed line drifting across several
lines; straight, the readers see the same rows as on a born-digital page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageFilter

MAX_SKEW_DEG = 3.0  # scanners feed pages within a few degrees; larger angles are not searched
STRAIGHT_DEG = 0.1  # below this the page is left as it is (a line drifts by a point over its width at most)
_WORK_WIDTH = 600  # the skew is estimated on a copy about this wide


def otsu_threshold(image: Image.Image) -> int:
    """The grey level that best splits the image into ink and paper (Otsu's method on the histogram)."""
    hist = image.convert("L").histogram()
    total = sum(hist)
    sum_all = sum(i * h for i, h in enumerate(hist))
    weight_b = sum_b = 0.0
    best, best_var = 127, -1.0
    for level in range(256):
        weight_b += hist[level]
        if weight_b == 0:
            continue
        weight_f = total - weight_b
        if weight_f == 0:
            break
        sum_b += level * hist[level]
        mean_b, mean_f = sum_b / weight_b, (sum_all - sum_b) / weight_f
        between = weight_b * weight_f * (mean_b - mean_f) ** 2
        if between > best_var:
            best, best_var = level, between
    return best


def binarise(image: Image.Image, threshold: int | None = None) -> Image.Image:
    """Black ink on white paper ("L" mode, 0 or 255), split at `threshold` (Otsu's when None)."""
    grey = image.convert("L")
    t = otsu_threshold(grey) if threshold is None else threshold
    return grey.point(lambda v: 255 if v > t else 0)


def despeckle(image: Image.Image) -> Image.Image:
    """Paper noise and JPEG speckle removed by a 3x3 median (strokes a pixel wide survive at 150 dpi and up)."""
    return image.filter(ImageFilter.MedianFilter(3))


def _profile_score(ink: Image.Image, angle: float, fine: bool = True) -> float:
    """How sharply the rows of ink stand out when the page is turned by `angle` degrees: the sum of squared
    differences between neighbouring row sums (text lines straight: tall peaks and empty gaps). The coarse search
    turns by nearest pixel (a third of the time, and as good to half a degree); the fine one interpolates."""
    resample = Image.Resampling.BILINEAR if fine else Image.Resampling.NEAREST
    turned = ink.rotate(angle, resample=resample)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return float(sum((a - b) ** 2 for a, b in zip(rows, rows[1:], strict=False)))


def skew_angle(image: Image.Image) -> float:
    """The angle in degrees (counter-clockwise positive, as `Image.rotate` takes it) that makes the text level."""
    grey = image.convert("L")
    factor = max(1, grey.width // _WORK_WIDTH)
    small = grey.reduce(factor) if factor > 1 else grey
    t = otsu_threshold(small)
    ink = small.point(lambda v: 255 if v <= t else 0)  # ink bright, paper black: rotation fills with paper
    if ink.getbbox() is None:
        return 0.0

    def best(candidates: list[float], fine: bool) -> float:
        return max(candidates, key=lambda a: (_profile_score(ink, a, fine), -abs(a)))

    coarse = best([k * 0.5 for k in range(-int(MAX_SKEW_DEG * 2), int(MAX_SKEW_DEG * 2) + 1)], fine=False)
    return best([coarse + k * 0.05 for k in range(-5, 6)], fine=True)


@dataclass
class Straightened:
    """A page image turned level, and how to map a point on it back onto the page image as scanned."""

    image: Image.Image
    angle: float  # degrees the scan was turned by (0: left as it was)

    def to_scan(self, x: float, y: float) -> tuple[float, float]:
        """The point of the scanned image that (x, y) of the straight image came from."""
        if not self.angle:
            return x, y
        cx, cy = self.image.width / 2, self.image.height / 2
        # Image.rotate(a) draws output(q) = input(R(a) q) about the centre, with y pointing down
        a = math.radians(self.angle)
        dx, dy = x - cx, y - cy
        return cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a)


def deskew(image: Image.Image) -> Straightened:
    """The image turned level when it is skewed by more than `STRAIGHT_DEG`."""
    angle = skew_angle(image)
    if abs(angle) < STRAIGHT_DEG:
        return Straightened(image, 0.0)
    turned = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)  # bicubic: 2.5x the time
    return Straightened(turned, angle)

