"""What every demo step shares: the anchor of its times, the world it adds to, names."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from wuye_desktop.core.roles import Role
from wuye_desktop.core.vocab import Channel

# Monday 2026-01-05 09:00 in Qingdao. Demo timestamps are offsets from this, never "now".
BASE_TIME = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
CHUNK = 5000  # rows per executemany: bounded memory, and a progress report for each

# Surnames roughly by frequency in Shandong (王, 张, 李, 刘 lead; 于, 姜, 曲, 隋 are local).
SURNAMES = (
    "王" * 12 + "张" * 10 + "李" * 10 + "刘" * 9 + "陈" * 4 + "杨" * 4 + "赵" * 4 + "孙" * 5
    + "于" * 4 + "徐" * 3 + "高" * 3 + "姜" * 3 + "周" * 2 + "吴" * 2 + "马" * 2 + "郭" * 2
    + "曲" * 2 + "宋" * 2 + "孔" + "董" * 2 + "韩" + "冯" + "朱" + "胡" + "林" + "何" + "崔"
    + "隋" + "邵" + "逄" + "臧" + "矫" + "栾" + "薛" + "秦" + "丁" + "贾" + "吕" + "蒋"
)  # fmt: skip
# Common given names of the generations that own homes now; repeats are realistic (重名).
_GIVEN_NAMES = (
    "建国 建华 志强 志刚 国强 海涛 海波 晓东 晓明 卫东 红军 立新 永刚 庆华 德胜 振华 "
    "宏伟 俊杰 浩然 子轩 宇航 一鸣 文博 明远 家豪 鹏飞 伟 强 磊 军 勇 涛 斌 超 峰 鑫 "
    "秀英 桂兰 玉兰 淑珍 秀兰 凤英 丽娟 丽华 春梅 海燕 晓燕 红霞 雪梅 婷婷 丹丹 欣怡 "
    "子涵 梓萱 雨欣 思雨 佳琪 静怡 敏 静 丽 娜 芳 艳 颖 倩 琳 慧"
)
_GIVEN = tuple(_GIVEN_NAMES.split())


@dataclass
class DemoWorld:
    """What later steps need to add their data to the same company, in the same transaction."""

    session: Session
    rng: random.Random
    base_time: datetime
    company_id: int
    community_ids: dict[str, int]  # by code
    household_ids: dict[str, list[int]]  # by community code, in directory order
    user_ids: dict[Role, int]
    phones: Iterator[str]  # more distinct numbers, never one an owner already has
    channel_phones: dict[str, dict[Channel, str]] = field(default_factory=dict)
    # Data that must look recent (work orders) ends at this moment; see the package's docstring.
    now: datetime = BASE_TIME
    # A step reports how many of its things it has written so far (fill_demo adds the rest).
    step_progress: Callable[[int], None] = field(default=lambda _done: None)

    def person_name(self) -> str:
        return person_name(self.rng)


DemoStep = Callable[[DemoWorld, int], int]


def person_name(rng: random.Random) -> str:
    """A Chinese name as owners and callers have them (surname by Shandong frequency)."""
    return rng.choice(SURNAMES) + rng.choice(_GIVEN)
