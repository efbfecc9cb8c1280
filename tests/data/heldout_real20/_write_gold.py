"""Write the hand-made gold rows of heldout_real20 (CSV, CRLF, csv module)."""
import csv, pathlib

HERE = pathlib.Path(__file__).parent
G = HERE / "gold"
G.mkdir(exist_ok=True)

S1 = "shuangta-cy-2022-private-institution-operation-subsidy-info"
S2 = "luohu-sz-2024-private-institution-funding-publicity"
S3 = "yihe-linyi-2022-provincial-institution-operation-reward-publicity"
S4 = "dalian-zhongshan-undated-eldercare-development-measures"
S5 = "zhenjiang-2022-institution-subsidy-standards-summary"
S6 = "zhenjiang-2015-eldercare-industry-opinions-excerpt"
S7 = "ningxia-2025-eldercare-resource-layout-plan-news"
S8 = "shandong-2022-14th-fyp-eldercare-network-news"

documents = [
    ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"],
    [S1, "养老扶持补贴信息20221229", "", "双塔区民政局", "2022-12-29", "", "notice"],
    [S2, "", "", "罗湖区民政局", "", "2024-07-12", "notice"],
    [S3, "", "", "临沂沂河新区社会发展局", "", "2022-11-29", "notice"],
    [S4, "大连中山区推进养老事业发展实施办法", "", "大连中山区民政局", "", "", "rules"],
    [S5, "镇江养老机构有哪些补贴 镇江最好的养老机构", "", "", "2022-10-16", "", "other"],
    [S6, "镇江市人民政府办公室关于加快发展养老服务业的实施意见", "镇政办发〔2015〕212号", "镇江市人民政府办公室", "2015-12-11", "", "policy_measures"],
    [S7, "宁夏出台《全区养老服务资源优化布局实施方案》", "", "", "2025-08-14", "", "other"],
    [S8, "", "", "", "2022-08-10", "", "other"],
]

targets = [
    ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"],
    # 06 zhenjiang 2015: 到2020年 work targets
    [S6, "养老服务设施村覆盖率", "gte", "90", "", "%", "2020", "全市", "90%以上村"],
    [S6, "每千名老年人拥有养老床位数", "gte", "45", "", "张", "2020", "全市", "每千名老年人拥有养老床位数45张以上"],
    [S6, "护理型床位占养老服务总床位比例", "gte", "50", "", "%", "2020", "全市", "护理型床位占养老服务总床位比例达50%以上"],
    # 07 ningxia 2025
    [S7, "标准化养老机构数量", "range", "1", "2", "家", "", "全区5个地级市(每市)", "全区5个地级市分别打造1—2家标准化养老机构"],
    [S7, "新增社区养老服务设施", "gte", "140", "", "个", "", "全区", "新增不少于140个社区养老服务设施"],
    [S7, "养老服务圈(一刻钟)", "lte", "15", "", "分钟", "", "全区", "打造“一刻钟养老服务圈”"],
    [S7, "新增区域综合养老服务中心", "approx", "60", "", "个", "", "全区", "增加60个左右具有全日托养"],
    [S7, "新增农村养老服务设施", "approx", "400", "", "个", "", "全区", "分别增加400个左右"],
    [S7, "撤并农村养老服务设施", "approx", "30", "", "个", "", "全区", "撤并30个左右农村养老服务设施"],
    [S7, "补充建设村级养老服务站(点)", "approx", "180", "", "个", "", "全区", "精准补充建设180个左右村级养老服务站(点)"],
    [S7, "乡镇(街道)综合养老服务中心覆盖率", "eq", "70", "", "%", "2027", "全区", "综合养老服务中心覆盖率达到70%"],
    [S7, "养老机构入住率", "eq", "45", "", "%", "2027", "全区", "养老机构入住率提升到45%"],
    [S7, "乡镇(街道)综合养老服务中心覆盖率", "eq", "80", "", "%", "2030", "全区", "综合养老服务中心覆盖率达到80%"],
    [S7, "养老机构入住率", "eq", "50", "", "%", "2030", "全区", "养老机构入住率提升到50%"],
    # 08 shandong 2022
    [S8, "养老机构护理型床位占比", "gte", "60", "", "%", "2025", "全省", "全省养老机构护理型床位占比提高到60%以上"],
    [S8, "社区养老服务设施配建率", "eq", "100", "", "%", "2025", "全省", "确保社区养老服务设施配建率达到100%"],
]

subsidies = [
    ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote"],
    # 01 shuangta
    [S1, "operation", "民办养老机构(运营补贴)", "130", "", "", "bed", "monthly", "按照130元/床/月标准"],
    [S1, "operation", "民办养老机构(2所,2021年下半年和2022年上半年运营补贴)", "495950", "", "", "total", "one_off", "民办养老机构运营补贴495950元"],
    # 02 luohu
    [S2, "other", "罗湖区黄贝岭颐养院、罗湖区长寿人颐养院、罗湖区福安养老事业发展中心(新增床位、护理服务、责任保险资助合计)", "333530", "", "", "total", "one_off", "三家养老机构资助补贴金额合计为:33.353万元"],
    # 03 yihe (linyi)
    [S3, "operation", "养老机构(收住中度失能老年人)", "2400", "", "", "person", "annual", "每人每年2400元、3600元"],
    [S3, "operation", "养老机构(收住重度失能老年人)", "3600", "", "", "person", "annual", "每人每年2400元、3600元"],
    [S3, "operation", "养老机构(收住中度失能老年人,不满一年)", "200", "", "", "person", "monthly", "不满一年的每人每月200元、300元"],
    [S3, "operation", "养老机构(收住重度失能老年人,不满一年)", "300", "", "", "person", "monthly", "不满一年的每人每月200元、300元"],
    [S3, "operation", "临沂凯旋老年养护院(白沙埠镇敬老院)", "766651", "", "", "total", "one_off", "省级养老机构运营奖补资金766651元"],
    # 04 dalian zhongshan
    [S4, "construction", "2011年后成立的养老院(市床位补贴)", "", "", "", "bed", "unspecified", "在享受市床位补贴的基础上"],
    [S4, "construction", "床位30张(含30张)以上的养老院(新建养老床位)", "2000", "", "", "bed", "unspecified", "新建养老床位每张补贴2000元"],
    [S4, "construction", "床位30张(含30张)以上的养老院(改扩建养老床位)", "1000", "", "", "bed", "unspecified", "改扩建养老床位每张补贴1000元"],
    [S4, "construction", "床位30张以下和家庭式养老院", "1000", "", "", "bed", "unspecified", "床位30张以下和家庭式养老院每张床位补贴1000元"],
    [S4, "allowance", "60周岁至79周岁的低保老人(生活能自理)", "100", "", "", "person", "monthly", "生活能自理的,每人每月补贴100元"],
    [S4, "allowance", "60周岁至79周岁的低保老人(生活半自理)", "300", "", "", "person", "monthly", "生活半自理的,每人每月补贴300元"],
    [S4, "allowance", "60周岁至79周岁的低保老人(生活不能自理)", "500", "", "", "person", "monthly", "③生活不能自理的,每人每月补贴500元"],
    [S4, "allowance", "“三无老人”、遗属孤老及80周岁以上的低保老人(生活自理、半自理)", "300", "", "", "person", "monthly", "生活自理、半自理的,每人每月补贴300元"],
    [S4, "allowance", "“三无老人”、遗属孤老及80周岁以上的低保老人(生活不能自理)", "500", "", "", "person", "monthly", "②生活不能自理的,每人每月补贴500元"],
    [S4, "allowance", "“三无老人”、遗属孤老及80周岁以上的低保老人(独生子女死亡或与三级以上残疾独生子女共同生活,增发)", "50", "", "", "person", "monthly", "每人每月增加50元"],
    [S4, "allowance", "低保老人和有特殊困难需要养护的人员(定向机构养护服务补贴)", "", "", "", "person", "unspecified", "享受其收入与入住养护机构费用的差额补贴"],
    # 05 zhenjiang 2022
    [S5, "construction", "以自有产权用房举办的养老机构(护理型床位)", "15000", "", "", "bed", "one_off", "给予每张护理型床位15000元的一次性建设补贴"],
    [S5, "construction", "以自有产权用房举办的养老机构(非护理型床位)", "7000", "", "", "bed", "one_off", "每张非护理型床位7000元"],
    [S5, "construction", "以租赁用房举办且有效租期5年以上的养老机构(护理型床位)", "8000", "", "", "bed", "one_off", "给予每张护理型床位8000元的一次性建设补贴"],
    [S5, "construction", "以租赁用房举办且有效租期5年以上的养老机构(非护理型床位)", "4000", "", "", "bed", "one_off", "每张非护理型床位4000元"],
    [S5, "construction", "公办民营养老机构(建设补贴累计上限)", "", "50", "", "bed", "one_off", "补贴资金累计不超过投资总额的50%"],
    [S5, "operation", "养老机构(收住半失能老人,基准补贴)", "120", "", "", "person", "monthly", "半失能老人每人每月120 元"],
    [S5, "operation", "养老机构(收住失能老人,基准补贴)", "180", "", "", "person", "monthly", "失能老人每人每月180元"],
    [S5, "other", "养老机构(综合责任保险,每个入住老人)", "80", "", "", "person", "annual", "政府补贴80元"],
]

measures = [
    ["source_id", "path", "heading"],
    [S4, "1", "养老院新增床位补贴"],
    [S4, "1.1", "床位30张(含30张)以上的养老院"],
    [S4, "1.2", "床位30张以下和家庭式养老院每张床位补贴1000元"],
    [S4, "1.3", "床位数计算方式为:建筑总面积(平方米)÷25(平方米)"],
    [S4, "2", "居家养老服务补贴"],
    [S4, "2.1", "60周岁至79周岁的低保老人"],
    [S4, "2.2", "“三无老人”、遗属孤老及80周岁以上的低保老人"],
    [S4, "3", "定向机构养护服务补贴"],
    [S5, "1", "养老机构床位建设补贴"],
    [S5, "2", "养老机构床位运营补贴"],
    [S5, "3", "养老机构综合责任保险补贴"],
    [S6, "1", "总体要求"],
    [S6, "2", "工作目标"],
]

def write(name, rows):
    with open(G / name, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)

write("documents.csv", documents)
write("targets.csv", targets)
write("subsidies.csv", subsidies)
write("measures.csv", measures)
for n, r in [("documents", documents), ("targets", targets), ("subsidies", subsidies), ("measures", measures)]:
    print(n, len(r) - 1)
