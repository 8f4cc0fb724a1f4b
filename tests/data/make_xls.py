"""How the .xls fixtures here were made, once (they are committed): each table is written as
.xlsx with openpyxl, dates as real Excel dates, and converted by LibreOffice to Excel 97-2003
(BIFF8), the format old banking and property systems still export. Run from the repository:

    .venv/bin/python tests/data/make_xls.py   # needs soffice (LibreOffice) on the PATH
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
ROSTER_HEADER = ["序号", "楼号", "单元", "房号", "业主姓名", "联系电话", "建筑面积(㎡)", "备注"]
STATEMENT_HEADER = ["交易日期", "交易金额", "对方户名", "流水号", "摘要", "类别"]

TABLES: dict[str, list[list[object]]] = {
    "roster-old.xls": [
        ROSTER_HEADER,
        [1, 3, 2, 101, "王一", "13812340001", 89.5, ""],
        [2, 3, 2, 102, "李二", "13812340002", 120, "二楼"],
        [3, 3, 2, 201, "张三", "13812340003", 89.55, ""],
    ],
    "roster-old-bad.xls": [
        ROSTER_HEADER,
        [1, 3, 2, 101, "王一", "13812340001", 89.5, ""],
        [2, 3, 2, 102, "李二", "1381234000", 120, ""],  # row 3: ten digits
    ],
    "statement-old.xls": [
        STATEMENT_HEADER,
        [date(2026, 3, 1), 3000, "分众传媒", "B001", "电梯广告费", "电梯及其他广告收入"],
        [date(2026, 3, 5), -500, "青岛电梯维保", "B002", "电梯维修", "facility_repair"],
        [date(2026, 3, 10), 12.5, "某快递", "B003", "快递柜", ""],
    ],
    "statement-old-bad.xls": [
        STATEMENT_HEADER,
        [date(2026, 4, 1), 100, "甲", "C1", "", ""],
        [date(2026, 4, 2), 12.345, "乙", "C2", "", ""],  # row 3: three decimals
    ],
}


def main() -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed to make the fixtures"
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in TABLES.items():
            wb = Workbook()
            ws = wb.active
            for row in rows:
                ws.append(row)
            for cell in ws["A"]:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
            source = Path(tmp) / name.replace(".xls", ".xlsx")
            wb.save(source)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "xls", "--outdir", str(HERE), str(source)],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    main()
