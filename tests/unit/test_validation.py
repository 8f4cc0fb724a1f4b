"""Credit codes (GB 32100), mainland phone numbers and their masking, directory codes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wuye_desktop.core.validation import (
    community_code_problem,
    credit_code_check_char,
    credit_code_problem,
    household_code,
    mask_phone,
    normalize_phone,
    part_code_problem,
    phone_digits,
    phone_problem,
)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# --- credit codes ----------------------------------------------------------------------------

# Codes printed on real business licences (Shenzhen 440300, Hangzhou 330100, Beijing-Haidian
# 110108, Qingdao 370200). Their check characters were computed with GB 32100's weights and
# agree with the printed ones, which is what makes them good witnesses for the algorithm.
REAL_CODES = [
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
    "91110108551385082Q",
    "91370200163562681G",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_credit_codes_are_valid(code: str) -> None:
    assert credit_code_problem(code) is None
    assert credit_code_check_char(code[:17]) == code[17]


def test_check_character_worked_by_hand() -> None:
    # Values 9 1 3 7 0 2 0 0 21(M) 10(A) 3 12(C) 1 2 3 4 5 times the weights add up to 1567;
    # 1567 mod 31 = 17; 31 - 17 = 14, and character 14 of the alphabet (from 0) is E.
    body = "91370200MA3C12345"
    total = sum(
        ALPHABET.index(c) * w
        for c, w in zip(
            body, (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), strict=True
        )
    )
    assert total == 1567
    assert credit_code_check_char(body) == "E"
    assert credit_code_problem(body + "E") is None


def test_check_value_zero_gives_the_character_zero() -> None:
    # (31 - 0) mod 31 = 0: the rule's edge case, where a naive "31 - r" would index past Y.
    body = "0" * 17
    assert credit_code_check_char(body) == "0"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91370200163562681", "18 characters"),
        ("91370200163562681GG", "18 characters"),
        ("", "18 characters"),
        ("91370200163562681H", "check character"),
        ("91370200163562681O", "other than I, O, S, V, Z"),
        ("9I370200163562681G", "other than I, O, S, V, Z"),
        ("91370200163562681g", "other than I, O, S, V, Z"),
        ("91A70200163562681G", "other than I, O, S, V, Z"),  # region code is digits only
        ("91370200 63562681G", "other than I, O, S, V, Z"),
    ],
)
def test_bad_credit_codes_say_why(code: str, reason: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and reason in problem


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17).filter(lambda s: s[2:8].isdigit()))
def test_any_body_with_its_check_character_is_valid(body: str) -> None:
    assert credit_code_problem(body + credit_code_check_char(body)) is None


@given(
    st.text(alphabet=ALPHABET, min_size=17, max_size=17).filter(lambda s: s[2:8].isdigit()),
    st.integers(min_value=0, max_value=17),
    st.sampled_from(ALPHABET),
)
def test_every_single_character_typo_is_caught(body: str, position: int, char: str) -> None:
    code = body + credit_code_check_char(body)
    typo = code[:position] + char + code[position + 1 :]
    if typo != code:
        assert credit_code_problem(typo) is not None


# --- phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        (" 19912345678 ", "19912345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 1234 5678", "010-12345678"),
        ("021-61234567", "021-61234567"),
        ("02161234567", "021-61234567"),
        ("0532-88881234", "0532-88881234"),
        ("053288881234", "0532-88881234"),
        ("0532 8888 1234", "0532-88881234"),
        ("（0532）88881234", "0532-88881234"),
        ("0532-8888123", "0532-8888123"),  # smaller cities still have 7-digit numbers
        ("+86 0532 8888 1234", "0532-88881234"),
        ("0532-88881234-801", "0532-88881234-801"),
        ("0532-88881234转801", "0532-88881234-801"),
        ("0532-88881234 ext. 801", "0532-88881234-801"),
        ("010-12345678#8", "010-12345678-8"),
    ],
)
def test_numbers_people_type_are_stored_in_one_form(raw: str, stored: str) -> None:
    assert normalize_phone(raw) == stored
    # The stored form is accepted as it is, so a form showing it can be saved again.
    assert normalize_phone(stored) == stored


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("01012345678", "010-12345678"),  # Beijing, not 0101-2345678
        ("02087654321", "020-87654321"),  # Guangzhou
        ("02912345678", "029-12345678"),  # Xi'an
        ("031112345678", "0311-12345678"),  # Shijiazhuang
        ("07551234567", "0755-1234567"),
    ],
)
def test_area_code_length_follows_the_numbering_plan(raw: str, stored: str) -> None:
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "12345678901",  # no mobile starts with 12
        "1381234567",  # ten digits
        "138123456789",  # twelve digits
        "1381234567a",
        "13812345678转8",  # mobiles have no extensions
        "010-1234567",  # three-digit area codes go with eight-digit numbers
        "0532-123456",  # too short
        "0532-123456789",  # too long
        "88881234",  # no area code
        "110",
        "+1 415 555 0100",
    ],
)
def test_things_that_are_not_phone_numbers_are_refused(raw: str) -> None:
    assert normalize_phone(raw) is None
    assert phone_problem(raw) is not None


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("400-888-1234", "400-888-1234"),
        ("4008881234", "400-888-1234"),
        ("400 888 1234", "400-888-1234"),
        ("800-820-8820", "800-820-8820"),
    ],
)
def test_service_numbers_only_where_allowed(raw: str, stored: str) -> None:
    # A company's hotline may be a 400 number; an owner's phone may not.
    assert normalize_phone(raw, allow_service=True) == stored
    assert normalize_phone(raw) is None
    assert phone_problem(raw) is not None
    assert phone_problem(raw, allow_service=True) is None


def test_ordinary_numbers_are_fine_where_service_numbers_are_allowed() -> None:
    assert normalize_phone("13812345678", allow_service=True) == "13812345678"
    assert normalize_phone("0532-88881234", allow_service=True) == "0532-88881234"


@given(st.integers(min_value=3, max_value=9), st.integers(min_value=0, max_value=10**9 - 1))
def test_every_mobile_survives_the_usual_spellings(second: int, rest: int) -> None:
    number = f"1{second}{rest:09d}"
    for spelled in (
        number,
        f"+86{number}",
        f"{number[:3]} {number[3:7]} {number[7:]}",
        f"{number[:3]}-{number[3:7]}-{number[7:]}",
    ):
        assert normalize_phone(spelled) == number


def test_phone_digits_keeps_only_digits() -> None:
    assert phone_digits("0532-88881234-801") == "053288881234801"
    assert phone_digits("") == ""


# --- masking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("13812345678", "138****5678"),
        ("010-12345678", "010****5678"),
        ("0532-88881234", "053****1234"),
        ("0532-88881234-801", "053****1234"),  # the extension is not the number's tail
        ("0532-8888123", "053****8123"),
        ("400-888-1234", "400****1234"),
        ("", ""),
        (None, ""),
        ("1234567", "****"),  # too short to show anything safely
    ],
)
def test_masking_shows_three_first_and_four_last_digits(stored: str | None, shown: str) -> None:
    assert mask_phone(stored) == shown


@given(st.integers(min_value=3, max_value=9), st.integers(min_value=0, max_value=10**9 - 1))
def test_a_masked_mobile_hides_the_middle_four_digits(second: int, rest: int) -> None:
    number = f"1{second}{rest:09d}"
    masked = mask_phone(number)
    # The regulator protocol's pattern for phones that leave the company.
    assert re.fullmatch(r"\d{3}\*{4}\d{4}", masked)
    assert masked[:3] == number[:3] and masked[-4:] == number[-4:]
    assert number[3:7] not in masked.replace("*", "")[3:-4]


# --- codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["QD001", "QD", "A1", "LAOSHAN2026X"])
def test_good_community_codes(code: str) -> None:
    assert community_code_problem(code) is None


@pytest.mark.parametrize(
    "code", ["qd001", "1QD", "Q", "QD-001", "QD 001", "LAOSHAN2026XY", "青岛1"]
)
def test_bad_community_codes(code: str) -> None:
    assert community_code_problem(code) is not None


@pytest.mark.parametrize("part", ["3", "10", "1201", "A", "3A", "B2"])
def test_good_building_unit_room_numbers(part: str) -> None:
    assert part_code_problem(part) is None


@pytest.mark.parametrize("part", ["", "3-2", "3 号", "123456789", "3/2", "三"])
def test_bad_building_unit_room_numbers(part: str) -> None:
    # Dashes would make household codes ambiguous (QD001-3-2-1201 has exactly three).
    assert part_code_problem(part) is not None


def test_household_code_format() -> None:
    assert household_code("QD001", "3", "2", "1201") == "QD001-3-2-1201"
