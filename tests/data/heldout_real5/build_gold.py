#!/usr/bin/env python3
"""Writes gold/*.csv from the hand annotations typed below (this script only formats them).
Rows are in document order. Columns are those of /work/shared/gold/*.csv."""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MH, CL, YL, HS, ZY, HT, ZJG, ZJC, LL = (
    "minhou-2020-high-age-subsidy-payment-notice",
    "changle-2024-low-income-elderly-subsidy-standard",
    "yulin-2023-proposal-reply-253",
    "hengshan-2016-suggestion-reply-19",
    "ziyang-2022-high-age-allowance-adjustment-notice",
    "huitong-2012-high-age-subsidy-news",
    "zhangjiagang-2021-eldercare-quality-development-opinions",
    "zhangjiachuan-2024-livelihood-eldercare-projects-news",
    "luliang-2020-high-age-allowance-news",
)

documents = [
    # document_id, title, doc_number, issuer, published_date, written_date, doc_type
    (MH, "", "", "闽侯县民政局", "", "2020-10-19", "notice"),
    (CL, "经济困难老年人补贴标准", "", "昌乐县民政局", "2024-02-07", "", "other"),
    (YL, "对市政协五届二次会议第253号提案的答复函", "", "榆林市民政局", "2023-09-26", "", "proposal_reply"),
    (HS, "关于启动石湾镇养老服务项目的建议", "", "横山县民政局", "2016-06-13", "", "suggestion_reply"),
    (ZY, "资阳市民政局 资阳市财政局关于调整全市80-89周岁老年人高龄津贴标准的通知", "", "资阳市民政局",
     "2022-02-24", "", "notice"),
    (HT, "会同县90周岁以上老人喜领财政补贴", "", "湖南省财政厅", "2012-05-22", "", "other"),
    (ZJG, "市政府关于印发《关于进一步推动我市养老服务高质量发展的实施意见》的通知", "张政发规〔2021〕3号",
     "张家港市人民政府", "2021-03-10", "2021-03-09", "policy_measures"),
    (ZJC, "", "", "", "", "", "other"),
    (LL, "2019年我县高龄津贴惠及12916名老年人", "", "陆良县人民政府", "2020-07-31", "", "other"),
]

targets = [
    # source_id, indicator, comparator, value, value_max, unit, deadline_year, scope, quote
    (YL, "规划建设城镇社区老年人日间照料中心", "eq", "72", "", "个", "2023", "全市",
     "2023年全市规划建设城镇社区老年人日间照料中心72个"),
    (YL, "规划建设城市社区老年人日间照料中心(两年建设行动)", "eq", "138", "", "个", "2023", "全市",
     "全市2年内规划建设城市社区老年人日间照料中心138个"),
    (HS, "石湾镇区域敬老院建设", "eq", "1", "", "所", "", "石湾镇",
     "计划将在石湾镇建设一所区域敬老院"),
    (HS, "区域敬老院可提供养老床位", "approx", "240", "", "张", "", "石湾镇、白界镇、殿市镇等区域敬老院",
     "共可以提供约240张养老床位"),
    (ZJC, "新建乡镇综合养老服务中心", "eq", "1", "", "处", "2024", "川王镇、马鹿镇、刘堡镇(各)",
     "3乡镇各新建乡镇综合养老服务中心1处"),
    (ZJC, "改造建设村级互助幸福院", "eq", "1", "", "个", "2024", "龙山镇汪堡村、木河乡马坪村、连五乡中心村(各)",
     "各改造建设村级互助幸福院1个"),
]

subsidies = [
    # source_id, kind, recipient, amount_yuan, rate_percent, cap_yuan, basis, frequency, quote
    (MH, "allowance", "80周岁以上城乡低保老年人(高龄补贴)", "100", "", "", "person", "monthly",
     "对80周岁以上城乡低保老年人每人每月发放100元高龄补贴"),
    (MH, "allowance", "80周岁以上城镇低保老年人(2020年10月份高龄补贴费)", "3600", "", "", "total", "one_off",
     "2020年10月份应发放80周岁以上城镇低保老年人高龄补贴费3600元"),
    (MH, "allowance", "80周岁以上农村低保老年人(2020年10月份高龄补贴费)", "31200", "", "", "total", "one_off",
     "80周岁以上农村低保老年人高龄补贴费31200元"),
    (CL, "allowance", "60-79周岁的低保老年人(生活补贴)", "80", "", "", "person", "monthly",
     "每人每月分别发放80元、100元、200元生活补贴"),
    (CL, "allowance", "80-89周岁的低保老年人(生活补贴)", "100", "", "", "person", "monthly",
     "每人每月分别发放80元、100元、200元生活补贴"),
    (CL, "allowance", "90-99周岁的低保老年人(生活补贴)", "200", "", "", "person", "monthly",
     "每人每月分别发放80元、100元、200元生活补贴"),
    (CL, "allowance", "生活长期不能自理、评估为2-3级的低保老年人(护理补贴)", "80", "", "", "person", "monthly",
     "每人每月发放80元护理补贴"),
    (YL, "construction", "城市社区老年人日间照料中心(两年建设行动,每个)", "1000000", "", "", "facility", "one_off",
     "每个补助100万元"),
    (YL, "budget_allocation", "城市社区老年人日间照料中心建设(138个,总投资)", "138000000", "", "", "total", "one_off",
     "总投资1.38亿元"),
    (YL, "operation", "日间照料中心(市级运营补贴)", "30000", "", "", "facility", "unspecified",
     "市级每个日间照料中心补助运营补贴3万元"),
    (YL, "operation", "榆阳区社区老年人日间照料中心(区级补助)", "200000", "", "", "facility", "unspecified",
     "将区级补助标准提高到了20万元"),
    (ZY, "allowance", "全市80-89周岁老年人(高龄津贴)", "30", "", "", "person", "monthly",
     "将全市80-89周岁老年人高龄津贴标准统一调整为每人30元/月"),
    (ZY, "budget_allocation", "雁江区、高新区、临空经济区(市级财政补助高龄津贴经费)", "", "30", "", "total", "unspecified",
     "市级财政补助雁江区、高新区、临空经济区30%"),
    (ZY, "budget_allocation", "安岳县、乐至县(市级财政补助高龄津贴经费)", "", "20", "", "total", "unspecified",
     "补助安岳县、乐至县20%"),
    (HT, "allowance", "90至99周岁的老人(老龄生活补贴)", "60", "", "", "person", "monthly",
     "90至99周岁的老人按每人每月60元的标准发放老龄生活补贴"),
    (HT, "allowance", "100周岁以上老人(长寿保健补助费,提高后)", "300", "", "", "person", "monthly",
     "提高到每人每月300元"),
    (HT, "budget_allocation", "民政部门(90周岁以上老年人一季度生活补助资金)", "61380", "", "", "total", "one_off",
     "一季度的生活补助资金拨付61380元到民政部门"),
    (LL, "allowance", "高龄老年人(2019年高龄津贴发放总额,12916名)", "7779600", "", "", "total", "one_off",
     "2019年,陆良县共发放高龄津贴777.96万元"),
    (LL, "allowance", "80—99周岁老人(保健补助)", "600", "", "", "person", "annual",
     "80—99周岁600元/人/年"),
    (LL, "allowance", "100周岁及以上老人(长寿补助)", "3600", "", "", "person", "annual",
     "100周岁及以上3600元/人/年"),
    (LL, "allowance", "12906名80—99周岁老人(2019年保健补助)", "7743600", "", "", "total", "one_off",
     "发放保健补助774.36万元"),
    (LL, "allowance", "10名100岁及以上老人(2019年长寿补助)", "36000", "", "", "total", "one_off",
     "发放长寿补助3.6万元"),
]

measures = [
    # source_id, path, heading
    (ZJG, "1", "指导思想"),
    (ZJG, "2", "基本原则"),
    (ZJG, "2.1", "政府主导、社会参与"),
]

HEADERS = {
    "documents": ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"],
    "targets": ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"],
    "subsidies": ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote"],
    "measures": ["source_id", "path", "heading"],
}
(ROOT / "gold").mkdir(exist_ok=True)
for name, rows in (("documents", documents), ("targets", targets), ("subsidies", subsidies), ("measures", measures)):
    with (ROOT / "gold" / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)  # default dialect: RFC 4180 quoting, CRLF line ends
        w.writerow(HEADERS[name])
        w.writerows(rows)
    print(name, len(rows))
