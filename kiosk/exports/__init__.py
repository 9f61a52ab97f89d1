"""Report exports for the supervisor: a PDF (same bundled font as the receipts, chart drawn with reportlab
graphics) and an XLSX workbook (openpyxl). Kept out of kiosk/core because they depend on reportlab/openpyxl."""
