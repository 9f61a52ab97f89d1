"""The counter console (`kiosk console`): a Widgets desktop window for the officer's PC.

Widgets rather than QML: it is a dense, keyboard-driven work screen (tables, forms, dialogs) on a normal
desktop, with no touch keyboard. Importing this package does not import Qt; :mod:`.window` does.
"""
