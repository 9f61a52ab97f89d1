"""A hand-built set of dossiers, events and kiosk sessions around Thursday 19/11/2026, for the report tests.

Every expected figure in test_reports.py is worked out from the table below by hand. Rows are written with
the ORM directly (no staff services), so the report tests depend only on the schema.

Office hours 07:00–11:30, 13:30–17:00; Tue 24/11/2026 is a holiday; Sat/Sun 21–22/11 closed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from kiosk.core.calendar import WorkCalendar
from kiosk.models.tables import Citizen, Dossier, DossierEvent, KioskSession, Procedure

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY = "000.00.06.H56"
OTHER_AGENCY = "000.00.07.H56"
P1, P2 = "1.001193", "1.004222"  # Hộ tịch (khai sinh), Cư trú (thường trú)
FIELDS = {P1: "Hộ tịch", P2: "Cư trú"}


def vn(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=VN)


def n(day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A November 2026 office-local instant."""
    return vn(11, day, hour, minute)


class Builder:
    def __init__(self, session: Session, calendar: WorkCalendar) -> None:
        self.s = session
        self.cal = calendar
        from sqlalchemy import select

        now = n(1)
        existing = session.scalar(select(Citizen).where(Citizen.id_number == "038090001234"))
        self.citizen = existing or Citizen(
            id_number="038090001234", full_name="Nguyễn Thị Hương", created_at=now, updated_at=now
        )
        session.add(self.citizen)
        self.procs: dict[str, Procedure] = {}
        for code in (P1, P2):
            p = session.scalar(select(Procedure).where(Procedure.code == code))
            if p is None:
                p = Procedure(
                    code=code, version="2026.1", name=f"Thủ tục {code}", field=FIELDS[code], level="toan_trinh",
                    effective_from=date(2025, 7, 1), time_limit_kind="working_days", time_limit_amount=3,
                    fee_counter=0, fee_online=0, definition={}, imported_at=now,
                )
                session.add(p)
            self.procs[code] = p
        session.flush()

    def dossier(
        self,
        code: str,
        channel: str,
        proc: str,
        status: int,
        submitted: datetime,
        *,
        received: datetime | None = None,
        due: datetime | None = None,
        finished: datetime | None = None,
        returned: datetime | None = None,
        fee: int = 0,
        payment: str = "none",
        digitised: bool = False,
        e_result: bool = False,
        reused: bool = False,
        rating: int | None = None,
        kiosk: str | None = None,
        agency: str = AGENCY,
        supplement_at: datetime | None = None,
        events: list[tuple[datetime, str, int | None, int | None]] = (),  # type: ignore[assignment]
    ) -> Dossier:
        p = self.procs[proc]
        electronic = channel in ("kiosk", "kiosk_assisted", "online")
        d = Dossier(
            code=code, agency_code=agency, procedure_id=p.id, procedure_code=p.code, procedure_version=p.version,
            field=p.field, applicant_id=self.citizen.id, channel=channel, kiosk_id=kiosk, status=status,
            submitted_at=submitted, accept_deadline=self.cal.accept_deadline(submitted) if electronic else None,
            received_at=received, due_at=due, original_due_at=due, finished_at=finished, returned_at=returned,
            time_limit_kind="working_days", time_limit_amount=3, fee=fee, payment_state=payment,
            digitised=digitised, e_result=e_result, reused=reused, rating=rating,
            supplement_requested_at=supplement_at, supplement_rounds=1 if supplement_at else 0,
            form_data={}, created_at=submitted, updated_at=submitted,
        )
        for at, action, st_from, st_to in events:
            d.events.append(DossierEvent(at=at, action=action, status_from=st_from, status_to=st_to, details={}))
        self.s.add(d)
        return d

    def session(
        self, kiosk: str, start: datetime, seconds: int | None, outcome: str | None, *,
        assisted: bool = False, cause: str | None = None, rating: int | None = None,
    ) -> None:
        from datetime import timedelta

        self.s.add(
            KioskSession(
                kiosk_id=kiosk, started_at=start,
                ended_at=start + timedelta(seconds=seconds) if seconds is not None else None,
                outcome=outcome, assisted=assisted, failure_cause=cause, rating=rating,
            )
        )


def build_main(session: Session, calendar: WorkCalendar) -> dict[str, Any]:
    """The Thursday 19/11/2026 data set (see test_reports.py for the expected figures)."""
    b = Builder(session, calendar)
    D = b.dossier
    # -- received (accepted) on Thu 19/11 -------------------------------------------------------------------
    D("A1", "counter", P1, 4, n(19, 8), received=n(19, 8), due=n(20, 17), digitised=True,
      events=[(n(19, 8), "submit", None, 2)])
    D("A2", "kiosk", P1, 2, n(18, 16), received=n(19, 9), due=n(26, 17), fee=8000, payment="paid_online",
      digitised=True, reused=True, rating=5, kiosk="K1",
      events=[(n(18, 16), "submit", None, 1), (n(19, 9), "accept", 1, 2)])
    D("A3", "kiosk_assisted", P2, 4, n(19, 10), received=n(19, 10, 30), due=n(19, 17), fee=20000,
      payment="paid_counter", digitised=True, rating=2, kiosk="K2",
      events=[(n(19, 10), "submit", None, 1), (n(19, 10, 30), "accept", 1, 2), (n(19, 11), "process", 2, 4)])
    D("A4", "online", P2, 10, n(18, 8), received=n(19, 8, 30), due=n(19, 16), finished=n(19, 14),
      returned=n(19, 15), fee=10000, payment="paid_online", digitised=True, e_result=True, reused=True, rating=4,
      events=[(n(19, 8, 30), "accept", 1, 2)])
    D("A5", "postal", P1, 9, n(17, 8), received=n(19, 11), due=n(25, 17), finished=n(19, 15), fee=8000,
      payment="unpaid", events=[(n(19, 11), "accept", 1, 2)])
    D("A6", "counter", P2, 5, n(19, 13), received=n(19, 13), due=n(24, 17), fee=20000, payment="waived",
      supplement_at=n(19, 14), events=[(n(19, 13), "submit", None, 2), (n(19, 14), "supplement", 2, 5)])
    D("Z1", "counter", P1, 4, n(19, 12), received=n(19, 12), due=n(26, 17), agency=OTHER_AGENCY,
      events=[(n(19, 12), "submit", None, 2)])
    # -- received earlier, finished on 19/11 -------------------------------------------------------------
    D("B1", "counter", P1, 10, n(10, 9), received=n(10, 9), due=n(18, 17), finished=n(19, 8), e_result=True,
      events=[(n(17, 9), "supplement", 4, 5)])
    D("B2", "online", P2, 9, n(13, 9), received=n(16, 9), due=n(19, 10), finished=n(19, 16, 30))
    D("B3", "counter", P1, 3, n(18, 9), received=n(18, 9), due=n(20, 17), finished=n(19, 9),
      events=[(n(19, 9), "refuse", 4, 3)])
    D("B4", "counter", P1, 9, n(12, 9), received=n(12, 9), due=None, finished=n(19, 10))
    # online dossier refused at acceptance: finished but never received
    D("C1", "online", P2, 3, n(18, 8), finished=n(19, 9, 30), events=[(n(19, 9, 30), "refuse", 1, 3)])
    # -- in progress at the end of 19/11 -------------------------------------------------------------------
    D("E1", "counter", P1, 4, n(5, 9), received=n(5, 9), due=n(17, 17))
    D("E2", "counter", P2, 4, n(16, 9), received=n(16, 9), due=n(23, 10), events=[(n(19, 15), "apologize", 4, 4)])
    D("E3", "counter", P1, 9, n(10, 9), received=n(10, 9), due=n(18, 17), finished=n(20, 10))
    D("E4", "counter", P1, 6, n(10, 9), received=n(10, 9), due=n(15, 17))
    # -- waiting for acceptance ----------------------------------------------------------------------------
    D("P1", "online", P1, 1, n(18, 11))  # deadline Thu 19/11 11:00 (across lunch on 18/11)
    D("P2", "kiosk", P2, 1, n(19, 10), kiosk="K1")  # deadline Fri 20/11 10:00
    D("P4", "online", P1, 2, n(18, 8), received=n(20, 9), due=n(25, 9))  # deadline 19/11 08:00, accepted late
    D("P5", "postal", P1, 1, n(19, 9))  # not electronic: no 8-hour window
    # -- kiosk sessions ------------------------------------------------------------------------------------
    b.session("K1", n(19, 9), 240, "completed", rating=5)
    b.session("K1", n(19, 10), 600, "completed", assisted=True)
    b.session("K2", n(19, 11), 120, "abandoned", cause="card_read", rating=1)
    b.session("K2", n(19, 13), 360, "error", cause="printer")
    b.session("K1", n(19, 14), 60, "timeout", cause="card_read")
    b.session("K1", n(19, 16), None, None)
    b.session("K1", n(18, 9), 100, "completed")
    session.flush()
    return {}


def build_pending(session: Session, calendar: WorkCalendar) -> None:
    """Three online dossiers waiting for acceptance: the 8-hour window across lunch and a weekend."""
    b = Builder(session, calendar)
    b.dossier("L1", "online", P1, 1, n(18, 11))  # → Thu 19/11 11:00
    b.dossier("L2", "kiosk", P1, 1, n(19, 10), kiosk="K1")  # → Fri 20/11 10:00
    b.dossier("W1", "online", P2, 1, n(20, 15))  # → Mon 23/11 15:00
    session.flush()


def build_dates(session: Session, calendar: WorkCalendar) -> None:
    """Finished dossiers whose UTC and local calendar dates differ (the comparison must use local dates)."""
    b = Builder(session, calendar)
    # finished 20/11 06:30 local (= 19/11 23:30 UTC), due 19/11 17:00: local dates 20 > 19 → late
    b.dossier("T-LATE", "counter", P1, 9, n(18, 9), received=n(18, 9), due=n(19, 17), finished=n(20, 6, 30))
    # finished 20/11 23:30 local, due 20/11 07:00: same local date → on time though 16 h after the due time
    b.dossier("T-SAME", "counter", P1, 9, n(18, 9), received=n(18, 9), due=n(20, 7), finished=n(20, 23, 30))
    # finished 20/11 00:30 local (= 19/11 17:30 UTC), due 21/11 05:00 local (= 20/11 22:00 UTC): 20 < 21 → early
    b.dossier("T-EARLY", "counter", P1, 9, n(18, 9), received=n(18, 9), due=n(21, 5), finished=n(20, 0, 30))
    session.flush()


def build_month(session: Session, calendar: WorkCalendar, end: date, days: int = 30, seed: int = 7) -> None:
    """A deterministic, busier month ending on ``end`` (for the screenshot): 8–30 dossiers per working day."""
    import random
    from datetime import timedelta

    rnd = random.Random(seed)
    b = Builder(session, calendar)
    channels = ["counter"] * 4 + ["kiosk"] * 3 + ["kiosk_assisted"] + ["online"] * 3 + ["postal"]
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        if not calendar.is_working_day(day):
            continue
        for j in range(rnd.randint(8, 30)):
            ch = rnd.choice(channels)
            at = datetime(day.year, day.month, day.day, rnd.choice([7, 8, 9, 10, 13, 14, 15, 16]), rnd.randint(0, 59), tzinfo=VN)
            due = datetime.combine(day + timedelta(days=rnd.choice([0, 1, 3, 5, 7])), datetime.min.time(), tzinfo=VN)
            due = due.replace(hour=17)
            done = rnd.random() < 0.93 and due.date() < end
            fin = due + timedelta(days=rnd.choice([-2, -1, 0, 0, 0, 0, 0, 1])) if done else None
            while fin is not None and not calendar.is_working_day(fin.date()):
                fin += timedelta(days=1)
            if fin is not None and (fin.date() > end or fin < at):
                fin = None
            fee = rnd.choice([0, 0, 8000, 20000])
            b.dossier(
                f"M{i:02d}-{j:02d}", ch, rnd.choice([P1, P2]), 10 if fin else 4, at, received=at, due=due,
                finished=fin, fee=fee,
                payment=("paid_online" if rnd.random() < 0.55 else "paid_counter") if fee else "none",
                digitised=rnd.random() < 0.85, e_result=rnd.random() < 0.5, reused=rnd.random() < 0.6,
                rating=rnd.choice([None, None, 5, 4, 4, 3, 2]), kiosk="K1" if ch.startswith("kiosk") else None,
                events=[(at, "submit", None, 2)],
            )
    session.flush()


def build_indicators(session: Session, calendar: WorkCalendar) -> None:
    """QĐ 766 indicators on Thu 19/11/2026 (test_reports.py::test_indicators works out every answer).

    P1 is a toàn trình procedure, P2 một phần. K* dossiers exercise 2.1 (the DVCQG rule), R* the other
    indicators; every dossier received on 19/11 is also in the 2.1 base."""
    from sqlalchemy import select

    from kiosk.models.tables import DossierDocument, Payment

    b = Builder(session, calendar)
    b.procs[P2].level = "mot_phan"
    D = b.dossier

    def papers(d: Dossier, *spec: tuple[str, int]) -> None:
        for i, (provision, state) in enumerate(spec):
            d.documents.append(DossierDocument(position=i, name=f"Giấy tờ {i + 1}", provision=provision,
                                               digitised_state=state))

    def paid(d: Dossier, by: str) -> None:
        d.payments.append(Payment(amount=d.fee, method="vietqr", state="paid", created_at=d.submitted_at,
                                  paid_at=d.submitted_at, confirmed_by=by))

    # -- 2.1 cases ----------------------------------------------------------------------------------------
    k1 = D("K1", "counter", P1, 9, n(19, 8), received=n(19, 8), due=n(19, 17), finished=n(19, 14), e_result=True,
           events=[(n(19, 8), "submit", None, 2), (n(19, 14), "finish", 2, 9)])  # ends in time
    D("K2", "counter", P1, 9, n(18, 9), received=n(18, 9), due=n(19, 10), finished=n(19, 16, 30),
      events=[(n(18, 9), "submit", None, 2), (n(19, 16, 30), "finish", 2, 9)])  # same date, after the hour: late
    k3 = D("K3", "counter", P1, 9, n(17, 9), received=n(17, 9), due=n(19, 15), finished=n(19, 15),
           events=[(n(17, 9), "submit", None, 2), (n(19, 15), "finish", 4, 9)])  # ends exactly at due: on time
    k3.paused_seconds = 4 * 3600
    D("K4", "counter", P1, 4, n(18, 9), received=n(18, 9), due=n(20, 0))  # running, due = period end: on time
    D("K5", "counter", P1, 4, n(18, 9), received=n(18, 9), due=n(19, 17))  # running past due: late
    D("K6", "counter", P2, 5, n(18, 9), received=n(18, 9), due=n(25, 17), supplement_at=n(19, 15),
      events=[(n(18, 9), "submit", None, 2), (n(19, 9), "supplement", 4, 5), (n(19, 10), "supplied", 5, 4),
              (n(19, 15), "supplement", 4, 5)])  # two supplement requests after acceptance: late
    D("K7", "counter", P1, 4, n(18, 9), received=n(18, 9), due=None)  # no due instant: on time
    D("K8", "counter", P1, 9, n(10, 9), received=n(10, 9), due=n(17, 17), finished=n(16, 9),
      events=[(n(16, 9), "finish", 4, 9)])  # ended before the period: out
    D("K9", "counter", P1, 2, n(20, 9), received=n(20, 9), due=n(25, 17))  # received after the period: out
    k10 = D("K10", "online", P2, 4, n(17, 9), received=n(19, 9), due=n(25, 17), fee=10000, payment="paid_online",
            reused=True, events=[(n(18, 9), "supplement", 1, 5), (n(18, 15), "supplied", 5, 1),
                                 (n(19, 9), "accept", 1, 2)])  # supplement before acceptance does not count
    D("K11", "counter", P1, 3, n(16, 9), received=n(16, 9), due=n(18, 17), finished=n(19, 9),
      events=[(n(19, 9), "refuse", 4, 3)])  # refused after receipt, after due: late
    D("K12", "counter", P1, 9, n(16, 9), received=n(16, 9), due=n(19, 17), finished=n(20, 10),
      events=[(n(20, 10), "finish", 4, 9)])  # ends after the period, due inside: late
    D("K13", "counter", P1, 10, n(10, 9), received=n(10, 9), due=n(17, 17), finished=n(16, 9), returned=n(19, 9),
      events=[(n(16, 9), "finish", 4, 9), (n(19, 9), "return", 9, 10)])  # returned now, ended before: out
    D("K14", "counter", P1, 4, n(10, 9), received=n(10, 9), due=n(25, 17), supplement_at=n(12, 9),
      events=[(n(12, 9), "supplement", 4, 5), (n(13, 9), "supplied", 5, 4)])  # first supplement before: out
    # -- other indicators (all received on 19/11) -------------------------------------------------------------
    papers(k1, ("scanned", 1), ("not_provided", 0))  # the paper never provided does not count against it
    paid(k10, "gateway")
    r1 = D("R1", "kiosk", P1, 2, n(19, 10), received=n(19, 10), due=n(26, 17), fee=20000, payment="paid_online",
           kiosk="K1", events=[(n(19, 10), "accept", 1, 2)])
    r1.legal_channel = 1  # the site counts kiosk dossiers as trực tiếp
    papers(r1, ("paper", 0))  # brought on paper and never scanned
    paid(r1, "officer")  # a transfer an officer ticked by hand
    r2 = D("R2", "kiosk_assisted", P2, 9, n(19, 9), received=n(19, 9, 30), due=n(19, 17), finished=n(19, 16),
           fee=8000, payment="unpaid", rating=1, kiosk="K2",
           events=[(n(19, 9, 30), "accept", 1, 2), (n(19, 16), "finish", 2, 9)])
    r2.legal_channel = 2
    papers(r2, ("scanned", 1), ("reused", 2))  # papers digitised, but the result is on paper only
    r3 = D("R3", "postal", P1, 4, n(18, 9), received=n(19, 11), due=n(26, 17), fee=8000, payment="waived",
           rating=5, events=[(n(19, 11), "accept", 1, 2)])
    papers(r3, ("scanned", 1))
    session.flush()
    from datetime import timedelta

    from kiosk.models.tables import OutboxEvent

    for d in (k1, r1, r3):  # 1.4: the reception reached the back office (an outbox event delivered after it)
        d.sync_state = "synced"
        at = d.received_at or d.submitted_at
        d.reception_synced_at = at + timedelta(minutes=1)
        session.add(OutboxEvent(event_id=f"rx-{d.code}", dossier_code=d.code, kind="dossier.accepted", payload={},
                                created_at=at, attempts=1, next_attempt_at=at, sent_at=at + timedelta(minutes=1)))
    # R2's only delivered event is from before its reception (the submission): not synced with its reception
    session.add(OutboxEvent(event_id=f"rx-{r2.code}", dossier_code=r2.code, kind="dossier.submitted", payload={},
                            created_at=r2.submitted_at, attempts=1, next_attempt_at=r2.submitted_at,
                            sent_at=r2.submitted_at + timedelta(minutes=1)))
    session.flush()
    assert session.scalar(select(Procedure.level).where(Procedure.code == P2)) == "mot_phan"
