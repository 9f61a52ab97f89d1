"""Citizen kiosk help and guidance (issue 15): page and stuck time for the console's view of a kiosk.

The kiosk writes the page (or step) a visit is on and since when (``kiosk_sessions.current_page`` /
``page_since``); a help request carries its visit, the page, since when, and whether the citizen pressed
"Gọi cán bộ" or accepted the kiosk's own offer after a minute without progress (``reason``).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kiosk_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("current_page", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("page_since", kiosk.models.types.UtcDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("help_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kiosk_session_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("page", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("page_since", kiosk.models.types.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("help_requests", schema=None) as batch_op:
        batch_op.drop_column("reason")
        batch_op.drop_column("page_since")
        batch_op.drop_column("page")
        batch_op.drop_column("kiosk_session_id")
    with op.batch_alter_table("kiosk_sessions", schema=None) as batch_op:
        batch_op.drop_column("page_since")
        batch_op.drop_column("current_page")
