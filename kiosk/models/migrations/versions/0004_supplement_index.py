"""Index dossiers.supplement_requested_at: the "pending online past 8 working hours" figure reads only the
dossiers answered after the report time, through indexed branches, instead of scanning history.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_supplement_requested_at", "dossiers", ["supplement_requested_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_supplement_requested_at", table_name="dossiers")
