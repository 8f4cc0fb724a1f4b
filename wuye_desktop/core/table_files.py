"""Reading the tables people import: .xlsx, old .xls (Excel 97-2003, still what many banks and
older property systems export), or .csv in UTF-8 (with or without BOM) or GBK.

Every import (household rosters, close-out sheets, bank statements) reads its file with
:func:`read_table_rows`, so each reads files the same way and refuses the same bad ones: a
damaged, misencoded, oversized or too long file is one :class:`ValidationError` on the
``file`` field naming it (and the row, where there is one), raised before any work is done
where the size allows. :func:`header_key` is how the imports compare the headers they find.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


def header_key(text: str) -> str:
    """Headers compare without spaces, case, required-markers (*) or units in brackets."""
    s = unicodedata.normalize("NFKC", text).lower()
    s = re.sub(r"\(.*?\)|\[.*?\]", "", s)
    return re.sub(r"[\s_*:.\-#]", "", s)


def file_error(template: str, **params: Any) -> ValidationError:
    return ValidationError([FieldError("file", template, params)])


def _cell_text(value: Any) -> str:
    """Cell values as the person typed them: 1201.0 (a number in Excel) becomes "1201"."""
    if value is None:
        return ""
    if type(value) is str:  # most cells: checked first, a million times in a large roster
        text = value.strip()
        # Excel's CSV export writes ="0532..." to keep leading zeros.
        if len(text) > 3 and text.startswith('="') and text.endswith('"'):
            text = text[2:-1]
        return text
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")  # 89.55, not 89.55000000000001
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    # Excel's CSV export writes ="0532..." to keep leading zeros.
    if len(text) > 3 and text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return text


# Limits on what an import reads, checked before the work starts. Far above any real
# company's file: a roster of 200,000 households is about 8 MB as .xlsx (70-150 MB unpacked)
# and 20 MB as CSV. A file past them is refused with a message, not read for minutes.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # an .xlsx's members, summed from its zip directory
MAX_ROWS = 500_000  # rows with something in them
MAX_SHEET_ROWS = 1_048_576  # every row, blank or not: Excel's own maximum


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def _decoding_error(
    data: bytes, text_before: Callable[[int], str], exc: UnicodeDecodeError, path: Path
) -> ValidationError:
    """Which row of the file cannot be decoded, counted as Excel counts rows."""
    row = text_before(exc.start).count("\n") + 1
    return file_error(
        QT_TRANSLATE_NOOP(
            "core",
            "{name}, row {row}: not valid {encoding} text (a damaged file, or saved in another "
            "encoding); save it again from Excel as .xlsx or CSV UTF-8",
        ),
        name=path.name,
        row=row,
        encoding=exc.encoding.upper().replace("_", "-"),
    )


def _decode_csv(data: bytes, path: Path) -> str:
    """UTF-8 with or without BOM; otherwise GBK (GB 18030), as Excel writes CSV in China.

    A byte-order mark is taken at its word: a file that starts with the UTF-8 mark but holds
    GBK, or UTF-16 with a byte missing, is refused naming the row, never guessed at.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _decoding_error(
                body, lambda end: body[:end].decode("utf-8", "replace"), exc, path
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # Excel's "Unicode text"
        except UnicodeDecodeError as exc:
            # The error's position counts from after the byte-order mark.
            raise _decoding_error(
                data, lambda end: data[: end + 2].decode("utf-16", "replace"), exc, path
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise file_error(
            QT_TRANSLATE_NOOP(
                "core", "{name} is neither UTF-8 nor GBK text; save it from Excel as .xlsx or CSV"
            ),
            name=path.name,
        ) from None


def _csv_rows(data: bytes, path: Path) -> Iterator[list[str]]:
    text = _decode_csv(data, path)
    del data  # the text is all that is needed from here on
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if any(d in first for d in ",\t;") else ","
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [_cell_text(v) for v in record]
    except csv.Error as exc:
        raise file_error(
            QT_TRANSLATE_NOOP("core", "{name} is not a readable CSV file ({reason})"),
            name=path.name,
            reason=str(exc),
        ) from None


def _not_a_workbook(path: Path, exc: BaseException) -> ValidationError:
    return file_error(
        QT_TRANSLATE_NOOP("core", "{name} is not a readable Excel workbook ({reason})"),
        name=path.name,
        reason=type(exc).__name__,
    )


def _check_unpacked_size(path: Path) -> None:
    """A small .xlsx may unpack to gigabytes (a "zip bomb"): add up its zip directory first.

    Python's zipfile never unpacks a member past the size the directory gives it, so the sum
    bounds all the work reading the workbook can take.
    """
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _not_a_workbook(path, exc) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise file_error(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} unpacks to {size}, more than the {limit} an import reads; "
                "split it into smaller files",
            ),
            name=path.name,
            size=_mib(unpacked),
            limit=_mib(MAX_UNPACKED_BYTES),
        )


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # a second or so to import; only when needed

    _check_unpacked_size(path)
    try:
        # Files from WPS and other tools make openpyxl warn about styles; they read fine.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors all mean "not a workbook"
        raise _not_a_workbook(path, exc) from None
    rows = 0
    try:
        ws = wb.worksheets[0]
        # Some writers store wrong sheet dimensions; ignore them and read every row.
        ws.reset_dimensions()
        # Rows are counted from the sheet's own row numbers, where a damaged part starts.
        for values in ws.iter_rows(values_only=True):
            rows += 1
            yield [_cell_text(v) for v in values]
    except Exception:  # a sheet cut short: XML, zlib or zip (CRC) errors part way through
        if rows == 0:
            raise file_error(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{name} is damaged: its first sheet cannot be read; open it in Excel and "
                    "save it again",
                ),
                name=path.name,
            ) from None
        raise file_error(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} is damaged after row {row}: the rest of its first sheet cannot be read; "
                "open it in Excel and save it again",
            ),
            name=path.name,
            row=rows,
        ) from None
    finally:
        wb.close()


def _xls_cell(cell: Any, datemode: int) -> str:
    """An .xls cell as text: dates are stored as day numbers (floats) counted from the
    workbook's own epoch (1900 or 1904, its *datemode*), so they are turned into dates here."""
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _cell_text(xlrd.xldate_as_datetime(cell.value, datemode))
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return _cell_text(cell.value)  # a number formatted as a date that is none
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, "#ERR"))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    return _cell_text(cell.value)


def _xls_rows(path: Path) -> Iterator[list[str]]:
    import xlrd  # pure Python; reads BIFF (.xls) only

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # CFB and BIFF errors (and an encrypted .xlsx) mean "not a workbook"
        raise _not_a_workbook(path, exc) from None
    try:
        if book.nsheets == 0:
            return
        try:
            sheet = book.sheet_by_index(0)
        except Exception:
            raise file_error(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{name} is damaged: its first sheet cannot be read; open it in Excel and "
                    "save it again",
                ),
                name=path.name,
            ) from None
        for index in range(sheet.nrows):
            yield [_xls_cell(cell, book.datemode) for cell in sheet.row(index)]
    finally:
        book.release_resources()


def _too_many_rows(path: Path, limit: int) -> ValidationError:
    return file_error(
        QT_TRANSLATE_NOOP("core", "{name} has more than {limit} rows; split it into smaller files"),
        name=path.name,
        limit=f"{limit:,}",
    )


def _limited(rows: Iterator[list[str]], path: Path) -> Iterator[list[str]]:
    filled = 0
    for number, cells in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise _too_many_rows(path, MAX_SHEET_ROWS)
        if any(cells):
            filled += 1
            if filled > MAX_ROWS:
                raise _too_many_rows(path, MAX_ROWS)
        yield cells


def _too_large(path: Path, size: int) -> ValidationError:
    return file_error(
        QT_TRANSLATE_NOOP(
            "core",
            "{name} is {size}, more than the {limit} an import reads; split it into smaller files",
        ),
        name=path.name,
        size=_mib(size),
        limit=_mib(MAX_FILE_BYTES),
    )


def read_table_rows(path: Path) -> Iterator[list[str]]:
    """Every row of an .xlsx, .xls or .csv (UTF-8, with or without BOM, else GBK) as text cells.

    Shared by every import (rosters, close-out sheets, bank statements), so each reads
    files the same way; an unreadable, damaged or oversized file is a ValidationError naming
    it (and the row, where there is one). The size limits are checked before reading starts.
    """
    try:
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            # A device or a pipe (/dev/zero, /dev/stdin) has no size to check: refused, not
            # read until memory runs out.
            head = f.read(8) if stat.S_ISREG(st.st_mode) else b""
            size = st.st_size
    except FileNotFoundError:
        raise file_error(
            QT_TRANSLATE_NOOP("core", "No such file: {path}"), path=str(path)
        ) from None
    except IsADirectoryError:
        raise file_error(
            QT_TRANSLATE_NOOP("core", "{path} is a folder, not a file"), path=str(path)
        ) from None
    except OSError as exc:
        raise file_error(
            QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise file_error(
            QT_TRANSLATE_NOOP("core", "{path} is not a file that can be imported"),
            path=str(path),
        )
    if size > MAX_FILE_BYTES:
        raise _too_large(path, size)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: Excel 97-2003
        yield from _limited(_xls_rows(path), path)
    elif head.startswith(b"PK\x03\x04"):
        yield from _limited(_xlsx_rows(path), path)
    else:
        try:
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since it was sized
        except OSError as exc:
            raise file_error(
                QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from None
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(path, len(data))
        yield from _limited(_csv_rows(data, path), path)
