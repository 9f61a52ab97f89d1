"""The supervisor's end-of-day screen (QML + a Python view model), opened by `kiosk supervisor`."""
