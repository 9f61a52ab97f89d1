"""National portal sync (issue 16): the DVCQG sync state of each dossier and the progress entries sent.

``dossiers.portal_state`` (NULL never sent | sent | updated | failed), ``portal_error`` (the last refusal),
``portal_synced_at`` (when the portal last accepted the dossier), ``portal_version`` (the ``updated_at`` of
the snapshot the portal holds: the dossier needs another push while ``updated_at`` is later), and
``portal_progress``: one row per dossier event sent as a ``CapNhatTienDoHoSoMC`` entry, so each goes once.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.add_column(sa.Column("portal_state", sa.String(length=20), nullable=True))
        b.add_column(sa.Column("portal_error", sa.Text(), nullable=True))
        b.add_column(sa.Column("portal_synced_at", kiosk.models.types.UtcDateTime(), nullable=True))
        b.add_column(sa.Column("portal_version", kiosk.models.types.UtcDateTime(), nullable=True))
        b.create_index("ix_dossiers_portal_state", ["portal_state"], unique=False)
    op.create_table(
        "portal_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("dossier_event_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", kiosk.models.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"]),
        sa.ForeignKeyConstraint(["dossier_event_id"], ["dossier_events.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_event_id"),
    )
    with op.batch_alter_table("portal_progress") as b:
        b.create_index("ix_portal_progress_dossier_id", ["dossier_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("portal_progress") as b:
        b.drop_index("ix_portal_progress_dossier_id")
    op.drop_table("portal_progress")
    with op.batch_alter_table("dossiers") as b:
        b.drop_index("ix_dossiers_portal_state")
        b.drop_column("portal_version")
        b.drop_column("portal_synced_at")
        b.drop_column("portal_error")
        b.drop_column("portal_state")
