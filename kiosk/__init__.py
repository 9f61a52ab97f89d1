"""Self-service kiosk for Vietnamese one-stop public-service reception."""

__version__ = "0.1.0"
