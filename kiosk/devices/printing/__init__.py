"""Receipts and printing: the Mẫu 01–04 forms and the 80 mm slip (reportlab, bundled Be Vietnam Pro), and
printer back ends (PDF file, CUPS queue, raw ESC/POS) behind one ``Printer`` interface.

Import the submodules directly; this package keeps its import light (no reportlab until used).
"""
