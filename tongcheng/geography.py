"""Where the synthetic families live and come from: the demographic assumptions of the demo cohort and the
district's school data, in one place.

- ``TOWNSHIP_WEIGHTS``: share of migrant families by township of residence, percent. Plan 三(二) names 西城, 北城,
  新前, 江口 and 院桥 as the townships where migrants concentrate (``HOT_TOWNSHIPS``).
- ``NEIGHBOURS``: an approximate adjacency of Huangyan's 19 townships (urban core in the east, mountain townships in
  the west), used only to draw plausible school choices; it is not a map.
- ``ORIGIN_COUNTIES``: provinces Huangyan's migrants mostly come from, each with a weight and a few county codes
  (GB/T 2260) that issue their ID numbers.
"""

from __future__ import annotations

from common.townships import townships

# Township code → share of migrant families (percent; sums to 100).
TOWNSHIP_WEIGHTS: dict[str, float] = {
    "331003003": 15.0,  # 西城街道
    "331003004": 14.0,  # 北城街道
    "331003005": 13.0,  # 新前街道
    "331003007": 12.0,  # 江口街道
    "331003107": 11.0,  # 院桥镇
    "331003001": 7.0,   # 东城街道
    "331003002": 7.0,   # 南城街道
    "331003006": 5.0,   # 澄江街道
    "331003008": 5.0,   # 高桥街道
    "331003108": 2.0,   # 沙埠镇
    "331003103": 2.0,   # 头陀镇
    "331003102": 2.0,   # 北洋镇
    "331003101": 2.0,   # 宁溪镇
    "331003200": 0.5,   # 屿头乡
    "331003201": 0.5,   # 上郑乡
    "331003202": 0.5,   # 富山乡
    "331003203": 0.5,   # 茅畲乡
    "331003204": 0.5,   # 上垟乡
    "331003205": 0.5,   # 平田乡
}

HOT_TOWNSHIPS: tuple[str, ...] = ("331003003", "331003004", "331003005", "331003007", "331003107")

_EDGES = [
    ("001", "002"), ("001", "003"), ("001", "004"), ("001", "007"),
    ("002", "003"), ("002", "005"), ("002", "007"), ("002", "008"),
    ("003", "004"), ("003", "005"), ("003", "006"),
    ("004", "006"), ("004", "007"),
    ("005", "006"), ("005", "008"), ("005", "107"), ("005", "108"),
    ("006", "103"), ("006", "102"),
    ("007", "008"),
    ("008", "107"),
    ("107", "108"),
    ("108", "202"), ("108", "200"),
    ("103", "102"), ("103", "203"),
    ("102", "101"), ("102", "205"), ("102", "200"), ("102", "203"),
    ("101", "201"), ("101", "204"), ("101", "200"),
    ("201", "204"),
    ("200", "205"), ("200", "202"),
]


def _neighbours() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {code: [] for code in TOWNSHIP_WEIGHTS}
    for a, b in _EDGES:
        a, b = "331003" + a, "331003" + b
        out[a].append(b)
        out[b].append(a)
    return {code: tuple(sorted(ns)) for code, ns in out.items()}


NEIGHBOURS: dict[str, tuple[str, ...]] = _neighbours()

# Province → (weight, county codes issuing ID numbers). Sichuan 51, Guizhou 52, Anhui 34, Jiangxi 36, Henan 41,
# Hunan 43, Yunnan 53, Chongqing 50.
ORIGIN_COUNTIES: dict[str, tuple[float, tuple[str, ...]]] = {
    "52": (22.0, ("520221", "520521", "520524", "520526", "520422", "520324")),  # 水城 大方 织金 威宁 普定 正安
    "51": (16.0, ("510722", "511321", "511623", "511725", "511922", "510921")),  # 三台 南部 邻水 渠县 南江 蓬溪
    "34": (12.0, ("341221", "341222", "341621", "341623", "341322", "340826")),  # 临泉 太和 涡阳 利辛 萧县 宿松
    "36": (12.0, ("361127", "361128", "360430", "361126", "360732", "360827")),  # 余干 鄱阳 彭泽 弋阳 兴国 遂川
    "41": (12.0, ("411528", "411627", "411422", "411526", "411625", "411524")),  # 息县 太康 睢县 潢川 郸城 商城
    "43": (10.0, ("431121", "430524", "430525", "431023", "430528", "431228")),  # 祁阳 隆回 洞口 永兴 新宁 芷江
    "53": (9.0, ("530627", "530628", "530621", "530629", "530623", "530324")),   # 镇雄 彝良 鲁甸 威信 盐津 罗平
    "50": (7.0, ("500233", "500236", "500238", "500235", "500229", "500243")),   # 忠县 奉节 巫溪 云阳 城口 彭水
}

OTHER_COUNTIES = ("331002", "331004")  # 椒江, 路桥: permits or insurance held in a neighbouring district


def township_name(code: str) -> str:
    """Chinese name of a township code (e.g. ``331003003`` → ``西城街道``)."""
    return townships()[code]["name_zh"]


def short_name(code: str) -> str:
    """Name without the 街道/镇/乡 suffix (``西城``)."""
    name = township_name(code)
    for suffix in ("街道", "镇", "乡"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def check_consistency() -> None:
    """The weights cover exactly the 19 townships of data/huangyan-townships.csv and sum to 100."""
    if set(TOWNSHIP_WEIGHTS) != set(townships()):
        raise AssertionError("TOWNSHIP_WEIGHTS must name every township of data/huangyan-townships.csv")
    if abs(sum(TOWNSHIP_WEIGHTS.values()) - 100.0) > 1e-9:
        raise AssertionError("TOWNSHIP_WEIGHTS must sum to 100")
