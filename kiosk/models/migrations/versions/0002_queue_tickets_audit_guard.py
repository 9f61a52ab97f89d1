"""queue tickets; append-only guard on audit_events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:00:00

Why a trigger and not only "no delete API": the audit log must stay trustworthy even against a support
person with a SQL prompt or a future bug. The database itself refuses UPDATE and DELETE on audit_events
(SQLite: BEFORE triggers that RAISE(ABORT); PostgreSQL: a trigger function that raises). A deliberate
retention purge would need a migration that drops the guard, which leaves a trace in the schema history.

One narrow exception: dossier submission writes its audit row under a provisional dossier code ("~" + hex)
and replaces it with the allocated code in the same transaction (kiosk.core.dossiers keeps the code
counter's lock short that way). An UPDATE is let through only when the old code is provisional and no other
column changes; every real row is immutable.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GUARD_MESSAGE = "audit log is append-only"


def upgrade() -> None:
    op.create_table(
        "queue_sequences",
        sa.Column("branch", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("branch", "day"),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("kiosk_id", sa.String(length=40), nullable=True),
        sa.Column("issued_at", kiosk.models.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("called_at", kiosk.models.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column("last_called_at", kiosk.models.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("counter_no", sa.Integer(), nullable=True),
        sa.Column("called_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("served_at", kiosk.models.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["called_by_staff_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("branch", "day", "number", name="uq_queue_tickets_branch_day_number"),
    )
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.create_index("ix_queue_tickets_state_day", ["state", "day"], unique=False)
        batch_op.create_index("ix_queue_tickets_issued_at", ["issued_at"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, '{GUARD_MESSAGE}'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, '{GUARD_MESSAGE}'); END"
        )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{GUARD_MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_queue_tickets_issued_at")
        batch_op.drop_index("ix_queue_tickets_state_day")
    op.drop_table("queue_tickets")
    op.drop_table("queue_sequences")
