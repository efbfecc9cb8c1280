#!/usr/bin/env python3
"""Write the heldout10 gold (manifest.csv and gold/*.csv) with the csv module.

Columns are those of /work/shared/gold/*.csv in the same order; subsidies.csv adds
`condition` and `recipient_type` after the nine shared columns (the brief asks for them).
Rows are in document order. Empty string = null. CRLF line ends (csv default).
Annotated by hand from the texts; see gold/uncertain.md and gold/documents_notes.md.
"""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
RETRIEVED = "search corpus pages, retrieved 2026-12-04"

D1 = "liandu-2026-care-center-star-operation-subsidy-notice"
D2 = "jinxiang-2023-eldercare-support-policy-list"
D3 = "zhongyuan-zz-undated-care-worker-post-subsidy-guide"
D4 = "qingchuan-2022-care-worker-post-subsidy-news"
D5 = "huantai-2022-cppcc-proposal-reply-151108"
D6 = "ningjin-2021-provincial-eldercare-fund-news"
D7 = "lufeng-yn-undated-eldercare-work-summary"
D8 = "lanshan-undated-meal-service-news"

# id, file number, city, province, region_code, url
MANIFEST = [
    (D1, "01", "丽水市莲都区", "浙江省", "331102",
     "https://www.liandu.gov.cn/col/col1229617850/art/2026/art_cbe29fcd5adc6b9004fc567cf31c0c17.html"),
    (D2, "02", "济宁市金乡县", "山东省", "370828",
     "http://www.jinxiang.gov.cn/art/2023/12/6/art_102660_2763023.html"),
    (D3, "03", "郑州市中原区", "河南省", "410102",
     "https://zy.jiceng.zhengzhou.gov.cn/006002003/7987885.jhtml"),
    (D4, "04", "广元市青川县", "四川省", "510822",
     "https://www.cngy.gov.cn/gongkai/show/20220427152113-32320-00-000.html"),
    (D5, "05", "淄博市桓台县", "山东省", "370321",
     "http://www.huantai.gov.cn/gongkai/site_htxmzj/channel_c_5f9f6c9be592f315dca00fa3_5fb3bfa5d98b82ee13bb99ae/doc_62ea209b5328e64d285805fd.html"),
    (D6, "06", "德州市宁津县", "山东省", "371422",
     "http://www.sdningjin.gov.cn/n51633263/n51633280/c67399828/content.html"),
    (D7, "07", "楚雄彝族自治州禄丰市", "云南省", "532302",
     "https://ynlf.gov.cn/info/1040/59057.htm"),
    (D8, "08", "永州市蓝山县", "湖南省", "431127",
     "https://lanshan.gov.cn/lanshan/ylfwk/202408/6a6d3cb057e1467b8111d08bb266447c.shtml"),
]

DOCUMENTS = [
    # document_id, title, doc_number, issuer, published_date, written_date, doc_type
    (D1, "", "莲民发〔2026〕19号", "丽水市莲都区民政局", "2026-02-02", "2026-01-29", "notice"),
    (D2, "", "", "金乡县民政局", "", "2023-12-06", "policy_measures"),
    (D3, "养老机构养老护理员岗位补贴", "", "中原区须水街道办事处", "", "", "other"),
    (D4, "青川县不断提升养老服务水平", "", "青川县政府", "2022-04-28", "", "other"),
    (D5, "关于养老机构提升护理员社会地位及工资待遇建议的答复", "", "桓台县民政局", "", "2022-06-28", "proposal_reply"),
    (D6, "【建设满意民政】宁津县民政局为全县养老机构申请拨付省级服务业资金460余万元", "", "宁津县民政局", "2021-12-09", "", "other"),
    (D7, "", "", "", "", "", "other"),
    (D8, "", "", "", "", "", "other"),
]

TARGETS = [
    # source_id, indicator, comparator, value, value_max, unit, deadline_year, scope, quote
    (D5, "养老护理员实训基地", "eq", "1", "", "处", "2024", "", "三年内建设实训基地1处"),
    (D5, "每年培训养老护理员人次", "gte", "200", "", "人次", "", "", "每年培训养老护理员200人次以上"),
    (D5, "养老护理员人数", "eq", "800", "", "人", "2024", "", "养老护理员人数由500人增加到800人"),
    (D5, "养老护理员持证上岗率", "eq", "100", "", "%", "2024", "", "持证上岗率达到100%"),
]

SUBSIDIES = [
    # source_id, kind, recipient, amount_yuan, rate_percent, cap_yuan, basis, frequency, quote, condition, recipient_type
    # 01 莲都: annual operation subsidy by star rating, and the total passed down to townships
    (D1, "operation", "村(社区)居家养老服务照料中心", "7000", "", "", "facility", "annual", "一星级0.7万元", "一星级", "provider"),
    (D1, "operation", "村(社区)居家养老服务照料中心", "15000", "", "", "facility", "annual", "二星级1.5万元", "二星级", "provider"),
    (D1, "operation", "村(社区)居家养老服务照料中心", "30000", "", "", "facility", "annual", "三星级3万元", "三星级", "provider"),
    (D1, "operation", "村(社区)居家养老服务照料中心", "40000", "", "", "facility", "annual", "四星级4万元", "四星级", "provider"),
    (D1, "operation", "村(社区)居家养老服务照料中心", "50000", "", "", "facility", "annual", "五星级5万元", "五星级", "provider"),
    (D1, "operation", "各乡镇(街道)(2025年度照料中心运行补助资金)", "2205000", "", "", "total", "one_off",
     "运行补助资金合计220.5万元下拨到各乡镇(街道)", "", "government"),
    # 02 金乡: policy list
    (D2, "operation", "民办和公建民营养老机构", "300", "", "", "person", "annual",
     "县财政分别给予每人每年300元、 400元和500元的运营补助", "自理老年人", "provider"),
    (D2, "operation", "民办和公建民营养老机构", "400", "", "", "person", "annual",
     "县财政分别给予每人每年300元、 400元和500元的运营补助", "半自理老年人", "provider"),
    (D2, "operation", "民办和公建民营养老机构", "500", "", "", "person", "annual",
     "县财政分别给予每人每年300元、 400元和500元的运营补助", "不能自理老年人", "provider"),
    (D2, "construction", "城市社区老年人日间照料中心", "60000", "", "", "facility", "one_off",
     "县财政给予6万元的建设补助", "", "provider"),
    (D2, "construction", "农村互助养老院", "60000", "", "", "facility", "one_off",
     "县财政给予6万元建设补助", "", "provider"),
    (D2, "operation", "城市社区老年人日间照料中心、农村互助养老院", "", "", "", "facility", "unspecified",
     "视情况给予一定的运营补助", "", "provider"),
    (D2, "construction", "县级养老服务信息平台", "", "", "", "project", "unspecified",
     "在省补助的基础上县财政适当予以补助", "", "other"),
    (D2, "construction", "养老机构(护理型床位建设)", "1000", "", "", "bed", "one_off",
     "县级财政每张新建护理型床位补助1000元", "新建护理型床位", "provider"),
    (D2, "construction", "养老机构(护理型床位建设)", "500", "", "", "bed", "one_off",
     "改造提升床位补助500元", "改造提升床位", "provider"),
    (D2, "operation", "城市社区老年人日间照料中心", "", "", "10000", "facility", "annual",
     "每年分别给予最高10000元、5000元的奖补", "", "provider"),
    (D2, "operation", "农村幸福院", "", "", "5000", "facility", "annual",
     "每年分别给予最高10000元、5000元的奖补", "", "provider"),
    # 03 郑州中原区: care-worker post subsidy by years of service
    (D3, "other", "养老护理员(岗位补贴)", "100", "", "", "person", "monthly",
     "满1年不足5年的,每人每月补贴100元", "连续服务满1年不足5年", "worker"),
    (D3, "other", "养老护理员(岗位补贴)", "150", "", "", "person", "monthly",
     "满5年不足10年的,每人每月补贴150元", "连续服务满5年不足10年", "worker"),
    (D3, "other", "养老护理员(岗位补贴)", "200", "", "", "person", "monthly",
     "满10年以上的,每人每月补贴200元", "连续服务满10年以上", "worker"),
    # 04 青川: post subsidy range and length-of-service reward
    (D4, "other", "养老护理员(岗位补贴)", "50", "", "", "person", "monthly",
     "每人每月50元至1000元的岗位补贴", "最低档", "worker"),
    (D4, "other", "养老护理员(岗位补贴)", "1000", "", "", "person", "monthly",
     "每人每月50元至1000元的岗位补贴", "最高档", "worker"),
    (D4, "reward", "养老护理员(从业年限补贴)", "1500", "", "", "person", "one_off",
     "可获得一次性奖励1500元的养老护理员从业年限补贴", "", "worker"),
    # 06 宁津: provincial money passed to institutions (past); the headline total and its two parts
    (D6, "other", "全县养老机构(省级服务业资金)", "4600000", "", "", "total", "one_off",
     "申请拨付省级服务业资金460余万元", "", "provider"),
    (D6, "other", "长官镇敬老院、柴胡店镇鹤祥老年服务中心等5家养老机构", "452", "", "", "total", "one_off",
     "省级养老服务业补助资金452元", "", "provider"),
    (D6, "operation", "3处日间照料中心、13处农村幸福院", "100000", "", "", "total", "one_off",
     "省级养老服务业运营奖补资金10万元", "", "provider"),
    # 07 禄丰: grant secured for the eldercare system (past)
    (D7, "budget_allocation", "禄丰市(养老服务体系建设)", "6159100", "", "", "total", "one_off",
     "争取养老服务体系建设补助资金615.91万元", "", "government"),
    # 08 蓝山: meal subsidy for older people, and the purchase-of-service model
    (D8, "service_purchase", "餐饮企业(老年助餐点建设和运营)", "", "", "", "", "unspecified",
     "按照“政府购买服务、社区托管、企业运营、面向社会”的原则", "", "provider"),
    (D8, "allowance", "蓝山户籍的60周岁以上老年人(就餐补贴)", "3", "", "", "meal", "per_meal",
     "予以3元至5元每餐的就餐补贴", "最低", "older_person"),
    (D8, "allowance", "蓝山户籍的60周岁以上老年人(就餐补贴)", "5", "", "", "meal", "per_meal",
     "予以3元至5元每餐的就餐补贴", "最高", "older_person"),
]

MEASURES = [
    # source_id, path, heading
    (D2, "T1", "养老机构运营补助"),
    (D2, "T2", "日间照料中心、互助养老院建设运营补助"),
    (D2, "T3", "信息平台建设补助"),
    (D2, "T4", "养老机构建设补助"),
    (D2, "T5", "城市社区老年人日间照料中心、农村幸福院运营补助"),
    (D5, "1", "提高护理员社会地位,树立劳动榜样"),
    (D5, "2", "提升护理员待遇,增加从业人数"),
    (D5, "2.1", "培养养老专业人才,规范人员队伍建设"),
    (D5, "2.2", "提高护理员专业水平,提升护理员待遇"),
    (D7, "1", "优化区域布局,整合资源谋发展"),
    (D7, "2", "构建网络体系,居家养老求突破"),
    (D7, "3", "丰富服务内容,社区养老多元化"),
    (D7, "4", "不断创新载体,农村养老有创新"),
]


def write(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"],
          [(i, f"{n}_{i}.txt", c, p, r, "text", f"{u}; {RETRIEVED}") for i, n, c, p, r, u in MANIFEST])
    write(GOLD / "documents.csv",
          ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"], DOCUMENTS)
    write(GOLD / "targets.csv",
          ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"],
          TARGETS)
    write(GOLD / "subsidies.csv",
          ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote",
           "condition", "recipient_type"], SUBSIDIES)
    write(GOLD / "measures.csv", ["source_id", "path", "heading"], MEASURES)
    print(f"manifest {len(MANIFEST)}, documents {len(DOCUMENTS)}, targets {len(TARGETS)}, "
          f"subsidies {len(SUBSIDIES)}, measures {len(MEASURES)}")


if __name__ == "__main__":
    main()
