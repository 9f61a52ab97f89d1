"""A walk-in at the counter: the procedures in effect with their papers, the walk-in dialog (typed, or read
from the citizen's chip card on this PC's reader; how each paper is handed in), then a counter dossier
accepted at once and its Mẫu 01, which lists only the papers provided.

Why apart from the window: it is one small flow of three worker steps (procedures, card, dossier) whose
rules are all core's (DossierService.submit through operations.create_walk_in); the window only offers the
button and shows the new dossier.
"""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING, Any

from kiosk.ui.console import operations

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow


class WalkInFlow:
    def __init__(self, window: ConsoleWindow) -> None:
        self._window = weakref.ref(window)  # weak: the window owns this flow

    def start(self, *_: Any) -> None:
        window = self._window()
        if window is None or window.busy:
            return
        window.run_busy(functools.partial(operations.walk_in_procedures, window.app), self._open)

    def _open(self, procedures: list[tuple[str, str, list[operations.WalkInPaper]]]) -> None:
        from kiosk.ui.console.dialogs import WalkInDialog

        window = self._window()
        if window is None:
            return
        dlg = WalkInDialog(procedures, window, read_card=self.read_card)
        try:
            values = dlg.values() if window.exec_dialog(dlg) else None
        finally:
            dlg.deleteLater()  # on this thread, by the event loop; not left to the garbage collector
        if values is not None:
            self.create(**values)

    def read_card(self, key_source: Any, on_done: Any, on_error: Any) -> None:
        """Read the citizen's chip card on this PC's reader, on the worker (the walk-in dialog's button)."""
        window = self._window()
        if window is not None:
            window.run_busy(functools.partial(operations.read_identity, window.reader(), key_source), on_done, on_error)

    def create(self, **values: Any) -> None:
        """Create a counter dossier (accepted at once) for the citizen in front of the officer; Mẫu 01."""
        window = self._window()
        staff_id = window.staff_id() if window is not None else None
        if window is None or staff_id is None:
            return
        window.run_busy(functools.partial(operations.create_walk_in, window.app, staff_id, values), self._created)

    def _created(self, out: operations.Outcome) -> None:
        window = self._window()
        if window is None:
            return
        window.detail_panel.last_result, window.detail_panel.last_outcome = out.result, out
        window.statusBar().showMessage(out.message, 15000)
        window.show_detail(out.result.code)


__all__ = ["WalkInFlow"]
