"""Dossier workflow (issue 13): the legal channel a dossier was received through (1 trực tiếp, 2 trực tuyến,
3 bưu chính công ích), the citizen's choice per paper (scanned / paper at the counter / not provided /
reused), the signed result file, who confirmed a payment (a payment service or an officer by hand) and when a
financial obligation paused the clock.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as b:
        b.add_column(sa.Column("legal_channel", sa.Integer(), nullable=True))
        b.add_column(sa.Column("result_path", sa.Text(), nullable=True))
        b.add_column(sa.Column("financial_requested_at", kiosk.models.types.UtcDateTime(), nullable=True))
    with op.batch_alter_table("dossier_documents") as b:
        b.add_column(sa.Column("provision", sa.String(length=20), nullable=False, server_default="scanned"))
        b.add_column(sa.Column("reused_from_document_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("payments") as b:
        b.add_column(sa.Column("confirmed_by", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("payments") as b:
        b.drop_column("confirmed_by")
    with op.batch_alter_table("dossier_documents") as b:
        b.drop_column("reused_from_document_id")
        b.drop_column("provision")
    with op.batch_alter_table("dossiers") as b:
        b.drop_column("financial_requested_at")
        b.drop_column("result_path")
        b.drop_column("legal_channel")
