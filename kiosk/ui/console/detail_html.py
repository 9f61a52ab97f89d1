"""The dossier detail pane of the console as HTML: status, dates, fee, papers and scans, history.

Why apart from the window: a pure function of the loaded detail (no database, no Qt), easy to review.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.ui.console.labels import ACTION_VI, CHANNEL_VI, DELIVERY_VI, PAYMENT_VI


def detail_html(det: Any, tz: Any) -> str:
    def f(t: Any) -> str:
        return t.astimezone(tz).strftime("%H:%M %d/%m/%Y") if t else "—"

    r = det.row
    html = [
        f"<h3>{r.code}</h3><p><b>{r.status} · {r.status_text}</b></p>",
        f"<p>{r.procedure_code} — {r.procedure_name}</p>",
        f"<p>Người nộp: <b>{r.applicant_name}</b> · Số định danh {det.applicant_id_number}"
        f" · Kênh: {CHANNEL_VI.get(r.channel, r.channel)}</p>",
        f"<p>Nộp: {f(r.submitted_at)} · Tiếp nhận: {f(r.received_at)} · Hẹn trả: <b>{f(r.due_at)}</b>"
        + (f" (ban đầu {f(det.original_due_at)})" if det.original_due_at and det.original_due_at != r.due_at else "")
        + "</p>",
        f"<p>Phí: {det.fee:,} đ".replace(",", ".")
        + f" · Thanh toán: {PAYMENT_VI.get(r.payment_state, r.payment_state)}"
        f" · Nhận kết quả: {DELIVERY_VI.get(det.delivery, det.delivery)} · Bổ sung: {det.supplement_rounds} lần"
        + (" · <b>Có tệp kết quả điện tử</b>" if getattr(det, "e_result", False) else "") + "</p>",
        "<h4>Thành phần hồ sơ</h4><ul>",
    ]
    for d in det.documents:
        scan = f", quét {d['scanned_pages']} trang" if d["scanned_pages"] else ""
        if d.get("provision") == "reused":
            scan = f", dùng lại bản đã số hóa ({d['scanned_pages']} trang)"
        html.append(f"<li>{d['name']} — bản chính {d['originals']}, bản sao {d['certified_copies']}, "
                    f"photo {d['photocopies']}{scan}</li>")
    html.append("</ul><h4>Lịch sử</h4><ul>")
    for e in det.events:
        who = f" — {e['staff']}" if e["staff"] else ""
        behalf = " (thay công dân)" if e["on_behalf_of_applicant"] else ""
        at = datetime.fromisoformat(e["at"]).astimezone(tz)
        move = f" {e['from'] or ''}→{e['to']}" if e["from"] != e["to"] else ""
        html.append(f"<li>{at:%H:%M %d/%m} · {ACTION_VI.get(e['action'], e['action'])}{move}{who}{behalf}</li>")
    html.append("</ul>")
    return "".join(html)
