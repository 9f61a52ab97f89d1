"""The hall screen: the last numbers called to the counters and who is still waiting (``kiosk hall``)."""
