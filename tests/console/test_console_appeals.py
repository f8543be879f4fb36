"""The bureau's appeals queue in Chromium against the real processes (issues 12 and 13): two families appeal a
published run; the bureau upholds one naming the disputed fact (guardian 1's residence permit) and the other naming
a placement rule, each row then shows where the appeal stands, and the runs page shows the re-run preview (the rule
appeal would be included, the fact appeal waits for the police) before a run is started. axe finds nothing serious
on either page; screenshots under var/report/console/."""

from __future__ import annotations

import pytest

from console_kit import axe_findings, browser, console_suite, page, screenshot, sign_in  # noqa: F401

pytestmark = pytest.mark.processes


def test_the_bureau_names_the_disputed_fact_and_sees_the_rerun_preview(console_suite, page):
    base, bureau_api = console_suite.url, console_suite.roles.bureau.enrollment
    run_id = console_suite.season.result.runs[1][-1]["id"]  # grade 1, published by the season
    assert bureau_api.get(f"/runs/{run_id}")["state"] == "published"
    nos = [p["application_no"] for p, _ in zip(bureau_api.pages(f"/runs/{run_id}/placements"), range(2))]
    appeals = [console_suite.roles.platform.enrollment.post(
        "/appeals", {"run_id": run_id, "application_no": no, "reason": "家长申诉 please check again"},
        key=f"console-appeal-flow-{no}") for no in nos]
    assert [a["disputes"] for a in appeals] == [None, None]  # the families named nothing

    sign_in(page, base, "bureau", console_suite.passwords["bureau"])
    page.goto(f"{base}/console/bureau/runs/{run_id}")
    fact, rule = (page.locator(f"#appeal-{a['id']}") for a in appeals)
    fact.get_by_label("成立 upheld").check()
    fact.get_by_label("类型 What").select_option("fact")
    fact.get_by_label("监护人 Guardian").select_option("1")
    fact.get_by_label("事实 Fact").select_option("residence_permit")
    fact.get_by_role("button", name="提交 Decide").click()
    page.locator(f"#appeal-{appeals[0]['id']} strong", has_text="成立 upheld").wait_for()  # swapped in place
    rule.get_by_label("成立 upheld").check()
    rule.get_by_label("类型 What").select_option("placement_rule")
    rule.get_by_label("规则 Rule").fill("catchment")
    rule.get_by_role("button", name="提交 Decide").click()
    page.locator(f"#appeal-{appeals[1]['id']} strong", has_text="成立 upheld").wait_for()

    stored = {a["id"]: a for a in bureau_api.get("/appeals", run_id=run_id)["items"]}
    first, second = stored[appeals[0]["id"]], stored[appeals[1]["id"]]
    assert first["disputes"] == {"type": "fact", "guardian_no": 1, "kind": "residence_permit"}
    assert first["progress"] == "waiting_for_department" and first["decided_by"] == "bureau"
    assert second["disputes"] == {"type": "placement_rule", "rule": "catchment"}
    assert second["progress"] == "ready_for_rerun"

    page.reload()
    fact_row = page.locator(f"#appeal-{appeals[0]['id']}").inner_text()
    assert "居住证 residence permit" in fact_row and "waiting for" in fact_row
    assert "ready for re-run" in page.locator(f"#appeal-{appeals[1]['id']}").inner_text()
    assert axe_findings(page) == []
    assert screenshot(page, "bureau-appeals-queue").stat().st_size > 10_000

    page.goto(f"{base}/console/bureau/runs")
    preview = page.get_by_role("table", name="小学一年级 Grade 1 重新录取预览", exact=False)
    text = preview.inner_text()
    assert "将纳入 1 件复核，1 件仍在等待部门复查" in text
    assert nos[1] in text and "would be included" in text
    assert nos[0] in text and "not yet: waiting for" in text
    api = bureau_api.get("/runs/preview", season=2025, grade=1)
    assert [a["id"] for a in api["would_include"]] == [appeals[1]["id"]]
    assert axe_findings(page) == []
    assert screenshot(page, "bureau-runs-rerun-preview").stat().st_size > 10_000
