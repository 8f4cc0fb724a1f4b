"""The owner's pages, in Chinese, for a phone: plain HTML forms that work without JavaScript
(WeChat's browser), a few lines of inline CSS, nothing fetched besides the page itself.

Every value is escaped (markup.fill); the words an owner reads for a status or a tier are
here, the problems' names are the catalogue's (core.vocab through core.i18n.translate).
"""

from __future__ import annotations

from collections.abc import Sequence

from wuye_desktop.core import portal
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import translate
from wuye_desktop.core.orders.status import Status
from wuye_desktop.core.portal.follow import FollowView
from wuye_desktop.core.portal.reports import Duplicate, Filed
from wuye_desktop.core.vocab import CATEGORY_LABELS, COMMON_AREA_CATEGORIES, Category, Satisfaction
from wuye_desktop.portal.markup import Markup, fill, join

_CSS = (
    "body{margin:0;font:16px/1.5 sans-serif;background:#f4f5f7;color:#222}"
    "main{max-width:34em;margin:0 auto;padding:12px}"
    "h1{font-size:20px;margin:8px 0}h2{font-size:17px;margin:14px 0 6px}"
    ".c{background:#fff;border-radius:8px;padding:12px;margin:10px 0}"
    "label{display:block;margin:10px 0 4px;font-weight:bold}"
    # 44 px: what a thumb taps (Apple's and WeChat's guideline); 16 px text, or iOS zooms in.
    "select,textarea,input{width:100%;box-sizing:border-box;min-height:44px;"
    "font:inherit;padding:9px;border:1px solid #bbb;border-radius:6px;background:#fff}"
    "input[type=file]{padding:8px 4px;border-style:dashed}"
    "button{width:100%;min-height:48px;font:inherit;font-size:18px;padding:12px;margin-top:14px;border:0;"
    "border-radius:6px;background:#1668dc;color:#fff}"
    "button.s{background:#fff;color:#1668dc;border:1px solid #1668dc}"
    ".e{color:#c00}.m{color:#666;font-size:14px}.b{font-size:22px;font-weight:bold}"
    "ol{padding-left:1.2em}"
    # The follow link is one long word: broken anywhere rather than widening the page.
    "a{word-break:break-all;overflow-wrap:anywhere}"
)
STATUS_WORDS = {
    Status.ACCEPTED: "已收到，正在安排维修人员",
    Status.DISPATCHED: "已派给维修人员，等待上门",
    Status.IN_PROGRESS: "正在维修",
    Status.COMPLETED: "已修好，请您评价",
    Status.CLOSED: "已办结",
    Status.REOPENED: "您反馈未修好，正在重新处理",
    Status.CANCELLED: "已撤销",
}
_STATUS_VALUES = frozenset(s.value for s in Status)
TIER_WORDS = {"immediate": "马上修", "time_limited": "限时修", "promised": "承诺修"}
SATISFACTION_WORDS = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY_SATISFIED: "基本满意",
    Satisfaction.DISSATISFIED: "不满意",
}
FIELD_WORDS = {
    "category": "请选择问题类别",
    "description": "请描述问题（最多500字）",
    "caller_phone": "请填写正确的手机或座机号码",
    "name": "称呼最多20个字",
    "photo": "照片无法识别或太大（最多3张，每张不超过10MB）",
    "room": "请选择房号",
}


def category_words(category: str) -> str:
    try:
        return translate("core", CATEGORY_LABELS[Category(category)])
    except ValueError:
        return category


def page(title: str, body: Markup) -> bytes:
    return fill(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        "<title>{title}</title><style>{css}</style></head><body><main>{body}</main></body></html>",
        title=title,
        css=Markup(_CSS),
        body=body,
    ).encode()


def message(title: str, text: str) -> bytes:
    return page(title, fill('<h1>{t}</h1><div class="c"><p>{x}</p></div>', t=title, x=text))


NOT_FOUND = "这个二维码无法识别。请确认扫描的是物业张贴的报修码，或直接致电物业服务中心。"
PAUSED = "扫码报修暂停使用。如需报修，请致电物业服务中心。"
TOO_MANY = "提交太频繁了，请稍后再试。紧急情况请直接致电物业服务中心。"
TOO_LARGE = "提交的内容太大（照片最多3张，每张不超过10MB）。请返回减少照片后再试。"
TOO_SLOW = "网络太慢，提交没有完成。请返回重试。"
EXPIRED = "页面已过期，请重新扫码后填写。"
BROKEN = "系统暂时出了问题，您的报修可能没有提交。请稍后重试，或致电物业服务中心。"


def _options(place: portal.Place, chosen: str) -> Markup:
    # An in-home card lists in-home problems first; an entrance's sign the common ones.
    common = [c for c in Category if c in COMMON_AREA_CATEGORIES]
    home = [c for c in Category if c not in COMMON_AREA_CATEGORIES]
    ordered = home + common if place.kind == "h" else common + home
    parts = [Markup('<option value="">请选择</option>')]
    for c in ordered:
        sel = Markup(" selected") if c.value == chosen else Markup("")
        parts.append(
            fill('<option value="{v}"{s}>{t}</option>', v=c.value, s=sel, t=category_words(c))
        )
    return join(parts)


def _rooms(place: portal.Place, chosen: str) -> Markup:
    if place.kind == "h":
        return fill("<p>报修房屋：<b>{r}</b></p>", r=place.rooms[0].label)
    parts = [Markup('<option value="">公共区域（楼道、电梯等）</option>')]
    for r in place.rooms:
        sel = Markup(" selected") if str(r.household_id) == chosen else Markup("")
        parts.append(
            fill('<option value="{v}"{s}>{t}</option>', v=r.household_id, s=sel, t=r.label)
        )
    return fill(
        '<label for="room">报修位置</label><select id="room" name="room">{o}</select>',
        o=join(parts),
    )


def report_form(
    place: portal.Place,
    token: str,
    values: dict[str, str] | None = None,
    errors: Sequence[str] = (),
) -> bytes:
    v = values or {}
    problems = join(
        fill('<p class="e">{t}</p>', t=FIELD_WORDS.get(f, "请检查填写的内容")) for f in errors
    )
    body = fill(
        "<h1>扫码报修</h1><p class=m>{community} · {label}</p>{problems}"
        '<form class="c" method="post" enctype="multipart/form-data">'
        '<input type="hidden" name="token" value="{token}">{rooms}'
        '<label for="category">遇到什么问题</label>'
        '<select id="category" name="category" required>{options}</select>'
        '<label for="description">问题描述</label>'
        '<textarea id="description" name="description" rows="4" maxlength="500" required '
        'placeholder="例如：卫生间天花板漏水，已经滴了两天">{description}</textarea>'
        '<label for="photo">照片（选填，最多3张）</label>'
        '<input id="photo" type="file" name="photo" accept="image/*" multiple>'
        '<label for="phone">联系电话</label>'
        '<input id="phone" type="tel" name="phone" maxlength="20" required value="{phone}">'
        '<label for="name">称呼（选填）</label>'
        '<input id="name" type="text" name="name" maxlength="20" value="{name}">'
        "<button>提交报修</button></form>"
        "<p class=m>您的电话只用于维修联系，不会公开。</p>",
        community=place.community_name,
        label=place.label,
        problems=problems,
        token=token,
        rooms=_rooms(place, v.get("room", "")),
        options=_options(place, v.get("category", "")),
        description=v.get("description", ""),
        phone=v.get("phone", ""),
        name=v.get("name", ""),
    )
    return page("扫码报修", body)


def filed(result: Filed, follow_url: str) -> bytes:
    body = fill(
        "<h1>报修已提交</h1>"
        '<div class="c"><p>报修单号</p><p class="b">{number}</p>'
        "<p>处理时限（{tier}）：{response} 前响应，{completion} 前修好。</p></div>"
        '<div class="c"><p><b>请保存下面的链接</b>（收藏或截图），用它查看进度、完工后评价。'
        "链接只给您本人，请勿转发。</p>"
        '<p><a href="{url}">{url}</a></p></div>',
        number=result.number,
        tier=TIER_WORDS.get(result.tier, ""),
        response=format_local(result.response_due),
        completion=format_local(result.completion_due),
        url=follow_url,
    )
    return page("报修已提交", body)


def duplicate(found: Duplicate) -> bytes:
    body = fill(
        "<h1>已有同类报修</h1>"
        '<div class="c"><p>这里已有一张同类问题的报修单正在处理，无需重复提交：</p>'
        '<p class="b">{number}</p><p>进度：{status}</p><p>应在 {due} 前修好。</p></div>'
        '<p class="m">如情况有变化或很紧急，请致电物业服务中心。</p>',
        number=found.number,
        status=STATUS_WORDS.get(Status(found.status), ""),
        due=format_local(found.completion_due),
    )
    return page("已有同类报修", body)


def follow(view: FollowView, notice: str = "") -> bytes:
    steps = join(
        fill("<li>{at} {s}</li>", at=format_local(st.at), s=STATUS_WORDS.get(Status(st.status), ""))
        for st in view.steps
        if st.status in _STATUS_VALUES
    )
    rating = Markup("")
    if view.may_rate:
        rating = Markup(
            '<form class="c" method="post"><h2>请评价这次维修</h2>'
            '<button name="satisfaction" value="satisfied">满意</button>'
            '<button class="s" name="satisfaction" value="basically_satisfied">基本满意</button>'
            '<label for="comment">不满意？请告诉我们哪里没修好</label>'
            '<textarea id="comment" name="comment" rows="3" maxlength="300"></textarea>'
            '<button class="s" name="satisfaction" value="dissatisfied">不满意，重新处理</button>'
            "</form>"
        )
    elif view.satisfaction:
        rating = fill(
            '<div class="c"><p>您的评价：{s}。谢谢！</p></div>',
            s=SATISFACTION_WORDS.get(Satisfaction(view.satisfaction), ""),
        )
    body = fill(
        "<h1>报修进度</h1>{notice}"
        '<div class="c"><p class="b">{status}</p><p>单号 {number}</p>'
        "<p>{category} · {place}</p><p>处理单位：{unit}</p>"
        "<p>应在 {response} 前响应，{completion} 前修好。</p></div>"
        '<div class="c"><h2>您的报修</h2><p>{description}</p>'
        '<p class="m">联系电话 {phone}{photos}</p></div>'
        '<div class="c"><h2>处理经过</h2><ol>{steps}</ol></div>{rating}',
        notice=fill('<p class="e">{t}</p>', t=notice) if notice else Markup(""),
        status=STATUS_WORDS.get(Status(view.status), ""),
        number=view.number,
        category=category_words(view.category),
        place=view.place,
        unit=view.unit_name or "物业服务中心",
        response=format_local(view.response_due),
        completion=format_local(view.completion_due),
        description=view.description,
        phone=view.caller_phone,
        photos=f"，照片 {view.photos} 张" if view.photos else "",
        steps=steps,
        rating=rating,
    )
    return page("报修进度", body)
