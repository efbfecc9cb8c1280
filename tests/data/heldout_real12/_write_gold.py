#!/usr/bin/env python3
"""Write manifest.csv and the hand-made gold CSVs of heldout12 with the csv module.

Columns follow /work/shared/gold/*.csv exactly (same order); subsidies.csv has the two
extra columns `condition` and `recipient_type` at the end. Rows are in document order.
Empty cell = null. UTF-8, RFC 4180 quoting, CRLF line ends (csv module default).
The annotation was made by reading the texts; see gold/uncertain.md for borderline calls.
"""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
PROV = "search corpus pages, retrieved 2026-12-04"

# id, file-number, city, province, region_code, url
MANIFEST = [
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "01", "新余市", "江西省", "360500",
     "http://mzj.xinyu.gov.cn/mzj/gggs/2025-06/11/content_41d91bfe3fc345979d061b88b6846a51.shtml"),
    ("jinan-fz-2024-cppcc-proposal-3066-reply-elder-canteens", "02", "福州市晋安区", "福建省", "350111",
     "http://fzja.gov.cn/xjwz/zwgk/jyta/zxta/202406/t20240611_4839612.htm"),
    ("ningshan-2024-npc-suggestion-49-reply-elder-activity-space", "03", "安康市宁陕县", "陕西省", "610923",
     "https://www.ningshan.gov.cn/Content-2732945.html"),
    ("xiangshan-2025-livelihood-projects-list", "04", "宁波市象山县", "浙江省", "330225",
     "https://www.xiangshan.gov.cn/art/2025/3/19/art_1229679987_59187648.html"),
    ("xiaoxian-2025-livelihood-projects-progress-sept", "05", "宿州市萧县", "安徽省", "341322",
     "https://www.ahxx.gov.cn/xxdt/ztzl/xxmsgc/gggs/163042521.html"),
    ("jinhua-2025-civil-affairs-work-points", "06", "金华市", "浙江省", "330700",
     "http://mzj.jinhua.gov.cn/art/2025/4/30/art_1229698118_4224270.html"),
    ("yanling-2025-livelihood-projects-completion-briefing", "07", "许昌市鄢陵县", "河南省", "411024",
     "http://www.yanling.gov.cn/zwdt/002001/20260121/9b5096a3-62e0-446d-8e45-79c24949c200.html"),
    ("langao-2023-livelihood-projects-vote", "08", "安康市岚皋县", "陕西省", "610925",
     "https://www.langao.gov.cn/Content-2537328.html"),
]

# document_id,title,doc_number,issuer,published_date,written_date,doc_type
DOCUMENTS = [
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "", "", "新余市民政局", "", "", "suggestion_reply"),
    ("jinan-fz-2024-cppcc-proposal-3066-reply-elder-canteens", "关于市政协十四届三次会议第3066号提案办理情况的答复",
     "", "", "2024-05-27", "", "proposal_reply"),
    ("ningshan-2024-npc-suggestion-49-reply-elder-activity-space", "对宁陕县第十九届人大三次会议第49号建议的复函",
     "宁住建函〔2024〕353号", "宁陕县住房和城乡建设局", "2024-08-01", "2024-07-12", "suggestion_reply"),
    ("xiangshan-2025-livelihood-projects-list", "", "", "", "", "", "work_plan"),
    ("xiaoxian-2025-livelihood-projects-progress-sept", "萧县9月份民生工程进展情况", "", "萧县民生办",
     "2025-10-09", "", "other"),
    ("jinhua-2025-civil-affairs-work-points", "2025年全市民政工作要点", "", "", "2025-04-30", "", "work_plan"),
    ("yanling-2025-livelihood-projects-completion-briefing", "", "", "", "", "", "other"),
    ("langao-2023-livelihood-projects-vote", "", "", "", "", "", "work_plan"),
]

# source_id,indicator,comparator,value,value_max,unit,deadline_year,scope,quote
TARGETS = [
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "新建和改造提升城市颐养之家", "eq", "10", "", "个",
     "2025", "全市", "2025年我市将新建和改造提升城市颐养之家10个"),
    ("jinan-fz-2024-cppcc-proposal-3066-reply-elder-canteens", "新店镇居家社区养老综合服务中心嵌入式长者食堂拓展档口",
     "eq", "5", "", "个", "", "新店镇居家社区养老综合服务中心", "计划在嵌入式长者食堂中创新拓展5个档口"),
    ("xiangshan-2025-livelihood-projects-list", "新改建农村互助颐养小院", "eq", "6", "", "个", "2025", "",
     "新改建农村互助颐养小院6个"),
    ("xiangshan-2025-livelihood-projects-list", "为80周岁及以上老年人投保意外伤害保险", "eq", "25000", "", "份",
     "2025", "", "为80周岁及以上老年人投保2.5万份意外伤害保险"),
    ("xiaoxian-2025-livelihood-projects-progress-sept", "嵌入式养老机构建设", "eq", "2", "", "个", "2025", "全县",
     "2个嵌入式养老机构建设"),
    ("xiaoxian-2025-livelihood-projects-progress-sept", "农村幸福院建设", "eq", "15", "", "个", "2025", "全县",
     "15个农村幸福院建设"),
]

# source_id,kind,recipient,amount_yuan,rate_percent,cap_yuan,basis,frequency,quote,condition,recipient_type
SUBSIDIES: list[tuple] = []  # no subsidy row in this set: see gold/uncertain.md

# source_id,path,heading
MEASURES = [
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "1", "市十届人大六次会议代表建议办理情况"),
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "1.1", "关于“科学布点,以点扩面”的建议"),
    ("xinyu-2025-npc-suggestion-7-reply-community-canteen", "1.2", "关于“打造核心,做亮品牌”的建议"),
    ("xiangshan-2025-livelihood-projects-list", "T1", "安康颐养项目"),
    ("xiangshan-2025-livelihood-projects-list", "T2", "扶弱助残项目"),
    ("xiangshan-2025-livelihood-projects-list", "T3", "名医下乡项目"),
    ("xiangshan-2025-livelihood-projects-list", "T4", "村有医疗项目"),
    ("xiangshan-2025-livelihood-projects-list", "T5", "幸福宜居项目"),
    ("xiangshan-2025-livelihood-projects-list", "T6", "优学共享项目"),
    ("xiangshan-2025-livelihood-projects-list", "T7", "清凉工程项目"),
    ("xiangshan-2025-livelihood-projects-list", "T8", "普惠托育项目"),
    ("xiangshan-2025-livelihood-projects-list", "T9", "未来工匠项目"),
    ("xiangshan-2025-livelihood-projects-list", "T10", "象新之家项目"),
    ("xiangshan-2025-livelihood-projects-list", "T11", "文艺惠民项目"),
    ("xiangshan-2025-livelihood-projects-list", "T12", "快递进村项目"),
    ("xiangshan-2025-livelihood-projects-list", "T13", "舌尖守护项目"),
    ("xiangshan-2025-livelihood-projects-list", "T14", "安澜河塘项目"),
    ("xiangshan-2025-livelihood-projects-list", "T15", "畅行交通项目"),
    ("jinhua-2025-civil-affairs-work-points", "1", "工作思路"),
    ("jinhua-2025-civil-affairs-work-points", "2", "主要任务"),
    ("jinhua-2025-civil-affairs-work-points", "2.1", "着力提升党建引领工作水平"),
    ("langao-2023-livelihood-projects-vote", "1", "岚皋县村级医保服务能力提升工程"),
    ("langao-2023-livelihood-projects-vote", "2", "岚皋县中小学及幼儿园校舍提升改造工程"),
    ("langao-2023-livelihood-projects-vote", "3", "岚皋县农村敬老院供养服务设施改造提升项目"),
    ("langao-2023-livelihood-projects-vote", "4", "岚皋县城市功能补短板项目"),
    ("langao-2023-livelihood-projects-vote", "5", "岚皋县肖家坝农贸市场提升工程"),
    ("langao-2023-livelihood-projects-vote", "6", "岚皋县标准化村卫生室建设项目"),
    ("langao-2023-livelihood-projects-vote", "7", "岚皋县中医院基础服务能力提升项目"),
    ("langao-2023-livelihood-projects-vote", "8", "岚皋县城区智慧水务建设工程"),
    ("langao-2023-livelihood-projects-vote", "9", "岚皋县背街小巷改造工程"),
    ("langao-2023-livelihood-projects-vote", "10", "岚皋县城关镇城北社区搬迁安置点道路建设项目"),
]


def write(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)  # default dialect: minimal quoting, CRLF
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header), (path.name, r)
            w.writerow(r)


def file_of(num: str, doc_id: str) -> str:
    return f"{num}_{doc_id}.txt"


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"],
          [(i, file_of(n, i), c, p, rc, "text", f"{u} ; {PROV}") for i, n, c, p, rc, u in MANIFEST])
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
