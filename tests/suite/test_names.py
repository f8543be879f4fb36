"""Names (姓名, issue 17): the name character set, no Unicode normalisation, the middle dot's look-alikes folded
(``common.schemas.check_name``, docs/api.md "Names"). Through the real services: tests/reliability/test_bad_input.py
(``test_real_names_are_accepted_and_kept_exactly``, ``test_middle_dot_lookalikes_are_folded``)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from common.schemas import DOT_LOOKALIKES, MIDDLE_DOT, PersonName

NAME = TypeAdapter(PersonName)


def code_of(value: object) -> str:
    with pytest.raises(ValidationError) as caught:
        NAME.validate_python(value)
    return caught.value.errors()[0]["type"]


@pytest.mark.parametrize("value", [
    "张三😀", "😀", "张三\u2764", "王★", "李♀", "张三!", "张三?", "张三，", "张(三)", "张_三", "张@三", "张#三",
    "张3", "张三\u00ae", "刘\u2122", "张\ufe0f三", "张\u20dd", "张\u200d三", "张\u200b三", "张\u202e三", "张\ue000", "张\x00三",
    "张\n三", "·张三", "张三·", "张··三", "张 三 ", " 张三", "张  三", "Mary--Jane", "张•", "•张", "张三\U0001F1E8\U0001F1F3",
])
def test_symbols_emoji_and_misplaced_separators_are_refused_with_name_characters(value):
    assert code_of(value) == "name_characters"


@pytest.mark.parametrize("value", ["林\uf91d", "\uf91d", "\uf900\uf901", "e\u0301", "Nguye\u0302\u0303n", "\u212b"])
def test_names_are_stored_exactly_as_sent(value):
    """No normalisation: NFC would turn the compatibility ideograph U+F91D into U+6B04 (and a decomposed é into
    U+00E9, the ångström sign into Å); the registries file the characters as they are."""
    assert unicodedata.normalize("NFC", value) != value  # each is one NFC would change
    assert NAME.validate_python(value) == value


@pytest.mark.parametrize("dot", list(DOT_LOOKALIKES))
def test_each_middle_dot_lookalike_is_folded_to_u00b7(dot):
    assert NAME.validate_python(f"阿依古丽{dot}买买提") == f"阿依古丽{MIDDLE_DOT}买买提"


LETTERS = st.characters(categories=["Lo", "Lu", "Ll"], exclude_characters=DOT_LOOKALIKES)
PART = st.text(LETTERS, min_size=1, max_size=6)


@given(st.lists(PART, min_size=1, max_size=4), st.lists(st.sampled_from(MIDDLE_DOT + DOT_LOOKALIKES), min_size=3,
                                                         max_size=3))
def test_a_name_of_letters_and_dots_is_kept_but_for_the_folded_dots(parts, dots):
    """Invariant: letters are kept code point for code point; each separator becomes U+00B7, nothing else
    changes (same length, same letters in the same places)."""
    sent = "".join(p + (dots[i % 3] if i < len(parts) - 1 else "") for i, p in enumerate(parts))
    stored = NAME.validate_python(sent)
    assert len(stored) == len(sent)
    assert all(a == b or (a in DOT_LOOKALIKES and b == MIDDLE_DOT) for a, b in zip(sent, stored))


@given(PART, st.characters(categories=["So", "Sm", "Sc", "Sk", "Nd", "Cc", "Cf", "Co", "Pd", "Ps", "Pe", "Pi",
                                       "Pf"], exclude_characters="-\u2019" + DOT_LOOKALIKES), PART)
def test_any_symbol_digit_or_control_character_inside_a_name_is_refused(before, bad, after):
    assert code_of(before + bad + after) == "name_characters"


@given(st.text(min_size=1, max_size=20))
def test_a_name_is_either_refused_or_differs_only_by_folded_dots(text):
    try:
        stored = NAME.validate_python(text)
    except ValidationError as exc:
        assert {e["type"] for e in exc.errors()} <= {"name_characters", "string_too_long"}
        return
    assert stored == text.translate({ord(d): MIDDLE_DOT for d in DOT_LOOKALIKES})
