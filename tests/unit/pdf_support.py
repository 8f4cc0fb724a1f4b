"""Looking at a PDF the way a reader does: its text, fonts, pages, QR codes, and text layout.

Poppler's command-line tools read the PDF (pdftotext, pdffonts, pdfinfo, pdftoppm) and
zxing-cpp decodes the QR codes from the rendered pages, so the checks see what a printer
would print, not what our own code believes it drew.
"""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image, ImageFilter


def _pdf_file(pdf: bytes | Path, tmp: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    return path


def text(
    pdf: bytes | Path,
    tmp: Path,
    *,
    first: int | None = None,
    last: int | None = None,
    layout: bool = False,
) -> str:
    """The text as pdftotext extracts it, in reading order (or, with *layout*, as placed on
    the page), pages split by form feeds."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    done = subprocess.run(
        [*args, str(_pdf_file(pdf, tmp)), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def flat(pdf_text: str) -> str:
    """Text without whitespace, so a phrase is found however lines wrapped it."""
    return re.sub(r"\s+", "", pdf_text)


def page_texts(pdf: bytes | Path, tmp: Path) -> list[str]:
    return text(pdf, tmp).split("\f")[:-1]


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def fonts(pdf: bytes | Path, tmp: Path) -> list[Font]:
    done = subprocess.run(
        ["pdffonts", str(_pdf_file(pdf, tmp))], capture_output=True, check=True, text=True
    )
    result = []
    for line in done.stdout.splitlines()[2:]:
        # name, type (may hold spaces), encoding, emb, sub, uni, object number, generation
        tokens = line.split()
        result.append(Font(tokens[0], " ".join(tokens[1:-6]), tokens[-5] == "yes"))
    return result


def assert_fonts_embedded(pdf: bytes | Path, tmp: Path) -> None:
    found = fonts(pdf, tmp)
    assert found, "the PDF names no font at all"
    assert all(f.embedded for f in found), f"not embedded: {[f for f in found if not f.embedded]}"
    # WenQuanYi Micro Hei, and Hanazono Mincho A / B for the characters it lacks.
    assert all(any(n in f.name for n in ("WenQuanYi", "HanaMin")) for f in found), found


def info(pdf: bytes | Path, tmp: Path) -> dict[str, str]:
    done = subprocess.run(
        ["pdfinfo", str(_pdf_file(pdf, tmp))], capture_output=True, check=True, text=True
    )
    pairs = (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def pages(pdf: bytes | Path, tmp: Path) -> int:
    return int(info(pdf, tmp)["Pages"])


def page_size_pt(pdf: bytes | Path, tmp: Path) -> tuple[float, float]:
    m = re.match(r"([\d.]+) x ([\d.]+) pts", info(pdf, tmp)["Page size"])
    assert m is not None
    return float(m.group(1)), float(m.group(2))


def qr_codes(
    pdf: bytes | Path, tmp: Path, *, first: int = 1, last: int | None = None, dpi: int = 150
) -> list[list[str]]:
    """The QR payloads decoded from each rendered page (first..last), page by page."""
    path = _pdf_file(pdf, tmp)
    last = last if last is not None else pages(path, tmp)
    prefix = tmp / f"page-{path.stem}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), str(path), prefix],
        check=True,
    )
    images = sorted(tmp.glob(f"{prefix.name}-*.png"))
    assert len(images) == last - first + 1
    result = []
    for image in images:
        with Image.open(image) as im:
            result.append(
                [
                    r.text
                    for r in zxingcpp.read_barcodes(im)
                    if r.format == zxingcpp.BarcodeFormat.QRCode
                ]
            )
        image.unlink()
    return result


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


_NS = {"x": "http://www.w3.org/1999/xhtml"}


def lines(pdf: bytes | Path, tmp: Path) -> list[Line]:
    """Every text line with its box, from pdftotext -bbox-layout."""
    done = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(_pdf_file(pdf, tmp)), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    root = ET.fromstring(done.stdout)
    result = []
    for number, page in enumerate(root.iter(f"{{{_NS['x']}}}page"), start=1):
        for line in page.iter(f"{{{_NS['x']}}}line"):
            words = " ".join(w.text or "" for w in line.iter(f"{{{_NS['x']}}}word"))
            box = [float(line.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
            result.append(Line(number, *box, words))
    return result


def overlapping_lines(found: list[Line], tolerance: float = 0.6) -> list[tuple[Line, Line]]:
    """Pairs of lines on one page whose boxes overlap by more than *tolerance* points each way."""
    clashes = []
    for a, b in itertools.combinations(found, 2):
        if a.page != b.page:
            continue
        dx = min(a.x1, b.x1) - max(a.x0, b.x0)
        dy = min(a.y1, b.y1) - max(a.y0, b.y0)
        if dx > tolerance and dy > tolerance:
            clashes.append((a, b))
    return clashes


def outside_page(found: list[Line], size: tuple[float, float]) -> list[Line]:
    width, height = size
    return [ln for ln in found if ln.x0 < 0 or ln.y0 < 0 or ln.x1 > width or ln.y1 > height]


# --- a phone camera at a distance ------------------------------------------------------------

PHONE_FIELD_OF_VIEW_DEG = 70.0  # horizontal, a phone's main camera
PHONE_FRAME_PX = 1500  # the frame's width as the scanner decodes it, after its downscaling
PHONE_BLUR_PX = 0.5  # lens and focus: a point spreads over about a pixel (Gaussian radius)
RENDER_DPI = 150


@dataclass(frozen=True)
class SeenCode:
    text: str
    size_mm: float  # the modules' square, quiet zone excluded, as printed


def _codes(image: Image.Image) -> list[zxingcpp.Barcode]:
    return [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def printed_codes(pdf: bytes | Path, tmp: Path, page: int = 1) -> list[SeenCode]:
    """The QR codes of a page rendered at RENDER_DPI, with their printed size."""
    image = _rendered_page(pdf, tmp, page)
    return [SeenCode(r.text, _size_mm(r)) for r in _codes(image)]


def codes_seen_from(pdf: bytes | Path, tmp: Path, distance_m: float, page: int = 1) -> list[str]:
    """The QR payloads a phone decodes when held *distance_m* from the printed page.

    The model: a camera with a PHONE_FIELD_OF_VIEW_DEG horizontal field of view sees a strip
    of wall 2·d·tan(fov/2) wide (1.40 m at 1 m); the scanner decodes that view at
    PHONE_FRAME_PX pixels across. The page, rendered at RENDER_DPI, is downscaled (with
    averaging, as a sensor does) to the pixels it would cover in that frame, blurred by
    PHONE_BLUR_PX as a lens in focus blurs, and zxing-cpp decodes what is left. No noise, glare,
    tilt or shake: a real phone does worse, so a code that fails here fails on the wall, and a
    pass is the least a code must do.
    """
    view_mm = 2 * distance_m * 1000 * math.tan(math.radians(PHONE_FIELD_OF_VIEW_DEG / 2))
    scale = PHONE_FRAME_PX / view_mm / (RENDER_DPI / 25.4)
    image = _rendered_page(pdf, tmp, page)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image.convert("L").resize(size, Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(PHONE_BLUR_PX))
    return [r.text for r in _codes(small)]


def _size_mm(code: zxingcpp.Barcode) -> float:
    p = code.position
    px = math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y))
    return px / RENDER_DPI * 25.4


def _rendered_page(pdf: bytes | Path, tmp: Path, page: int) -> Image.Image:
    """One page as a PIL image in memory (its PNG is removed)."""
    path = _pdf_file(pdf, tmp)
    prefix = tmp / f"seen-{path.stem}-{page}"
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", str(RENDER_DPI), "-png", "-singlefile", *pages, str(path), str(prefix)],
        check=True,
    )
    png = prefix.with_suffix(".png")
    with Image.open(png) as im:
        im.load()
    png.unlink()
    return im
