"""FormErrorDisplay: a ValidationError shown at the fields it names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit
from pytestqt.qtbot import QtBot

from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.ui.widgets.form import FormErrorDisplay


def make_form(qtbot: QtBot) -> tuple[QDialog, FormErrorDisplay, QLineEdit, QLineEdit, QComboBox]:
    dialog = QDialog()
    name, phone, kind = QLineEdit(), QLineEdit(), QComboBox()
    kind.addItems(["a", "b"])
    errors = FormErrorDisplay({"name": name, "phone": phone, "kind": kind}, dialog)
    form = QFormLayout(dialog)
    for field in ("name", "phone", "kind"):
        form.addRow(field, errors.wrap(field))
    form.addRow(errors.general_label)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, errors, name, phone, kind


def test_errors_appear_at_their_fields_and_focus_the_first(qtbot: QtBot) -> None:
    dialog, errors, name, _phone, _kind = make_form(qtbot)
    errors.show(
        ValidationError(
            [
                FieldError("phone", "Not a mainland mobile or landline number"),
                FieldError("name", "Required"),
                FieldError("elsewhere", "Between {low} and {high}", {"low": 1, "high": 9}),
            ]
        )
    )
    assert errors.error_text("name") == "Required"
    assert errors.error_text("phone") == "Not a mainland mobile or landline number"
    assert errors.error_text("kind") == ""
    assert errors.label("name").isVisible() and not errors.label("kind").isVisible()
    assert errors.is_invalid("name") and errors.is_invalid("phone")
    assert not errors.is_invalid("kind")
    assert "d32f2f" in name.styleSheet()  # the red border
    # A field that is not on the form still gets its message, in the general label.
    assert errors.general_label.text() == "Between 1 and 9"
    # Focus goes to the first refused field in form order, not in error order.
    assert dialog.focusWidget() is name
    assert errors.has_errors()


def test_editing_a_field_clears_only_its_error(qtbot: QtBot) -> None:
    _dialog, errors, name, _phone, _kind = make_form(qtbot)
    name.setStyleSheet("color: blue;")
    errors.show(ValidationError([FieldError("name", "Required"), FieldError("phone", "Bad")]))
    qtbot.keyClicks(name, "x")
    assert errors.error_text("name") == "" and not errors.is_invalid("name")
    assert name.styleSheet() == "color: blue;"  # the field's own style comes back
    assert errors.error_text("phone") == "Bad" and errors.is_invalid("phone")


def test_combo_change_and_clear(qtbot: QtBot) -> None:
    _dialog, errors, _name, _phone, kind = make_form(qtbot)
    errors.show(ValidationError([FieldError("kind", "Pick one")]))
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert not errors.is_invalid("kind")
    errors.show_message("Typed twice differently", "phone")
    errors.show_message("Something general")
    assert errors.error_text("phone") == "Typed twice differently"
    errors.clear()
    assert not errors.has_errors()
    assert errors.general_label.text() == "" and not errors.general_label.isVisible()
