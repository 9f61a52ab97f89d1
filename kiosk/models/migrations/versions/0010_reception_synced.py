"""QĐ 766 1.4 (synced to the national portal): when the back office first confirmed a delivery that carried the
dossier's reception. Kept on the dossier because delivered outbox rows are purged after 30 days (their
payload holds personal data), while a past period's report must keep its figure.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.add_column(sa.Column("reception_synced_at", kiosk.models.types.UtcDateTime(), nullable=True))
    # dossiers already delivered: a delivered event written at or after the reception
    op.execute(
        "UPDATE dossiers SET reception_synced_at = (SELECT MIN(o.sent_at) FROM outbox_events o "
        "WHERE o.dossier_code = dossiers.code AND o.sent_at IS NOT NULL AND o.created_at >= dossiers.received_at) "
        "WHERE received_at IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.drop_column("reception_synced_at")
