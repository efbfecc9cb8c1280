#!/usr/bin/env python3
"""Write the heldout9 gold CSVs and manifest.csv (csv module, RFC 4180 quoting, CRLF).

Made by hand from reading the texts written by _write_texts.py; no extractor was opened
or run. Column order follows /work/shared/gold/*.csv. subsidies.csv carries the nine
shared columns first, in the shared order, then two extra columns the brief asks for:
`condition` and `recipient_type` (readers by column name are unaffected; drop the last
two columns to get the exact shared header).
"""
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
RETRIEVED = "search corpus pages, retrieved 2026-12-04"

# id, city, province, region_code, url
MANIFEST = [
    ("nanning-undated-eldercare-facility-layout-plan-explainer", "南宁市", "广西壮族自治区", "450100",
     "http://www.xxtq.gov.cn/fw/ggfw/shfl/lnrfl/ylfwzc/t6322959.html"),
    ("nanning-2023-eldercare-five-systems-review", "南宁市", "广西壮族自治区", "450100",
     "http://mzt.gxzf.gov.cn/zwdt/sxxw/t15154053.shtml"),
    ("shenzhen-2022-lao-you-yi-yang-2025-goals", "深圳市", "广东省", "440300",
     "https://mzj.sz.gov.cn/szmz/pc/xwzx/mtgz/content/post_10199830.html"),
    ("hubei-2014-leling-project-opinion-news", "湖北省", "湖北省", "420000",
     "https://hubeimm.gov.cn/index.php?id=1043"),
    ("zhenlai-2023-suggestion-reply-28", "白城市镇赉县", "吉林省", "220821",
     "http://www.jlzhenlai.gov.cn/xxgk/ytabl/202308/t20230809_968014.html"),
    ("luquan-km-2025-high-age-allowance-letter-reply", "昆明市禄劝彝族苗族自治县", "云南省", "530128",
     "http://www.kmlq.gov.cn/c/2025-08-21/7044642.shtml"),
    ("luanchuan-2024-high-age-allowance-guide", "洛阳市栾川县", "河南省", "410324",
     "https://www.luanchuan.gov.cn/search?newsid=70998"),
    ("haigang-ts-2023-needy-elderly-services-report", "唐山市(海港经济开发区)", "河北省", "130200",
     "https://www.tshg.gov.cn/tshaigang/haigangylfw/20230728/1549524.html"),
    ("dongyang-2020-care-training-subsidy-publicity", "金华市东阳市", "浙江省", "330783",
     "http://www.dongyang.gov.cn/art/2020/12/16/art_1229325660_59241697.html"),
]

NP, NR, SZ, HB, ZL, LQ, LC, HG, DY = (m[0] for m in MANIFEST)

DOCUMENTS = [
    # document_id, title, doc_number, issuer, published_date, written_date, doc_type
    (NP, "", "", "", "", "", "work_plan"),
    (NR, "南宁:构建“五个体系”推动养老服务高质量发展", "", "南宁市民政局", "2023-01-06", "", "other"),
    (SZ, "市民政局建设“老有颐养”服务体系 提升老年人幸福感安全感", "", "深圳市民政局", "2022-10-28", "", "other"),
    (HB, "省民政厅省老龄办出台意见提出大力实施基层“乐龄工程”", "", "", "2014-08-18", "", "other"),
    (ZL, "关于对县十九届人大二次会议第28号代表建议的答复", "", "", "2023-08-09", "", "suggestion_reply"),
    (LQ, "禄劝县高龄津贴申领条件(发放对象)是什么?", "", "禄劝彝族苗族自治县人民政府网站", "", "", "other"),
    (LC, "80周岁以上老年人高龄生活补贴政策申请指南", "", "石庙镇", "2024-12-11", "", "other"),
    (HG, "海港区社会事务局全面做好困难老年人养老服务工作", "", "海港开发区管理委员会", "2023-07-28", "", "other"),
    (DY, "", "", "东阳市民政局", "", "2020-12-16", "notice"),
]

TARGETS = [
    # source_id, indicator, comparator, value, value_max, unit, deadline_year, scope, quote
    (NP, "养老服务设施人均用地面积", "gte", "0.25", "", "平方米", "2035", "全市(南宁市域)",
     "规划至2035年,养老服务设施人均用地面积不低于0.25平方米"),
    (NR, "新建住宅小区社区居家养老服务用房配建标准(每百户)", "gte", "30", "", "平方米", "", "新建住宅小区",
     "新建住宅小区按每百户不少于30平方米的标准配建社区居家养老服务用房"),
    (NR, "新建住宅小区社区居家养老服务用房单处面积", "gte", "300", "", "平方米", "", "新建住宅小区",
     "且单处不少于300平方米"),
    (SZ, "长者服务中心街道覆盖率", "eq", "100", "", "%", "2025", "全市",
     "全市长者服务中心实现街道100%全覆盖"),
    (SZ, "社区长者服务站覆盖率(老龄化社区)", "eq", "100", "", "%", "2025", "老龄化社区",
     "老龄化社区实现社区长者服务站100%全覆盖"),
    (SZ, "示范性“虚拟养老院”数量", "gte", "1", "", "家", "2025", "每个区",
     "每个区至少建成1家示范性“虚拟养老院”"),
    (HB, "建立包括养老服务在内的综合服务设施的乡镇比例", "gte", "90", "", "%", "2020", "全省乡镇",
     "90%以上的乡镇建立包括养老服务在内的综合服务设施"),
    (HB, "建立农村老年人互助照料活动中心或托老所的农村社区比例", "gte", "60", "", "%", "2020", "全省农村社区",
     "60%以上的农村社区建立农村老年人互助照料活动中心或托老所"),
    (HB, "城乡基层老年协会覆盖率", "gte", "90", "", "%", "2020", "城乡基层",
     "城乡基层老年协会覆盖率达到90%以上"),
]

SUBSIDIES = [
    # source_id, kind, recipient, amount_yuan, rate_percent, cap_yuan, basis, frequency, quote, condition, recipient_type
    (NR, "budget_allocation", "全市养老服务发展(统筹下达的养老服务资金)", "183000000", "", "", "total", "one_off",
     "统筹下达养老服务资金1.83亿元", "", "government"),
    (NR, "construction", "15个县区(开发区)各新建的公办示范性养老机构", "1100000000", "", "", "total", "unspecified",
     "累计投入11亿元,推进15个县区(开发区)各新建一所300—500张床位的公办示范性养老机构", "", "government"),
    (LQ, "allowance", "80-89周岁老年人", "60", "", "", "person", "monthly",
     "80-89周岁老年人:每人每月60元", "80-89周岁", "older_person"),
    (LQ, "allowance", "90-99周岁老年人", "120", "", "", "person", "monthly",
     "90-99周岁老年人:每人每月120元", "90-99周岁", "older_person"),
    (LQ, "allowance", "100周岁及以上老年人", "500", "", "", "person", "monthly",
     "100周岁及以上老年人:每人每月500元", "100周岁及以上", "older_person"),
    (LC, "allowance", "80-89周岁老年人", "60", "", "", "person", "monthly",
     "80-89周岁每月60元", "80-89周岁", "older_person"),
    (LC, "allowance", "90-99周岁老年人", "100", "", "", "person", "monthly",
     "90-99周岁每月100元", "90-99周岁", "older_person"),
    (LC, "allowance", "100周岁以上老年人", "300", "", "", "person", "monthly",
     "100周岁以上每月300元", "100周岁以上", "older_person"),
    (DY, "training", "符合条件单位(养老护理人员项目制培训的培训单位)", "", "", "", "", "one_off",
     "决定给以下符合条件单位发放养老护理人员项目制培训补助", "", "provider"),
]

MEASURES = [
    # source_id, path, heading
    (NP, "1", "编制背景"),
    (NP, "2", "规划期限"),
    (NP, "3", "规划范围"),
    (NP, "4", "规划目标"),
    (NP, "4.1", "总体目标"),
    (NP, "4.2", "分项目标"),
    (ZL, "1", "关于改善镇级敬老院基础设施"),
    (ZL, "2", "关于全面推进医养结合"),
    (ZL, "3", "关于提高农村养老服务水平"),
    (LQ, "1", "发放对象"),
    (LQ, "2", "发放标准"),
    (LQ, "3", "申领渠道"),
    (LC, "1", "申报条件"),
    (LC, "2", "申报程序"),
    (LC, "2.1", "微信搜索洛阳养老公众号"),
    (LC, "2.2", "由乡镇民政所对申请人的基本信息初审无误后"),
    (LC, "3", "提交资料"),
    (LC, "3.1", "本人照片"),
    (LC, "3.2", "第二代身份证正反两面照片"),
    (LC, "3.3", "户口首页、本人页照片"),
    (LC, "3.4", "社保卡照片"),
    (LC, "4", "发放标准及方式"),
    (HG, "1", "持续开展特殊困难老年人家庭适老化改造项目"),
    (HG, "2", "开展上门服务"),
    (HG, "3", "实施经济困难失能、部分失能老年人家庭床位建设"),
]


def write(path: Path, header: list[str], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    files = {p.name[3:-4]: p.name for p in HERE.glob("[0-9][0-9]_*.txt")}
    write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"],
          [(i, files[i], c, p, r, "text", f"{u}; {RETRIEVED}") for i, c, p, r, u in MANIFEST])
    write(GOLD / "documents.csv", ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"], DOCUMENTS)
    write(GOLD / "targets.csv", ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"], TARGETS)
    write(GOLD / "subsidies.csv", ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote",
                                   "condition", "recipient_type"], SUBSIDIES)
    write(GOLD / "measures.csv", ["source_id", "path", "heading"], MEASURES)
    print(f"manifest {len(MANIFEST)}, documents {len(DOCUMENTS)}, targets {len(TARGETS)}, subsidies {len(SUBSIDIES)}, measures {len(MEASURES)}")


if __name__ == "__main__":
    main()
