"""Writes the sample rosters of this folder (run from the repository: python resources/demo/make_rosters.py).

They are the roster of building 1 of QD004 (西海岸星悦府), the community that ``wuye demo``
leaves without households, laid out as companies keep them: a title line above the header,
Chinese headers, numbers typed as numbers. The bad ones each differ from it in one row.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
TITLE = "西海岸星悦府 1号楼 业主花名册（2025年12月）"
HEADER = [
    "序号",
    "楼号",
    "单元",
    "房号",
    "业主姓名",
    "联系电话",
    "共有人",
    "共有人电话",
    "建筑面积(㎡)",
    "备注",
]
SURNAMES = "王张李刘陈杨赵孙于徐高姜周吴马郭曲宋董韩"
GIVEN = [
    "建国",
    "志强",
    "海涛",
    "晓东",
    "立新",
    "振华",
    "俊杰",
    "浩然",
    "秀英",
    "桂兰",
    "丽娟",
    "春梅",
    "海燕",
    "婷婷",
    "欣怡",
    "子涵",
    "伟",
    "磊",
    "静",
    "芳",
]
PREFIXES = [
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "178",
    "181",
    "182",
    "186",
    "187",
    "188",
    "199",
]


def rows() -> list[list[object]]:
    rng = random.Random(2025)
    out: list[list[object]] = []
    for unit in (1, 2):
        for floor in range(1, 19):
            for position in (1, 2):
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                phone = rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}"
                co_owner = co_phone = ""
                if rng.random() < 0.3:
                    co_owner = rng.choice(SURNAMES) + rng.choice(GIVEN)
                    co_phone = rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}"
                if rng.random() < 0.08:
                    phone = f"0532-8{rng.randrange(10**7):07d}"
                area = round(rng.uniform(89, 128), 2)
                note = "出租" if rng.random() < 0.05 else ""
                out.append(
                    [len(out) + 1, 1, unit, floor * 100 + position, name, phone, co_owner,
                     co_phone, area, note]
                )  # fmt: skip
    return out


def write_xlsx(path: Path, data: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append([TITLE])
    ws.append(HEADER)
    for r in data:
        ws.append(r)
    wb.save(path)


def write_csv(path: Path, data: list[list[object]], encoding: str = "gbk") -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow([TITLE])
        w.writerow(HEADER)
        # Excel writes 123.0 as "123" and an empty cell as nothing.
        w.writerows(
            [int(v) if isinstance(v, float) and v.is_integer() else v for v in r] for r in data
        )


def main() -> None:
    good = rows()
    write_xlsx(HERE / "roster-qd004.xlsx", good)
    write_csv(HERE / "roster-qd004-gbk.csv", good)
    # Each bad file differs from the good one in one row (file row 9 = data row 7).
    bad = [list(r) for r in good]
    bad[6][5] = "1381234567"  # ten digits
    write_csv(HERE / "roster-qd004-bad-phone.csv", bad)
    bad = [list(r) for r in good]
    bad[10][3] = bad[9][3]  # the same room as the line above
    write_csv(HERE / "roster-qd004-bad-duplicate.csv", bad)
    bad = [list(r) for r in good]
    bad[20][1] = None  # building left empty
    write_xlsx(HERE / "roster-qd004-bad-building.xlsx", bad)


if __name__ == "__main__":
    main()
