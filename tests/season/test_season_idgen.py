"""Synthetic identifiers: check characters computed by tongcheng.idgen, verified with common.ids and python-stdnum."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc as stdnum_uscc

from common.ids import check_id_number, check_uscc
from tongcheng.idgen import USCC_ALPHABET, id_check_char, id_number, org_check_char, uscc, uscc_check_char

COUNTIES = st.sampled_from(["510722", "520221", "341221", "360430", "411528", "430524", "530627", "500233"])
BIRTHS = st.dates(min_value=date(1975, 1, 1), max_value=date(2019, 12, 31))


def test_known_check_characters():
    # GB 11643's published example and a USCC printed on a real licence (stdnum's example).
    assert id_check_char("11010519491231002") == "X"
    assert uscc_check_char("91110000600037341") == "L"
    assert org_check_char("60003734") == "1"


@given(COUNTIES, BIRTHS, st.integers(0, 999))
def test_id_numbers_pass_the_services_check(county, born, seq):
    number = id_number(county, born, seq)
    assert check_id_number(number, today=date(2025, 4, 30)) == number
    assert ric.get_birth_date(number) == born
    assert int(number[14:17]) % 2 == seq % 2


@given(COUNTIES, BIRTHS, st.integers(0, 999), st.integers(0, 16), st.integers(1, 9))
def test_a_changed_digit_breaks_the_check(county, born, seq, pos, delta):
    number = id_number(county, born, seq)
    digit = str((int(number[pos]) + delta) % 10)
    changed = number[:pos] + digit + number[pos + 1:]
    with pytest.raises(ValueError):
        check_id_number(changed, today=date(2025, 4, 30))


@given(st.text(alphabet=USCC_ALPHABET, min_size=8, max_size=8), st.booleans(),
       st.sampled_from(["331003", "331004"]))
def test_usccs_pass_gb_32100(body, individual, county):
    code = uscc(county, body, individual=individual)
    assert len(code) == 18 and code[:2] == ("92" if individual else "91") and code[2:8] == county
    assert check_uscc(code) == code
    assert stdnum_uscc.is_valid(code)
    wrong = code[:17] + USCC_ALPHABET[(USCC_ALPHABET.index(code[17]) + 1) % 31]
    with pytest.raises(ValueError):
        check_uscc(wrong)


@pytest.mark.parametrize("bad", ["1234567890123456", "11010519491231002a", "１１０１０５１９４９１２３１００２"])
def test_id_check_refuses_a_bad_body(bad):
    with pytest.raises(ValueError):
        id_check_char(bad)
