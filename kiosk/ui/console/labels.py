"""Labels and colours of the counter console (Vietnamese), and which action buttons a status allows.

Kept apart from the window so the texts can be reviewed (and later translated) in one place.
"""

from __future__ import annotations

LEVEL_COLOURS = {"red": "#f8d0d0", "amber": "#ffe3a8", "ok": "#ffffff", "none": "#ffffff"}

# which buttons a status allows (the core decides for real; this only greys out impossible ones)
ENABLED = {
    "accept": {1},
    "supplement": {1, 2, 4},
    "supplied": {5},
    "refuse": {1, 5},
    "start": {2},
    "finish": {2, 4},
    "return": {9},
    "apologize": {2, 4, 6},
    "pay": {1, 2, 4, 5, 6, 9},
    # statuses 6/7/8 (kiosk.core.dossier_actions_extra); these buttons are shown only where the move is legal
    "financial": {2, 4},
    "withdraw": {1, 2, 4, 5, 6},
    "stop": {2, 4, 5, 6},
}
SHOWN_ONLY_WHEN_LEGAL = {"financial", "withdraw", "stop"}
CHANNEL_VI = {"counter": "tại quầy", "kiosk": "ki-ốt", "kiosk_assisted": "ki-ốt (cán bộ hỗ trợ)",
              "online": "trực tuyến", "postal": "bưu chính"}
PAYMENT_VI = {"none": "không thu phí", "unpaid": "chưa nộp", "paid_online": "đã nộp trực tuyến",
              "paid_counter": "đã nộp tại quầy", "waived": "miễn"}
DELIVERY_VI = {"counter": "tại quầy", "postal": "qua bưu chính", "online": "trực tuyến"}
ACTION_VI = {"submit": "nộp hồ sơ", "accept": "tiếp nhận", "supplement": "yêu cầu bổ sung", "supplied": "nhận bổ sung",
             "refuse": "từ chối", "start_processing": "chuyển xử lý", "payment": "thu phí", "finish": "xử lý xong",
             "return": "trả kết quả", "apologize": "xin lỗi, hẹn lại",
             "financial": "yêu cầu nghĩa vụ tài chính", "withdraw": "rút hồ sơ", "stop": "dừng xử lý"}
BUTTON_TEXT = {
    "accept": "Tiếp nhận (Mẫu 01)",
    "supplement": "Yêu cầu bổ sung (Mẫu 02)",
    "supplied": "Đã nhận bổ sung",
    "refuse": "Từ chối (Mẫu 03)",
    "start": "Chuyển xử lý",
    "pay": "Thu phí",
    "finish": "Đã xử lý xong",
    "return": "Trả kết quả",
    "apologize": "Xin lỗi, hẹn lại (Mẫu 04)",
    "financial": "Yêu cầu nghĩa vụ tài chính",
    "withdraw": "Rút hồ sơ (công dân yêu cầu)",
    "stop": "Dừng xử lý",
}
