"""Running blocking work (card reads, database writes, printing, scanning) off the GUI thread.

Why: pyscard, SQLite, CUPS and scanimage all block; a frozen touch screen looks broken to a citizen. A
view model calls :meth:`Worker.submit` with a plain function and two callbacks; the function runs on a
QThreadPool thread and the callbacks run back on the GUI thread (queued signal), so view models never touch
Qt objects from another thread. Exceptions are handed to ``on_error`` and never escape into the event loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the pool thread are delivered here (queued)."""

    done = Signal(object, object)  # (callback, value)
    progress = Signal(object, object)


class _Task(QRunnable):
    def __init__(self, worker: Worker, fn: Callable[..., Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, with_progress: bool,
                 on_progress: Callable[..., None] | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.worker, self.fn = worker, fn
        self.on_done, self.on_error = on_done, on_error
        self.with_progress, self.on_progress = with_progress, on_progress

    def run(self) -> None:  # pool thread
        relay = self.worker._relay
        self.worker.last_thread_id = threading.get_ident()
        try:
            if self.with_progress:
                def progress(*args: Any) -> None:
                    if self.on_progress is not None:
                        relay.progress.emit(self.on_progress, args)

                value = self.fn(progress)
            else:
                value = self.fn()
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the GUI thread
            log.debug("background task failed: %s", type(exc).__name__)
            relay.done.emit(self.on_error, exc)
        else:
            relay.done.emit(self.on_done, value)
        finally:
            # Hand every Python reference this task holds back to the GUI thread and keep none here: the pool
            # deletes the runnable on its own thread, and dropping the last reference to a view model (or a
            # closure holding one) there would destroy QObjects owned by the GUI thread from this thread.
            held = (self.fn, self.on_done, self.on_error, self.on_progress)
            worker = self.worker
            self.fn = self.on_done = self.on_error = self.on_progress = None  # type: ignore[assignment]
            self.worker = None  # type: ignore[assignment]
            relay.done.emit(worker._finished_one, held)
            del held, worker  # (relay stays: the progress closure refers to it; it ends with this frame)


class Worker(QObject):
    """A small facade over a private QThreadPool; ``busy`` counts running tasks."""

    busyChanged = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.progress.connect(self._deliver_progress)
        self._running = 0
        self.last_thread_id: int | None = None  # for tests: where did the last task run?

    def submit(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, *,
               on_progress: Callable[..., None] | None = None) -> None:
        """Run ``fn()`` (or ``fn(progress)`` when on_progress is given) on the pool."""
        self._running += 1
        self.busyChanged.emit()
        self._pool.start(_Task(self, fn, on_done, on_error, on_progress is not None, on_progress))

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def _finished_one(self, _: object) -> None:
        self._running = max(0, self._running - 1)
        self.busyChanged.emit()

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None] | None, value: object) -> None:
        if callback is None:
            if isinstance(value, BaseException):
                log.warning("unhandled background error: %s", type(value).__name__)
            return
        try:
            callback(value)
        except Exception:  # a bug in a view model must not kill the kiosk
            log.exception("callback after background task failed")

    @Slot(object, object)
    def _deliver_progress(self, callback: Callable[..., None], args: tuple[Any, ...]) -> None:
        try:
            callback(*args)
        except Exception:
            log.exception("progress callback failed")
