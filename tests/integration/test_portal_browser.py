"""The owners' reporting page in a real browser at a phone's size: Debian's chromium, headless,
driven through Selenium (chromium-driver), emulating a 390×844 phone with WeChat's user agent.

The owner "scans" a printed sign: the signage PDF is printed through the core print service with
the page's public address configured, rendered with pdftoppm, its QR code decoded with
zxing-cpp, and that URL opened in the browser. The owner reports, follows the order, and rates
it once the desk (core services) has completed it; the desk's side is checked in the database.

Each step's screenshot goes to a temporary folder, or to docs/screenshots/portal-*.png when
``WUYE_PORTAL_SCREENSHOTS=docs/screenshots`` is set (how the ones in docs/ were made).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.unit import pdf_support as pdf
from wuye_desktop.core import directory, orders, portal
from wuye_desktop.core.portal.keys import key_code
from wuye_desktop.core.prints.signage import signage_pdf
from wuye_desktop.core.roles import Actor
from wuye_desktop.portal.runner import RunningPortal, start_portal
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Callback, Household, PortalReport, WorkOrder

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
PHONE = {"width": 390, "height": 844, "pixelRatio": 2.0}
# WeChat's built-in browser on an iPhone, as the page sees it.
WECHAT_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/4G"
)
MIN_TAP_PX = 44  # Apple's and WeChat's guideline for a thing a thumb presses
MIN_FONT_PX = 16  # below this, iOS zooms into a field when it is tapped


@pytest.fixture
def browser() -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        reason = "chromium and chromium-driver (Debian packages; scripts/setup.sh) not installed"
        if os.environ.get("CI"):
            pytest.fail(reason + ": CI must have them")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(arg)
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": PHONE, "userAgent": WECHAT_UA}
    )
    # Chromium on Linux takes its own words (the file picker's) from the environment, not --lang.
    env = {**os.environ, "LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"}
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER, env=env))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WUYE_PORTAL_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def served(db: Database, admin: Actor, community: directory.CommunityView) -> Iterator[str]:
    """The page on a free port, configured as the company's public address (http:// is
    accepted for 127.0.0.1), with 3-2-1202 beside the fixture's 3-2-1201."""
    directory.create_household(
        db, admin, community.id, directory.HouseholdInput("3", "2", "1202", [])
    )
    running: RunningPortal = start_portal(db)
    try:
        portal.configure_portal(db, admin, public_url=running.base_url)
        yield running.base_url
    finally:
        running.stop()


def scanned(db: Database, admin: Actor, tmp: Path, location: str) -> list[str]:
    """The URLs an owner's phone reads off the community's printed signs for *location*."""
    data = signage_pdf(db, admin, "QD001", location=location)
    return [url for page in pdf.qr_codes(data, tmp, dpi=200) for url in page]


def shot(driver: Any, folder: Path, name: str) -> None:
    """A screenshot of the whole page (as tall as its content), as the phone shows it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": PHONE["width"],
            "height": max(int(height), PHONE["height"]),
            "deviceScaleFactor": PHONE["pixelRatio"],
            "mobile": True,
        },
    )
    driver.save_screenshot(str(folder / f"portal-{name}.png"))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": PHONE["width"],
            "height": PHONE["height"],
            "deviceScaleFactor": PHONE["pixelRatio"],
            "mobile": True,
        },
    )


def assert_made_for_a_phone(driver: Any) -> None:
    """No sideways scrolling, text and fields large enough to read and tap without zooming."""
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways: {width} px"
    small = driver.execute_script(
        """
        const out = [];
        for (const el of document.querySelectorAll('button, select, input:not([type=hidden]), textarea')) {
            const r = el.getBoundingClientRect();
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (r.height < arguments[0] || size < arguments[1])
                out.push(`${el.tagName} ${el.name || ''} ${r.height}px high, ${size}px text`);
        }
        return out;
        """,
        MIN_TAP_PX,
        MIN_FONT_PX,
    )
    assert small == [], small
    # The body text in a Chinese font (fonts-wqy-microhei on Debian), not boxes.
    assert driver.execute_script("return document.fonts.check('16px sans-serif', '扫码报修')")


def fill_report(driver: Any, category: str, description: str, phone: str, name: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "category")).select_by_value(category)
    driver.find_element(By.ID, "description").send_keys(description)
    driver.find_element(By.ID, "phone").send_keys(phone)
    if name:
        driver.find_element(By.ID, "name").send_keys(name)


def submit(driver: Any, label: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']")
    button.click()
    WebDriverWait(driver, 20).until(ec.staleness_of(button))


def test_an_owner_scans_the_home_card_reports_follows_and_rates(
    db: Database, admin: Actor, served: str, browser: Any, shots: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    urls = scanned(db, admin, tmp_path, "home")
    assert urls and all(u.startswith(served + "/h/") for u in urls), urls
    with db.read() as s:
        homes = {key_code(s, "h", u.rsplit("/", 1)[1]): u for u in urls}
    assert set(homes) == {"QD001-3-2-1201", "QD001-3-2-1202"}

    browser.get(homes["QD001-3-2-1201"])
    assert browser.title == "扫码报修"
    assert "海尔云谷 · 3号楼 2单元 1201室" in browser.find_element(By.TAG_NAME, "main").text
    assert_made_for_a_phone(browser)
    shot(browser, shots, "1-form")
    fill_report(browser, "water_leak", "卫生间天花板漏水，已经滴了两天", "13912345678", "李女士")
    shot(browser, shots, "2-filled")
    submit(browser, "提交报修")

    page = browser.find_element(By.TAG_NAME, "main").text
    assert browser.title == "报修已提交", page
    number = re.search(r"GD\d{8}-\d{4}", page)
    assert number, page
    assert re.search(r"处理时限（马上修）：.+前响应，.+前修好", page), page
    assert_made_for_a_phone(browser)
    shot(browser, shots, "3-filed")

    # The desk's side: an order like any other, source 扫码报修, with the page's record of it.
    with db.read() as s:
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == number.group(0)))
        assert order is not None
        assert (order.source, order.category, order.caller_name) == (
            "qr_code",
            "water_leak",
            "李女士",
        )
        assert s.scalar(select(PortalReport.order_id)) == order.id
        order_id = order.id

    browser.find_element(By.PARTIAL_LINK_TEXT, "/f/").click()
    assert browser.title == "报修进度"
    followed = browser.find_element(By.TAG_NAME, "main").text
    assert "已收到" in followed and "139****5678" in followed and "13912345678" not in followed
    shot(browser, shots, "4-follow")

    version = orders.get_order(db, admin, order_id).version
    orders.dispatch(db, admin, order_id, version, channel="property", handler="王师傅")
    orders.start_work(db, admin, order_id, orders.get_order(db, admin, order_id).version)
    orders.complete(
        db, admin, order_id, orders.get_order(db, admin, order_id).version, "更换了上层水管接头"
    )
    browser.refresh()
    assert "已修好，请您评价" in browser.find_element(By.TAG_NAME, "main").text
    assert_made_for_a_phone(browser)
    shot(browser, shots, "5-rate")
    submit(browser, "满意")
    assert "您的评价：满意" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, shots, "6-rated")

    with db.read() as s:
        callback = s.scalar(select(Callback).where(Callback.order_id == order_id))
        assert callback is not None and callback.satisfaction == "satisfied"
        assert s.scalar(select(WorkOrder.status).where(WorkOrder.id == order_id)) == "closed"


def test_an_owner_scans_the_lobby_sign_and_picks_the_room(
    db: Database, admin: Actor, served: str, browser: Any, shots: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    [url] = scanned(db, admin, tmp_path, "lobby")
    assert url.startswith(served + "/e/")
    browser.get(url)
    assert "海尔云谷 · 3号楼 2单元" in browser.find_element(By.TAG_NAME, "main").text
    rooms = Select(browser.find_element(By.ID, "room"))
    assert [o.text for o in rooms.options] == [
        "公共区域（楼道、电梯等）",
        "3号楼 2单元 1201室",
        "3号楼 2单元 1202室",
    ]
    rooms.select_by_visible_text("3号楼 2单元 1202室")
    fill_report(browser, "doors_windows", "阳台窗户关不严，漏风", "0532-88886666", "")
    assert_made_for_a_phone(browser)
    shot(browser, shots, "7-entrance")
    submit(browser, "提交报修")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert browser.title == "报修已提交", page
    number = re.search(r"GD\d{8}-\d{4}", page)
    assert number, page
    shot(browser, shots, "8-entrance-filed")
    with db.read() as s:
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == number.group(0)))
        assert order is not None and order.source == "qr_code"
        home = s.scalar(select(Household.code).where(Household.id == order.household_id))
        assert home == "QD001-3-2-1202"
