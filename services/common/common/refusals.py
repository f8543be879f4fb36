"""Stable rule codes for refused fields (issue 17): the one list a platform switches on.

A field check raises :func:`refuse` (``raise refuse("id_checksum", "...")``): a pydantic error whose ``type`` is
the rule's code and whose message carries no library prefix, with the Chinese message beside the English one.
:mod:`common.errors` answers it as ``errors: [{field, code, message, message_en, message_zh}]``; a
:class:`common.errors.DomainError` naming a ``field`` is answered the same way. ``docs/api.md`` ("Rule codes")
lists :data:`RULES` and pydantic's own schema codes (:data:`SCHEMA_ZH`); ``tests/reliability`` checks that every
listed code can be produced through the real apps and that nothing else is.
"""

from __future__ import annotations

from pydantic_core import PydanticCustomError

RULES: dict[str, str] = {
    # identifiers (BRIEF §9)
    "id_format": "身份证号码须为18位：17位数字加1位校验码（0-9或X），不得含空格、全角字符或15位旧号",
    "id_birth_date": "身份证号码中的出生日期不存在、在未来或早于1900年",
    "id_checksum": "身份证号码校验码不正确（GB 11643，ISO 7064 MOD 11-2）",
    "id_area": "身份证号码前六位的地区码不属于任何省级行政区（GB/T 2260）",
    "uscc_format": "统一社会信用代码须为18位，字符取自 0-9A-HJ-NPQRTUWXY",
    "uscc_checksum": "统一社会信用代码校验码不正确（GB 32100）",
    # people and their contacts
    "name_characters": "姓名只能由文字组成，少数民族姓名各部分之间用间隔号（·）；不得含数字、表情符号、其他符号或控制字符",
    "phone_format": "电话须为11位手机号（13–19开头）或带区号的固定电话",
    "birth_date_mismatch": "出生日期与身份证号码中的出生日期不一致",
    "birth_date_range": "出生日期在未来或早得不合理",
    "age_out_of_range": "儿童年龄超出该年级的入学年龄范围（教育局可登记年龄例外）",
    "duplicate_guardian": "监护人重复（同一身份证号码或同一序号出现两次）",
    "guardian_is_child": "监护人的身份证号码与儿童相同",
    "guardian_age": "监护人出生不早于儿童，或在儿童出生时未满规定年龄",
    "guardian_no_range": "监护人序号（guardian_no）只能是1或2",
    "unknown_guardian": "所指的监护人（guardian_no）不在该家庭的监护人列表中",
    "duplicate_claim": "同一监护人同一类佐证材料只能申报一项",
    # values
    "money_format": "金额须为最多两位小数的十进制字符串（如 \"3000.00\"），不得为JSON数字",
    "points_format": "分值须为最多两位小数的十进制字符串（如 \"0.20\"），不得为JSON数字",
    "percent_format": "百分比须为大于0且不超过100、最多两位小数的十进制字符串（如 \"50.00\"）",
    "area_format": "面积须为非负的十进制字符串或整数（平方米），最多两位小数",
    "date_format": "日期须为 YYYY-MM-DD 格式的字符串",
    "datetime_format": "时间须为带时区偏移的 ISO 8601 字符串",
    "date_order": "结束日期早于开始日期，或只给了其中一个",
    "grade_unknown": "年级不存在（入学年级为1或7）",
    "text_characters": "文本含控制字符、孤立代理字符或首尾空格",
    "township_unknown": "乡镇（街道）代码不是黄岩区的",
    "township_county": "乡镇（街道）代码不属于所填的县（区）",
    # records whose fields go together
    "school_fields": "学校的字段与其类型或学段不符",
    "leave_code": "离校原因与转入学校不匹配（仅转入民办学校可填转入学校）",
    "roll_empty": "在校确认至少要列出一名在读或离校的学生",
    # school choices (BRIEF §4 step 2)
    "unknown_school": "学校代码不存在",
    "unknown_semester": "资金服务中没有这个学期，请先配置学期",
    "duplicate_choice": "同一学校填报了两次",
    "wrong_school_kind": "学校类型不符（公办志愿填公办学校，民办志愿填民办学校）",
    "wrong_level": "学校学段与年级不符",
    "school_not_admitting": "学校正在停办或已关闭，不招收新生",
    # rules checked against stored records (each service's error codes in docs/api.md)
    "plan_over_capacity": "招生计划超过核定规模或年级班额",
    "field_immutable": "学校类型和学段不能修改，请登记新学校",
    "code_mismatch": "请求体中的代码与路径中的不一致",
    "other_grade": "比较的录取批次不属于同一季度和年级",
    "not_in_run": "该申请不在这个录取批次中",
    "no_such_fact": "该申请没有这一项核验可复核",
    "application_no_format": "不是申请编号",
    "invalid_facts": "核验事实与核验结果不符，或记录日期在未来、早于1949年10月1日，或连续月数超过可能",
    "contradicts_claim": "核验确认的事实与申报不一致",
    "rulebook_invalid": "积分细则不符合规则",
    "amount_mismatch": "金额与应付金额不一致",
    "seat_not_in_settlement": "该学位不在此结算中",
    "no_change": "更正后天数不变，无需调整",
    "school_level_mismatch": "学校学段与资金系统登记的不一致",
    "grade_not_taught": "该校不开设这个年级",
    "seat_not_on_roll": "该学位不在本学期该校的在校名单上",
    "duplicate_seat": "同一学位被列出两次",
    "same_school": "转入学校与当前学校相同",
    "date_range": "日期不在允许的期间内",
    "webhook_url_forbidden": "推送地址须为公网 https 地址，不得为IP地址或解析到内网、本机、链路本地等地址",
    "bad_upload": "上传的文件无法读取（不是CSV/XLSX、没有该工作表或缺少必填列）",
    # requests
    "idempotency_key_reused": "同一个 Idempotency-Key 已用于另一个请求",
    "invalid_cursor": "翻页游标不是本列表给出的",
    "page_limit": "每页条数须为1至1000的整数（ASCII数字）",
    "unknown_parameter": "该接口不接受这个查询参数",
    "idempotency_key_required": "批量提交必须带 Idempotency-Key 请求头",
}
"""Our rule codes → the Chinese message; the English message is the check's own (it names the value)."""

SCHEMA_ZH: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段（不允许额外字段）",
    "json_invalid": "请求体不是合法的JSON",
    "string_type": "应为字符串",
    "string_unicode": "字符串含孤立代理字符（无法编码为UTF-8）",
    "string_too_short": "字符串太短",
    "string_too_long": "字符串太长",
    "string_pattern_mismatch": "字符串格式不符",
    "int_type": "应为整数（不得为字符串、小数或布尔值）",
    "int_parsing": "应为整数",
    "bool_type": "应为布尔值 true 或 false",
    "bool_parsing": "应为布尔值 true 或 false",
    "greater_than": "数值太小",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
    "literal_error": "取值不在允许的范围内",
    "list_type": "应为数组",
    "dict_type": "应为对象",
    "model_attributes_type": "应为对象",
    "too_short": "数组元素太少",
    "too_long": "数组元素太多",
    "union_tag_invalid": "类型标记取值不在允许的范围内",
    "union_tag_not_found": "缺少类型标记字段",
}
"""pydantic's own error types that the schemas answer, with a Chinese message; pydantic's English message is kept.
These are stable too (pydantic documents them), and listed in docs/api.md beside :data:`RULES`."""

FALLBACK_ZH = "输入不符合要求"


def refuse(code: str, message: str) -> PydanticCustomError:
    """The error a field check raises for rule ``code`` (a key of :data:`RULES`; ``KeyError`` otherwise, so a
    code cannot be used before it is listed) with the English ``message``; pydantic reports it with
    ``type == code``, ``msg == message`` and the Chinese message in ``ctx["message_zh"]``."""
    zh = RULES[code]
    return PydanticCustomError(code, "{message}", {"message": message, "message_zh": zh})


def message_zh(code: str) -> str:
    """The Chinese message of a rule or schema code (a generic one for a code not listed)."""
    return RULES.get(code) or SCHEMA_ZH.get(code) or FALLBACK_ZH


def listed(code: str) -> bool:
    """Whether ``code`` is in the documented list (our rules and the schema codes)."""
    return code in RULES or code in SCHEMA_ZH
