"""indexes for the supervisor report's time ranges

Why: the daily summary counts dossiers submitted / finished in a day, history events and kiosk sessions in
a day, and the dossiers still unfinished at the end of it. Without an index on each of those instants the
database reads the whole history for every report (see benchmarks/report.py and docs/METRICS.md,
"Performance"); with them a day costs the same after a month or after years.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_dossiers_submitted_at", "dossiers", ["submitted_at"]),
    ("ix_dossiers_finished_at", "dossiers", ["finished_at"]),
    ("ix_dossier_events_at", "dossier_events", ["at"]),
    ("ix_kiosk_sessions_started_at", "kiosk_sessions", ["started_at"]),
)


def upgrade() -> None:
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
