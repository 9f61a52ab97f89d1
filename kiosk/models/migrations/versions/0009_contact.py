"""Contact after leaving (issue 16): the language the citizen used at the kiosk, so later messages about the
dossier (SMS, e-mail) speak it too.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.add_column(sa.Column("language", sa.String(length=5), nullable=False, server_default="vi"))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.drop_column("language")
