"""View-model and helper unit tests (no QML): Vietnamese typing, tracking codes, flow, worker thread."""

from __future__ import annotations

import threading

import pytest

from kiosk.ui import vnkeys
from kiosk.ui.track_view_model import extract_code

pytestmark = pytest.mark.sqlite_only


def _typed(keys: str) -> str:
    text, cur = "", 0
    for k in keys:
        text, cur = vnkeys.telex(text, cur, k)
    return text


@pytest.mark.parametrize("keys,word", [
    ("Nguyeenx", "Nguyễn"), ("Thij", "Thị"), ("Huwowngf", "Hường"), ("Hoas", "Hóa"), ("ddawng", "đăng"),
    ("kys", "ký"), ("thuyr", "thủy"), ("quys", "quý"), ("gias", "giá"), ("Vieetj", "Việt"), ("khai", "khai"),
])
def test_telex(keys, word):
    assert _typed(keys) == word


def test_tone_and_mark_buttons_edit_the_word_before_the_cursor():
    assert vnkeys.edit("Thanh Hoa", 9, "tone:sac") == ("Thanh Hóa", 9)
    assert vnkeys.edit("nguoi", 5, "shape:horn")[0] == "ngươi"
    assert vnkeys.edit("ngươi", 5, "tone:huyen")[0] == "người"
    assert vnkeys.edit("dang", 4, "shape:dbar")[0] == "đang"
    assert vnkeys.edit("Hóa", 3, "tone:sac")[0] == "Hoa"  # the same tone twice removes it
    assert vnkeys.edit("", 0, "tone:sac") == ("", 0)


def test_extract_code_from_scanned_receipt():
    code = "000.00.06.H56-261125-0001"
    assert extract_code(code.lower()) == code
    assert extract_code(f"https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?mahs={code}") == code
    assert extract_code(f"Ma ho so: {code}\n") == code


def test_flow_back_language_and_wipe(qapp, app):
    from kiosk.ui.kiosk_view_model import KioskViewModel
    from kiosk.ui.services import UiServices

    vm = KioskViewModel(UiServices(app, simulated_devices=True))
    assert vm.page == "welcome" and not vm.canGoBack
    vm.start("track")
    assert vm.page == "track" and vm.canGoBack
    vm.back()
    assert vm.page == "welcome"
    vm.setLanguage("en")
    assert vm.procedures.listTitle == "Most used procedures"
    vm.cycleTextSize()
    assert vm.textScale == 1.3
    vm.finish("abandoned")
    assert vm.language == "vi" and vm.textScale == 1.0 and vm.page == "welcome"
    vm.worker.wait()


def test_form_keeps_bad_values_and_reports_per_field(qapp, app):
    from kiosk.ui.kiosk_view_model import KioskViewModel
    from kiosk.ui.services import UiServices

    vm = KioskViewModel(UiServices(app, simulated_devices=True))
    vm.procedures.select("1.001193")
    vm.form.setValue("child_date_of_birth", "32/13/2026")
    assert not vm.form.validate()
    assert "child_date_of_birth" in vm.form.errors
    assert vm.form.valueOf("child_date_of_birth") == "32/13/2026"
    vm.setLanguage("en")
    assert "date" in vm.form.errors["child_date_of_birth"].lower()
    vm.worker.wait()


def test_worker_runs_off_the_gui_thread(qapp, qtbot):
    from kiosk.ui.worker import Worker

    w = Worker()
    seen: list[int] = []
    progress: list[tuple[int, int]] = []
    w.submit(lambda report: (report(1, 2), threading.get_ident())[1], seen.append,
             on_progress=lambda a, b: progress.append((a, b)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] != threading.get_ident() and progress == [(1, 2)]
    errors: list[BaseException] = []
    w.submit(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_sane_test_device_scans_a_page(tmp_path):
    import shutil

    from kiosk.devices.scanner import SaneScanner

    assert shutil.which("scanimage"), "install sane-utils (apt-get install sane-utils) for the SANE test device"
    page = SaneScanner("test", resolution=50).scan_page(tmp_path / "p1.png")
    assert page.path.stat().st_size > 0 and page.width > 10
