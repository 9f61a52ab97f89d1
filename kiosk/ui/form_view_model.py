"""The procedure's form: catalogue fields, prefilled from the chip, checked with messages next to each field.

Why: the rules live in the catalogue (kiosk.core.catalogue_forms.check_form); this class keeps every
typed value as typed (a failed check never clears anything), exposes one message per field in the current
language, and hands the cleaned values to the submission.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import SubViewModel

_ACCOUNT_SOURCES = {"phone", "email"}


class FormViewModel(SubViewModel):
    changed = Signal()

    fieldsChanged = Signal()  # only when the procedure changes: rebuilding delegates would drop focus

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.root.languageChanged.connect(self.fieldsChanged)
        self.reset()

    def reset(self) -> None:
        self._procedure: Any = None
        self._values: dict[str, Any] = {}
        self._errors: dict[str, Any] = {}
        self._cleaned: dict[str, Any] = {}
        self._checked = False
        self.changed.emit()
        self.fieldsChanged.emit()

    def load(self, procedure: Any) -> None:
        if self._procedure is not None and self._procedure.code == procedure.code:
            return  # same procedure again (back and forth): keep what was typed
        self._procedure = procedure
        self._values, self._errors, self._checked = {}, {}, False
        ident = self.root.identify
        acc = self.root.account
        for f in procedure.form:
            value: Any = None
            if f.prefill in _ACCOUNT_SOURCES:
                value = acc.phone_for_dossier if f.prefill == "phone" else acc.email_for_dossier
            elif f.prefill:
                value = ident.prefill_value(f.prefill)
            if f.type == "checkbox":
                value = bool(value)
            self._values[f.name] = value if value is not None else ("" if f.type != "checkbox" else False)
        self.changed.emit()
        self.fieldsChanged.emit()

    # -- for QML --------------------------------------------------------------------------------------
    @Property("QVariantList", notify=fieldsChanged)
    def fields(self) -> list[dict[str, Any]]:
        if self._procedure is None:
            return []
        vi = self.root.lang == "vi"
        out = []
        for f in self._procedure.form:
            options = [{"value": o.value, "label": o.vi if vi else o.en} for o in (f.validation.options or ())]
            out.append({
                "name": f.name,
                "label": f.label_vi if vi else f.label_en,
                "help": (f.help_vi if vi else f.help_en) or "",
                "type": f.type,
                "required": f.required,
                "options": options,
                "prefilled": bool(f.prefill) and bool(self._values.get(f.name)),
                "value": self._values.get(f.name),
            })
        return out

    @Property("QVariantMap", notify=changed)
    def errors(self) -> dict[str, str]:
        return {name: err.text(self.root.lang) for name, err in self._errors.items()}

    @Property(int, notify=changed)
    def errorCount(self) -> int:
        return len(self._errors)

    @Property("QVariantMap", notify=changed)
    def values(self) -> dict[str, Any]:
        return dict(self._values)

    @Slot(str, "QVariant")
    def setValue(self, name: str, value: Any) -> None:
        """Called on every edit; does not emit fieldsChanged (the editing field keeps its focus)."""
        self._values[name] = value
        if name in self._errors and self._checked:
            from kiosk.core.catalogue_forms import check_form

            check = check_form(self._procedure, self._values, self.today)
            self._errors = check.errors
            self.changed.emit()

    @Slot(str, result=str)
    def valueOf(self, name: str) -> str:
        v = self._values.get(name)
        return "" if v is None else str(v)

    @property
    def today(self) -> date:
        return self.root.services.app.calendar.local(self.services.clock.now()).date()

    # -- next -----------------------------------------------------------------------------------------
    @Slot(result=bool)
    def validate(self) -> bool:
        from kiosk.core.catalogue_forms import check_form  # phonenumbers: not before the first frame

        check = check_form(self._procedure, self._values, self.today)
        self._checked = True
        self._errors = check.errors
        self._cleaned = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in check.values.items()}
        self.changed.emit()
        return check.ok

    @Slot()
    def next(self) -> None:
        if self.validate():
            self.root.goTo("documents")

    @property
    def cleaned(self) -> dict[str, Any]:
        return dict(self._cleaned)

    def summary(self) -> list[dict[str, str]]:
        """(label, value) pairs for the review page, in the current language."""
        out = []
        vi = self.root.lang == "vi"
        for f in self._procedure.form if self._procedure else ():
            v = self._values.get(f.name)
            if f.type == "checkbox":
                text = self.t(("Có", "Yes")) if v else self.t(("Không", "No"))
            elif f.type == "select":
                text = f.option_label(str(v), self.root.lang) or "" if v else ""
            else:
                text = "" if v is None else str(v)
            if text:
                out.append({"label": f.label_vi if vi else f.label_en, "value": text})
        return out
