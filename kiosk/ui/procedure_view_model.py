"""Choosing a procedure: by field, from the most-used list, or by searching, then its detail page.

Why: older citizens rarely know a procedure's official name; search therefore ignores diacritics and
tolerates typos ("dang ky ket hn"), which kiosk.core.catalogue does. This class turns catalogue entries into
plain dictionaries for QML lists, in the current language, and remembers the chosen procedure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import SubViewModel

_LIMIT_TEXT = {
    "working_days": ("{n} ngày làm việc", "{n} working days"),
    "working_hours": ("{n} giờ làm việc", "{n} working hours"),
    "days": ("{n} ngày", "{n} days"),
    "same_day": ("Trong ngày", "Same day"),
    "none": ("Không quy định", "Not set"),
}


class ProcedureViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.reset()

    def reset(self) -> None:
        self._field = ""
        self._query = ""
        self._selected: Any = None
        self.changed.emit()

    @property
    def catalogue(self) -> Any:
        return self.services.catalogue

    @property
    def today(self) -> Any:
        return self.root.services.app.calendar.local(self.services.clock.now()).date()

    @property
    def selected(self) -> Any:
        return self._selected

    def _kiosk_fee(self, p: Any) -> int:
        """What this procedure costs when filed here (kiosk.core.workflow.kiosk_fee, the submission's rule)."""
        from kiosk.core.workflow import kiosk_fee

        return kiosk_fee(p, kiosk_counts_as_online=self.services.settings.workflow.kiosk_counts_as_online)

    def _item(self, p: Any) -> dict[str, Any]:
        vi = self.root.lang == "vi"
        fee = self._kiosk_fee(p)
        return {
            "code": p.code,
            "name": p.name if vi else p.name_en,
            "field": p.field if vi else p.field_en,
            "level": p.level_text(self.root.lang),
            "fee": self._fee_text(fee),
        }

    def _fee_text(self, amount: int) -> str:
        if not amount:
            return self.t(("Miễn phí", "Free"))
        from kiosk.form_content import format_money  # babel: not before the first frame

        text = format_money(amount)  # "10.000 đồng": the unit is already there
        return text if self.root.lang == "vi" else text.replace(" đồng", " dong")

    # -- lists ----------------------------------------------------------------------------------------
    @Property("QVariantList", notify=changed)
    def fields(self) -> list[dict[str, Any]]:
        vi = self.root.lang == "vi"
        return [{"key": f.name, "name": f.name if vi else f.name_en, "count": f.count} for f in self.catalogue.fields(self.today)]

    @Property(str, notify=changed)
    def currentField(self) -> str:
        return self._field

    @Property(str, notify=changed)
    def query(self) -> str:
        return self._query

    @Property("QVariantList", notify=changed)
    def results(self) -> list[dict[str, Any]]:
        on = self.today
        if self._query.strip():
            procs = self.catalogue.search(self._query, limit=8, on=on)
        elif self._field:
            procs = [p for p in self.catalogue.list(on) if p.field == self._field]
        else:
            procs = self.catalogue.popular(on, limit=8)
        return [self._item(p) for p in procs]

    @Property(str, notify=changed)
    def listTitle(self) -> str:
        if self._query.strip():
            return self.t(("Kết quả tìm kiếm", "Search results"))
        if self._field:
            for f in self.fields:
                if f["key"] == self._field:
                    return f["name"]
        return self.t(("Thủ tục hay dùng", "Most used procedures"))

    @Slot(str)
    def chooseField(self, key: str) -> None:
        self._field = "" if key == self._field else key
        self._query = ""
        self.changed.emit()

    @Slot(str)
    def search(self, text: str) -> None:
        self._query = text
        self.changed.emit()

    # -- detail ---------------------------------------------------------------------------------------
    @Slot(str)
    def select(self, code: str) -> None:
        self._selected = self.catalogue.get(code, self.today)
        self.changed.emit()
        self.root.form.load(self._selected)
        self.root.documents.load(self._selected)
        self.root.submit.load(self._selected)
        self.root.goTo("detail")

    @Property("QVariantMap", notify=changed)
    def detail(self) -> dict[str, Any]:
        p = self._selected
        if p is None:
            return {}
        vi = self.root.lang == "vi"
        kind, amount = p.time_limit.kind, p.time_limit.amount
        n = f"{amount:g}"
        limit = self.t(_LIMIT_TEXT.get(kind, ("{n}", "{n}"))).format(n=n)
        docs = []
        for d in p.documents:
            counts = []
            if d.originals:
                counts.append(self.t(("{n} bản chính", "{n} original")).format(n=d.originals))
            if d.certified_copies:
                counts.append(self.t(("{n} bản sao chứng thực", "{n} certified copy")).format(n=d.certified_copies))
            if d.photocopies:
                counts.append(self.t(("{n} bản photo", "{n} photocopy")).format(n=d.photocopies))
            docs.append({"name": d.name_vi if vi else d.name_en, "counts": ", ".join(counts), "required": d.required})
        return {
            "code": p.code,
            "name": p.name if vi else p.name_en,
            "field": p.field if vi else p.field_en,
            "level": p.level_text(self.root.lang),
            "partly": p.level == "mot_phan",
            "inPerson": (p.in_person_vi if vi else p.in_person_en) or "",
            "timeLimit": limit,
            "fee": self._fee_text(self._kiosk_fee(p)),
            "feeCounter": self._fee_text(p.fee_counter),
            "authority": (p.authority_vi if vi else p.authority_en) or "",
            "documents": docs,
        }

    @Slot()
    def start(self) -> None:
        if self._selected is not None:
            self.root.goTo("form")
