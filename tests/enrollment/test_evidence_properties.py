"""The evidence of a run on random instances (hypothesis): the O(N·k) certificate counts exactly the blocking pairs
of the engine's independent check, the gate passes every result the engine produces, the cut-offs derived from the
placements are the engine's, and a changed placement or input never passes (issue 13; BRIEF §5, §6)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollment import evidence
from enrollment.placement import blocking_pairs, place
from test_placement_properties import MECHANISMS, instances

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _gate(applicants, schools, outcomes, result):
    cutoffs = {c: None if x is None else {"application_no": x.application_no, "tier": x.tier}
               for c, x in result.cutoffs.items()}
    return evidence.gate(applicants, schools, outcomes, seed=result.seed, mechanism=result.mechanism,
                         input_digest=result.input_digest, stored_cutoffs=cutoffs)


@SETTINGS
@given(instances(), st.sampled_from(MECHANISMS))
def test_certificate_counts_the_engines_blocking_pairs_and_the_gate_passes(instance, mechanism):
    applicants, schools, seed = instance
    result = place(applicants, schools, seed=seed, mechanism=mechanism)
    outcomes = evidence.outcomes_of(result)
    assert evidence.blocking_pairs(applicants, schools, outcomes, seed) == blocking_pairs(result, applicants,
                                                                                          schools, seed)
    answer = _gate(applicants, schools, outcomes, result)
    assert answer["passed"], evidence.failed(answer)
    if mechanism == "deferred_acceptance":
        assert answer["certificate"]["blocking_pairs"] == 0
    derived = answer["certificate"]["cutoffs"]
    assert {c: None if x is None else (x["application_no"], x["tier"]) for c, x in derived.items()} == \
        {c: None if x is None else (x.application_no, x.tier) for c, x in result.cutoffs.items()}


@SETTINGS
@given(instances(), st.sampled_from(MECHANISMS), st.data())
def test_a_changed_placement_or_score_never_passes(instance, mechanism, data):
    applicants, schools, seed = instance
    result = place(applicants, schools, seed=seed, mechanism=mechanism)
    outcomes = evidence.outcomes_of(result)
    if applicants:
        who = data.draw(st.sampled_from(applicants))
        moved = dict(outcomes)
        codes = sorted({s.code for s in schools} - {outcomes[who.id].school_code})
        target = data.draw(st.sampled_from(codes + [None]))
        moved[who.id] = (evidence.Outcome(1, target, 1, 1, None) if target
                         else evidence.Outcome(None, None, None, None, "no_seat"))
        if moved[who.id] != outcomes[who.id]:
            answer = _gate(applicants, schools, moved, result)
            assert not answer["passed"]
            assert "reproduced" in {c["name"] for c in evidence.failed(answer)}
        changed = [replace(a, family_score=a.family_score + 1) if a.id == who.id else a for a in applicants]
        answer = _gate(changed, schools, outcomes, result)
        assert "digest" in {c["name"] for c in evidence.failed(answer)}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_the_snapshot_files_bytes_are_jsons_indented_dump(doc):
    """``evidence.dumps`` writes the file itself (issue 15: json's indented encoder is pure Python), byte for byte
    what ``json.dumps(..., sort_keys=True, indent=1)`` writes, floats and non-text keys included (left to json)."""
    import json

    try:
        want = (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()
    except (TypeError, UnicodeEncodeError) as exc:  # mixed key types json cannot sort; a lone surrogate
        try:
            evidence.dumps(doc)
        except type(exc):
            return
        raise AssertionError(f"json refuses {doc!r} ({exc}), evidence.dumps does not")
    assert evidence.dumps(doc) == want
