#!/usr/bin/env python3
"""Write the heldout8 gold CSVs and manifest.csv (csv module, RFC 4180 quoting, CRLF).

Made by hand from reading the texts written by _write_texts.py. Column order follows
/work/shared/gold/*.csv. subsidies.csv carries the nine shared columns first, in the
shared order, then two extra columns the brief asks for: `condition` and `recipient_type`
(consumers reading by column name are unaffected; drop the last two columns to get the
exact shared header).
"""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
RETRIEVED = "search corpus pages, retrieved 2026-12-04"

# id, file, city, province, region_code, url
MANIFEST = [
    ("pingjiang-2021-suggestion-reply-097", "岳阳市平江县", "湖南省", "430626",
     "https://pingjiang.gov.cn/35048/35074/36344/36345/content_1809936.html"),
    ("feicheng-2024-elderly-welfare-subsidy-standards", "肥城市", "山东省", "370983",
     "http://www.feicheng.gov.cn/art/2024/3/4/art_247687_10284328.html"),
    ("xinbei-cz-2015-care-worker-post-subsidy", "常州市新北区", "江苏省", "320411",
     "https://mzj.changzhou.gov.cn/content/suitable/show?catid=27027&id=35220"),
    ("wulateqianqi-2025-may-eldercare-subsidy-payment", "巴彦淖尔市乌拉特前旗", "内蒙古自治区", "150823",
     "http://www.wltqq.gov.cn/zfxxgk/fdzdgknrwltqq/zdlyxxwltqq/ylfwwltqq/202506/t20250603_700426.html"),
    ("longhua-sz-undated-home-adaptation-subsidy-standards", "深圳市龙华区", "广东省", "440309",
     "http://www.szlhq.gov.cn/lhxinqu/fwztgb/shbz/jzzzfw9/cjwt78/content/post_10864782.html"),
    ("dehua-2025-meal-service-fund-allocation-notice", "泉州市德化县", "福建省", "350526",
     "http://dehua.gov.cn/ztzl/jczwgkbzhgfh/sdlybzzy/ylfw/202512/t20251218_3243154.htm"),
    ("national-2022-14th-fyp-nursing-bed-target-chart", "全国", "全国", "100000",
     "http://www.gov.cn/xinwen/2022-02/25/content_5675683.htm"),
    ("menyuan-2014-ageing-work-progress", "海北藏族自治州门源回族自治县", "青海省", "632221",
     "https://www.gangcha.gov.cn/html/2172/144509.html"),
    ("chengan-2021-centenarian-allowance-performance-selfeval", "邯郸市成安县", "河北省", "130424",
     "http://cycms.chengan.gov.cn/zfxxgk/bmView.jsp?id=15437&websiteid=905&xxfl=0404"),
]

P, F, X, W, L, D, N, M, C = (m[0] for m in MANIFEST)

DOCUMENTS = [
    # document_id, title, doc_number, issuer, published_date, written_date, doc_type
    (P, "关于对平江县十七届人大四次会议第097号建议的答复", "平民字〔2020〕10号", "平江县民政局", "2021-04-20", "", "suggestion_reply"),
    (F, "老年人福利补贴标准", "", "肥城市人民政府", "2024-03-04", "", "other"),
    (X, "新北区全面实施养老护理员岗位补贴政策", "", "常州市民政局", "2015-12-03", "", "other"),
    (W, "乌拉特前旗2025年5月份经济困难老年人养老服务补贴发放情况", "", "乌拉特前旗民政局", "", "2025-05-10", "other"),
    (L, "", "", "", "", "", "other"),
    (D, "德化县民政局关于下达2025年老年助餐省级补助资金的通知", "", "德化县民政局", "2025-12-16", "2025-12-16", "notice"),
    (N, "图表:破解养老服务的“难中之难”“十四五”机构养老55%床位将向失能失智老人倾斜", "", "新华社", "2022-02-25", "", "other"),
    (M, "门源县扎实推进老龄事务工作", "", "门源县", "2014-12-12", "", "other"),
    (C, "成安县民政局2020年度预算项目绩效自评表", "", "成安县民政局", "2021-07-14", "", "other"),
]

TARGETS = [
    # source_id, indicator, comparator, value, value_max, unit, deadline_year, scope, quote
    (P, "区域性中心院建设床位数", "gte", "150", "", "张", "", "每所区域性中心院", "建设床位至少150张"),
    (P, "区域性中心院护理床位数", "eq", "100", "", "张", "", "每所区域性中心院", "其中护理床位100张"),
    (P, "区域性中心院辐射乡镇数", "range", "5", "6", "个", "", "每所区域性中心院", "辐射周边5-6个乡镇"),
    (P, "照料护理区改造护理型床位数", "gte", "25", "", "张", "", "每个照料护理区改造项目", "改造护理型床位不少于25张"),
    (N, "养老机构护理型床位占比", "eq", "55", "", "%", "2025", "全国", "到2025年,我国养老机构护理型床位占比要达到55%"),
    (C, "符合条件申报对象覆盖率(百岁老人高龄津贴)", "gte", "98", "", "%", "2020", "",
     "享受补贴政策人数占符合条件申报对象总数的比例 >= 98 %"),
    (C, "符合条件对象审批每月及时完成率", "gte", "99", "", "%", "2020", "",
     "按照要求每月及时完成符合条件对象审批的比例(百分比) >= 99 %"),
    (C, "高龄补贴发放完成率", "gte", "75", "", "%", "2020", "", "高龄补贴发放完成率 >= 75 %"),
    (C, "服务对象满意度(享受高龄津贴的对象)", "gte", "95", "", "%", "2020", "",
     "享受高龄津贴的对象对老龄工作的满意程度 >= 95 %"),
]

SUBSIDIES = [
    # source_id, kind, recipient, amount_yuan, rate_percent, cap_yuan, basis, frequency, quote, condition, recipient_type
    (P, "construction", "纳入省厅计划的区域性中心院项目(乡镇敬老院改造,建设资金)", "3000000", "", "4000000",
     "facility", "one_off", "区域性中心院项目建设资金每所300-400万元", "", "provider"),
    (P, "construction", "照料护理区改造项目(乡镇敬老院,建设资金)", "400000", "", "",
     "facility", "one_off", "护理区改造项目建设资金每所40万元", "", "provider"),

    (F, "allowance", "60-79岁低保老年人", "80", "", "", "person", "monthly",
     "每人每月分别补助 80 元、100 元、200 元", "60-79岁", "older_person"),
    (F, "allowance", "80-89岁低保老年人", "100", "", "", "person", "monthly",
     "每人每月分别补助 80 元、100 元、200 元", "80-89岁", "older_person"),
    (F, "allowance", "90-99周岁低保老年人", "200", "", "", "person", "monthly",
     "每人每月分别补助 80 元、100 元、200 元", "90-99周岁", "older_person"),
    (F, "allowance", "100周岁及以上老年人(按鲁政发〔2011〕54号规定补助)", "", "", "", "person", "unspecified",
     "100 周岁及以上老年人按照《山东省人民政府关于印发山东省优待老年人规定的通知》(鲁政发〔2011〕54 号)文件规定补助",
     "100周岁及以上", "older_person"),
    (F, "allowance", "生活长期不能自理、能力等级为2-3的以及智力、精神和肢体重度残疾的低保老年人(增发补贴)", "80", "", "",
     "person", "monthly", "每人每月增发80元", "能力等级2-3或重度残疾", "older_person"),

    (X, "other", "在区内养老机构工作满2年以上的持证养老护理员(技师,一次性岗位补贴)", "3000", "", "", "person", "one_off",
     "分别给予3000元、2000元、1000元、500元的一次性补贴", "技师", "worker"),
    (X, "other", "在区内养老机构工作满2年以上的持证养老护理员(高级,一次性岗位补贴)", "2000", "", "", "person", "one_off",
     "分别给予3000元、2000元、1000元、500元的一次性补贴", "高级", "worker"),
    (X, "other", "在区内养老机构工作满2年以上的持证养老护理员(中级,一次性岗位补贴)", "1000", "", "", "person", "one_off",
     "分别给予3000元、2000元、1000元、500元的一次性补贴", "中级", "worker"),
    (X, "other", "在区内养老机构工作满2年以上的持证养老护理员(初级,一次性岗位补贴)", "500", "", "", "person", "one_off",
     "分别给予3000元、2000元、1000元、500元的一次性补贴", "初级", "worker"),

    (W, "allowance", "享受城乡低保的70-79周岁经济困难老年人(养老服务补贴)", "50", "", "", "person", "monthly",
     "每人每月领取50元养老服务补贴", "", "older_person"),
    (W, "allowance", "满80周岁的经济困难老年人(普惠制高龄津贴)", "", "", "", "person", "unspecified",
     "经济困难老年人满80周岁后转领普惠制高龄津贴", "", "older_person"),
    (W, "allowance", "乌拉特前旗经济困难老年人(2025年5月养老服务补贴发放)", "397400", "", "", "total", "one_off",
     "共计发放经济困难老年人养老服务补贴397400元", "", "older_person"),
    (W, "allowance", "农村经济困难老年人(2025年5月养老服务补贴发放)", "378950", "", "", "total", "one_off",
     "发放378950元", "农村", "older_person"),
    (W, "allowance", "城镇经济困难老年人(2025年5月养老服务补贴发放)", "18450", "", "", "total", "one_off",
     "发放18450元", "城镇", "older_person"),

    (L, "other", "分散供养的特困老年人(居家适老化改造一次性资助)", "", "", "20000", "household", "one_off",
     "每户原则上不超过20000元", "第一类", "older_person"),
    (L, "other", "60周岁及以上最低生活保障对象中的老年人、60周岁至69周岁经全市统一的老年人能力等级评估为中度及以上失能的老年人、年满70周岁及以上的老年人(居家适老化改造一次性资助)",
     "", "", "12000", "household", "one_off", "资助标准为每户最高不超过12000元", "第二类", "older_person"),

    (D, "budget_allocation", "龙浔镇人民政府(2025年老年助餐省级补助资金)", "100000", "", "", "total", "one_off",
     "老年助餐省级补助资金10万元", "", "government"),
    (D, "construction", "英山村长者食堂(老年助餐设施设备补助)", "50000", "", "", "facility", "one_off",
     "英山村长者食堂\n\n5", "", "provider"),
    (D, "construction", "德新社区长者食堂(老年助餐设施设备补助)", "50000", "", "", "facility", "one_off",
     "德新社区长者食堂\n\n5", "", "provider"),

    (M, "allowance", "门源县70至79岁老年人(高龄补贴)", "50", "", "", "person", "monthly",
     "发放每人每月50元高龄补贴", "70至79岁", "older_person"),
    (M, "allowance", "门源县4391名70至79岁老年人(2014年高龄补贴发放)", "2634600", "", "", "total", "one_off",
     "共发放资金263.46万元", "70至79岁", "older_person"),
    (M, "allowance", "门源县979名80岁以上老年人(高龄长寿保健费)", "712560", "", "", "total", "one_off",
     "发放了高龄长寿保健费71.256万元", "80岁以上", "older_person"),

    (C, "allowance", "成安县19名百岁老人(高龄津贴,2020年度预算)", "68400", "", "", "total", "annual",
     "预算数 6.84", "", "older_person"),
]

MEASURES = [
    # source_id, path, heading
    (P, "1", "现行政策要求"),
    (P, "1.1", "要有闲置空地"),
    (P, "1.2", "要地理位置好"),
    (P, "1.3", "建设床位至少150张"),
    (P, "2", "岑川镇实际情况"),
    (L, "1", "第一类资助标准"),
    (L, "2", "第二类资助标准"),
    (D, "1", "本项目专项资金主要用于支持乡镇层面具有一定服务规模、运营相对稳定成熟的老年助餐点购置或更新相关设施设备"),
    (D, "2", "本项目收入款项列入2025年政府性基金预算收支科目第1100499项“其他收入”科目"),
    (D, "3", "为推进全面实施预算绩效管理"),
    (C, "1", "基本情况"),
    (C, "2", "预算执行情况"),
    (C, "3", "目标完成情况"),
    (C, "4", "年度绩效指标完成情况"),
]


def write(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)  # default dialect: minimal quoting, CRLF line ends
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    files = sorted(p.name for p in HERE.glob("[0-9][0-9]_*.txt"))
    manifest_rows = []
    for (id_, city, prov, code, url), fname in zip(MANIFEST, files):
        assert fname[3:-4] == id_, (fname, id_)
        manifest_rows.append((id_, fname, city, prov, code, "text", f"{url}; {RETRIEVED}"))
    write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"], manifest_rows)
    write(GOLD / "documents.csv", ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"], DOCUMENTS)
    write(GOLD / "targets.csv", ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"], TARGETS)
    write(GOLD / "subsidies.csv", ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote",
                                   "condition", "recipient_type"], SUBSIDIES)
    write(GOLD / "measures.csv", ["source_id", "path", "heading"], MEASURES)
    print(f"manifest {len(manifest_rows)}, documents {len(DOCUMENTS)}, targets {len(TARGETS)}, "
          f"subsidies {len(SUBSIDIES)}, measures {len(MEASURES)}")


if __name__ == "__main__":
    main()
