#!/usr/bin/env python3
"""Write the hand-made gold for heldout13 with the csv module (UTF-8, CRLF, RFC 4180).
Every value below was decided by reading the texts; see gold/uncertain.md for the calls.
The only computation is choosing, for the Yongjia table cells, the shortest quote
(cell pair, widened by the preceding cell if needed) whose first occurrence lies in
that town's table row, so that text.find(quote) points at the right cell."""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"

HY = "huaiyuan-2023-home-care-subsidy-allocation-notice"
BT = "baotou-qingshan-2017-high-age-allowance-news"
NK = "tianjin-nankai-2025-home-community-care-project-publicity"
YL = "yueyanglou-2025-home-community-care-project-publicity"
YJ = "yongjia-2023-high-age-allowance-december-notice"
DJ = "dejiang-2024-destitute-support-funds-september-notice"
EQ = "zhengzhou-erqi-2017-home-care-purchase-news"

DOC_COLS = ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"]
DOCUMENTS = [
    [HY, "关于下拨怀远县2023年8月份70周岁以上低收入老年人居家养老服务补贴经费的通知", "怀民〔2023〕135号",
     "怀远县民政局", "", "2023-08-16", "notice"],
    [BT, "", "", "青山区财政局", "", "", "other"],
    [NK, "", "", "南开区民政局", "", "2025-09-30", "notice"],
    [YL, "岳阳市岳阳楼区民政局关于2024年居家和社区基本养老服务提升行动项目开展情况的公示", "",
     "岳阳市岳阳楼区民政局", "2025-09-26", "2025-09-26", "notice"],
    [YJ, "永嘉县民政局关于发放2023年12月份高龄津贴的通知", "永民〔2023〕301号", "永嘉县民政局", "", "2023-12-06", "notice"],
    [DJ, "关于拨付全县2024年9月份特困人员救助供养金的通知", "德民社救〔2024〕60号", "德江县民政局", "", "2024-09-09", "notice"],
    [EQ, "政府购买服务 让居家养老更有保障", "", "郑州晚报", "2017-03-20", "", "other"],
]

TGT_COLS = ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"]
TARGETS = [
    [YL, "家庭养老床位建设数量", "eq", "627", "", "张", "", "我区", "建设627张家庭养老床位"],
    [YL, "居家养老上门服务人次", "gte", "806", "", "人次", "", "我区", "提供不低于806人次居家养老上门服务"],
]

SUB_COLS = ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency",
            "quote", "condition", "recipient_type"]
SUBSIDIES = [
    # 01 怀远
    [HY, "allowance", "70周岁以上(低保、五保、失独、贫困户)老年人(2023年8月份居家养老服务补贴)", "867800", "", "",
     "total", "one_off", "老年人居家养老服务补贴经费共8673人,款867800元", "居家(低保、五保、失独、贫困户)", "older_person"],
    [HY, "allowance", "敬老院集中供养三无人员(2023年8月份居家养老服务补贴)", "47100", "", "",
     "total", "one_off", "敬老院集中供养三无人员共计471人,款47100元", "敬老院集中供养", "older_person"],
    [HY, "allowance", "怀远县医养结合服务中心、王圩医养结合中心、常坟颐寿苑(入住老人2023年8月份居家养老服务补贴)", "6000", "", "",
     "total", "one_off", "常坟颐寿苑共计60人,款6000元", "医养结合机构入住", "provider"],
    # 02 包头青山
    [BT, "allowance", "青山区80岁以上老年人(2017年上半年高龄津贴)", "4240000", "", "",
     "total", "one_off", "本次发放2017年上半年高龄津贴424万元", "", "older_person"],
    [BT, "allowance", "包头市80岁以上老年人(高龄津贴,普惠制)", "100", "", "",
     "person", "monthly", "标准为人/月100元", "", "older_person"],
    # 03 天津南开
    [NK, "budget_allocation", "南开区居家和社区基本养老服务提升行动项目(中央专项彩票公益金)", "6650000", "", "",
     "total", "one_off", "该项目共获批中央专项彩票公益金665万元", "", "government"],
    [NK, "service_purchase", "居家养老上门服务(符合条件老年人)", "2650000", "", "",
     "total", "one_off", "265万元用于居家养老上门服务", "", "provider"],
    [NK, "construction", "家庭养老床位建设(符合条件老年人)", "4000000", "", "",
     "total", "one_off", "400万元用于家庭养老床位建设", "", "provider"],
    # 04 岳阳楼区
    [YL, "budget_allocation", "岳阳市(全国第四批居家和社区基本养老服务提升行动试点地区,中央补助资金)", "22520000", "", "",
     "total", "one_off", "下达中央补助资金2252万元", "", "government"],
    [YL, "budget_allocation", "岳阳楼区居家和社区基本养老服务提升行动项目", "5311000", "", "",
     "total", "one_off", "其中下达531.1万元用于支持我区居家和社区基本养老服务提升行动项目", "", "government"],
    # 05 永嘉 (body total; table cells are appended below)
    [YJ, "allowance", "永嘉县高龄老人(2023年12月份高龄津贴,29794人)", "2634600", "", "",
     "total", "one_off", "共计发放金额263.460万元", "", "older_person"],
    # 06 德江
    [DJ, "allowance", "特困供养人员(2024年9月份基本生活费、照料护理费)", "1546454", "", "",
     "total", "one_off", "现将2024年9月份特困供养人员基本生活费、照料护理费共计154.6454万元", "", "older_person"],
    [DJ, "allowance", "分散特困供养人员(基本生活费)", "886160", "", "",
     "total", "one_off", "分散特困供养人员基本生活费88.616万元支付到特困人员个人账户", "分散供养", "older_person"],
    [DJ, "other", "分散特困供养人员的护理人员(照料护理费)", "96768", "", "",
     "total", "one_off", "照料护理费9.6768万元付到护理人员个人账户", "分散供养", "worker"],
    [DJ, "allowance", "集中供养特困人员(基本生活费,拨各敬老院、县社会福利院)", "352980", "", "",
     "total", "one_off", "集中供养特困人员基本生活费35.298万元", "集中供养", "provider"],
    [DJ, "operation", "集中供养特困人员(照料护理费,拨各敬老院、县社会福利院)", "210546", "", "",
     "total", "one_off", "照料护理费21.0546万元", "集中供养", "provider"],
    [DJ, "other", "各敬老院、县社会福利院(集中供养特困人员基本生活费和照料护理费)", "563526", "", "",
     "total", "one_off", "共计56.3526万元下拨给各敬老院、县社会福利院", "集中供养", "provider"],
    # 07 郑州二七区
    [EQ, "service_purchase", "三无、孤寡老人(政府购买居家养老服务费用)", "", "100", "",
     "person", "unspecified", "三无、孤寡老人服务费用政府全额承担", "三无、孤寡老人", "older_person"],
    [EQ, "service_purchase", "空巢老人(政府购买居家养老服务费用)", "", "50", "",
     "person", "unspecified", "空巢老人服务费用政府补贴50%", "空巢老人", "older_person"],
    [EQ, "service_purchase", "二七区三无、孤寡、空巢老年人(2017年1月、2月居家养老服务补贴)", "102360", "", "",
     "total", "one_off", "居家养老服务补贴102360元已通过区财政直接支付完成", "", "older_person"],
]

# Yongjia annex table, read cell by cell: town, then (人数, 金额) for the four age bands.
YJ_BANDS = ["80-89周岁", "90-94周岁", "95-99周岁", "100周岁以上"]
YJ_TABLE = [
    ("桥头镇", [("1769", "106140"), ("265", "53000"), ("60", "18000"), ("1", "800")]),
    ("桥下镇", [("2121", "127260"), ("322", "64400"), ("62", "18600"), ("8", "6400")]),
    ("岩头镇", [("2070", "124200"), ("355", "71000"), ("67", "20100"), ("8", "6400")]),
    ("沙头镇", [("2159", "129540"), ("383", "76600"), ("85", "25500"), ("10", "800")]),
    ("枫林镇", [("1097", "65820"), ("187", "37400"), ("47", "14100"), ("1", "800")]),
    ("岩坦镇", [("1516", "90960"), ("236", "47200"), ("54", "16200"), ("6", "4800")]),
    ("大若岩镇", [("773", "46380"), ("125", "25000"), ("32", "9600"), ("5", "4000")]),
    ("碧莲镇", [("1207", "72420"), ("191", "38200"), ("54", "16200"), ("10", "8000")]),
    ("巽宅镇", [("895", "53700"), ("160", "32000"), ("33", "9900"), ("7", "5600")]),
]


def yongjia_rows() -> list[list[str]]:
    text = (HERE / "05_yongjia-2023-high-age-allowance-december-notice.txt").read_text(encoding="utf-8")
    rows = []
    towns = [t for t, _ in YJ_TABLE]
    for i, (town, cells) in enumerate(YJ_TABLE):
        seg_start = text.index(f"\n\n{town}\n\n")
        seg_end = text.index(f"\n\n{towns[i + 1]}\n\n") if i + 1 < len(towns) else len(text)
        prev = town
        for band, (n, amount) in zip(YJ_BANDS, cells):
            candidates = [f"{n}\n\n{amount}", f"{prev}\n\n{n}\n\n{amount}"]
            if band == YJ_BANDS[0]:
                candidates = [f"{town}\n\n{n}\n\n{amount}"]
            for quote in candidates:
                pos = text.find(quote)
                if seg_start <= pos < seg_end:
                    break
            else:
                raise SystemExit(f"no unambiguous quote for {town} {band}")
            rows.append([YJ, "allowance", f"{town}{band}高龄老人(2023年12月份高龄津贴,{n}人)", amount, "", "",
                         "total", "one_off", quote, band, "older_person"])
            prev = amount
    return rows


MEAS_COLS = ["source_id", "path", "heading"]
MEASURES = [
    [YL, "1", "项目概况"],
    [YL, "2", "项目进展"],
]


def write(name: str, cols: list[str], rows: list[list[str]]) -> None:
    with (GOLD / name).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        w.writerows(rows)
    print(f"gold/{name}: {len(rows)} rows")


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    subsidies = []
    for row in SUBSIDIES:
        subsidies.append(row)
        if row[0] == YJ:  # keep document order: the table follows the body total
            subsidies.extend(yongjia_rows())
    write("documents.csv", DOC_COLS, DOCUMENTS)
    write("targets.csv", TGT_COLS, TARGETS)
    write("subsidies.csv", SUB_COLS, subsidies)
    write("measures.csv", MEAS_COLS, MEASURES)


if __name__ == "__main__":
    main()
