"""Trust and data protection (issue 14): identity provenance, applicant snapshot, retention.

- ``citizens.identity_source`` (chip_verified | chip_unverified | typed) and ``verified_at``: data read from a
  chip whose signature was verified is never overwritten by typed data.
- ``dossiers.applicant_snapshot``: the applicant as received with that dossier; forms show it, so a later
  change to the citizen row never alters an earlier dossier.
- ``dossier_documents.scans_purged_at``: when retention deleted the scan files (the page count stays).
- ``login_throttle``: failed staff logins counted per keyed hash of the username *typed*, known or not, so an
  unknown username locks after the same number of tries as a real one (no account probing).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("citizens") as b:
        b.add_column(sa.Column("identity_source", sa.String(length=20), nullable=False, server_default="typed"))
        b.add_column(sa.Column("verified_at", kiosk.models.types.UtcDateTime(), nullable=True))
    with op.batch_alter_table("dossiers") as b:
        b.add_column(sa.Column("applicant_snapshot", sa.JSON(), nullable=True))
    with op.batch_alter_table("dossier_documents") as b:
        b.add_column(sa.Column("scans_purged_at", kiosk.models.types.UtcDateTime(), nullable=True))
    op.create_table(
        "login_throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", kiosk.models.types.UtcDateTime(), nullable=True),
        sa.Column("updated_at", kiosk.models.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_hash"),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    with op.batch_alter_table("dossier_documents") as b:
        b.drop_column("scans_purged_at")
    with op.batch_alter_table("dossiers") as b:
        b.drop_column("applicant_snapshot")
    with op.batch_alter_table("citizens") as b:
        b.drop_column("verified_at")
        b.drop_column("identity_source")
