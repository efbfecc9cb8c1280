#!/usr/bin/env python3
"""Write the hand-made heldout11 gold (and manifest.csv) with the csv module.

Columns of documents/targets/subsidies/measures are exactly those of /work/shared/gold/*.csv,
in the same order. recipient_type and condition (DATA_CONTRACT columns that the shared gold
files do not carry) are written to gold/subsidies_extra.csv, one row per subsidies.csv row.
Rows are in document order. Empty cell = null. Run from this folder: python3 _write_gold.py
"""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
RETRIEVED = "search corpus pages, retrieved 2026-12-04"

D1 = "shangzhi-2022-eldercare-childcare-implementation-plan"
D2 = "huaibei-2010-glory-home-livelihood-project"
D3 = "chuzhou-2022-14th-fyp-eldercare-plan"
D4 = "pulandian-2024-silver-economy-industry-plan"
D5 = "youxi-2025-eldercare-capacity-project-approval"
D6 = "panzhihua-xiqu-2024-eldercare-centre-central-funding"
D7 = "fusong-2023-county-eldercare-centre-topping-out"
D8 = "gaoping-macun-2023-silver-age-accident-insurance-notice"

# id, file, city, province, region_code, format, url
MANIFEST = [
    (D1, "尚志市", "黑龙江省", "230183", "http://shangzhi.gov.cn/szsrmzf/c100382/202303/c01_438377.shtml"),
    (D2, "淮北市", "安徽省", "340600", "https://fgw.huaibei.gov.cn/hbms/msgcyg/2010n/7790031.html"),
    (D3, "滁州市", "安徽省", "341100", "https://www.chuzhou.gov.cn/public/152523227/1110037127.html"),
    (D4, "大连市普兰店区", "辽宁省", "210214", "https://www.dlpld.gov.cn/view-8c579342e1d54e7a8170d337db723dd2.jhtml"),
    (D5, "尤溪县", "福建省", "350426", "https://www.fjyx.gov.cn/zwgk/zdxmjs/sphzbaxx/202508/t20250821_2148492.htm"),
    (D6, "攀枝花市西区", "四川省", "510403", "http://panzhihua.gov.cn/zwgk/gzdt/bdyw/10124846.shtml"),
    (D7, "抚松县", "吉林省", "220621", "http://wza.fusong.gov.cn/esd/xwzx/fsyw/202305/t20230515_769933.html"),
    (D8, "高平市", "山西省", "140581", "http://xxgk.sxgp.gov.cn/xzjd/gpmcz/fdzdgknr/fgwj/202308/t20230814_1837372.shtml"),
]

DOC_COLS = ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"]
DOCUMENTS = [
    (D1, "尚志市人民政府办公室关于印发尚志市养老托育领域实施方案的通知", "尚政办规〔2022〕4号", "尚志市人民政府办公室", "2022-08-04", "2022-07-21", "work_plan"),
    (D2, "三十一、光荣院建设", "", "淮北市政府", "2013-09-17", "", "work_plan"),
    (D3, "滁州市人民政府办公室关于印发滁州市“十四五”养老服务发展规划的通知", "", "滁州市人民政府办公室", "2022-02-24", "2022-02-17", "work_plan"),
    (D4, "大连市普兰店区银发产业发展规划", "", "大连市普兰店区人民政府办公室", "", "2024-07-30", "work_plan"),
    (D5, "尤溪县发展和改革局关于尤溪县综合养老服务能力提升项目建议书的复函", "", "尤溪县发展和改革局", "", "2025-08-14", "other"),
    (D6, "西区养老服务中心项目 获中央预算内资金4489万元支持", "", "攀枝花日报", "2024-06-10", "", "other"),
    (D7, "", "", "抚松县民政局", "", "", "other"),
    (D8, "马村镇关于全面开展银龄安康活动的通知", "马政发〔2023〕55号", "马村镇人民政府", "2023-08-14", "2023-08-14", "notice"),
]

TARGET_COLS = ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"]
TARGETS = [
    # 01 尚志: 一、发展目标 (到2025年底 / 2025年底前)
    (D1, "养老机构护理型床位占比", "gte", "40", "", "%", "2025", "全市", "全市养老机构护理型床位占比不低于40%"),
    (D1, "每千人口拥有托位数", "eq", "4.5", "", "个", "2025", "", "每千人口拥有托位数达到4.5个"),
    (D1, "养老机构医养结合率", "eq", "100", "", "%", "2025", "全市", "全市养老机构医养结合率达到100%"),
    (D1, "等级评定一星级以上的民办养老机构占比", "gte", "90", "", "%", "2025", "全市", "全市民办养老机构等级评定符合一星级以上养老机构占比达到90%以上"),
    (D1, "示范性婴幼儿照护服务机构", "range", "3", "5", "家", "2025", "", "建立3-5家功能健全"),
    (D1, "每千人口拥有婴幼儿托位数", "eq", "4.5", "", "个", "2025", "", "每千人口拥有婴幼儿托位数4.5个"),
    # 02 淮北: 2010年民生工程 item 三十一
    (D2, "标准化光荣院", "eq", "1", "", "所", "2010", "", "建设1所标准化光荣院"),
    (D2, "光荣院安置床位", "eq", "100", "", "张", "2010", "", "安置床位100张"),
    (D2, "孤老优抚对象集中供养率", "eq", "30", "", "%", "2010", "", "集中供养率达到30%"),
    # 05 尤溪: 项目建设规模 (no date given)
    (D5, "综合养老服务能力提升项目总建筑面积", "eq", "25000", "", "平方米", "", "", "总建筑面积25000平方米"),
    (D5, "综合养老服务能力提升项目新增养老床位", "eq", "500", "", "张", "", "", "新增养老床位500张"),
    # 06 攀枝花西区: project design figures (no date given)
    (D6, "西区养老服务中心总建筑面积", "eq", "13560", "", "平方米", "", "", "总建筑面积13560平方米"),
    (D6, "西区养老服务中心设计养老床位", "eq", "300", "", "张", "", "", "设计养老床位300张"),
    # 07 抚松: beds of the centre due to open 2023年年底
    (D7, "抚松县养老服务中心建设床位", "eq", "66", "", "张", "2023", "", "建设床位66张"),
]

SUB_COLS = ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote"]
# each row: (shared columns..., condition, recipient_type)
SUBSIDIES = [
    (D5, "budget_allocation", "尤溪县综合养老服务能力提升项目(上级资金以外的建设资金,县财政统筹安排)", "", "", "", "total", "unspecified",
     "其余由县财政统筹安排", "", "government"),
    (D6, "budget_allocation", "西区养老服务中心建设项目(2024年中央预算内投资)", "44890000", "", "", "total", "one_off",
     "成功争取到中央预算内投资4489万元支持", "", "government"),
    (D8, "allowance", "参保的60-79周岁老年人(银龄安康意外伤害保险保费,镇政府补贴)", "20", "", "", "person", "unspecified",
     "凡参保一份,镇政府补贴20元", "", "older_person"),
    (D8, "allowance", "参保的60-79周岁老年人(银龄安康意外伤害保险保费,村补贴)", "", "", "", "person", "unspecified",
     "经济条件好的村可以适当补贴一点", "", "older_person"),
]

MEASURE_COLS = ["source_id", "path", "heading"]
MEASURES = [
    (D1, "1", "发展目标"),
    (D2, "31", "光荣院建设"),
    (D3, "1", "规划背景"),
    (D3, "1.1", "“十三五”养老服务发展成就"),
    (D4, "1", "指导思想"),
    (D4, "2", "基本原则"),
    (D5, "1", "项目名称"),
    (D5, "2", "项目建设地点"),
    (D5, "3", "项目单位"),
    (D5, "4", "项目建设规模及主要内容"),
    (D5, "5", "项目投资资金及资金来源"),
    (D8, "1", "“银龄安康行动”保障范围"),
    (D8, "2", "参保筹资办法"),
]


def write(path: Path, cols, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)  # RFC 4180 quoting, CRLF line ends
        w.writerow(cols)
        for r in rows:
            assert len(r) == len(cols), (path.name, r)
            w.writerow(r)


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"],
          [(i, f"{n:02d}_{i}.txt", c, p, rc, "text", f"{url} {RETRIEVED}") for n, (i, c, p, rc, url) in enumerate(MANIFEST, 1)])
    write(GOLD / "documents.csv", DOC_COLS, DOCUMENTS)
    write(GOLD / "targets.csv", TARGET_COLS, TARGETS)
    write(GOLD / "subsidies.csv", SUB_COLS, [r[:9] for r in SUBSIDIES])
    write(GOLD / "subsidies_extra.csv", ["source_id", "row", "quote", "condition", "recipient_type"],
          [(r[0], str(n), r[8], r[9], r[10]) for n, r in enumerate(SUBSIDIES, 1)])
    write(GOLD / "measures.csv", MEASURE_COLS, MEASURES)
    print(f"documents {len(DOCUMENTS)}, targets {len(TARGETS)}, subsidies {len(SUBSIDIES)}, measures {len(MEASURES)}")


if __name__ == "__main__":
    main()
