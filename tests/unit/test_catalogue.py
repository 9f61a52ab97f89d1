"""The procedure catalogue: the bundled data, effective dating, search, whole-file rejection, form checks."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.core.catalogue import (
    Catalogue,
    CatalogueError,
    Procedure,
    bundled_catalogue_path,
    configured_catalogue_path,
    load_catalogue,
    load_configured_catalogue,
    parse_catalogue,
)
from kiosk.core.catalogue_forms import check_form, form_errors, parse_date, validate_form
from kiosk.core.timelimits import TimeLimit

SEED_CODES = [
    "1.001193", "1.000894", "1.000656", "2.000635", "1.004873", "1.004884", "1.004859", "1.001022",
    "1.000689", "1.004837", "2.000815", "2.000884", "2.000908", "1.004222", "1.004194", "1.003197",
    "1.010038", "1.001612", "1.013978", "1.012786", "1.013225", "1.001699",
]
D2026 = date(2026, 6, 1)


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def bundled_text() -> str:
    return bundled_catalogue_path().read_text(encoding="utf-8")


# -- the bundled file --------------------------------------------------------------------------------------


def test_bundled_catalogue_has_the_seed_rows(cat: Catalogue) -> None:
    assert len(cat) >= 25
    assert len(cat.list(D2026)) >= 25
    for code in SEED_CODES:
        assert code in cat, code
    provisional = [p for p in cat.list(D2026) if p.provisional]
    assert len(provisional) == 3  # LLTP and the two "liên thông" groups
    assert all(p.code.endswith(".TAM") and p.note_vi for p in provisional)


def test_every_version_has_documents_form_and_english(cat: Catalogue) -> None:
    for p in cat.all_versions():
        assert p.documents and p.form, p.code
        assert p.name_en and p.field_en and p.in_person_en, p.code
        assert any(f.required for f in p.form), p.code
        assert any(f.prefill for f in p.form), p.code  # something comes from the chip or account
        assert all(f.label_en for f in p.form)
        if p.level == "mot_phan":
            assert p.in_person_vi, p.code


def test_all_nine_fields_are_present(cat: Catalogue) -> None:
    names = {f.name for f in cat.fields(D2026)}
    assert names == {"Hộ tịch", "Chứng thực", "Cư trú", "Hộ kinh doanh", "Lý lịch tư pháp", "Liên thông",
                     "Đất đai", "Xây dựng", "Bảo trợ xã hội"}
    assert sum(f.count for f in cat.fields(D2026)) == len(cat.list(D2026))


def test_rules_from_domain_table(cat: Catalogue) -> None:
    tt = cat.get("1.004222", D2026)
    assert (tt.fee_counter, tt.fee_online) == (20000, 10000)
    assert tt.limit == TimeLimit("working_days", 7)
    ks = cat.get("1.001193", D2026)
    assert ks.limit.kind == "same_day" and ks.level == "toan_trinh"
    assert cat.get("1.000894", D2026).level == "mot_phan"
    assert "15 ngày" in cat.get("LLTP.TAM", D2026).time_limit.note_vi
    ct = cat.get("2.000815", D2026)
    assert ct.fee_unit == "page" and "trang thứ ba" in ct.fee_note_vi
    assert cat.get("1.013225", D2026).limit.kind == "calendar_days"
    assert cat.get("1.004873", D2026).fee_for(online=True) < cat.get("1.004873", D2026).fee_for(online=False)


def test_forms_are_realistic(cat: Catalogue) -> None:
    ks = {f.name for f in cat.get("1.001193", D2026).form}
    assert {"child_full_name", "child_date_of_birth", "child_sex", "child_place_of_birth",
            "mother_full_name", "mother_id_number", "father_full_name", "father_id_number"} <= ks
    kh = {f.name for f in cat.get("1.000894", D2026).form}
    assert {"groom_full_name", "groom_id_number", "bride_full_name", "bride_id_number"} <= kh
    tt = cat.get("1.004222", D2026)
    assert {"new_address", "relation_to_householder"} <= {f.name for f in tt.form}
    assert tt.form_field("id_number").prefill == "id_number"


def test_popular_is_ranked(cat: Catalogue) -> None:
    popular = cat.popular(D2026)
    assert popular[0].code == "1.001193"
    ranks = [p.popular for p in popular]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert len(cat.popular(D2026, limit=4)) == 4


def test_model_dump_round_trips(cat: Catalogue) -> None:
    for p in cat.all_versions():
        assert Procedure.model_validate(p.model_dump(mode="json")) == p


# -- effective dates ---------------------------------------------------------------------------------------


def test_version_switch_on_1_march_2027(cat: Catalogue) -> None:
    assert cat.get("1.001193", date(2026, 1, 1)).version == "2025-07-01"
    assert cat.get("1.001193", date(2027, 2, 28)).version == "2025-07-01"
    assert cat.get("1.001193", date(2027, 3, 1)).version == "2027-03-01"
    assert [p.version for p in cat.versions("1.001193")] == ["2025-07-01", "2027-03-01"]
    after = [p for p in cat.list(date(2027, 3, 1)) if p.code == "1.001193"]
    assert [p.version for p in after] == ["2027-03-01"]
    assert len(cat.list(date(2027, 3, 1))) == len(cat.list(D2026))


def test_lookup_errors_are_clear(cat: Catalogue) -> None:
    with pytest.raises(CatalogueError, match=r"unknown procedure code '9\.999999'"):
        cat.get("9.999999")
    with pytest.raises(CatalogueError, match="no version in effect on 2025-06-30"):
        cat.get("1.004222", date(2025, 6, 30))
    assert cat.get(" lltp.tam ", D2026).code == "LLTP.TAM"  # codes are matched case-insensitively


# -- search ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("khai sinh", "1.001193"),
        ("Đăng ký khai sinh", "1.001193"),
        ("dang ky ket hon", "1.000894"),
        ("ket hn", "1.000894"),
        ("KẾT HÔN", "1.000894"),
        ("thuong tru", "1.004222"),
        ("thường trú", "1.004222"),
        ("tam tru", "1.004194"),
        ("sao y ban chinh", "2.000815"),
        ("ly lich tu phap", "LLTP.TAM"),
        ("so do", "1.013978"),
        ("khai tu", "1.000656"),
        ("xac nhan doc than", "1.004873"),
        ("giay phep xay dung", "1.013225"),
        ("marriage", "1.000894"),
        ("1.004222", "1.004222"),
    ],
)
def test_search_finds_the_right_procedure_first(cat: Catalogue, query: str, code: str) -> None:
    hits = cat.search(query, limit=5, on=D2026)
    assert hits and hits[0].code == code, [p.code for p in hits]


def test_search_edge_cases(cat: Catalogue) -> None:
    assert cat.search("", on=D2026) == []
    assert cat.search("   ", on=D2026) == []
    assert cat.search("zzqxw vbnmk", on=D2026) == []
    assert len(cat.search("dang ky", limit=3, on=D2026)) == 3
    scored = cat.search_scored("khai sinh", on=D2026)
    assert [s for _, s in scored] == sorted((s for _, s in scored), reverse=True)


def test_search_uses_the_version_in_effect(cat: Catalogue) -> None:
    assert cat.search("khai sinh", limit=1, on=date(2027, 6, 1))[0].version == "2027-03-01"


# -- rejection of bad files --------------------------------------------------------------------------------

MINIMAL = """\
schema_version = 1

[[procedure]]
code = "1.000001"
version = "2025-07-01"
effective_from = 2025-07-01
name = "Thủ tục mẫu"
name_en = "Sample procedure"
field = "Hộ tịch"
field_en = "Civil status"
level = "toan_trinh"
time_limit = { kind = "working_days", amount = 3 }
fee_counter = 10000
fee_online = 5000
documents = [
  { name_vi = "Tờ khai", name_en = "Declaration", originals = 1 },
]
form = [
  { name = "full_name", label_vi = "Họ tên", label_en = "Full name", type = "text", required = true, prefill = "full_name" },
  { name = "kind", label_vi = "Loại", label_en = "Kind", type = "select", validation = { options = [{ value = "a", vi = "A", en = "A" }] } },
]
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``needle``."""
    hits = [i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln]
    return hits[nth - 1]


def errors_of(text: str) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(text, source="test.toml")
    return info.value.errors


def test_minimal_file_is_valid() -> None:
    cat = parse_catalogue(MINIMAL, source="test.toml")
    assert cat.get("1.000001", D2026).name == "Thủ tục mẫu"


def test_bad_time_limit_kind_names_line_and_field() -> None:
    text = MINIMAL.replace('kind = "working_days"', 'kind = "weeks"')
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'weeks')}: procedure 1.000001 field 'time_limit.kind': must be one of")
    assert "'working_days'" in err and "'weeks'" in err


def test_unknown_key_is_rejected() -> None:
    text = MINIMAL.replace("fee_online = 5000", "fee_online = 5000\nfee_cash = 1")
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'fee_cash')}: procedure 1.000001 field 'fee_cash': unknown key")


def test_unknown_key_inside_a_form_field() -> None:
    text = MINIMAL.replace('prefill = "full_name" }', 'prefill = "full_name", colour = "red" }')
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'colour')}: procedure 1.000001 field 'form[0].colour'")


def test_duplicate_code_and_version() -> None:
    block = MINIMAL.split("\n", 2)[2]
    text = MINIMAL + "\n" + block
    (err,) = errors_of(text)
    second_version = line_of(text, 'version = "2025', 2)
    assert err.startswith(f"test.toml:{second_version}: procedure 1.000001 field 'version': duplicate version")
    assert f"line {line_of(text, '[[procedure]]')}" in err


def test_overlapping_effective_ranges() -> None:
    second = MINIMAL.split("\n", 2)[2].replace('version = "2025-07-01"', 'version = "2026-01-01"').replace(
        "effective_from = 2025-07-01", "effective_from = 2026-01-01"
    )
    text = MINIMAL + "\n" + second
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'effective_from = 2026-01-01')}: procedure 1.000001 field 'effective_from'")
    assert "overlap" in err and "open-ended" in err
    # closing the first range makes the same pair valid
    fixed = text.replace("effective_from = 2025-07-01", "effective_from = 2025-07-01\neffective_to = 2025-12-31", 1)
    assert [p.version for p in parse_catalogue(fixed).versions("1.000001")] == ["2025-07-01", "2026-01-01"]


def test_pattern_that_does_not_compile() -> None:
    text = MINIMAL.replace('prefill = "full_name" }', "prefill = \"full_name\", validation = { pattern = '[a-z' } }")
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, '[a-z')}: procedure 1.000001 field 'form[0].validation.pattern'")
    assert "not a valid regular expression" in err


def test_select_without_options() -> None:
    text = MINIMAL.replace(', validation = { options = [{ value = "a", vi = "A", en = "A" }] }', "")
    (err,) = errors_of(text)
    kind_line = line_of(text, 'name = "kind"')
    assert err.startswith(f"test.toml:{kind_line}: procedure 1.000001 field 'form[1]'")
    assert "needs validation.options" in err


def test_options_on_a_text_field() -> None:
    text = MINIMAL.replace('prefill = "full_name" }', 'prefill = "full_name", validation = { options = [{ value = "a", vi = "A", en = "A" }] } }')
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'full_name')}:") and "only select" in err


def test_missing_key_points_at_its_table() -> None:
    text = MINIMAL.replace('name_en = "Sample procedure"\n', "")
    (err,) = errors_of(text)
    assert err == f"test.toml:{line_of(text, '[[procedure]]')}: procedure 1.000001 field 'name_en': required key is missing"


def test_toml_syntax_error_has_a_line() -> None:
    text = MINIMAL.replace("fee_counter = 10000", "fee_counter = 10 000")
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, '10 000')}: TOML syntax error")


@pytest.mark.parametrize(
    ("change", "needle", "fragment"),
    [
        (('code = "1.000001"', 'code = "LLTP"'), 'code = "LLTP"', "set provisional = true"),
        (('code = "1.000001"', 'code = "abc"'), 'code = "abc"', "field 'code'"),
        (("effective_from = 2025-07-01", "effective_from = 2025-07-01\neffective_to = 2025-01-01"), "effective_to", "field 'effective_to': is before"),
        (('level = "toan_trinh"', 'level = "mot_phan"'), "[[procedure]]", "field 'in_person_vi': a 'mot_phan' procedure"),
        (('name = "kind"', 'name = "full_name"'), "form = [", "repeated: full_name"),
        (('name = "kind"', 'name = "Kind!"'), 'name = "Kind!"', "lower-case identifier"),
        (('type = "text"', 'type = "colour"'), 'type = "colour"', "field 'form[0].type': must be one of"),
        (('prefill = "full_name"', 'prefill = "shoe_size"'), "shoe_size", "field 'form[0].prefill'"),
        (("originals = 1", "originals = 0"), "originals = 0", "at least one of originals"),
        (("fee_counter = 10000", "fee_counter = -5"), "fee_counter = -5", "field 'fee_counter': must be greater than or equal to 0"),
        (("amount = 3", "amount = 0"), "amount = 0", "amount must be greater than 0"),
        (('field = "Hộ tịch"', 'field = "Thuế"'), 'field = "Thuế"', "field 'field': must be one of"),
    ],
)
def test_each_kind_of_bad_procedure(change: tuple[str, str], needle: str, fragment: str) -> None:
    text = MINIMAL.replace(*change)
    errors = errors_of(text)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"test.toml:{line_of(text, needle)}:"), errors[0]
    assert fragment in errors[0]


def test_top_level_problems() -> None:
    assert errors_of("") == ["test.toml:1: no [[procedure]] tables found"]
    text = MINIMAL.replace("schema_version = 1", "schema_version = 1\nprocedures = 3")
    (err,) = errors_of(text)
    assert err.startswith("test.toml:2: unknown top-level key 'procedures'")
    assert errors_of(MINIMAL.replace("schema_version = 1", "schema_version = 2"))[0].startswith("test.toml:1: schema_version must be 1")


def test_duplicate_popular_rank_across_codes() -> None:
    second = MINIMAL.split("\n", 2)[2].replace("1.000001", "1.000002")
    text = (MINIMAL + "\n" + second).replace("fee_online = 5000", "fee_online = 5000\npopular = 1")
    (err,) = errors_of(text)
    assert err.startswith(f"test.toml:{line_of(text, 'popular = 1', 2)}: procedure 1.000002 field 'popular'")


def test_all_errors_are_reported_and_nothing_is_loaded(bundled_text: str) -> None:
    text = bundled_text.replace('time_limit = { kind = "working_days", amount = 7 }', 'time_limit = { kind = "week", amount = 7 }')
    text = text.replace("pattern = '[0-9]{6,30}'", "pattern = '[0-9'")
    text = text.replace('version = "2027-03-01"\neffective_from = 2027-03-01', 'version = "2027-03-01"\neffective_from = 2027-02-01')
    errors = errors_of(text)
    assert len(errors) == 3, errors
    lines = text.splitlines()
    for err in errors:
        m = re.match(r"test\.toml:(\d+): procedure (\S+) field '([^']+)'", err)
        assert m, err
        line = lines[int(m.group(1)) - 1]
        leaf = re.sub(r"\[\d+\]", "", m.group(3)).split(".")[-1]
        assert f"{leaf} =" in line, (err, line)


def test_array_of_tables_layout_is_located_too() -> None:
    text = MINIMAL.split("documents = [")[0] + """\
[procedure.time_limit_extra]
x = 1

[[procedure.documents]]
name_vi = "Tờ khai"
name_en = "Declaration"
originals = 1

[[procedure.documents]]
name_vi = "Giấy tờ khác"
name_en = "Other paper"
originals = -1

[[procedure.form]]
name = "full_name"
label_vi = "Họ tên"
label_en = "Full name"
type = "text"
"""
    errors = errors_of(text)
    assert f"test.toml:{line_of(text, 'originals = -1')}: procedure 1.000001 field 'documents[1].originals'" in " ".join(errors)
    assert any(e.startswith(f"test.toml:{line_of(text, '[procedure.time_limit_extra]')}:") for e in errors)


def test_load_catalogue_reports_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="catalogue file not found"):
        load_catalogue(tmp_path / "nope.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("name = 'Đ'".encode("utf-16"))
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(bad)


# -- which file is active ----------------------------------------------------------------------------------


def test_configured_catalogue_precedence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings = SimpleNamespace(catalogue_file=None, data_dir=data)
    assert configured_catalogue_path(settings) == bundled_catalogue_path()
    assert len(load_configured_catalogue(settings)) >= 25

    (data / "catalogue.toml").write_text(MINIMAL, encoding="utf-8")
    assert configured_catalogue_path(settings) == data / "catalogue.toml"
    assert load_configured_catalogue(settings).codes() == ["1.000001"]

    explicit = tmp_path / "mine.toml"
    explicit.write_text(MINIMAL.replace("1.000001", "1.000009"), encoding="utf-8")
    settings.catalogue_file = explicit
    assert load_configured_catalogue(settings).codes() == ["1.000009"]

    settings.catalogue_file = tmp_path / "missing.toml"
    with pytest.raises(CatalogueError, match="setting catalogue_file"):
        load_configured_catalogue(settings)


# -- form checking -----------------------------------------------------------------------------------------

TODAY = date(2026, 6, 1)


def good_birth_form() -> dict[str, object]:
    return {
        "requester_full_name": "Nguyễn Thị Lan",
        "requester_id_number": "038190012345",
        "requester_phone": "0912 345 678",
        "requester_email": "",
        "requester_relation": "me",
        "child_full_name": "Trần Minh An",
        "child_date_of_birth": "20/05/2026",
        "child_sex": "nam",
        "child_place_of_birth": "Bệnh viện Phụ sản Thanh Hóa",
        "child_ethnicity": "Kinh",
        "child_nationality": "Việt Nam",
        "mother_full_name": "Nguyễn Thị Lan",
        "mother_id_number": "038190012345",
        "father_full_name": "Trần Văn Bình",
        "father_id_number": "038088001234",
        "copies_requested": "2",
        "undertaking": True,
    }


def test_a_good_form_passes_and_is_cleaned(cat: Catalogue) -> None:
    proc = cat.get("1.001193", TODAY)
    check = check_form(proc, good_birth_form(), today=TODAY)
    assert check.ok, check.errors
    assert check.values["child_date_of_birth"] == date(2026, 5, 20)
    assert check.values["requester_phone"] == "+84912345678"
    assert check.values["copies_requested"] == 2
    assert check.values["requester_email"] is None
    assert validate_form(proc, good_birth_form(), today=TODAY) == {}


def test_an_empty_form_lists_every_required_field(cat: Catalogue) -> None:
    proc = cat.get("1.001193", TODAY)
    errors = validate_form(proc, {}, today=TODAY)
    required = {f.name for f in proc.form if f.required}
    assert set(errors) == required
    assert errors["child_full_name"].startswith("Vui lòng nhập")
    assert errors["child_sex"].startswith("Vui lòng chọn")
    assert errors["undertaking"].startswith("Vui lòng đánh dấu")
    assert validate_form(proc, {}, lang="en", today=TODAY)["child_full_name"] == "Please fill in Child's full name."


@pytest.mark.parametrize(
    ("name", "value", "vi", "en"),
    [
        ("requester_id_number", "03819001234", "12 chữ số", "12 digits"),
        ("requester_id_number", "03819001234X", "12 chữ số", "12 digits"),
        ("requester_phone", "12345", "số điện thoại không hợp lệ", "not a valid phone"),
        ("requester_email", "lan@", "thư điện tử không hợp lệ", "e-mail"),
        ("child_date_of_birth", "31/02/2026", "dd/mm/yyyy", "dd/mm/yyyy"),
        ("child_date_of_birth", "2026-07-01", "không được sau ngày hôm nay", "later than today"),
        ("child_sex", "khac", "lựa chọn không hợp lệ", "not one of the choices"),
        ("child_full_name", "An" * 60, "không được dài quá 100", "at most 100"),
        ("child_full_name", "Trần Minh An 2", "không đúng định dạng", "expected format"),
        ("copies_requested", "11", "không được lớn hơn 10", "at most 10"),
        ("copies_requested", "-1", "phải từ 0 trở lên", "at least 0"),
        ("copies_requested", "hai", "phải là một số", "must be a number"),
        ("undertaking", False, "Vui lòng đánh dấu", "Please tick"),
        ("undertaking", "maybe", "giá trị không hợp lệ", "invalid value"),
    ],
)
def test_each_rule_gives_a_bilingual_message(cat: Catalogue, name: str, value: object, vi: str, en: str) -> None:
    proc = cat.get("1.001193", TODAY)
    values = good_birth_form() | {name: value}
    errors = form_errors(proc, values, today=TODAY)
    assert set(errors) == {name}, errors
    assert vi in errors[name].vi and en in errors[name].en
    assert str(errors[name]) == errors[name].vi


def test_accepted_spellings(cat: Catalogue) -> None:
    proc = cat.get("1.001193", TODAY)
    for dob in ("2026-05-20", "20/5/2026", "20-05-2026", "20.05.2026", date(2026, 5, 20)):
        assert form_errors(proc, good_birth_form() | {"child_date_of_birth": dob}, today=TODAY) == {}, dob
    assert form_errors(proc, good_birth_form() | {"requester_id_number": "038 190 012 345"}, today=TODAY) == {}
    assert form_errors(proc, good_birth_form() | {"requester_phone": "+84 912 345 678"}, today=TODAY) == {}
    assert form_errors(proc, good_birth_form() | {"undertaking": "có"}, today=TODAY) == {}
    assert parse_date("29/02/2027") is None and parse_date("29/02/2028") == date(2028, 2, 29)


def test_every_bundled_form_accepts_its_own_options(cat: Catalogue) -> None:
    """Smoke test: a value built from each field's own rules passes, so no bundled rule is self-contradictory."""
    samples = {"text": "Nguyen Van A", "textarea": "Mô tả", "date": "01/01/2000", "phone": "0912345678",
               "email": "a@example.vn", "id_number": "038190012345", "checkbox": True}
    for proc in cat.all_versions():
        values: dict[str, object] = {}
        for f in proc.form:
            if f.type == "select":
                values[f.name] = f.validation.options[0].value  # type: ignore[index]
            elif f.type == "number":
                values[f.name] = f.validation.min if f.validation.min is not None else 1
            elif f.name in ("parcel_number", "map_sheet"):
                values[f.name] = "12"
            elif f.name == "bank_account":
                values[f.name] = "0123456789"
            else:
                values[f.name] = samples[f.type]
        assert form_errors(proc, values, today=TODAY) == {}, proc.code
