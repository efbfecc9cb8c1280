#!/usr/bin/env python3
"""Hand-made gold for the held-out texts (rows as literals, document order).

Written with the csv module (RFC 4180 quoting, CRLF line ends), as /work/shared/gold.
"""

import csv
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"

FZ = "fuzhoujx-2021-township-nursing-home-ten-measures"
YH = "yuhua-changsha-2024-home-care-fund-publicity"
PL = "pingliang-2025-ten-livelihood-projects"
CD = "chengdu-2023-civil-affairs-livelihood-projects"
DD = "dandong-2024-meal-assistance-subsidy-measures"

DOCUMENTS = [
    ("document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"),
    (FZ, "印发推动乡镇敬老院高质量发展十条措施的通知", "", "", "", "", "policy_measures"),
    (
        YH,
        "关于居家和社区基本养老服务提升行动项目资金使用情况公示",
        "",
        "长沙市雨花区民政局",
        "",
        "2024-09-14",
        "notice",
    ),
    (PL, "2025年平凉市将办好这10件为民实事", "", "新甘肃·甘肃日报", "2025-01-09", "", "other"),
    (CD, "成都今年将建设社区养老服务综合体27个", "", "成都商报", "2023-03-03", "", "other"),
    (DD, "丹东市出台老年助餐服务补贴支持办法", "", "", "", "", "other"),
]

TARGETS = [
    ("source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"),
    # 抚州: 一
    (
        FZ,
        "乡镇敬老院单体项目床位设置规模",
        "lte",
        "150",
        "",
        "张",
        "",
        "新建、改建或扩建的乡镇敬老院",
        "单体项目床位设置规模原则上不超过150张",
    ),
    (
        FZ,
        "新建乡镇敬老院护理型床位占比",
        "gte",
        "60",
        "",
        "%",
        "",
        "新建乡镇敬老院",
        "新建护理型床位占比不低于60%",
    ),
    (
        FZ,
        "改建或扩建乡镇敬老院护理型床位占比",
        "gte",
        "50",
        "",
        "%",
        "",
        "改建或扩建乡镇敬老院",
        "改建或扩建护理型床位占比不低于50%",
    ),
    # 二
    (
        FZ,
        "在运营乡镇敬老院适老化改造完成比例",
        "gte",
        "80",
        "",
        "%",
        "2022",
        "在运营的乡镇敬老院",
        "2022年底前完成80%以上",
    ),
    # 三
    (
        FZ,
        "乡镇敬老院协作区域包含的毗邻乡镇数",
        "range",
        "2",
        "3",
        "个",
        "",
        "每个协作区域",
        "按每2至3个毗邻乡镇组成一个协作区域",
    ),
    (FZ, "每个协作区域的区域性中心敬老院数量", "eq", "1", "", "所", "", "每个协作区域", "选择该区域内一所"),
    (
        FZ,
        "在运营的乡镇敬老院入住率",
        "gte",
        "60",
        "",
        "%",
        "2022",
        "各县（区）",
        "在运营的乡镇敬老院入住率达到60%以上",
    ),
    # 五
    (
        FZ,
        "公建民营乡镇敬老院保留用于政府供养和基本养老服务保障对象的床位比例",
        "gte",
        "20",
        "",
        "%",
        "",
        "公建民营乡镇敬老院",
        "保留不低于20%的床位",
    ),
    # 雨花
    (
        YH,
        "家庭养老床位建设(经济困难的失能、部分失能老年人)",
        "eq",
        "400",
        "",
        "户",
        "",
        "雨花区",
        "完成400户家庭养老床位建设",
    ),
    (
        YH,
        "居家养老上门服务(经济困难的失能、部分失能老年人)",
        "eq",
        "800",
        "",
        "人次",
        "",
        "雨花区",
        "800人次居家养老上门服务。同时",
    ),
    # 平凉
    (PL, "建成乡镇综合养老服务中心", "gte", "10", "", "个", "2025", "", "建成乡镇综合养老服务中心10个以上"),
    (PL, "建成村级互助幸福院", "gte", "20", "", "个", "2025", "", "村级互助幸福院20个以上"),
    # 成都
    (
        CD,
        "空巢独居老年人适老化改造",
        "eq",
        "10000",
        "",
        "户",
        "2023",
        "",
        "计划空巢独居老年人适老化改造10000户",
    ),
    (CD, "建设社区养老服务综合体", "eq", "27", "", "个", "2023", "", "建设社区养老服务综合体27个,推进"),
    (CD, "养老服务圈步行时间", "lte", "15", "", "分钟", "", "", "推进“15分钟养老服务圈”建设"),
    (CD, "老年认知障碍友好示范社区", "eq", "23", "", "个", "2023", "", "打造示范社区23个"),
    (CD, "建设老年人助餐点", "eq", "100", "", "个", "2023", "", "建设老年人助餐点100个"),
    (
        CD,
        "有意愿且符合条件的特困人员集中供养率",
        "eq",
        "100",
        "",
        "%",
        "2023",
        "",
        "实现有意愿且符合条件的特困人员集中供养率100%",
    ),
    (
        CD,
        "开放型复合型养老服务机构",
        "gte",
        "25",
        "",
        "家",
        "2023",
        "",
        "2023年至少打造25家开放型复合型养老服务机构",
    ),
]

SUBSIDIES = [
    (
        "source_id",
        "kind",
        "recipient",
        "amount_yuan",
        "rate_percent",
        "cap_yuan",
        "basis",
        "frequency",
        "quote",
        "condition",
        "recipient_type",
    ),
    # 抚州
    (
        FZ,
        "construction",
        "规模小、条件差的乡镇敬老院(新建、改建或扩建;政府专项债、中央预算内项目资金)",
        "",
        "",
        "",
        "project",
        "unspecified",
        "积极统筹政府专项债、中央预算内项目资金",
        "",
        "provider",
    ),
    (
        FZ,
        "budget_allocation",
        "乡镇敬老院(正常运营所需经费,列入县区财政预算)",
        "",
        "",
        "",
        "total",
        "annual",
        "要把乡镇敬老院正常运营所需经费列入财政预算",
        "",
        "provider",
    ),
    (
        FZ,
        "operation",
        "乡镇敬老院(运行经费)",
        "20000",
        "",
        "",
        "facility",
        "annual",
        "安排运行经费（不含人员工资、绩效等经费）不少于2万元/年",
        "入住人数少于或等于10人",
        "provider",
    ),
    (
        FZ,
        "operation",
        "乡镇敬老院(运行经费,超过10人后每增加1名入住人员)",
        "2000",
        "",
        "",
        "person",
        "annual",
        "每增加1人，增加运行经费不少于0.2万元/年",
        "入住人数大于10人",
        "provider",
    ),
    (
        FZ,
        "construction",
        "乡镇敬老院新建或提升改造工程(中央预算内项目和政府专项债券)",
        "",
        "",
        "",
        "project",
        "unspecified",
        "将乡镇敬老院新建或提升改造工程纳入中央预算内项目和政府专项债券",
        "",
        "provider",
    ),
    (
        FZ,
        "reward",
        "工作推进有力的县(区)(项目资金安排倾斜)",
        "",
        "",
        "",
        "",
        "unspecified",
        "在项目资金安排上予以倾斜",
        "",
        "government",
    ),
    # 雨花
    (
        YH,
        "budget_allocation",
        "长沙市雨花区(居家和社区基本养老服务提升行动项目,中央专项彩票公益金)",
        "4400000",
        "",
        "",
        "total",
        "one_off",
        "分配至我区的中央专项彩票公益金共440万元",
        "",
        "government",
    ),
    (
        YH,
        "construction",
        "家庭养老床位建设(经济困难的失能、部分失能老年人)",
        "2000000",
        "",
        "",
        "total",
        "one_off",
        "其中200万元用于家庭养老床位建设",
        "",
        "provider",
    ),
    (
        YH,
        "service_purchase",
        "居家养老上门服务(经济困难的失能、部分失能老年人)",
        "2400000",
        "",
        "",
        "total",
        "one_off",
        "240万元用于居家养老上门服务",
        "",
        "provider",
    ),
    # 丹东
    (
        DD,
        "allowance",
        "在民政部门认定的长者食堂用餐的居家老年人(基本助餐补贴)",
        "1",
        "",
        "",
        "meal",
        "per_meal",
        "60-64周岁的老年人,每餐补贴1元",
        "60-64周岁",
        "older_person",
    ),
    (
        DD,
        "allowance",
        "在民政部门认定的长者食堂用餐的居家老年人(基本助餐补贴)",
        "2",
        "",
        "",
        "meal",
        "per_meal",
        "65-79周岁老年人,每餐补贴2元",
        "65-79周岁",
        "older_person",
    ),
    (
        DD,
        "allowance",
        "在民政部门认定的长者食堂用餐的居家老年人(基本助餐补贴)",
        "3",
        "",
        "",
        "meal",
        "per_meal",
        "80周岁及以上老年人,每餐补贴3元",
        "80周岁及以上",
        "older_person",
    ),
    (
        DD,
        "allowance",
        "特困分散供养、低保老年人和低保边缘家庭中的老年人(助餐补贴,可与基本助餐补贴兼得)",
        "2",
        "",
        "",
        "meal",
        "per_meal",
        "低保老年人和低保边缘家庭中的老年人,每餐补贴2元",
        "特困分散供养、低保、低保边缘家庭",
        "older_person",
    ),
    (
        DD,
        "operation",
        "长者食堂(运营补贴)",
        "",
        "",
        "",
        "facility",
        "unspecified",
        "政府将对“长者食堂”的运营和老年人认定设备的采购进行补贴",
        "",
        "provider",
    ),
    (
        DD,
        "construction",
        "长者食堂(老年人认定设备采购补贴)",
        "",
        "",
        "",
        "facility",
        "unspecified",
        "政府将对“长者食堂”的运营和老年人认定设备的采购进行补贴",
        "",
        "provider",
    ),
]

MEASURES = [
    ("source_id", "path", "heading"),
    (FZ, "1", "推进乡镇敬老院规划建设"),
    (FZ, "2", "提升乡镇敬老院居住环境"),
    (FZ, "3", "统筹区域养老服务资源配置"),
    (FZ, "4", "优化乡镇敬老院功能定位"),
    (FZ, "5", "推进乡镇敬老院改革"),
    (FZ, "6", "推进乡镇敬老院人事制度改革"),
    (FZ, "7", "加强乡镇敬老院管理人员考核"),
    (FZ, "8", "做好乡镇敬老院消防改造工作"),
    (FZ, "9", "健全乡镇敬老院综合监管"),
    (FZ, "10", "做好乡镇敬老院经费保障"),
]


def write(name, rows):
    with (GOLD / name).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


if __name__ == "__main__":
    GOLD.mkdir(exist_ok=True)
    write("documents.csv", DOCUMENTS)
    write("targets.csv", TARGETS)
    write("subsidies.csv", SUBSIDIES)
    write("measures.csv", MEASURES)
    print(
        {
            n: len(r) - 1
            for n, r in [
                ("documents", DOCUMENTS),
                ("targets", TARGETS),
                ("subsidies", SUBSIDIES),
                ("measures", MEASURES),
            ]
        }
    )
