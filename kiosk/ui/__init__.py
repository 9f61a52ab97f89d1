"""The Qt user interfaces: the citizen kiosk (QML), the counter console (Widgets), supervisor and hall screens.

Importing the package first repairs a PySide6 6.12.0 / Python 3.11 reference-count bug (pyside_refcount.py)."""

from kiosk.ui.pyside_refcount import install as _repair_refcounts

_repair_refcounts()
