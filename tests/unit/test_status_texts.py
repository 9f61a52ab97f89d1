"""Every DVCQG status 1–10 has a label and a next step for the citizen, in Vietnamese and English."""

from __future__ import annotations

from kiosk.core.dossiers import NEXT_STEP_EN, NEXT_STEP_VI, STATUS_LABELS_EN, STATUS_LABELS_VI, Status


def test_every_status_has_texts_in_both_languages() -> None:
    codes = {int(s) for s in Status}
    assert codes == set(range(1, 11))
    for table in (STATUS_LABELS_VI, STATUS_LABELS_EN, NEXT_STEP_VI, NEXT_STEP_EN):
        assert set(table) == codes and all(v.strip() for v in table.values())
