#!/usr/bin/env python3
"""Write the hand-made gold for heldout14 with the csv module (UTF-8, CRLF, RFC 4180).
Every value below was decided by reading the texts against /work/shared/DATA_CONTRACT.md;
see gold/uncertain.md and gold/documents_notes.md for the borderline calls. No computation."""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"

YZ = "yangzhou-2022-home-community-care-action-project-news"
QH = "qinghai-2024-central-budget-eldercare-childcare-investment-news"
EH = "ejin-horo-2015-azhen-day-care-center-investment-news"
TC = "tengchong-2020-high-age-allowance-disbursement-info"
BL = "bairin-left-2024-lottery-fund-use-notice"
JB = "jining-beihu-2024-lottery-fund-use-notice"
FJ = "fujian-2024-proposal-reply-20242047"
LH = "linhe-2021-netizen-message-reply-community-care-centers"

PROV = "search corpus pages, retrieved 2026-12-04"
MANIFEST_COLS = ["id", "file", "city", "province", "region_code", "format", "provenance"]
MANIFEST = [
    [YZ, f"01_{YZ}.txt", "扬州市", "江苏省", "321000", "text",
     f"https://mzt.jiangsu.gov.cn/art/2022/10/24/art_54981_10655216.html ; {PROV}"],
    [QH, f"02_{QH}.txt", "青海省", "青海省", "630000", "text",
     f"http://www.qinghai.gov.cn/zwgk/system/2024/09/02/030052560.shtml ; {PROV}"],
    [EH, f"03_{EH}.txt", "鄂尔多斯市伊金霍洛旗", "内蒙古自治区", "150627", "text",
     f"https://www.yjhl.gov.cn/zwgk_142802/zjxx_142915/202107/t20210731_2973576.html ; {PROV}"],
    [TC, f"04_{TC}.txt", "保山市腾冲市", "云南省", "530581", "text",
     f"https://tengchong.gov.cn/info/20591/5052083.htm ; {PROV}"],
    [BL, f"05_{BL}.txt", "赤峰市巴林左旗", "内蒙古自治区", "150422", "text",
     f"http://www.blzq.gov.cn/zzllms/zzllmstzgg/202406/t20240626_2348973.html ; {PROV}"],
    [JB, f"06_{JB}.txt", "济宁市(北湖省级旅游度假区)", "山东省", "370800", "text",
     f"http://bhdjq.jining.gov.cn/art/2024/6/10/art_35423_2722394.html ; {PROV}"],
    [FJ, f"07_{FJ}.txt", "福建省", "福建省", "350000", "text",
     f"http://mzt.fj.gov.cn/gk/yatabljggk/zxwyta/202405/t20240506_6444316.htm ; {PROV}"],
    [LH, f"08_{LH}.txt", "巴彦淖尔市临河区", "内蒙古自治区", "150802", "text",
     f"http://www.linhe.gov.cn/guest/view/?mid=176 ; {PROV}"],
]

DOC_COLS = ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"]
DOCUMENTS = [
    [YZ, "扬州实施居家和社区养老服务提升行动项目", "", "扬州市民政局", "2022-10-24", "", "other"],
    [QH, "", "", "青海省发展和改革委员会", "", "", "other"],
    [EH, "伊金霍洛旗阿镇日间照料中心再获中央预算内投资专项建设资金", "", "", "", "", "other"],
    [TC, "", "", "腾冲市民政局", "2020-12-03", "", "other"],
    [BL, "", "", "巴林左旗民政局", "", "", "notice"],
    [JB, "使用情况公告", "", "区社会事业发展局", "2024-06-10", "2024-06-10", "notice"],
    [FJ, "", "", "福建省民政厅", "", "2024-04-29", "proposal_reply"],
    [LH, "", "", "临河区民政局", "", "", "other"],
]

TGT_COLS = ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"]
TARGETS = [
    # 01 扬州: the 2022 提升行动 project's two committed quantities
    [YZ, "家庭养老床位建设数量", "eq", "4024", "", "张", "", "", "建设4024张家庭养老床位"],
    [YZ, "居家养老上门服务人次", "gte", "8048", "", "人次", "", "", "提供不低于8048人次居家养老上门服务"],
    # 02 青海: what the 1.72亿 investment is to deliver
    [QH, "支持建设的公办养老托育服务机构数量", "eq", "14", "", "个", "", "青海省",
     "支持14个公办养老托育服务机构建设"],
    [QH, "新增养老床位", "eq", "100", "", "张", "", "青海省", "将新增养老床位100张"],
    [QH, "新增婴幼儿托位", "eq", "1755", "", "个", "", "青海省", "婴幼儿托位1755个"],
    # 03 伊金霍洛旗: the day-care centre once built
    [EH, "阿镇日间照料中心养老床位", "eq", "150", "", "张", "", "伊金霍洛旗阿镇日间照料中心",
     "设置养老床位\n150张"],
    [EH, "阿镇日间照料中心年接待能力", "gte", "70000", "", "人次", "", "伊金霍洛旗阿镇日间照料中心",
     "年接待能力约达到70000人次以上"],
]

SUB_COLS = ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency",
            "quote", "condition", "recipient_type"]
SUBSIDIES = [
    # 01 扬州: funding source named, no amount
    [YZ, "budget_allocation", "扬州市家庭养老床位建设和居家养老上门服务项目(中央专项彩票公益金)", "", "", "",
     "total", "unspecified", "通过中央专项彩票公益金支持", "", "government"],
    # 02 青海
    [QH, "construction", "14个公办养老托育服务机构(2024年中央预算内投资)", "172000000", "", "",
     "total", "one_off", "落实2024年中央预算内投资1.72亿元", "", "provider"],
    # 03 伊金霍洛旗 (项目总投资800万元 is the project cost, not money provided: OUT)
    [EH, "construction", "伊金霍洛旗阿镇日间照料中心项目(自治区2015年预算内投资)", "4000000", "", "",
     "facility", "one_off", "获自治区2015年预算内投资400万元", "", "provider"],
    [EH, "construction", "伊金霍洛旗阿镇日间照料中心项目(中央预算内投资专项建设资金)", "3000000", "", "",
     "facility", "one_off", "获得中央预算内投资专项建设资金300万元", "", "provider"],
    [EH, "construction", "伊金霍洛旗阿镇日间照料中心项目(累计争取的上级投资)", "7000000", "", "",
     "facility", "one_off", "已累计争取到上级投资700万元", "", "provider"],
    # 04 腾冲: the standard by age band, and the amount disbursed
    [TC, "allowance", "腾冲市户籍80-99周岁老年人(高龄津贴)", "50", "", "",
     "person", "monthly", "80-99周岁 每人每月50元", "80-99周岁", "older_person"],
    [TC, "allowance", "腾冲市户籍100周岁及以上老年人(高龄津贴)", "1000", "", "",
     "person", "monthly", "100周岁及以上 每人每月1000元", "100周岁及以上", "older_person"],
    [TC, "allowance", "腾冲市80周岁以上高龄老年人(高龄津贴发放资金,41080人次)", "6228280", "", "",
     "total", "unspecified", "41080 | 41080 | 6228280", "", "older_person"],
    # 05 巴林左旗
    [BL, "budget_allocation", "巴林左旗民政局(自治区返还盟市福利彩票公益金,用于巴林左旗养老服务中心北部分院维修改造)",
     "1200000", "", "", "total", "one_off", "收到自治区返还盟市福利彩票公益金共120万元", "", "government"],
    # 06 济宁北湖: every amount of the 2023 lottery-fund use notice
    [JB, "budget_allocation", "区民政社会福利及相关公益事业(中央、省、市拨付的福利彩票公益金)", "704300", "", "",
     "total", "one_off", "中央、省、市拨付我区福利彩票公益金已支出70.43万元", "", "government"],
    [JB, "budget_allocation", "区民政社会福利及相关公益事业(区级福利彩票公益金)", "28200", "", "",
     "total", "one_off", "区级福利彩票公益金支出2.82万元", "", "government"],
    [JB, "budget_allocation", "社会福利事业项目(中央彩票公益金)", "120000", "", "",
     "total", "one_off", "中央彩票公益金支持社会福利事业项目12万元", "", "government"],
    [JB, "other", "特殊困难老年人家庭(居家适老化改造,中央彩票公益金)", "85400", "", "",
     "total", "one_off", "困难老年人家庭适老化改造项目8.54万元", "", "older_person"],
    [JB, "construction", "养老机构(智慧消防安全服务云平台建设,养老服务机构消防改造项目)", "34600", "", "",
     "total", "one_off", "养老服务机构消防改造项目3.46万元", "", "provider"],
    [JB, "budget_allocation", "特殊儿童群体基本生活保障项目(省级福彩公益金,困难群众救助补助类项目)", "240000", "", "",
     "total", "one_off", "困难群众救助补助类项目24万元", "", "government"],
    [JB, "budget_allocation", "市级福彩公益金项目", "344300", "", "",
     "total", "one_off", "市级福彩公益金项目34.43万元", "", "government"],
    [JB, "other", "养老机构(综合责任保险)", "7000", "", "",
     "total", "one_off", "养老机构综合责任保险资金0.7万元", "", "provider"],
    [JB, "operation", "石桥镇敬老院(冬季取暖补助)", "15000", "", "",
     "facility", "one_off", "乡镇敬老院冬季取暖补助1.5万元", "", "provider"],
    [JB, "other", "特殊困难老年人家庭(居家适老化改造,市级福彩公益金)", "25000", "", "",
     "total", "one_off", "困难老年人家庭适老化改造项目2.5万元", "", "older_person"],
    [JB, "budget_allocation", "临时救助和残疾人两项补贴项目(困难群众救助补助项目)", "220000", "", "",
     "total", "one_off", "困难群众救助补助项目22万元", "", "government"],
    [JB, "other", "困难群众(福彩送温暖慰问救助)", "22500", "", "",
     "total", "one_off", "福彩慰问救助活动2.25万元", "", "other"],
]

MEAS_COLS = ["source_id", "path", "heading"]
MEASURES = [
    [TC, "1", "凡具有腾冲市户籍且年满80周岁的老年人,均可享受高龄津贴"],
    [TC, "2", "高龄老年人如有以下情况,须终止发放高龄津贴"],
    [TC, "3", "采用社会化发放的方式存入本人银行卡内"],
    [BL, "1", "更换彩钢瓦屋顶"],
    [BL, "2", "室内装修装饰"],
    [BL, "3", "厨房及消防设施改造"],
    [BL, "4", "安装空气能采暖设备"],
    [JB, "1", "中央彩票公益金支持社会福利事业项目12万元"],
    [JB, "1.1", "困难老年人家庭适老化改造项目8.54万元"],
    [JB, "1.2", "养老服务机构消防改造项目3.46万元"],
    [JB, "2", "省级福彩公益金项目24万元"],
    [JB, "3", "市级福彩公益金项目34.43万元"],
    [JB, "3.1", "养老机构综合责任保险资金0.7万元"],
    [JB, "3.2", "乡镇敬老院冬季取暖补助1.5万元"],
    [JB, "3.3", "困难老年人家庭适老化改造项目2.5万元"],
    [JB, "3.4", "困难群众救助补助项目22万元"],
    [JB, "3.5", "福彩慰问救助活动2.25万元"],
    [JB, "3.6", "低保"],
    [LH, "1", "临河区当前老年人口数量有多少"],
    [LH, "2", "多少个社区设有社区养老服务中心"],
    [LH, "3", "据了解,车站街道金穗社区的养老服务中心开展效果很好,类似的还有别的社区吗"],
    [LH, "4", "政府为社区养老服务中心投入资金力度如何"],
]


def write(path: Path, cols: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(cols)
        w.writerows(rows)


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    write(HERE / "manifest.csv", MANIFEST_COLS, MANIFEST)
    write(GOLD / "documents.csv", DOC_COLS, DOCUMENTS)
    write(GOLD / "targets.csv", TGT_COLS, TARGETS)
    write(GOLD / "subsidies.csv", SUB_COLS, SUBSIDIES)
    write(GOLD / "measures.csv", MEAS_COLS, MEASURES)
    print(f"{len(MANIFEST)} texts, {len(TARGETS)} targets, {len(SUBSIDIES)} subsidies, {len(MEASURES)} measures")


if __name__ == "__main__":
    main()
