#!/usr/bin/env python3
"""Hand-made gold annotations for the held-out texts (rows as literals). Run from this folder."""
import csv
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"

NY = "nanyang-2024-q1-high-age-allowance-disbursement"
ST = "shitai-2025-02-high-age-allowance-adjustment-notice"
DT = "datian-2022-eldercare-support-policy-list"
NA = "nanan-2022-institutional-care-subsidy-standard"
JL = "jilin-2024-high-age-allowance-message-reply"
NL = "nanling-2020-fp-special-family-elderly-care-allowance-publicity"
HN = "hunnan-2022-community-canteen-letter-reply"
TZ = "taizhou-js-2020-institution-bed-subsidy-qa"

DOCUMENTS = [
    ("document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"),
    (NY, "2024年第一季度高龄津贴发放情况", "", "南阳市民政局", "2024-04-08", "", "other"),
    (ST, "关于调整2025年2月份高龄补贴的通知", "", "石台县民政局", "2025-02-24", "2025-02-19", "notice"),
    (DT, "大田县养老服务扶持政策措施清单(2022年)", "", "", "", "", "policy_measures"),
    (NA, "养老服务入住补贴发放条件及标准", "", "", "2022-11-14", "", "other"),
    (JL, "", "", "吉林市民政局", "2024-02-04", "", "other"),
    (NL, "关于2020年计划生育特殊困难家庭老年护理补贴对象的公示", "", "南陵县卫生健康委员会", "2020-10-22", "2020-10-22", "notice"),
    (HN, "", "", "沈阳市浑南区民政局", "2022-08-15", "", "other"),
    (TZ, "泰州市养老机构建设补贴的标准是多少?", "", "泰州市政府办公室", "", "", "other"),
]

TARGETS = [
    ("source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"),
    (HN, "养老生活圈服务时间半径", "lte", "15", "", "分钟", "", "", "积极创建15分钟“养老生活圈”"),
]

S_HEAD = ("source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency",
          "quote", "condition", "recipient_type")

def s(doc, kind, recipient, amount, basis, frequency, quote, condition="", rtype="older_person", rate="", cap=""):
    return (doc, kind, recipient, amount, rate, cap, basis, frequency, quote, condition, rtype)

NY_R = "南阳市户籍年满80周岁及以上老年人(高龄津贴)"
NY_X = "新野县、淅川县年满80周岁及以上老年人(高龄津贴,2021年提高后的标准)"
NY_Q = "南阳市80周岁以上高龄老人(2024年第一季度高龄津贴发放)"
DT_G = "大田县持本地城乡居民户口的高龄老人(高龄老人生活补助)"
DT_B = "接收本县户籍老年人入住的养老机构(床位运营补贴)"
DT_C = "非营利民办养老机构(一次性开办补助)"
NA_A = "入住养老服务机构的南安市户籍60周岁以上特困供养人员和城乡低保家庭老人(养老服务补贴)"
NA_B = "入住养老服务机构的南安市户籍60周岁以上其他社会老年人(养老服务补贴)"
JL_R = "吉林市城区户籍80周岁以上老年人(高龄津贴)"
NL_R = "计划生育特殊困难家庭中生活长期不能自理、经济困难的老年人(护理补贴)"
NL_Q = "分别给予每人每月 300 元、200 元、100 元的护理补贴"

SUBSIDIES = [
    S_HEAD,
    # nanyang
    s(NY, "allowance", NY_R, "50", "person", "monthly", "年满80-89周岁的老年人,每人每月50元", "80-89周岁"),
    s(NY, "allowance", NY_R, "100", "person", "monthly", "年满90-99周岁的老年人,每人每月100元", "90-99周岁"),
    s(NY, "allowance", NY_R, "300", "person", "monthly", "年满100周岁及以上的老年人,每人每月300元", "100周岁及以上"),
    s(NY, "allowance", NY_X, "100", "person", "monthly", "提高到100元、200元、300元", "新野县、淅川县 80-89周岁"),
    s(NY, "allowance", NY_X, "200", "person", "monthly", "提高到100元、200元、300元", "新野县、淅川县 90-99周岁"),
    s(NY, "allowance", NY_X, "300", "person", "monthly", "提高到100元、200元、300元", "新野县、淅川县 100周岁及以上"),
    s(NY, "allowance", NY_Q, "45686700", "total", "one_off", "80周岁以上老人710423 人次,发放4568.67万元"),
    s(NY, "allowance", NY_Q, "36196650", "total", "one_off", "发放3619.665万元", "80-89周岁"),
    s(NY, "allowance", NY_Q, "8804650", "total", "one_off", "发放880.465万元", "90-99周岁"),
    s(NY, "allowance", NY_Q, "685400", "total", "one_off", "发放68.54万元", "100岁以上"),
    # shitai
    s(ST, "allowance", "余喜娥等66位调增的高龄老人(高龄补贴,按本人年龄段标准)", "", "person", "monthly",
      "按照本人年龄周岁对应各年龄段补贴标准享受高龄补贴"),
    s(ST, "allowance", "因年龄变更调增的李红年等8位高龄老人(高龄补贴)", "60", "person", "monthly", "高龄补贴每月享受60元"),
    s(ST, "allowance", "石台县2月份高龄补贴领取人(3483人)", "121230", "total", "one_off",
      "全县2月份高龄补贴领取人数3483人,共发放金额121230"),
    s(ST, "allowance", "城乡居民中的高龄老人(2月份高龄补贴,2001人)", "70830", "total", "one_off",
      "城乡居民中的高龄老人2001人,发放金额70830元", "城乡居民"),
    s(ST, "allowance", "执行企业离退休待遇的高龄老人(2月份高龄补贴,1482人)", "50400", "total", "one_off",
      "执行企业离退休的高龄老人共1482人,共发放金额50400元", "执行企业离退休待遇"),
    # datian
    s(DT, "allowance", DT_G, "50", "person", "monthly", "年满 80-89周岁的高龄老人每人每月发给 50元", "80-89周岁"),
    s(DT, "allowance", DT_G, "100", "person", "monthly", "年满 90-99 周岁的高龄老人每人每月发给 100 元", "90-99周岁"),
    s(DT, "allowance", DT_G, "300", "person", "monthly", "年满百岁及以上的高龄老人每人每月发给 300元", "百岁及以上"),
    s(DT, "allowance", "65周岁以上建档立卡贫困人员、分散特困供养、低保、重点优抚对象、重度残疾人、计划生育特殊家庭、八十周岁以上老年人等七大类(居家养老上门服务补贴)",
      "20", "person", "monthly", "线上服务20元/人·月", "线上服务"),
    s(DT, "allowance", "65周岁以上建档立卡贫困人员、分散特困供养、低保、重点优抚对象、重度残疾人、计划生育特殊家庭等六大类(居家养老上门服务补贴)",
      "50", "person", "monthly", "线下服务50元/人·月", "线下服务"),
    s(DT, "other", "60-79周岁享受城乡特困供养老人和优抚老人以及年满80周岁及以上高龄老人(人身意外伤害险)",
      "20", "person", "annual", "每人每年20元"),
    s(DT, "operation", DT_B, "2400", "bed", "annual", "护理型:2400元/床位·年", "护理型", "provider"),
    s(DT, "operation", DT_B, "2000", "bed", "annual", "非护理型:2000元/床位·年", "非护理型", "provider"),
    s(DT, "construction", DT_C, "10000", "bed", "one_off", "10000元/床位 (自有产权用房)", "自有产权用房", "provider"),
    s(DT, "construction", DT_C, "5000", "bed", "one_off", "5000元/床位(租赁用房)", "租赁用房", "provider"),
    # nanan
    s(NA, "allowance", NA_A, "500", "person", "monthly", "能力完好的自理老年人500元", "自理(能力完好)"),
    s(NA, "allowance", NA_A, "1000", "person", "monthly", "轻度失能和中度失能的半自理老年人1000元", "半自理(轻度失能和中度失能)"),
    s(NA, "allowance", NA_A, "1500", "person", "monthly", "重度失能的全护理老年人1500元", "全护理(重度失能)"),
    s(NA, "allowance", NA_B, "200", "person", "monthly", "每月分别给予自理老年人200元", "自理"),
    s(NA, "allowance", NA_B, "400", "person", "monthly", "轻度失能和中度失能的半自理老年人400元", "半自理(轻度失能和中度失能)"),
    s(NA, "allowance", NA_B, "600", "person", "monthly", "重度失能的全护理老年人600元", "全护理(重度失能)"),
    # jilin
    s(JL, "allowance", JL_R, "25", "person", "monthly", "每人每月享受25元高龄津贴", "80-89周岁"),
    s(JL, "allowance", JL_R, "50", "person", "monthly", "每人每月享受50元高龄津贴", "80-89周岁享受城乡低保待遇"),
    s(JL, "allowance", JL_R, "100", "person", "monthly", "每人每月享受100元高龄津贴", "90-99周岁"),
    s(JL, "allowance", JL_R, "300", "person", "monthly", "每人每月享受300元高龄津贴", "100周岁以上"),
    # nanling
    s(NL, "allowance", NL_R, "300", "person", "monthly", NL_Q, "年满80周岁"),
    s(NL, "allowance", NL_R, "200", "person", "monthly", NL_Q, "年满70周岁"),
    s(NL, "allowance", NL_R, "100", "person", "monthly", NL_Q, "年满60周岁"),
    # taizhou (Jiangsu)
    s(TZ, "construction", "以自有产权用房举办的养老机构(护理型床位一次性建设补贴)", "10000", "bed", "one_off",
      "每张护理型床位给予1万元的一次性建设补贴", "自有产权用房,护理型床位", "provider"),
    s(TZ, "construction", "以租赁形式举办的养老机构(护理型床位一次性改造补贴)", "5000", "bed", "one_off",
      "每张护理型床位给予5000元的一次性改造补贴", "租赁用房,护理型床位", "provider"),
    s(TZ, "construction", "以自有产权用房新建的民办养老机构非护理型床位、城市小型托老所、农村“老年关爱之家”(一次性建设补贴)",
      "3000", "bed", "one_off", "给予每张床位3000元的一次性建设补贴", "自有产权用房新建,非护理型床位", "provider"),
    s(TZ, "construction", "以租赁形式举办的养老机构(非护理型床位一次性改造补贴)", "2000", "bed", "one_off",
      "给予每张床位2000元的一次性改造补贴", "租赁用房,非护理型床位", "provider"),
]

MEASURES = [
    ("source_id", "path", "heading"),
    (ST, "1", "调增余喜娥等66位高龄老人按照本人年龄周岁对应各年龄段补贴标准享受高龄补贴"),
    (ST, "2", "因年龄变更"),
    (ST, "3", "因死亡等原因"),
    (DT, "T1", "高龄老人生活补助"),
    (DT, "T3", "居家养老上门服务补贴"),
    (DT, "T4", "人身意外伤害险"),
    (DT, "T5", "床位运营补贴"),
    (DT, "T6", "非营利民办养老机构一次性开办补助"),
    (HN, "1", "收到您的来信"),
    (HN, "2", "为全面提升基层社会治理水平和治理能力"),
    (HN, "2.1", "浑南区社区工作者及户籍在浑南区60岁及以上老年人"),
    (HN, "2.2", "其他群众可以根据自己的需求来消费"),
    (HN, "2.3", "60岁以上老人在原价格基础上享受9折优惠"),
    (HN, "2.4", "其他群众按照正常价格消费"),
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
    print("rows:", {n: len(r) - 1 for n, r in
                    [("documents", DOCUMENTS), ("targets", TARGETS), ("subsidies", SUBSIDIES), ("measures", MEASURES)]})
