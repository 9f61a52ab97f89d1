"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

In that combination many wrapped Qt methods called from Python hand back their result without owning a
reference: every void method (``setText``, ``setEnabled``, ``QTimer.start``, ``click`` …) drops one reference
to ``None``, and every ``Signal.emit()`` drops one to ``True``. When a count reaches zero the interpreter aborts
(``Fatal Python error: none_dealloc`` / ``bool_dealloc``) — after a few hundred emits in a fresh process, or a
few thousand widget updates: a kiosk or a counter console would die in the middle of the day.

Python 3.12 made these singletons immortal (PEP 683), which is exactly the cure, and PySide6 6.11 does not have
the bug but fails in other ways with this code base. So on an affected interpreter ``install()`` does what
3.12 does: it raises the reference counts of ``None``, ``True`` and ``False`` so far (2**40) that no realistic
number of lost references can bring them to zero. It first measures whether references are lost at all and
changes nothing on a fixed PySide6 or on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # ~10**12 lost references before trouble: centuries of kiosk use
_state: dict[str, bool] = {}


def _loses_references(n: int = 64) -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal(int)

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(n):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit(1)  # returns a bool
    lost = (none_before - sys.getrefcount(None)) >= n or (true_before - sys.getrefcount(True)) >= n
    if lost:  # give back what the probe itself took
        for obj in (None, True):
            ctypes.c_ssize_t.from_address(id(obj)).value += n
    return lost


def install() -> bool:
    """Repair once per process; returns True when the interpreter needed it."""
    if "repaired" in _state:
        return _state["repaired"]
    repaired = False
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython" and _loses_references():
        for obj in (None, True, False):
            # ob_refcnt is the first field of every CPython 3.11 object
            ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
        repaired = True
    _state["repaired"] = repaired
    return repaired
