"""The verification client reads only what scoring needs (tolerant reader) and passes problems on."""

from __future__ import annotations

import httpx
import pytest

from common.errors import Unavailable
from shared_kit import TEST_SECRET
from points.clients import VerificationClient, normalise_case
from points.errors import CaseNotFound
from points.rules import facts_digest
from points_kit import FakeVerification, case, eligible_guardian, owned, result


def test_unknown_fields_are_ignored_and_the_digest_does_not_see_them():
    raw = case(eligible_guardian(1, housing=owned()))
    plain = normalise_case(raw)
    decorated = case(eligible_guardian(1, housing=owned()))
    decorated["guardians"] = raw["guardians"]
    decorated["new_top_level_field"] = {"x": 1}
    decorated["guardians"][0]["results"]["housing"]["facts"]["floor_area_m2"] = "88.5"
    decorated["guardians"][0]["results"]["housing"]["reviewer"] = "张三"
    decorated["guardians"][0]["results"]["social_insurance"]["facts"]["employer"] = "某公司"
    again = normalise_case(decorated)
    assert again == plain
    assert facts_digest(again) == facts_digest(plain)
    home = plain["guardians"][0]["results"]["housing"][0]
    assert set(home) == {"id", "outcome", "department", "facts"}
    assert home["facts"]["share_percent"] == "100.00" and "note" not in home


def test_shapes_are_normalised():
    raw = case(eligible_guardian(1))
    g = raw["guardians"][0]
    g["results"]["housing"] = [result("housing", owned()), {"outcome": "weird"}, "junk"]
    g["results"]["business_license"] = None
    g["results"]["fingerprints"] = result("housing", owned())  # a kind this service does not know
    g["results"]["residence_permit"]["facts"]["continuous_since"] = "2019-02-30"  # an impossible date
    g["pending"] = ["business_license", "unknown_kind"]
    raw["guardians"].append({"guardian_no": "two"})  # unusable: dropped
    out = normalise_case(raw)
    (only,) = out["guardians"]
    assert set(only["results"]) == {"residence_permit", "social_insurance", "housing"}
    assert len(only["results"]["housing"]) == 1
    assert "continuous_since" not in only["results"]["residence_permit"][0]["facts"]
    assert only["pending"] == ["business_license"]
    assert out["seq"] == 1 and out["child_birth_date"] == "2018-08-31"


def test_the_client_calls_as_service_points_and_maps_errors():
    fake = FakeVerification(TEST_SECRET)
    fake.put(case(application_no="HY2025-1-000007"))
    client = VerificationClient("http://verification.test", secret=TEST_SECRET, client=fake.client())
    assert client.case_facts("HY2025-1-000007")["application_no"] == "HY2025-1-000007"
    with pytest.raises(CaseNotFound):
        client.case_facts("HY2025-1-000008")
    for n in range(8, 13):
        fake.put(case(application_no=f"HY2025-1-{n:06d}"))
    pages = list(client.iter_pages(2025, 1, changed_after=2, limit=2))
    assert [[c["application_no"][-2:] for c in page] for page in pages] == [["09", "10"], ["11", "12"]]
    assert "changed_after=2" in fake.calls[-1] and "limit=2" in fake.calls[-1]
    fake.down = True
    with pytest.raises(Unavailable):
        client.case_facts("HY2025-1-000007")
    stranger = VerificationClient("http://verification.test", secret="another-secret-" + "y" * 40,
                                  client=fake.client())
    fake.down = False
    with pytest.raises(Exception) as info:
        stranger.case_facts("HY2025-1-000007")
    assert getattr(info.value, "status", None) == 401


def test_an_empty_answer_is_an_empty_page():
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"items": [], "next_cursor": None}))
    client = VerificationClient("http://v", secret=TEST_SECRET, client=httpx.Client(base_url="http://v",
                                                                                     transport=transport))
    assert list(client.iter_pages(2025, 1)) == []
