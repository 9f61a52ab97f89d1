"""Which dialog each console action opens and what it hands to the action.

Why apart from the window: the window stays about layout and background work; this maps an action key to a
dialog filled from the already-loaded detail (no database read on the GUI thread) and returns the keyword
arguments of :func:`kiosk.ui.console.operations.run_action`, or None when the officer cancelled.
"""

from __future__ import annotations

from typing import Any

from kiosk.ui.console.dialogs import (
    ApologyDialog,
    FinancialDialog,
    PaymentDialog,
    ReasonDialog,
    ReturnDialog,
    SupplementDialog,
)


def collect(window: Any, key: str, det: Any) -> dict[str, Any] | None:
    kwargs: dict[str, Any] = {}
    if key == "supplement":
        dlg: Any = SupplementDialog([d["name"] for d in det.documents], window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["items"], kwargs["guidance"] = dlg.values()
    elif key in ("refuse", "withdraw", "stop"):
        title, prompt = {
            "refuse": ("Từ chối tiếp nhận (Mẫu 03)", "Lý do từ chối:"),
            "withdraw": ("Rút hồ sơ theo yêu cầu của công dân", "Nội dung yêu cầu rút hồ sơ:"),
            "stop": ("Dừng xử lý hồ sơ", "Lý do dừng xử lý:"),
        }[key]
        dlg = ReasonDialog(title, prompt, window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["reason"] = dlg.values()
    elif key == "financial":
        dlg = FinancialDialog(det.fee, window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["amount"], kwargs["reason"] = dlg.values()
    elif key == "pay":
        dlg = PaymentDialog(det.fee, window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["method"], kwargs["amount"], kwargs["reference"] = dlg.values()
    elif key == "return":
        dlg = ReturnDialog(det.delivery, window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["via"] = dlg.values()
    elif key == "finish":
        from kiosk.ui.console.result_dialog import ResultFileDialog

        dlg = ResultFileDialog(window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["result_file"] = dlg.values()
    elif key == "apologize":
        dlg = ApologyDialog(det.row.due_at, window.app.settings.tz, window)
        if not window.exec_dialog(dlg):
            return None
        kwargs["reason"], kwargs["new_due"] = dlg.values()
    return kwargs
