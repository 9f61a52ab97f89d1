"""Typed card-reading errors, each with a plain Vietnamese message and an English one for the UI.

Why: the UI shows the citizen what to do next; the CLI maps each type to one exit code. Messages never
contain card data, so they can be logged.
"""

from __future__ import annotations


class CardParseError(ValueError):
    """Base of every parser error of the card package (BER, MRZ, QR/typed keys, data groups, EF.SOD).

    Parsers fail closed: on *any* input they return a value or raise a subclass of this, never another
    exception type (tests/unit/card/test_card_parsers_fuzz.py). Messages never quote the input.
    """


class CardError(Exception):
    """Base class. ``message_vi`` is shown to the citizen, ``message_en`` to staff/logs."""

    message_vi = "Không đọc được thẻ. Vui lòng thử lại."
    message_en = "The card could not be read. Please try again."
    exit_code = 6

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message_en + (f" ({detail})" if detail else ""))


class ReaderServiceDown(CardError):
    message_vi = "Dịch vụ đầu đọc thẻ chưa chạy. Vui lòng báo cán bộ hỗ trợ."
    message_en = "The smart-card service (pcscd) is not running."
    exit_code = 3


class NoReader(CardError):
    message_vi = "Không tìm thấy đầu đọc thẻ. Vui lòng báo cán bộ hỗ trợ."
    message_en = "No card reader is connected."
    exit_code = 3


class NoCard(CardError):
    message_vi = "Chưa có thẻ trên đầu đọc. Vui lòng đặt thẻ căn cước lên đầu đọc."
    message_en = "No card on the reader."
    exit_code = 4


class AccessDenied(CardError):
    message_vi = "Thẻ từ chối mã truy cập. Vui lòng kiểm tra lại số định danh và ngày sinh."
    message_en = "The card refused the access key (check the ID number and date of birth)."
    exit_code = 5


class CardRemoved(CardError):
    message_vi = "Thẻ đã bị nhấc ra trong khi đọc. Vui lòng đặt lại thẻ và giữ yên."
    message_en = "The card was removed during reading."
    exit_code = 6


class ReadFailed(CardError):
    message_vi = "Không đọc được dữ liệu trên thẻ. Vui lòng đặt lại thẻ và thử lại."
    message_en = "Reading the card failed."
    exit_code = 6


class PassiveAuthFailed(CardError):
    message_vi = "Dữ liệu trên thẻ không khớp chữ ký số: thẻ không đáng tin cậy. Vui lòng báo cán bộ."
    message_en = "Passive authentication failed: the card data does not match its signature."
    exit_code = 7


class ActiveAuthFailed(CardError):
    message_vi = ("Chip của thẻ không vượt qua kiểm tra chống sao chép nên không thể dùng thẻ này. "
                  "Vui lòng gọi cán bộ để được hỗ trợ.")
    message_en = "Active authentication failed: the chip may be a copy, so the card cannot be used. Please call staff."
    exit_code = 7


class ChipAuthFailed(ActiveAuthFailed):
    """Chip Authentication (DG14) failed: the chip does not hold the key its signed DG14 names."""

    message_en = "Chip authentication failed: the chip may be a copy, so the card cannot be used. Please call staff."


class CardNotVerified(CardError):
    """The data is intact but its Document Signer does not chain to a CSCA this site trusts (policy refusal)."""

    message_vi = ("Không xác thực được thẻ này: chữ ký số trên chip không thuộc cơ quan cấp thẻ được tin cậy. "
                  "Vui lòng gọi cán bộ để được hỗ trợ.")
    message_en = ("This card cannot be verified: the signature on its chip does not come from a trusted issuing "
                  "authority. Please call staff.")
    exit_code = 8


class VirtualCardRefused(CardError):
    message_vi = "Thẻ ảo không được phép dùng trong môi trường chính thức."
    message_en = "The virtual card is not allowed in a production environment."
    exit_code = 2
