"""The console with the keyboard alone, and its newer pages in Chromium (issue 12): the bureau starts and publishes a
run with Tab, Enter and Space only (the publish gate refusing a run whose stored placements were tampered with,
naming the failed check), a clerk posts a result the same way, a school's staff confirm their semester roll with a
leaver, finance computes, approves and pays, the auditor verifies the ledger; the change history, the roll and the publish pages pass axe with a screenshot each under
var/report/console/.

"Keyboard alone": these tests never click; they press Tab until the element they want has the focus (read back
from ``document.activeElement``), then Enter, Space, arrows or typed text.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from console_kit import (axe_findings, browser, choose, console_suite, page, police_request,  # noqa: F401
                         press, screenshot, sign_in_by_keyboard, tab_to, type_date)
from tongcheng.staff import run as staff

pytestmark = pytest.mark.processes


def _check_page(page, name: str) -> None:
    assert axe_findings(page) == [], name
    assert screenshot(page, name).stat().st_size > 10_000
    assert not re.search(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])", page.content())  # no whole ID number


def test_the_bureau_starts_and_publishes_a_run_with_the_keyboard_and_the_gate_refuses_a_tampered_one(
        console_suite, page):
    base, api = console_suite.url, console_suite.roles.bureau.enrollment
    sign_in_by_keyboard(page, base, "bureau", console_suite.passwords["bureau"])
    press(page, "录取批次 Runs")
    tab_to(page, "年级 Grade")
    page.keyboard.press("ArrowDown")  # 小学一年级 → 初中一年级
    assert page.evaluate("() => document.activeElement.value") == "7"
    tab_to(page, "随机种子 Seed")
    page.keyboard.type("keyboard-2025-g7")
    press(page, "启动 Start")
    run_id = int(re.search(r"/runs/(\d+)$", page.url).group(1))
    assert api.get(f"/runs/{run_id}")["state"] == "draft"

    # a placement row goes missing after the run was placed: the gate, run again on publishing, must refuse
    db = console_suite.var / "data" / "enrollment.db"
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT * FROM placements WHERE run_id = ? ORDER BY id LIMIT 1", (run_id,)).fetchone()
        conn.execute("DELETE FROM placements WHERE id = ?", (row[0],))
    press(page, "公示… Publish…")
    gate = page.locator("#gate")
    assert "全部通过 all passed" in gate.inner_text()  # the checks stored when the run was placed
    assert "applicants = placed + unplaced" in gate.inner_text()
    _check_page(page, "bureau-publish")
    press(page, "确认公示 Publish", key="Space")
    refused = page.locator("#gate-refused")
    named = refused.inner_text()
    assert "(accounted): applicants" in named and "in the snapshot but has no outcome" in named
    assert "(digest)" not in named and "(capacity)" not in named  # only the checks that failed are named
    assert api.get(f"/runs/{run_id}")["state"] == "draft"

    with sqlite3.connect(db) as conn:  # put the row back: the same run now passes
        conn.execute(f"INSERT INTO placements VALUES ({', '.join('?' * len(row))})", row)
    press(page, "确认公示 Publish", key="Space")
    assert api.get(f"/runs/{run_id}")["state"] == "published"
    assert page.url.endswith(f"/runs/{run_id}")


def test_a_clerk_posts_a_result_with_the_keyboard(console_suite, page):
    request_id = police_request(console_suite, "HY2025-1-KEYBOARD", "钱七", 55)
    sign_in_by_keyboard(page, console_suite.url, "police", console_suite.passwords["police"])
    tab_to(page, "类型 Kind")
    page.keyboard.press("ArrowDown")  # 居住证: HTMX swaps the queue in place, the focus stays on the filter
    page.locator(f"a[href$='/requests/{request_id}']").wait_for()
    press(page, f"#{request_id}")
    tab_to(page, "核实一致 confirmed (facts of record)")
    page.keyboard.press("Space")
    for label, value in [("县区代码 county code", "331003"), ("状态 status (valid / suspended)", "valid"),
                         ("签发日期 issued on", "2020-05-01"), ("连续居住起始 continuous since", "2020-05-01"),
                         ("乡镇街道代码 township code", "331003001")]:
        tab_to(page, label)
        type_date(page, value) if "日期" in label or "起始" in label else page.keyboard.type(value)
    press(page, "提交结果 Post the result")
    assert "已提交核验结果" in page.content()
    history = console_suite.roles.bureau.verification.get(f"/requests/{request_id}")["history"]
    assert [(r["outcome"], r["facts"]["issued_on"]) for r in history] == [("confirmed", "2020-05-01")]


def _final_and_handed_over(console_suite) -> None:
    """Both grades' latest runs final and their purchased seats in funding (the roll lists them)."""
    api = console_suite.roles.bureau.enrollment
    for grade in (1, 7):
        latest = api.get("/runs", season=2025, grade=grade)["items"][0]
        if latest["state"] == "published":
            api.post(f"/runs/{latest['id']}/finalise", key=f"keyboard-finalise-{latest['id']}")
    for _ in range(100):
        if api.get("/outbox")["pending"] == 0:
            return
        api.post("/outbox/flush")
    raise AssertionError("the purchased seats did not reach funding")


def test_a_schools_staff_confirm_the_roll_with_a_leaver_by_keyboard_and_finance_sees_what_waits(console_suite,
                                                                                                page):
    _final_and_handed_over(console_suite)
    funding = console_suite.roles.bureau.funding
    seats = list(funding.pages("/purchased-seats", semester="2025-autumn"))
    assert seats, "the season's runs placed pupils in purchased seats"
    school = seats[0]["school_code"]
    staff("add", console_suite.var, "xu.laoshi", "school", school=school, password="school-password-1")
    sign_in_by_keyboard(page, console_suite.url, "xu.laoshi", "school-password-1")
    assert page.url.endswith("/console/rolls")
    awaiting = [i for i in funding.pages(f"/rolls/{school}/2025-autumn") if i["status"] == "awaiting"]
    page.goto(f"{console_suite.url}/console/rolls?semester=2025-autumn")
    _check_page(page, "school-roll")
    leaver = awaiting[0]
    tab_to(page, f"{leaver['application_no']} 确认 choice")
    page.keyboard.press("ArrowDown")  # 在校 → 离校
    assert page.evaluate("() => document.activeElement.value") == "left"
    tab_to(page, f"{leaver['application_no']} 最后在校日 last day")
    type_date(page, "2025-11-14")
    tab_to(page, f"{leaver['application_no']} 离校原因 reason")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # 转入公办学校（插班）
    press(page, "核对… Check the answers…")
    assert "核对在校确认" in page.content() and "2025-11-14" in page.locator("#leavers").inner_text()
    _check_page(page, "school-roll-check")
    press(page, "确认在校名单 Confirm the roll", key="Space")
    assert "已确认在校名单" in page.content()
    roll = funding.get(f"/rolls/{school}/2025-autumn")
    left = next(i for i in roll["items"] if i["seat_id"] == leaver["seat_id"])
    assert (left["status"], left["left_on"], left["code"]) == ("left", "2025-11-14", "public_school")
    assert roll["counts"]["awaiting"] == 0 and roll["confirmations"][-1]["confirmed_by"] == "xu.laoshi"
    assert roll["confirmations"][-1]["confirmed_role"] == "school"  # the person, as the school's staff

    # another school's roll: the API's 403, shown as the 403 page
    other = next((s["school_code"] for s in seats if s["school_code"] != school), None)
    if other:
        answer = page.goto(f"{console_suite.url}/console/rolls?school_code={other}&semester=2025-autumn")
        assert answer.status == 403


def test_finance_computes_approves_and_pays_and_the_auditor_verifies_with_the_keyboard(console_suite, page):
    funding = console_suite.roles.finance.funding
    school = next(funding.pages("/purchased-seats", semester="2025-autumn"))["school_code"]  # its roll is confirmed
    sign_in_by_keyboard(page, console_suite.url, "finance", console_suite.passwords["finance"])
    tab_to(page, "学期 Semester")
    choose(page, "2025-autumn")
    press(page, "筛选 Filter")
    press(page, "计算 2025-autumn 结算草稿 Compute this semester's draft settlements")
    settlement = next(s for s in funding.pages("/settlements", semester="2025-autumn") if s["school_code"] == school)
    assert settlement["state"] == "draft" and settlement["total"] != "0.00"
    press(page, f"#{settlement['id']}")
    press(page, "审批… Approve…")
    press(page, "确认审批 Approve", key="Space")
    assert funding.get(f"/settlements/{settlement['id']}", lines="false")["state"] == "approved"
    tab_to(page, "支付凭证号 Payment reference")  # the amount due and today are filled in
    page.keyboard.type(f"HYCZ-keyboard-{settlement['id']}")
    press(page, "记录拨付 Record the payment")
    assert funding.get(f"/settlements/{settlement['id']}", lines="false")["state"] == "paid"

    sign_in_by_keyboard(page, console_suite.url, "auditor", console_suite.passwords["auditor"])
    tab_to(page, "立即核验 Verify now")
    page.keyboard.press("Enter")  # HTMX: the result in place
    page.get_by_text("账本完整，对账一致").wait_for()


def test_the_bureau_and_the_auditor_read_a_schools_change_history(console_suite, page):
    school = console_suite.roles.bureau.enrollment.get("/schools", limit=1)["items"][0]["code"]
    for who in ("bureau", "auditor"):
        sign_in_by_keyboard(page, console_suite.url, who, console_suite.passwords[who])
        press(page, "变更记录 History" if who == "bureau" else "变更记录 Change history")
        tab_to(page, "记录类型 Record")
        page.keyboard.press("ArrowDown")  # 学校 school
        tab_to(page, "学校代码 School code")
        page.keyboard.type(school)
        page.keyboard.press("Enter")
        page.locator("#changes").wait_for()
        rows = page.locator("#changes tbody tr")
        assert rows.count() >= 1 and "创建 created" in rows.first.inner_text()
        assert "bureau:" in rows.first.inner_text()  # who: role:subject
        assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", rows.first.inner_text())  # when, Beijing time
        _check_page(page, f"{who}-change-history")
