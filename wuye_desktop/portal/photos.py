"""An owner's photo, checked by what it is and made safe to keep: Pillow must open it as a
picture (JPEG, PNG, WebP), it is bounded in bytes and pixels, turned upright, scaled down and
written anew as JPEG, which leaves its EXIF (the phone's location!) behind."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # a phone's photo; larger is refused before opening
MAX_PIXELS = 50_000_000  # a 50-megapixel picture; beyond it a "decompression bomb"
MAX_SIDE = 1600  # enough to see a crack or a leak; a few hundred KB
ACCEPTED = frozenset({"JPEG", "PNG", "WEBP", "MPO"})  # MPO: some phones' JPEG


class PhotoRejected(ValueError):
    pass


def clean_photo(data: bytes) -> bytes:
    """The photo as a fresh JPEG without metadata, or PhotoRejected."""
    if not data or len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected("size")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.format not in ACCEPTED:
                    raise PhotoRejected("format")
                if img.width * img.height > MAX_PIXELS:
                    raise PhotoRejected("pixels")
                img.load()
                upright = ImageOps.exif_transpose(img)
                rgb = upright.convert("RGB")
    except PhotoRejected:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise PhotoRejected("unreadable") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRejected("pixels") from exc
    rgb.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()
