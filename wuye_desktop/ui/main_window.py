"""The main window: menus, shortcuts, status bar and the tabs the user's role may open.

Each capability adds its tab with one line in ``TABS``. A tab widget is built the first time
its tab is shown, so start-up only pays for the tab that opens first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import wuye_desktop
from wuye_desktop.core import directory, holidays, settings
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.core.roles import ROLE_LABELS, Actor, Permission, Role
from wuye_desktop.ui import local_settings
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import show_error, tr_core
from wuye_desktop.ui.regulator.indicator import RegulatorIndicator
from wuye_desktop.ui.regulator.scheduler import RegulatorSync
from wuye_desktop.ui.widgets.focus_return import exec_returning_focus, open_returning_focus
from wuye_desktop.ui.widgets.header import app_icon

TabFactory = Callable[[AppContext], QWidget]
TAB_CONTEXT = "tabs"


@dataclass(frozen=True)
class TabSpec:
    """A tab: its title (English, marked with QT_TRANSLATE_NOOP("tabs", ...)), how to build
    it, and the permission without which the tab is not offered at all.

    A tab widget may have ``focus_search()`` (Ctrl+F), ``refresh()`` (F5) and
    ``open_order(order_id)`` (``ctx.signals.open_order_requested`` shows that tab and calls it).
    """

    title: str
    factory: TabFactory
    permission: Permission
    # Not offered to whoever has this permission too (they have a fuller tab of the same).
    unless: Permission | None = None

    def offered(self, ctx: AppContext) -> bool:
        return self.offered_to(ctx.actor)

    def offered_to(self, actor: Actor) -> bool:
        return actor.can(self.permission) and not (self.unless and actor.can(self.unless))


# The module each lazy() factory imports, for import_first_tabs().
_TAB_MODULES: dict[TabFactory, str] = {}


def lazy(target: str) -> TabFactory:
    """A factory for ``"package.module:Class"`` that imports the module only when needed."""
    module_name, _, attr = target.partition(":")

    def build(ctx: AppContext) -> QWidget:
        widget_class = getattr(importlib.import_module(module_name), attr)
        widget: QWidget = widget_class(ctx)
        return widget

    _TAB_MODULES[build] = module_name
    return build


def import_first_tabs() -> None:
    """Import the modules of the tab each role opens on: start-up calls it on a background
    thread while the login dialog waits for the password (the other tabs' modules are
    imported when first shown)."""
    for role in Role:
        actor = Actor(user_id=0, username="", role=role)
        first = next((spec for spec in TABS if spec.offered_to(actor)), None)
        if first is not None and first.factory in _TAB_MODULES:
            importlib.import_module(_TAB_MODULES[first.factory])


REGULATOR_TAB = QT_TRANSLATE_NOOP("tabs", "Regulator")  # the status-bar indicator opens it

# The tabs, in the order shown. Later capabilities add theirs here, one line each.
TABS: list[TabSpec] = [
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Overview"),
        lazy("wuye_desktop.ui.overview:OverviewTab"),
        Permission.OVERVIEW_READ,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Work orders"),
        lazy("wuye_desktop.ui.work_orders:WorkOrdersTab"),
        Permission.WORK_ORDERS_READ,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Callbacks"),
        lazy("wuye_desktop.ui.callbacks:CallbacksTab"),
        Permission.WORK_ORDERS_READ,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Commitments"),
        lazy("wuye_desktop.ui.commitments:CommitmentsTab"),
        Permission.DOCUMENTS_PRINT,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Signage"),
        lazy("wuye_desktop.ui.signage:SignageTab"),
        Permission.DOCUMENTS_PRINT,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Public income"),
        lazy("wuye_desktop.ui.ledger:LedgerTab"),
        Permission.LEDGER_READ,
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Directory"),
        lazy("wuye_desktop.ui.directory:DirectoryTab"),
        Permission.DIRECTORY_READ,
    ),
    TabSpec(
        REGULATOR_TAB,
        lazy("wuye_desktop.ui.regulator.tab:RegulatorTab"),
        Permission.WORK_ORDERS_READ,
    ),
    # The desk's part of the overview, what is due now; last, so its day starts on the list.
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Today"),
        lazy("wuye_desktop.ui.overview:OverviewTab"),
        Permission.OVERVIEW_TODAY,
        unless=Permission.OVERVIEW_READ,
    ),
]


class _TabPage(QWidget):
    """Holds a tab's widget, built on first show."""

    def __init__(self, spec: TabSpec, ctx: AppContext) -> None:
        super().__init__()
        self.spec = spec
        self._ctx = ctx
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget | None:
        if self.content is None:
            try:
                self.content = self.spec.factory(self._ctx)
            except WuyeError as error:  # e.g. the database went away: try again next time
                show_error(self.window(), error)
                return None
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.content)
        return self.content


def first_geometry(area: QRect) -> QRect | None:
    """Where the window opens on its first start on a machine, in the screen's *area*: most of
    it, centred (a desk works in this window all day; the list, its filters and the detail
    pane all want room); None for a laptop-sized screen, where it opens maximised."""
    if area.width() <= 1440 or area.height() <= 900:
        return None
    size = QSize(int(area.width() * 0.9), int(area.height() * 0.9))
    left = area.x() + (area.width() - size.width()) // 2
    top = area.y() + (area.height() - size.height()) // 2
    return QRect(QPoint(left, top), size)


class MainWindow(Retranslating, QMainWindow):
    """Emits ``logout_requested`` for File → Switch user, and ``closed`` when closed."""

    logout_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        tabs: Sequence[TabSpec] | None = None,
        parent: QWidget | None = None,
        *,
        company_name: str | None = None,
    ) -> None:
        """*company_name* for the title, when the caller has read it already; else it is read
        on the database thread and the title completed when it arrives."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowIcon(app_icon())
        self._company_name = company_name or ""
        if company_name is None:
            run_db(
                self,
                ctx.db,
                directory.get_company,
                label=self.tr("Reading the company…"),
                on_done=lambda company: self._company_changed(company.name if company else ""),
            )
        # The session's background sync with the regulator; tabs reach it through ctx.
        self.regulator_sync = RegulatorSync(ctx, self)
        ctx.regulator_sync = self.regulator_sync

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._pages: list[_TabPage] = [
            _TabPage(spec, ctx) for spec in (TABS if tabs is None else tabs) if spec.offered(ctx)
        ]
        for page in self._pages:
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        ctx.signals.open_order_requested.connect(self.open_order)
        ctx.signals.show_orders_requested.connect(self.show_orders)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        self._restore_geometry()
        if self._pages:
            self._pages[0].ensure_built()
        self.regulator_sync.start()

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.switch_user_action = QAction(self)
        self.switch_user_action.triggered.connect(self._switch_user)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.tab_actions: list[QAction] = []
        group = QActionGroup(self)
        for number, _page in enumerate(self._pages):
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(number == 0)
            if number < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.tabs.setCurrentIndex(n))
            group.addAction(action)
            self.tab_actions.append(action)

        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        # Only administrators see this; the core refuses everybody else in any case.
        self.admin_action = QAction(self)
        allowed = self.ctx.can(Permission.ADMINISTER)
        self.admin_action.setVisible(allowed)
        self.admin_action.setEnabled(allowed)
        self.admin_action.triggered.connect(self.open_administration)
        self.deadlines_action = QAction(self)
        self.deadlines_action.setVisible(allowed)
        self.deadlines_action.setEnabled(allowed)
        self.deadlines_action.triggered.connect(self.open_deadlines)
        self.regulator_action = QAction(self)
        self.regulator_action.setVisible(allowed)
        self.regulator_action.setEnabled(allowed)
        self.regulator_action.triggered.connect(self.open_regulator_settings)
        # Managers keep the people orders are dispatched to (administrators too).
        self.staff_action = QAction(self)
        can_keep_staff = self.ctx.can(Permission.STAFF_EDIT)
        self.staff_action.setVisible(can_keep_staff)
        self.staff_action.setEnabled(can_keep_staff)
        self.staff_action.triggered.connect(self.open_staff_directory)
        # Ctrl+N anywhere: the desk takes a call from whatever tab is showing.
        self.new_order_action = QAction(self)
        self.new_order_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_order_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        can_take = self.ctx.can(Permission.WORK_ORDERS_EDIT)
        self.new_order_action.setVisible(can_take)
        self.new_order_action.setEnabled(can_take)
        self.new_order_action.triggered.connect(self.new_order)

        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_order_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.switch_user_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.tab_actions:
            self.view_menu.addAction(action)
        if self.tab_actions:
            self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.refresh_action)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addAction(self.settings_action)
        self.tools_menu.addAction(self.admin_action)
        self.tools_menu.addAction(self.staff_action)
        self.tools_menu.addAction(self.deadlines_action)
        self.tools_menu.addAction(self.regulator_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.role_label = QLabel()
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.regulator_indicator = RegulatorIndicator(self.ctx, self.regulator_sync)
        self.regulator_indicator.clicked.connect(self.show_regulator_tab)
        bar = self.statusBar()
        # Administrators are told once, at login, when a year's holidays are missing.
        self.calendar_warning = QPushButton()
        self.calendar_warning.setFlat(True)
        self.calendar_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.calendar_warning.clicked.connect(self.open_deadlines)
        self.calendar_warning.hide()
        self._missing_year: int | None = None
        bar.addPermanentWidget(self.calendar_warning)
        for label in (self.regulator_indicator, self.user_label, self.role_label, self.db_label):
            bar.addPermanentWidget(label)
        if self.ctx.can(Permission.ADMINISTER):
            run_db(
                self,
                self.ctx.db,
                lambda db: holidays.missing_year(
                    settings.deadline_rules(db).calendar, today_local()
                ),
                label=self.tr("Checking the holiday calendar…"),
                on_done=self._show_calendar_warning,
            )

    def _show_calendar_warning(self, year: int | None) -> None:
        self._missing_year = year
        self.calendar_warning.setVisible(year is not None)
        if year is not None:
            self.calendar_warning.setText(
                self.tr("The holidays of {year} are missing: fill them in under Deadlines").format(
                    year=year
                )
            )

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        title = self.tr("Property Service Desk")
        self.setWindowTitle(f"{title} — {self._company_name}" if self._company_name else title)
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.switch_user_action.setText(self.tr("&Switch user…"))
        self.switch_user_action.setStatusTip(self.tr("Log out and let another user log in"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find"))
        self.find_action.setStatusTip(self.tr("Put the cursor in the search box of this tab"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.settings_action.setStatusTip(self.tr("Language and your password"))
        self.admin_action.setText(self.tr("&Administration…"))
        self.admin_action.setStatusTip(self.tr("Company, users and the audit log"))
        self.about_action.setText(self.tr("&About"))
        self.new_order_action.setText(self.tr("&New work order…"))
        self.new_order_action.setStatusTip(
            self.tr("Take a call: find the household, file the order")
        )
        self.staff_action.setText(self.tr("Staff director&y…"))
        self.staff_action.setStatusTip(
            self.tr("Technicians, teams and contractors' contacts that orders are dispatched to")
        )
        self.deadlines_action.setText(self.tr("&Deadlines…"))
        self.deadlines_action.setStatusTip(
            self.tr("Deadlines per tier and category, working time, callbacks")
        )
        self.regulator_action.setText(self.tr("&Regulator platform…"))
        self.regulator_action.setStatusTip(
            self.tr("The regulator's platform: address, secret, sync interval")
        )
        for index, page in enumerate(self._pages):
            text = QCoreApplication.translate(TAB_CONTEXT, page.spec.title)
            self.tabs.setTabText(index, text)
            self.tab_actions[index].setText(text)
        self.user_label.setText(self.tr("User: {name}").format(name=self.ctx.display_name))
        self.role_label.setText(
            self.tr("Role: {role}").format(role=tr_core(ROLE_LABELS[self.ctx.actor.role]))
        )
        self.db_label.setText(self.tr("Database: {db}").format(db=self.ctx.db.describe()))

    # -- actions -------------------------------------------------------------------------------

    def current_tab(self) -> QWidget | None:
        page = self.tabs.currentWidget()
        return page.ensure_built() if isinstance(page, _TabPage) else None

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.tab_actions):
            self.tab_actions[index].setChecked(True)
        self.current_tab()

    def focus_search(self) -> None:
        tab = self.current_tab()
        focus = getattr(tab, "focus_search", None)
        if callable(focus):
            focus()

    def refresh(self) -> None:
        tab = self.current_tab()
        reload = getattr(tab, "refresh", None)
        if callable(reload):
            try:
                reload()
            except WuyeError as error:
                show_error(self, error)

    def open_order(self, order_id: int) -> None:
        """Show the tab that can show a work order (built tabs first) and let it open it."""
        pages = sorted(self._pages, key=lambda p: p.content is None)
        for page in pages:
            content = page.ensure_built()
            show = getattr(content, "open_order", None)
            if callable(show):
                self.tabs.setCurrentWidget(page)
                show(order_id)
                return

    def show_orders(self, order_filter: OrderFilter, title: str) -> None:
        """Show the tab that lists work orders with exactly *order_filter*'s orders."""
        for page in sorted(self._pages, key=lambda p: p.content is None):
            content = page.ensure_built()
            show = getattr(content, "show_orders", None)
            if callable(show):
                self.tabs.setCurrentWidget(page)
                show(order_filter, title)
                return

    def new_order(self) -> None:
        from wuye_desktop.ui.intake import IntakeDialog

        try:
            dialog = IntakeDialog(self.ctx, self)
        except WuyeError as error:
            show_error(self, error)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.order_created.connect(self.open_order)
        open_returning_focus(dialog)

    def open_deadlines(self) -> None:
        from wuye_desktop.ui.deadlines import DeadlineSettingsDialog

        try:
            dialog = DeadlineSettingsDialog(self.ctx, self)
        except WuyeError as error:
            show_error(self, error)
            return
        exec_returning_focus(dialog)
        if dialog.saved and self._missing_year is not None:
            self._show_calendar_warning(
                holidays.missing_year(dialog.rules_calendar(), today_local())
            )
        dialog.deleteLater()

    def open_regulator_settings(self) -> QDialog:
        from wuye_desktop.ui.regulator.settings_dialog import open_settings

        return open_settings(self.ctx, self, self.regulator_sync)

    def show_regulator_tab(self) -> None:
        for page in self._pages:
            if page.spec.title == REGULATOR_TAB:
                self.tabs.setCurrentWidget(page)
                return

    def _switch_user(self) -> None:
        self.logout_requested.emit()

    def open_settings(self) -> None:
        from wuye_desktop.ui.settings_dialog import SettingsDialog

        exec_returning_focus(SettingsDialog(self.ctx, self))

    def open_administration(self) -> None:
        from wuye_desktop.ui.admin.dialog import AdministrationDialog

        try:
            dialog = AdministrationDialog(self.ctx, self)
        except WuyeError as error:
            show_error(self, error)
            return
        dialog.company_changed.connect(self._company_changed)
        exec_returning_focus(dialog)
        dialog.deleteLater()

    def open_staff_directory(self) -> None:
        from wuye_desktop.ui.admin.staff_directory_dialog import StaffDirectoryDialog

        try:
            dialog = StaffDirectoryDialog(self.ctx, self)
        except WuyeError as error:
            show_error(self, error)
            return
        exec_returning_focus(dialog)
        dialog.deleteLater()

    def _company_changed(self, name: str) -> None:
        self._company_name = name
        self.retranslate()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<h3>Property Service Desk {version}</h3>"
                "<p>Repair guarantee under the “4个3” practice (3 locations, 3 channels, "
                "3 tiers, 3 documents), public-income ledgers and reporting to the housing "
                "regulator, for property-management companies.</p>"
            ).format(version=wuye_desktop.__version__),
        )

    # -- geometry ------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = local_settings.app_settings()
        geometry = settings.value(local_settings.MAIN_GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_geometry()
        state = settings.value(local_settings.MAIN_STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def _first_geometry(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1440, 900)
            return
        area = screen.availableGeometry()
        chosen = first_geometry(area)
        self.setGeometry(chosen or area)
        if chosen is None:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = local_settings.app_settings()
        settings.setValue(local_settings.MAIN_GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(local_settings.MAIN_STATE_KEY, self.saveState())
        settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            self.regulator_sync.stop()
            self.closed.emit()
