"""Administration → Company: name, credit code, address, service line, the QR codes' reporting
addresses, the public line the signs give for complaints, whether work-order slips print the
caller's full phone (per kind of handler), and the owners' reporting page's switch and public
address (core.portal.configure_portal)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, portal
from wuye_desktop.core.errors import ConcurrentEdit, ValidationError, WuyeError
from wuye_desktop.core.slip_phone import SlipPhoneChoice, save_slip_phone_choice, slip_phone_choice
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, DbRequest
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import show_error
from wuye_desktop.ui.widgets.form import FormErrorDisplay

_DONE_STYLE = "color: #2e7d32;"


class CompanyPage(Retranslating, QWidget):
    """Emits ``saved(name)`` after the core accepted a change. Reading and saving run on the
    database thread; Save waits for both (saving before the record arrived would have no
    version to check against)."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._version: int | None = None
        self._reading = DbChannel(self)
        self._saving = DbChannel(self)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(18)
        self.address = QLineEdit()
        self.address.setMaxLength(300)
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.report_url_template = QLineEdit()
        self.report_url_template.setMaxLength(500)
        self.entrance_url_template = QLineEdit()
        self.entrance_url_template.setMaxLength(500)
        self.complaint_name = QLineEdit()
        self.complaint_name.setMaxLength(60)
        self.complaint_phone = QLineEdit()
        self.complaint_phone.setMaxLength(40)
        # Keys are the field names of directory.update_company's FieldErrors.
        self._edits = {
            "name": self.name,
            "credit_code": self.credit_code,
            "address": self.address,
            "phone": self.phone,
            "report_url_template": self.report_url_template,
            "entrance_url_template": self.entrance_url_template,
            "complaint_name": self.complaint_name,
            "complaint_phone": self.complaint_phone,
        }
        # The owners' reporting page (扫码报修): a company setting of its own, saved after the
        # company by the same button, like the slips' choice.
        self.page_box = QGroupBox()
        self.page_on = QCheckBox()
        self.public_url = QLineEdit()
        self.public_url.setMaxLength(portal.config.MAX_URL)
        self._page = portal.PortalSettings()
        self.errors = FormErrorDisplay({**self._edits, "public_url": self.public_url}, self)
        self._labels = {name: QLabel() for name in self._edits}
        form = QFormLayout()
        for name, label in self._labels.items():
            label.setBuddy(self.errors.widget(name))
            form.addRow(label, self.errors.wrap(name))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # The slip's phone: a setting of its own, saved with the company by the same button.
        self.slip_box = QGroupBox()
        self.slip_full_staff = QCheckBox()
        self.slip_full_contractor = QCheckBox()
        self.slip_hint = QLabel()
        self.slip_hint.setWordWrap(True)
        slip_layout = QVBoxLayout(self.slip_box)
        slip_layout.addWidget(self.slip_full_staff)
        slip_layout.addWidget(self.slip_full_contractor)
        slip_layout.addWidget(self.slip_hint)
        self._slip_choice = SlipPhoneChoice()
        self.public_url_label = QLabel()
        self.public_url_label.setBuddy(self.public_url)
        self.page_hint = QLabel()
        self.page_hint.setWordWrap(True)
        page_form = QFormLayout(self.page_box)
        page_form.addRow(self.page_on)
        page_form.addRow(self.public_url_label, self.errors.wrap("public_url"))
        page_form.addRow(self.page_hint)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.done_label = QLabel()
        self.done_label.setStyleSheet(_DONE_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.slip_box)
        layout.addWidget(self.page_box)
        layout.addWidget(self.errors.general_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        for edit in self._edits.values():
            edit.textEdited.connect(self.done_label.clear)
        for box in (self.slip_full_staff, self.slip_full_contractor, self.page_on):
            box.toggled.connect(self.done_label.clear)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "name": self.tr("Company &name"),
            "credit_code": self.tr("&Credit code"),
            "address": self.tr("&Address"),
            "phone": self.tr("&Phone"),
            "report_url_template": self.tr("&Reporting address"),
            "entrance_url_template": self.tr("&Entrance reporting address"),
            "complaint_name": self.tr("Complaint &line"),
            "complaint_phone": self.tr("Complaint line's num&ber"),
        }
        for name, text in texts.items():
            self._labels[name].setText(text)
        self.report_url_template.setPlaceholderText("https://…?h={household}")
        self.entrance_url_template.setPlaceholderText("https://…?e={entrance}")
        self.complaint_name.setPlaceholderText("12345政务服务便民热线")
        self.complaint_phone.setPlaceholderText("12345")
        self.hint.setText(
            self.tr(
                "The reporting address is what the QR codes on home cards open; {household} is "
                "replaced by the household's code. The entrance reporting address is what lobby "
                "and elevator signs open; {entrance} is replaced by the entrance's key "
                "(QD001-3-2). Left empty, the codes carry the program's own text (WUYE:…), which "
                "owners' phones cannot open. The phone above is printed on the signs as the "
                "company's service line, with the complaint line (12345, or the regulator's) "
                "for deadlines that are missed."
            )
        )
        self.slip_box.setTitle(self.tr("Work-order slips"))
        self.slip_full_staff.setText(
            self.tr("Print the caller's full phone on slips for the company's own sta&ff")
        )
        self.slip_full_contractor.setText(
            self.tr("Print the caller's full phone on slips for outside con&tractors and units")
        )
        self.slip_hint.setText(
            self.tr(
                "Otherwise the slip shows the number masked (138****5678). Orders sent through "
                "the property company's channel go to its own staff, the others to outside "
                "units. Every slip printed with a full number is recorded in the audit log."
            )
        )
        self.page_box.setTitle(self.tr("Owners' reporting page (扫码报修)"))
        self.page_on.setText(self.tr("Owners can report by scannin&g the signs"))
        self.public_url_label.setText(self.tr("Page's publ&ic address"))
        self.public_url.setPlaceholderText("https://bx.example.com")
        self.page_hint.setText(
            self.tr(
                "Served by wuye owner-portal behind the company's HTTPS proxy (README). Signs "
                "printed once the public address is set open the page instead of the reporting "
                "addresses above. Switched off, the page tells owners to call the service line "
                "and files nothing."
            )
        )
        self.save_button.setText(self.tr("&Save"))
        if self.done_label.text():
            self.done_label.setText(self.tr("Saved."))

    @property
    def busy(self) -> bool:
        """The record is being read or saved."""
        return self._reading.busy or self._saving.busy

    def _track(self, request: DbRequest) -> None:
        self.save_button.setEnabled(False)
        request.finished.connect(lambda: self.save_button.setEnabled(not self.busy))

    def reload(self) -> None:
        """Read the company and the slips' choice again; the fields keep what they show until
        the answer arrives."""

        def read(
            db: Database,
        ) -> tuple[directory.CompanyView | None, SlipPhoneChoice, portal.PortalSettings]:
            return directory.get_company(db), slip_phone_choice(db), portal.portal_settings(db)

        self._track(
            self._reading.submit(
                self._ctx.db,
                read,
                label=self.tr("Reading the company…"),
                on_done=self._arrived,
            )
        )

    def _arrived(
        self,
        answer: tuple[directory.CompanyView | None, SlipPhoneChoice, portal.PortalSettings],
    ) -> None:
        company, self._slip_choice, self._page = answer
        self.errors.clear()
        self.done_label.clear()
        self.slip_full_staff.setChecked(self._slip_choice.staff)
        self.slip_full_contractor.setChecked(self._slip_choice.contractor)
        self.page_on.setChecked(self._page.enabled)
        self.public_url.setText(self._page.public_url)
        if company is None:
            self._version = None
            return
        self._version = company.version
        self.name.setText(company.name)
        self.credit_code.setText(company.credit_code)
        self.address.setText(company.address)
        self.phone.setText(company.phone)
        self.report_url_template.setText(company.report_url_template)
        self.entrance_url_template.setText(company.entrance_url_template)
        self.complaint_name.setText(company.complaint_name)
        self.complaint_phone.setText(company.complaint_phone)

    def save(self) -> None:
        self.errors.clear()
        self.done_label.clear()
        data = directory.CompanyInput(
            name=self.name.text(),
            credit_code=self.credit_code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            report_url_template=self.report_url_template.text(),
            entrance_url_template=self.entrance_url_template.text(),
            complaint_name=self.complaint_name.text(),
            complaint_phone=self.complaint_phone.text(),
        )
        actor, version = self._ctx.actor, self._version
        self._track(
            self._saving.submit(
                self._ctx.db,
                lambda db: directory.update_company(db, actor, data, expected_version=version),
                label=self.tr("Saving the company…"),
                on_done=self._company_saved,
                on_error=self._company_refused,
            )
        )

    def _company_refused(self, error: WuyeError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
            return
        show_error(self, error)
        if isinstance(error, ConcurrentEdit):
            self.reload()

    def _company_saved(self, company: directory.CompanyView) -> None:
        self._version = company.version
        choice = SlipPhoneChoice(
            staff=self.slip_full_staff.isChecked(),
            contractor=self.slip_full_contractor.isChecked(),
        )
        page = portal.PortalSettings(
            self.public_url.text().strip().rstrip("/"), self.page_on.isChecked()
        )
        if choice == self._slip_choice and page == self._page:
            self._done(company)
            return
        actor, slips_before, page_before = self._ctx.actor, self._slip_choice, self._page

        def save_settings(db: Database) -> portal.PortalSettings:
            if choice != slips_before:
                save_slip_phone_choice(db, actor, choice)
            if page == page_before:
                return page
            return portal.configure_portal(
                db, actor, public_url=page.public_url, enabled=page.enabled
            )

        def saved(stored: portal.PortalSettings) -> None:
            self._slip_choice, self._page = choice, stored
            self.public_url.setText(stored.public_url)
            self._done(company)

        # Settings of their own, saved after the company as before: a refusal here (the page's
        # address) leaves the company saved (and its new version kept).
        self._track(
            self._saving.submit(
                self._ctx.db,
                save_settings,
                label=self.tr("Saving the company…"),
                on_done=saved,
                on_error=self._company_refused,
            )
        )

    def _done(self, company: directory.CompanyView) -> None:
        self.credit_code.setText(company.credit_code)  # the core's normal form
        self.phone.setText(company.phone)
        self.complaint_phone.setText(company.complaint_phone)
        self.done_label.setText(self.tr("Saved."))
        self._ctx.signals.directory_changed.emit()
        self.saved.emit(company.name)
