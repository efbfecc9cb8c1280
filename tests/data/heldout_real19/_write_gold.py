"""Hand-made gold rows for heldout_real19 (written by a helper session, 2026-12-04)."""
import csv, pathlib

HERE = pathlib.Path(__file__).parent
G = HERE / "gold"
G.mkdir(exist_ok=True)

YC = "yongchun-2022-low-income-high-age-subsidy-june-notice"
HS = "heshun-2018-longevity-allowance-news"
ZY = "zunyi-2020-high-age-subsidy-city-funds-news"
HD = "haidian-2019-care-worker-post-allowance-news"
HB = "harbin-2014-new-beds-day-care-centres-news"
TJ = "tianjin-2012-civil-affairs-new-beds-news-excerpt"
SX = "shanxi-2026-eldercare-consumption-subsidy-first-batch-news"

documents = [
    ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"],
    [YC, "永春县民政局关于发放2022年6月份80周岁以上城乡低保老年人高龄补贴的通知", "永民保〔2022〕46号", "永春县民政局", "2022-06-17", "2022-06-17", "notice"],
    [HS, "和顺县发放2018年长寿优待金", "", "和顺县老龄办", "2018-08-06", "", "other"],
    [ZY, "遵义市为80周岁及以上老人发放高龄补贴", "", "遵义日报", "2020-05-19", "", "other"],
    [HD, "北京:海淀养老护理一线人员将享受津贴", "", "新华北京", "2019-06-13", "", "other"],
    [HB, "哈尔滨拟新增养老床位5000张 6家福利中心年底投用", "", "黑龙江晨报", "2014-02-13", "", "other"],
    [TJ, "天津市民政局今年将新增养老机构床位4000张", "", "", "2012-01-08", "", "other"],
    [SX, "山西已下达首批养老服务消费补贴2.93亿元", "", "睿思网", "2026-02-04", "", "other"],
]

targets = [
    ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"],
    [HB, "日间照料服务中心新建数量", "eq", "451", "", "个", "2014", "哈尔滨市", "年内将新建日间照料服务中心451个"],
    [HB, "养老床位新增数量", "eq", "5000", "", "张", "2014", "哈尔滨市", "新增养老床位5000张,并将"],
    [HB, "区、县(市)综合福利中心开工建设数量", "eq", "18", "", "家", "2014", "哈尔滨市", "开工建设18家区、县(市)综合福利中心"],
    [HB, "综合福利中心年底投用数量", "eq", "6", "", "家", "2014", "哈尔滨市", "年底计划6家投用"],
    [TJ, "养老机构床位新增数量", "eq", "4000", "", "张", "2012", "全市", "今年本市将新增养老机构床位4000张"],
    [TJ, "社区老年日间照料服务中心新增数量", "eq", "100", "", "个", "2012", "全市", "新增社区老年日间照料服务中心100个"],
    [TJ, "老年社会配餐服务中心数量(中心城区每区)", "eq", "1", "", "所", "2012", "中心城区各区", "在中心城区各建1所老年社会配餐服务中心"],
    [TJ, "中心城区配餐服务社区覆盖率", "eq", "75", "", "%", "2012", "中心城区", "实现中心城区配餐服务社区覆盖率75%"],
    [TJ, "国办养老机构数量(市内六区每区)", "gte", "1", "", "个", "2012", "市内六区每个区", "每个区至少有一个国办养老机构"],
]

S = ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote"]
subsidies = [
    S,
    [YC, "allowance", "满80周岁以上城乡低保老年人(高龄补贴)", "100", "", "", "person", "monthly", "发放高龄补贴(每人每月100元)"],
    [YC, "budget_allocation", "各乡镇(2022年6月80周岁以上城乡低保老年人高龄补贴资金,283人次)", "28300", "", "", "total", "one_off", "合计应下拨高龄补贴资金28300元"],
    [HS, "allowance", "75—79周岁老年人(长寿优待金)", "200", "", "", "person", "annual", "75—79周岁,每人每年200元"],
    [HS, "allowance", "80—84周岁老年人(长寿优待金)", "500", "", "", "person", "annual", "80—84周岁,每人每年500元"],
    [HS, "allowance", "85—89周岁老年人(长寿优待金)", "700", "", "", "person", "annual", "85—89周岁,每人每年700元"],
    [HS, "allowance", "90—94周岁老年人(长寿优待金)", "1000", "", "", "person", "annual", "90—94周岁,每人每年1000元"],
    [HS, "allowance", "95—99周岁老年人(长寿优待金)", "1400", "", "", "person", "annual", "95—99周岁,每人每年1400元"],
    [HS, "allowance", "百岁以上老人(长寿优待金)", "2600", "", "", "person", "annual", "百岁以上老人每人每年2600元"],
    [HS, "allowance", "和顺县5365位75周岁及以上老年人(2018年长寿优待金)", "2182700", "", "", "total", "one_off", "发放长寿优待金218.27万元"],
    [HS, "allowance", "和顺县34807名老年人(2010年以来长寿优待金累计)", "11956300", "", "", "total", "unspecified", "发放长寿优待金共计1195.63万元"],
    [ZY, "allowance", "遵义市户籍80—89周岁老年人(高龄补贴)", "50", "", "", "person", "monthly", "80—89周岁老年人,每人每月50元"],
    [ZY, "allowance", "遵义市户籍90—99周岁老年人(高龄补贴)", "100", "", "", "person", "monthly", "90—99周岁老年人,每人每月100元"],
    [ZY, "allowance", "遵义市户籍100岁以上老年人(高龄补贴)", "200", "", "", "person", "monthly", "100岁以上老年人,每人每月200元"],
    [ZY, "budget_allocation", "全市134201名高龄老人高龄补贴(2020年市级补助资金)", "17500000", "", "", "total", "one_off", "市财政拨付市级补助资金1750万元"],
    [HD, "allowance", "从事养老护理一线服务工作的毕业生(一次性入职补贴)", "", "", "60000", "person", "one_off", "最高可获得一次性6万元的入职补贴"],
    [HD, "allowance", "中级养老护理员(岗位津贴)", "600", "", "", "person", "monthly", "中级养老护理员600/月"],
    [HD, "allowance", "高级养老护理员(岗位津贴)", "900", "", "", "person", "monthly", "高级养老护理员900/月"],
    [HD, "allowance", "护理师(岗位津贴)", "1200", "", "", "person", "monthly", "护理师1200/月"],
    [HD, "allowance", "高级护理师(岗位津贴)", "1500", "", "", "person", "monthly", "高级护理师1500/月"],
    [HD, "allowance", "本科毕业生(进入非营利性养老机构、社区养老服务驿站等从事养老护理一线服务,一次性入职补贴)", "60000", "", "", "person", "one_off", "分别给予6万元、5万元、4万元的一次性入职补贴"],
    [HD, "allowance", "专科(高职)毕业生(进入非营利性养老机构、社区养老服务驿站等从事养老护理一线服务,一次性入职补贴)", "50000", "", "", "person", "one_off", "分别给予6万元、5万元、4万元的一次性入职补贴"],
    [HD, "allowance", "中职毕业生(进入非营利性养老机构、社区养老服务驿站等从事养老护理一线服务,一次性入职补贴)", "40000", "", "", "person", "one_off", "分别给予6万元、5万元、4万元的一次性入职补贴"],
    [TJ, "allowance", "困难老人(居家养老服务政府补贴)", "", "", "", "person", "unspecified", "提高困难老人居家养老服务政府补贴标准"],
    [SX, "budget_allocation", "山西各市(养老服务消费补贴首批资金)", "293000000", "", "", "total", "one_off", "首批 2.93 亿元补贴资金已下拨山西各市"],
    [SX, "allowance", "符合条件的中度及以上失能老年人(养老服务消费补贴,电子消费券)", "", "", "800", "person", "monthly", "每月最高补贴 800 元"],
    [SX, "allowance", "符合条件的中度及以上失能老年人(养老服务消费补贴,年度)", "", "", "9600", "person", "annual", "年度最高 9600 元"],
    [SX, "other", "评估为中度及以上失能等级的老年人(首次评估费用抵扣)", "100", "", "", "person", "one_off", "首次评估费用还可抵扣 100 元"],
]

measures = [
    ["source_id", "path", "heading"],
    [YC, "1", "发放对象为满80周岁及以上的最低生活保障对象本人"],
    [YC, "2", "高龄补贴从最低生活保障对象本人满80周岁的次月起开始发放"],
    [YC, "3", "高龄补贴资金要社会性发放至补助对象个人账户"],
    [YC, "4", "凡退出低保或死亡的"],
]

for name, rows in [("documents.csv", documents), ("targets.csv", targets),
                   ("subsidies.csv", subsidies), ("measures.csv", measures)]:
    with open(G / name, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)   # csv default line end is CRLF, as in /work/shared/gold
    print(name, len(rows) - 1)
