"""Document scanners (SANE via scanimage, or simulated); see model.py for the interface."""

from kiosk.devices.scanner.model import ScannedPage, Scanner, ScannerError
from kiosk.devices.scanner.sane import SaneScanner, SimulatedScanner, open_scanner

__all__ = ["ScannedPage", "Scanner", "ScannerError", "SaneScanner", "SimulatedScanner", "open_scanner"]
