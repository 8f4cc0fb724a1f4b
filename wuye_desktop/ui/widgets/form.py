"""Showing a core ValidationError at the fields it names.

A form registers its input widgets under the field names the core service uses
(``FieldError.field``). ``FormErrorDisplay.show(error)`` then puts a red border on each refused
field and a translated message label right under it; errors naming no registered field go to a
general label (usually at the top or bottom of the form). ``clear()`` removes everything, and a
field's own error disappears as soon as the user edits that field.

Typical use in a dialog::

    self.errors = FormErrorDisplay({"name": self.name_edit, "credit_code": self.code_edit})
    form = QFormLayout(self)
    form.addRow(self.tr("Name"), self.errors.wrap("name"))
    form.addRow(self.tr("Credit code"), self.errors.wrap("credit_code"))
    form.addRow(self.errors.general_label)
    ...
    try:
        service(...)
    except ValidationError as e:
        self.errors.show(e)
        return
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.ui.messages import describe_field

# Set to True on a refused field. The red style keys on it so that it applies to the field alone,
# not to the children the style sheet would reach otherwise (a combo box's popup list).
INVALID_PROPERTY = "wuyeInvalid"
_INVALID_STYLE = (
    '*[wuyeInvalid="true"] { border: 1px solid #d32f2f; border-radius: 2px; '
    "background-color: #fff5f5; }"
)
_MESSAGE_STYLE = "color: #d32f2f;"
_SAVED_STYLE_PROPERTY = "wuyeSavedStyleSheet"


class FieldErrorLabel(QLabel):
    """A red, word-wrapped message shown under one field; hidden while there is no error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_MESSAGE_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def _as_rules(style: str) -> str:
    """*style* as rules that more rules can follow. Qt reads a widget's style sheet without
    braces ("color: blue;") as ``* { color: blue; }``, but with a rule appended it is not
    a style sheet Qt can parse (it warns and drops the whole sheet, the red border too)."""
    return style if "{" in style or not style.strip() else f"* {{ {style} }}"


def _mark(widget: QWidget, invalid: bool) -> None:
    """Red border on a refused field; the widget's own style sheet comes back when cleared."""
    if bool(widget.property(INVALID_PROPERTY)) == invalid:
        return
    widget.setProperty(INVALID_PROPERTY, invalid)
    if invalid:
        widget.setProperty(_SAVED_STYLE_PROPERTY, widget.styleSheet())
        widget.setStyleSheet(_as_rules(widget.styleSheet()) + _INVALID_STYLE)
    else:
        saved = widget.property(_SAVED_STYLE_PROPERTY)
        widget.setStyleSheet(saved if isinstance(saved, str) else "")
    widget.update()


def _edited_signal(widget: QWidget) -> SignalInstance | None:
    """The signal that means "the user changed this field", for clearing its error."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    return None


class FormErrorDisplay(QObject):
    """Maps field names to input widgets and shows a ValidationError on them.

    ``fields`` maps a core field name to its input widget. ``message_labels`` may give the label
    for a field explicitly (e.g. when the layout places it elsewhere); otherwise ``wrap(name)``
    returns a container with the field and its label stacked, ready for a QFormLayout row, or
    ``label(name)`` returns the label alone for a custom layout.
    """

    def __init__(
        self,
        fields: dict[str, QWidget],
        parent: QObject | None = None,
        *,
        message_labels: dict[str, FieldErrorLabel] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, FieldErrorLabel] = dict(message_labels or {})
        self.general_label = FieldErrorLabel()
        for name, widget in fields.items():
            self.add_field(name, widget)

    # -- building ----------------------------------------------------------------------------

    def add_field(self, name: str, widget: QWidget) -> None:
        """Register one more field (forms whose rows appear later, e.g. owner rows)."""
        self._fields[name] = widget
        if name not in self._labels:
            self._labels[name] = FieldErrorLabel()
        signal = _edited_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, n=name: self.clear_field(n))

    def label(self, name: str) -> FieldErrorLabel:
        """The message label of one field, for placing it yourself."""
        return self._labels[name]

    def widget(self, name: str) -> QWidget:
        return self._fields[name]

    def wrap(self, name: str) -> QWidget:
        """A container holding the field with its message label under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._fields[name])
        layout.addWidget(self._labels[name])
        return box

    # -- showing -----------------------------------------------------------------------------

    def show(self, error: ValidationError) -> None:
        """Show every FieldError of *error*; focus the first refused field."""
        self.clear()
        per_field: dict[str, list[str]] = {}
        general: list[str] = []
        for item in error.errors:
            text = self.message(item)
            if item.field in self._fields:
                per_field.setdefault(item.field, []).append(text)
            else:
                general.append(text)
        first: QWidget | None = None
        for name, widget in self._fields.items():  # form order, not error order
            texts = per_field.get(name)
            if not texts:
                continue
            _mark(widget, True)
            self._labels[name].set_message("\n".join(texts))
            if first is None:
                first = widget
        self.general_label.set_message("\n".join(general))
        self._make_room()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str, field: str | None = None) -> None:
        """Show a UI-side message (already translated) at a field or in the general label."""
        if field is None or field not in self._fields:
            self.general_label.set_message(text)
            self._make_room()
            return
        _mark(self._fields[field], True)
        self._labels[field].set_message(text)
        self._make_room()

    def _make_room(self) -> None:
        """Let a dialog grow so the messages fit: word-wrapped labels do not raise the
        window's minimum height by themselves, and the fields would be squeezed over them."""
        if not self._fields:
            return
        window = next(iter(self._fields.values())).window()
        if not isinstance(window, QDialog) or not window.isVisible():
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()
        needed = window.sizeHint().height()
        if window.height() < needed:
            window.resize(window.width(), needed)

    def message(self, item: FieldError) -> str:
        """The translated text for one error; rows of a file are named."""
        return describe_field(item)

    def clear_field(self, name: str) -> None:
        widget = self._fields.get(name)
        if widget is not None:
            _mark(widget, False)
        label = self._labels.get(name)
        if label is not None:
            label.set_message("")

    def clear(self) -> None:
        for name in self._fields:
            self.clear_field(name)
        self.general_label.set_message("")

    # -- inspecting (tests, and forms that disable OK while errors show) ------------------

    def error_text(self, name: str) -> str:
        """The message shown at *name* ("" if none)."""
        label = self._labels.get(name)
        return label.text() if label is not None else ""

    def is_invalid(self, name: str) -> bool:
        return bool(self._fields[name].property(INVALID_PROPERTY))

    def has_errors(self) -> bool:
        return bool(self.general_label.text()) or any(self.is_invalid(n) for n in self._fields)
