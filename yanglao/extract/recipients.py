"""Who gets the money: the recipient, its condition and its type, for each subsidy row.

The subsidy rules (`subsidies.py`) find the figures and name a recipient where the sentence
says it in the usual ways (`对…给予`, `…享受`, `向…购买`). This stage completes the rows:

- a recipient the sentence gives in another way: the subject of `获得` (`渝北区…获得奖补资金100万元`),
  the group before a rate of payment (`80至89周岁老年人按每人每月60元`), the place before an
  allocation (`丽水市1600万`);
- the condition of each amount when a sentence gives several for different grades, levels or
  groups (`对评为一级、二级、三级的分别给予10万元、6万元、3万元奖励`: conditions 一级, 二级, 三级;
  one recipient);
- `recipient_type`: money to older people, to providers, to workers or to lower levels of
  government, so that sums by type do not double-count.

Every rule is a row of a table below (name, pattern, what it yields, an example sentence from a
real document); `tests/test_recipients.py` runs every example.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from yanglao.extract.numbers import HEAD_COUNT_RE, THOUSANDS_SEPARATOR
from yanglao.literals import guarded


class Rule(NamedTuple):
    """One rule of a table: its name, pattern, what it yields and an example from a real document."""

    name: str
    pattern: str
    yields: str  # what a match gives (a recipient type, the group that names the recipient, or `holders`:
    # the group names the people an allowance is for, `高龄` → 高龄老人)
    example: str  # a sentence or phrase from a real document that the rule reads
    source: str  # the document the example comes from: an id of datasets/latest/documents.csv, of
    # tests/data/heldout_real*/manifest.csv or of tests/data/rule_examples/manifest.csv


TRIM = " \t\u3000\xa0，,。；;：:、|的"
# Places and levels of government: money to them is a transfer, not a payment to providers or people.
PLACE = r"(?:[\u4e00-\u9fff]{1,8}?(?:省|市|(?<!社)区|县|旗|乡镇|镇|乡|街道)(?:\((?:街道|镇|乡|乡镇)\))?|各区|各县|各市|各地|区县|县区|县\(市、区\)|县（市、区）)"

# In order; the first rule whose pattern matches the recipient (with its condition) decides.
# Anchored at the end: the head noun of the phrase says who receives (收住失能老年人的养老机构 → provider).
RECIPIENT_TYPE_RULES: tuple[Rule, ...] = (
    Rule(
        "worker_head",
        r"(?:护理员|护理人员|从业人员|工作人员|社会工作者|社工|人才|毕业生|学生|员工|(?<!退休)职工|医护人员|志愿者|技能人才|技师"
        r"|(?:服务|护理|照料)工作的人员)(?:[(（][^()（）]*[)）])?$",
        "worker",
        "高等学校和职业技术学校毕业生",
        "zhejiang-2021-social-eldercare-promotion-regulation",
    ),
    Rule(
        "provider_head",
        r"(?:机构|中心|站|院|所|食堂|饭堂|学堂|企业|组织|单位|网点|助餐点|服务点|餐桌|运营方|服务商|供应商|主体|项目|社区|村|基地|综合体)"
        r"(?:[(（][^()（）]*[)）])?$",
        "provider",
        "验收合格的社区老年人服务中心(站)",
        "wuhan-2020-reply-20200464",
    ),
    Rule(
        "worker_subject",
        r"^[^在的，,]{0,8}?(?:护理员|护理人员|从业人员|工作人员|社会工作者)在",
        "worker",
        "养老护理员在宜昌城区养老服务机构养老护理岗位工作满5年但未满10年",
        "yichang-2022-care-worker-subsidies-news",
    ),
    Rule(
        "government_office",
        r"(?:人民政府|政府|财政局|民政局|财政厅|民政厅|事务办|办公室|委员会)(?:[(（][^()（）]*[)）])?$",
        "government",
        "潘桥、梧田、茶山、仙岩、三垟街道、泽雅镇社会事务办",
        "ouhai-2020-eldercare-fund-allocation-notice",
    ),
    Rule(
        "older_person_head",
        r"(?:老年人|老人|长者|对象|家庭|户|失能人员|特困人员|供养人员|参保人员|参保人|居民)(?:[(（][^()（）]*[)）])?$",
        "older_person",
        "本地户籍80至89周岁老年人",
        "qiantang-2023-high-age-allowance-info",
    ),
    Rule(
        "government_head",
        rf"^{PLACE}(?:人民政府|政府|财政局|民政局|财政)?(?:[(（][^()（）]*[)）])?$",
        "government",
        "渝北区",
        "chongqing-2020-pilot-reward-fund-notice",
    ),
)
# Without a recipient, or one no head rule reads, the kind of money decides.
KIND_TYPES: dict[str, str] = {
    "allowance": "older_person",
    "construction": "provider",
    "operation": "provider",
    "service_purchase": "provider",
    "budget_allocation": "government",
    "training": "worker",
}

# What is paid to people for their living and care, by name (`基本生活费`, `高龄补贴费`, `护理补贴`).
PAYMENTS = r"基本生活费|照料护理费|护理费|生活费|(?:生活|护理|高龄|养老服务)?(?:补贴|补助|津贴)(?:费|金|资金)?|救助金"

# Where the subsidy rules found no recipient: the text before the figure, within its sentence.
RECIPIENT_RULES: tuple[Rule, ...] = (
    Rule(
        "paid_through_to",
        # whom the payments are handed to, named before them (`县民政局向县中心敬老院拨付特困人员照料护理费12万元`)
        # (or paid out to people: `全区已向1.5万名高龄老人发放补贴661万元`)
        r"向(?P<r>[^，,。；;：:\n]{2,20}?)(?<!申请)(?:拨付|下拨|划拨|支付|拨|发放)[^，,。；;\n\d]{0,24}$",
        "recipient",
        "2024年9月,县民政局向县中心敬老院拨付特困人员照料护理费12万元。",
        "constructed by the review of the thirteenth round (no real text with it found yet)",
    ),
    Rule(
        "subject_of_obtain",
        r"(?:^|[，,。；;：:\n])\s*(?:其中[，,]?)?(?P<r>[^，,。；;：:\n]{2,80}?)(?:属于|作为|被评为|被确定为|入选)"
        r"[^。；;\n]{0,80}?[，,]\s*(?:各|共|可|均)?获得[^，,。；;]{0,20}$",
        "recipient",
        "渝北区属于第五批居家和社区养老服务改革试点成果验收特别优秀地区,获得奖补资金100万元",
        "chongqing-2020-pilot-reward-fund-notice",
    ),
    Rule(
        "clause_subject_of_obtain",
        r"(?:^|[，,。；;：:\n])\s*(?:其中[，,]?)?(?P<r>[^，,。；;：:\n]{2,80}?)(?:各|共|可|均)?获得[^，,。；;]{0,20}$",
        "recipient",
        "庆城长者食堂·学堂、军门长者食堂·学堂、乌塔长者食堂·学堂及大凰山长者食堂·学堂(乌山郡)各获得补助资金1.8万元",
        "gulou-fuzhou-2024-lottery-fund-publicity",
    ),
    Rule(
        "object_of_reward",
        r"(?:奖励|奖补|资助)(?P<r>[^，,。；;\d]{2,20}?(?:单位|机构|企业|组织|个人|集体|中心|站|人员))\s*$",
        "recipient",
        "每个省评选一个优秀单位,中央财政奖励优秀单位100万元左右",
        "huzhou-2020-pilot-plan",
    ),
    Rule(
        "aged_group_before_figure",
        r"(?<![\d.])(?P<r>(?:(?:本地|本[省市县区])?户籍|全[省市县区])?\d{2,3}(?:\s*(?:周?岁)?\s*(?:[-—–~～至到])\s*\d{2,3})?\s*周?岁(?:以上|及以上|以下)?"
        r"[^，,。；;：:\n\d]{0,12}?(?:老年人|老人))(?![^，,。；;\n]*周?岁)"
        # the group receives it, not a provider it describes (`收住80周岁以上老人的民办养老机构`, `…补贴公交公司`)
        r"(?![^，,。；;：:\n]*(?:的|机构|中心|食堂|饭堂|公司|企业|单位|组织|站|院))[^，,。；;：:\n]{0,40}$",
        "recipient",
        "2020年10月份应发放80周岁以上城镇低保老年人高龄补贴费3600元",
        "minhou-2020-high-age-subsidy-payment-notice",
    ),
    Rule(
        "group_before_rate",
        # (not a step of procedure before the payment: `经验收后可按每张床位…`)
        # (or its cap: `户籍年龄在70至99岁老年人以每餐5元为上限`)
        r"(?:^|[，,、；;：:。\n])\s*(?P<r>(?!经|待|通过)[^，,、。；;：:\n]{2,30}?)(?<!后)(?<!后可)"
        r"(?:(?:按|按照)(?:每人|每户|每床|每张床位|每餐)|以每餐)[^，,、。；;]{0,8}$",
        "recipient",
        "本地户籍80至89周岁老年人按每人每月60元",
        "qiantang-2023-high-age-allowance-info",
    ),
    Rule(
        "group_then_giver",
        # a group in a clause of its own, then who pays each of them how much (`开福区户籍60岁以上老人,政府每人每餐补助4元`)
        r"(?:^|[，,、；;：:。\n])\s*(?P<r>[^，,、。；;：:\n]{2,30}?(?:老年人|老人|人员|对象))[，,]\s*"
        r"(?:政府|(?:[省市县区]级?|各级)?财政)(?:每人|每户)?(?:每月|每餐|每年|每天)?(?:补助|补贴|给予|发放)[^，,。；;\d]{0,6}$",
        "recipient",
        "① 12元每餐的餐标,开福区户籍60岁以上老人,政府每人每餐补助4元",
        "changsha-2020-elder-canteen-meal-subsidy-pilot-news",
    ),
    Rule(
        "named_as_the_object",
        # the sentence names who the money is for with a label (`此次补贴对象为全省在民政部门备案、由社会力量举办或经营的养老
        # 机构,兼顾…,每张床位一次性补贴1000元`)
        r"(?:补贴|补助|资助|奖补|扶持|发放)对象(?:为|是)[:：]?\s*(?P<r>[^。；;\n，,]{2,60}?(?:机构|中心|站|院|企业|组织|老年人|老人|人员|家庭))"
        r"(?=[，,。；;]|$)",
        "recipient",
        "此次补贴对象为全省在民政部门备案、由社会力量举办或经营的养老机构,兼顾机构床位规模和入住率因素,每张床位一次性补贴1000元",
        "jiangsu-2022-private-institution-relief-subsidy-news",
    ),
    Rule(
        "facility_before_its_amount",
        # a list of standards by kind of facility, each named right before its amount (`上级财政按照城市老年人日间照料
        # 中心10.5万元、农村老年人日间照料中心8.75万元标准给予补足`)
        r"(?:按照|按|、)(?P<r>[^，,。；;、：:\d]{2,24}?(?:中心|机构|院|站|食堂|饭堂|助餐点|幸福院))$",
        "recipient",
        "上级财政按照城市老年人日间照料中心10.5万元、农村老年人日间照料中心8.75万元标准给予补足",
        "wangcang-2014-eldercare-system-construction-news",
    ),
    Rule(
        "served_by_training",
        r"对(?P<r>[^，,。；;：:\n]{2,30}?)(?:免费)?(?:实施|开展|提供|进行|组织)[^，,。；;]{0,20}?(?:培训|鉴定)"
        r"[^。；;\n]*$",
        "recipient",
        "对全市养老服务从业人员免费实施养老护理员技能培训,共培训1532人,等级鉴定571人,支出培训鉴定费77.982万元",
        "wuhai-2025-reply-hn35",
    ),
    Rule(
        "fund_named_for_its_facilities",
        r"(?:下达|下拨|拨付|安排|分配)(?:(?!用于)[^，,。；;：:\n]){0,12}?(?:\d{4}年?度?)?"
        r"(?P<r>(?!于)(?:(?!用于|资金|经费)[^，,。；;：:\n\d]){2,16}?"
        r"(?:中心|站|机构|食堂|饭堂|助餐点|服务点|院))(?:运营|建设|运行)(?:补贴|补助)(?:资金|经费)[^，,。；;\n\d]{0,4}$",
        "recipient",
        "现下达2022度城乡日间照料中心运营补贴资金70.2万元",
        "bazhou-2023-day-care-operation-subsidy-notice",
    ),
    Rule(
        "allowance_named_for_its_holders",
        r"(?P<r>(?:高龄|失能|失智|独居|空巢|百岁|长寿)(?:老人|老年人)?)(?:生活)?(?:津贴|补贴|补助)[^。；;\n]{0,12}$",
        "holders",
        "8月全区高龄津贴支出73.136万元",
        "qiantang-2023-high-age-allowance-info",
    ),
    Rule(
        "group_named_in_its_allowance",
        # the group an allowance is named for, where the sentence pays it out (`发放经济困难老年人养老服务补贴`)
        r"(?:^|[，,。；;：:、\n]|发放|领取|月份)"
        r"(?P<r>(?:(?!发放|领取|[一二三四五六七八九十]、)[^，,。；;：:、\n\d的]){0,8}?(?:老年人|老人))"
        r"(?:养老服务|居家养老服务|生活|护理)(?:补贴|津贴|补助)[^。；;\n]{0,20}$",
        "recipient",
        "以每人每月50元的标准共计发放经济困难老年人养老服务补贴397400元",
        "wulateqianqi-2025-may-eldercare-subsidy-payment",
    ),
    Rule(
        "group_before_its_payments",
        # the group whose payments are named right before the sum (`特困供养人员基本生活费、照料护理费共计…`)
        r"(?:^|[，,。；;：:\n]|\d月份?|\d年度?|现将|其中|发放|下达|下拨|拨付)\s*"
        r"(?P<r>(?:(?!现将|其中|发放|下达|下拨|拨付)[^，,。；;：:、\n\d]){2,20}?(?:人员|老年人|老人|对象|家庭))的?"
        rf"(?:{PAYMENTS})(?:[、和及与](?:{PAYMENTS}))*(?:资金|经费)?(?:共计|合计|总计|共|为)?"
        # (or the next payment of its list: `…基本生活费35.298万元、照料护理费21.0546万元`)
        rf"(?:\s*[\d.,]+\s*[万亿]?元[、，,]\s*(?:{PAYMENTS}))*\s*$",
        "payees",
        "现将2024年9月份特困供养人员基本生活费、照料护理费共计154.6454万元",
        "dejiang-2024-destitute-support-funds-september-notice",
    ),
    Rule(
        "assistance_named_for_its_holders",
        # a standard of social assistance names who holds it (`农村低保年标准从7094元提高至7334元` → 农村低保对象)
        r"(?P<r>(?:城市|农村|城乡)?(?:低保|最低生活保障|特困供养))(?:年|月)?标准[^。；;\n，,]{0,12}$",
        "assistance_holders",
        "农村低保年标准从7094元提高至7334元",
        "xiangyuan-2025-civil-affairs-h1-summary",
    ),
    Rule(
        "group_before_its_standard",
        # who the standard is for, named before it (`…失能的老年人、年满70周岁及以上的老年人,资助标准为每户…`)
        # (after a label, `补贴对象为…`; a count of who there is, `全区共有…`, is no one entitled)
        r"(?:^|[：:，,。；;\n])\s*(?:(?:补贴|补助|发放|救助|资助)?对象(?:为|是)[:：]?)?"
        r"(?P<r>(?![^：:，,。；;\n]*?(?:共有|现有))[^：:，,。；;\n]{2,150}?(?:老年人|老人|家庭))[，,]\s*"
        # (or adjusted to it: `最低生活保障家庭的老年人,补贴标准调整为每人每月1110元`)
        r"(?:补贴|补助|资助|奖励|救助)标准(?:调整为|提高到|提高至|为|是)[^，,。；;]{0,12}$",
        "recipient",
        "年满70周岁及以上的老年人,资助标准为每户最高不超过12000元",
        "longhua-sz-undated-home-adaptation-subsidy-standards",
    ),
    Rule(
        "group_whose_standard_is_raised",
        # whose standard is raised, named before it (`100周岁以上(含100周岁)的高龄老人的发放标准,从原来每人每月200元提高到
        # 每人每月300元`)
        # (or whose allowance is: `100周岁(含)以上老人的高龄津贴由原每人每月300元提高到每人每月800元`)
        r"(?:^|[：:，,。；;\n])\s*(?P<r>[^：:，,。；;\n]{2,60}?(?:老年人|老人|人员|家庭))的"
        r"(?:(?:发放|补贴|补助|津贴|救助|保障)?标准|[^，,。；;\n\d]{0,6}?(?:津贴|补贴|补助)(?:发放)?(?:标准)?)"
        r"[，,]?\s*(?:由|从)[^。；;\n]{0,30}?(?:提高|调整|上调|提升)(?:到|至|为)[^，,。；;\d]{0,8}$",
        "recipient",
        "100周岁以上(含100周岁)的高龄老人的发放标准,从原来每人每月200元提高到每人每月300元",
        "kaiping-2011-high-age-allowance-expansion-plan",
    ),
    Rule(
        "people_named_in_the_fund_paid_out",
        # the people a fund paid out is named for (`累计发放特困人员供养资金1159.6万元`)
        r"发放(?P<r>[^，,。；;\n\d]{2,12}?(?:人员|老年人|老人|对象))的?(?:供养|生活|高龄|养老|救助)?(?:补贴|补助|津贴)?"
        r"(?:资金|金)(?:共计|合计|总计|共|累计|为|达)?$",
        "recipient",
        "1-12月以来已累计发放特困人员供养资金1159.6万元",
        "babu-undated-destitute-support-standard-raise-news",
    ),
    Rule(
        "group_counted_before_the_sum_paid_out",
        # a group counted in the clause before the sum paid out to it (`城市特困人员47人,累计发放资金33.9万元`)
        r"(?:^|[，,。；;\n])\s*(?:其中)?(?P<r>[^，,。；;\n\d]{2,20}?(?:人员|老年人|老人|对象))\s*\d+\s*(?:人|名)[，,]\s*"
        r"(?:累计|共|共计)?发放(?:资金|金额)?(?:共计|合计|总计|共|累计|为|达)?$",
        "recipient",
        "城市特困人员47人,累计发放资金33.9万元",
        "babu-undated-destitute-support-standard-raise-news",
    ),
    Rule(
        "group_raised_to_a_standard",
        # who is raised to the standard, named right before the verb (`80-89周岁低保、特困人员调标至100元/月`)
        r"(?:^|[：:，,。；;\n])\s*(?P<r>[^：:，,。；;\n]{2,40}?(?:老年人|老人|人员|对象|家庭))"
        r"(?:的?(?:补贴|补助|津贴)?标准)?(?:调标|提标|调整|提高|上调)(?:至|到|为)\s*$",
        "recipient",
        "调标后:80-89周岁低保、特困人员调标至100//月",
        "dadukou-2025-high-age-allowance-adjustment-notice",
    ),
    Rule(
        "group_standard_then_items",
        # whose standard it is, then its items by grade after a colon (`全州集中供养特困人员照料护理补贴标准:一档(完全丧失
        # 生活自理能力)提高到995元/人·月,二档…`)
        # (not a facility's standard: `…特困人员供养服务机构运营补助标准:`, `养老机构收住失能老年人运营补贴标准:`)
        r"(?:^|[，,。；;\n])\s*(?P<r>(?:(?!机构|中心|设施|站|院)[^：:，,。；;\n]){2,30}?(?:人员|老年人|老人|对象|家庭))(?:的)?"
        r"(?:(?!机构|中心|设施|站|院)[^：:，,。；;\n\d]){0,10}?标准\s*[：:]"
        r"[^。；;\n]*$",
        "recipient",
        "全州集中供养特困人员照料护理补贴标准:一档(完全丧失生活自理能力)提高到995元/人·月",
        "gongshan-2024-assistance-standards-raise-interpretation",
    ),
    Rule(
        "group_then_its_standard_after_a_colon",
        # a list of standards by group, each `group:amount` (`80-89周岁老年人:每人每月60元;90-99周岁…`)
        r"(?:^|[，,。；;\n])\s*(?:具体)?(?:如下)?[：:]?\s*(?P<r>[^：:，,。；;\n]{2,30}?(?:老年人|老人|家庭|人员))\s*[：:]\s*"
        r"(?:每人|每户)?(?:每月|每年)?[^，,。；;：:\d]{0,4}$",
        "recipient",
        "禄劝县高龄津贴发放标准按照年龄段共分为两档,具体如下80-89周岁老年人:每人每月60元",
        "luquan-km-2025-high-age-allowance-letter-reply",
    ),
    Rule(
        "group_whose_cost_is_paid",
        # the people whose cost the money pays (`分散供养的特困老年人改造费用由区级财政全额资助,每户…`)
        r"(?:^|[：:，,。；;\n])\s*(?P<r>[^：:，,。；;\n]{2,40}?(?:老年人|老人|家庭))的?[^，,。；;\n的]{0,6}?费用由"
        r"[^，,。；;\n]{0,12}?(?:资助|补贴|补助|承担)[^。；;\n]{0,30}$",
        "recipient",
        "分散供养的特困老年人改造费用由区级财政全额资助,每户原则上不超过20000元",
        "longhua-sz-undated-home-adaptation-subsidy-standards",
    ),
    Rule(
        "counted_before_standard",
        r"(?:^|[，,。；;：:\n])\s*\d+(?:个|家|所|处|座)(?P<r>[^，,。；;：:\n\d]{2,20}?)[，,]\s*(?:按照|按)"
        r"每(?:个|家|所|处|座)[^，,。；;]{0,10}$",
        "recipient",
        "2个居家养老服务照料中心,按照每个每年2万元标准进行补助",
        "putian-chengxiang-2021-eldercare-operation-subsidy-notice",
    ),
    Rule(
        "built_then_each",
        r"(?:建设|新建|建成|改扩建|改造|设立|打造|培育)(?:[和、及与](?:新建|改扩建|改造|建设|提升|建成))*"
        r"(?P<r>[^，,。；;：:\n\d]{2,20}?)\d+(?:个|家|所|处|座)[，,]\s*"
        r"每(?:个|家|所|处|座)[^，,。；;\d]{0,10}$",
        "recipient",
        "全市2年内规划建设城市社区老年人日间照料中心138个,每个补助100万元",
        "yulin-2023-proposal-reply-253",
    ),
    Rule(
        "listed_group_before_amount",
        r"(?:给予|[、，,])(?P<r>[^、，,。；;：:\n\d]{2,30}?(?:老年人|老人|人员|护理员))\s*$",
        "recipient",
        "每月分别给予能力完好的自理老年人500元、轻度失能和中度失能的半自理老年人1000元、重度失能的全护理老年人1500元的养老服务补贴",
        "nanan-2022-eldercare-admission-subsidy-standard",
    ),
    Rule(
        "counted_group_then_its_sum",
        # who was paid, counted, then the sum (`敬老院集中供养三无人员共计471人,款47100元`)
        # (or without 共计: `其中:城乡居民中的高龄老人2001人,发放金额70830元`, `…80周岁以上老人710423 人次,发放4568.67万元`)
        r"(?:^|[，,。；;：:\n])\s*(?:惠及|覆盖|涉及|共有|其中)?\s*"
        # (after the period and the instrument: `2024年第一季度享受高龄津贴政策80周岁以上老人710423 人次`)
        r"(?:\d{4}年度?(?:第[一二三四]季度|[上下]半年|\d{1,2}月份?)?)?(?:享受[^，,。；;：:\n\d]{0,10}?(?:政策|待遇))?"
        r"(?P<r>(?:[^，,。；;：:\n\d]|\d+(?=\s*(?:周?岁|[-—至到])))"
        r"{2,60}?)(?:(?:共计|合计|共)|(?<=人员|老人|年人|对象|家庭))\s*\d+\s*"
        r"(?:名|位|人|户|人次)[，,]\s*"
        r"共?(?:(?:发放|拨付|支付)(?:资金|金额|款)?|款|金额)\s*$",
        "recipient",
        "敬老院集中供养三无人员共计471人,款47100元",
        "huaiyuan-2023-home-care-subsidy-allocation-notice",
    ),
    Rule(
        "object_of_dui_over_two_clauses",
        # `对…的家庭,生活长期不能自理、经济困难的老年人,根据其失能程度,…分别给予每人每月300元…`: who 对 names, its
        # condition in a clause of its own
        r"对(?:于(?!您|你|上述|此|这|该|以上))?(?![象于接标比外应照称口])"
        r"(?P<r>[^，,。；;：:\n]{2,60}?[，,][^，,。；;：:\n]{2,40}?(?:老年人|老人|人员))[，,]"
        r"[^。；;\n]{0,60}?(?:给予|发放|补贴|补助)[^，,。；;\d]{0,12}$",
        "recipient",
        "对独生子女死亡或三级以上残疾、且未再生育或收养子女的家庭,生活长期不能自理、经济困难的老年人,根据其失能程度,"
        "按照年满80 周岁、70 周岁、60 周岁分别给予每人每月 300 元",
        "nanling-2020-fp-special-family-elderly-care-allowance-publicity",
    ),
    Rule(
        "group_then_each",
        # a group, then what each one gets (`80周岁至89周岁老年人,每人每月享受25元高龄津贴`)
        # (not a provider taking people in: `民办养老机构收住本县户籍失能老年人,每人每月给予运营补贴200元`)
        r"(?:^|[，,。；;：:\n])\s*(?:其中)?\s*(?P<r>(?!其中)(?![^，,。；;：:\n]*(?:收住|接收|收养))"
        r"[^，,。；;：:\n]{2,40}?(?:老年人|老人|人员|家庭))[，,]\s*每(?:人|户|餐)"
        r"(?:每月|每年)?(?:可)?(?:享受|发放|给予|补助|补贴|领取)?[^，,。；;\d]{0,4}$",
        "recipient",
        "扩大到具有吉林市城区户籍80周岁以上全体老年人。 80周岁至89周岁老年人,每人每月享受25元高龄津贴,",
        "jilin-2024-high-age-allowance-message-reply",
    ),
    Rule(
        "group_then_period",
        # older people named right before what each gets in a period, with no comma between
        # (`符合条件的老年人每月最高补贴 800 元`, `百岁以上老人每人每年2600元`); not a provider taking people in
        # (nor who gives to them or serves them: `民政部门为全市高龄老年人每月发放`, `养老机构每护理一名失能老人每月…`)
        r"(?:^|[，,。；;：:\n])\s*(?P<r>(?:(?!收住|接收|收养|入住|为|向|给|对|每|护理|照护|照顾|服务)[^，,。；;：:\n\d]){2,30}?"
        r"(?:老年人|老人))"
        r"(?:每人)?(?:每月|每年)(?:最高|可)?(?:享受|发放|给予|补助|补贴|领取)?[^，,。；;\d]{0,4}$",
        "recipient",
        "据了解,符合条件的老年人每月最高补贴 800 元",
        "shanxi-2026-eldercare-consumption-subsidy-first-batch-news",
    ),
    Rule(
        "group_opening_then_paid",
        # last: a group that opens a sentence, a `；` item or a numbered item in a clause of its own, then what each of
        # them is paid, with no payer named (`其中年满80周岁至89岁的南京籍老人,每月发放尊老金不低于50元;`). Not people whom a
        # provider takes in (`民办养老机构收住…失能老年人,…`, `养老机构新入住的失能老人,每月给予机构运营补贴300元`), nor
        # money named for a provider after the verb (`每月给予养老机构200元床位补贴`), nor a fund or a date before them.
        r"(?:^|[。；;\n])\s*(?:其中|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、])?\s*"
        r"(?!提高|提升|调整|加大|落实|建立|完善|推进|实施|开展|做好|加强|继续)"
        r"(?P<r>(?:(?!收住|收养|招收|接收|入住|提供|机构|中心|今年|明年|起|资金|经费|用于)[^，,。；;：:\n]){2,30}?"
        r"(?:老年人|老人|对象))[，,]\s*(?:每人)?(?:每月|每年|每季度?|按月|按年|按季度?)(?:均|都)?(?:可以?)?"
        r"(?:发放|补贴|补助|给予|申领|领取|享受)(?:(?!机构|中心|院|站|企业|运营|床位)[^，,。；;\d]){0,10}$",
        "recipient",
        "其中年满80周岁至89岁的南京籍老人,每月发放尊老金不低于50元",
        "nanjing-2015-respect-for-elderly-allowance-news",
    ),
    Rule(
        "place_before_amount",
        rf"(?:^|[(（，,、；;])\s*(?P<r>{PLACE})\s*$",
        "recipient",
        "试点由中央财政补助1900万(丽水市1600万)",
        "huzhou-2020-pilot-plan",
    ),
)

# After the figure, for money allocated to places: `下拨2000万资金,…用于各区对为老服务项目的支持`.
RECIPIENT_AFTER_RULES: tuple[Rule, ...] = (
    Rule(
        "allocated_to_place",
        rf"[^。；;\n]{{0,40}}?(?:用于|分配至|分配给|分配到|下拨至|下拨给|下拨到|下达至|下达给|下达到|拨付至|拨付给|拨付到"
        # (or the places right after the verb: `首批 2.93 亿元补贴资金已下拨山西各市`; not `下达后由各县…`)
        rf"|(?:下拨|下达)(?=(?:(?![后由用于的])[\u4e00-\u9fff]){{0,4}}?各))(?P<r>{PLACE})",
        "recipient",
        "市财政局每年下拨2000万资金,采取以奖代补形式进行分解下拨,用于各区对为老服务项目的支持",
        "wuhan-2020-reply-20200464",
    ),
    Rule(
        "handed_to_named",
        # whom the sum is paid or handed down to, right after it (`…共计56.3526万元下拨给各敬老院、县社会福利院`,
        # `…88.616万元支付到特困人员个人账户`)
        # (or into their hands: `…887万元已全部打卡发放到五保老人手中`)
        r"[\d.,]*\s*[万亿]?元(?:[^，,。；;\n\d]{0,4}?|已(?:全部|经)?(?:打卡)?)(?:下拨|拨付|划拨|支付|付|发放|兑付)(?:给|到|至)"
        r"(?P<r>[^，,。；;：:\n\d]{2,30}?)(?:(?:的?个人)?(?:账户|帐户|手中)(?=[，,。；;、\n]|$)|(?=[，,。；;\n]|$))",
        "recipient",
        "集中供养特困人员基本生活费35.298万元、照料护理费21.0546万元,共计56.3526万元下拨给各敬老院、县社会福利院。",
        "dejiang-2024-destitute-support-funds-september-notice",
    ),
    Rule(
        "paid_to_after",
        # who the standard is paid out to, named after it (`严格按照预算标准1000元/人给补助对象兑付补助`)
        r"[\d.,]*\s*[万]?元(?:/(?:人|户))?(?:的标准)?给(?!予)(?P<r>[^，,。；;：:\n\d]{2,20}?)(?:兑付|发放|拨付)",
        "recipient",
        "成本指标 成本控制 严格按照预算标准1000元/人给补助对象兑付补助",
        "zhaohua-2021-special-family-support-performance-targets",
    ),
    Rule(
        "holder_named_in_the_instrument_after",
        # the instrument named after the amount names who holds it (`…可获得一次性奖励1500元的养老护理员从业年限补贴`)
        r"[\d.,]*\s*[万]?元的(?P<r>[^，,。；;\n\d的]{0,8}?(?:护理员|老年人|老人|人员|毕业生))"
        r"[^，,。；;\n\d的]{0,8}?(?:补贴|补助|奖励|津贴)",
        "recipient",
        "在同一养老服务机构连续从事养老管理或护理工作每满3年,可获得一次性奖励1500元的养老护理员从业年限补贴",
        "qingchuan-2022-care-worker-post-subsidy-news",
    ),
    Rule(
        "standard_supports_count",
        # a standard per unit, then how many of whom it supports (`按照户均3300元的标准支持1万户特殊困难老年人家庭适老化改造`,
        # `按照每个50万元的标准支持40个乡镇敬老院转型为区域养老服务中心`): the counted ones receive it
        r"[\d.,]*\s*[万]?元的?标准(?:支持|补助|资助|扶持)(?:[\d.]+\s*万?|[一二两三四五六七八九十百千万]+)\s*(?:户|个|家|所|名|人|处)"
        r"(?P<r>[^，,。；;\n\d]{2,30}?(?:家庭|老年人|老人|敬老院|福利院|机构|中心|站|设施|食堂|助餐点))"
        r"(?=适老化|转型|建设|改造|提升|[，,。；;]|$)",
        "recipient",
        "按照户均3300元的标准支持1万户特殊困难老年人家庭适老化改造",
        "henan-2023-provincial-eldercare-infrastructure-funds-news",
    ),
    Rule(
        "standard_then_whom",
        # a standard, then whom it is paid to (`可以2元/人次的标准对送餐机构补贴`)
        r"[\d.,]*\s*[万]?元(?:/[^\s，,。；;]{1,4})?的?标准(?:对|向|给(?!予))(?P<r>[^，,。；;\n\d]{2,20}?)(?:补贴|补助|给予|发放|拨付)",
        "recipient",
        "为户籍百岁老人及经市、区指定医疗机构评估为中度程度以上失能的70周岁以上户籍老年人提供送餐上门服务的,可以2元/人次的标准对送餐机构补贴",
        "shenzhen-2025-elder-meal-subsidy-standards",
    ),
    Rule(
        "supports_what_is_built",
        # the clause after the sum says what it supports building (`…1.72亿元,支持14个公办养老托育服务机构建设`)
        r"[\d.,]*\s*[万亿]?元[^，,。；;\n]{0,4}[，,]\s*(?:用于|主要用于)?(?:支持|扶持)"
        r"(?P<r>(?:(?!加快|推进|推动|开展|实施|完善)[^，,。；;\n]){2,30}?(?:机构|中心|项目|站|院|设施|食堂|助餐点))"
        r"(?:建设|改造|改扩建|提升)",
        "recipient",
        "省发展改革委近日落实2024年中央预算内投资1.72亿元,支持14个公办养老托育服务机构建设",
        "qinghai-2024-central-budget-eldercare-childcare-investment-news",
    ),
)
# Money handed to an office right after the figure (`拨付61380元到民政部门`): that office receives it.
# An allowance of old age named in the sentence (`高龄津贴`, `养老服务补贴`): an `allowance` even when the
# recipient reads as a worker (`…企业退休职工…高龄津贴`).
OLD_AGE_ALLOWANCE_RULE = Rule(
    "old_age_allowance",
    r"高龄(?:津贴|补贴|补助)|长寿(?:补助|补贴|保健费)|养老服务补贴|(?<!岗位)护理补贴|生活补贴",
    "allowance",
    "8月全区高龄津贴支出73.136万元",
    "qiantang-2023-high-age-allowance-info",
)
HANDED_TO_OFFICE = Rule(
    "handed_to_office",
    r"^[\d.,]*\s*[万亿]?元(?:资金|经费)?(?:拨付|下拨|划拨|转拨)?(?:到|至|给)(?P<r>[^，,。；;：:\n\d]{0,10}?"
    r"(?:部门|局|厅|政府|办公室|委员会|办))(?=[，,。；;：:\n]|用于|$)",
    "recipient",
    "该县财政已将90周岁以上老年人一季度的生活补助资金拨付61380元到民政部门",
    "huitong-2012-high-age-subsidy-news",
)
# What a programme's fund is for, said after it in its sentence or in the next one, which opens with
# the money (`…资金共计10.5万元。此次中央专项彩票公益金用于支持老年助餐服务发展`): the programme it goes to.
PROGRAMME_PURPOSE = Rule(
    "programme_purpose",
    rf"(?:(?:[^。；;\n，,]|{THOUSANDS_SEPARATOR})"  # a thousands separator is not a clause's end
    r"{0,40}?|[^。；;\n]{0,60}?[。；;]\s*(?:此次|本次|该|上述|这笔|该笔)[^，,。；;\n]{0,30}?(?:资金|公益金|经费))"
    r"(?:[^，,。；;\n]{0,4}?(?:主要|专项)?用于(?:支持|扶持|保障)?|[，,]\s*(?:重点|主要|专项)(?:用于|支持|扶持))"
    r"(?!以下|如下|下列)(?P<r>[^，,。；;：:\n\d%]{2,30}?)(?:发展|工作)?(?:[，,。；;\n]|$)",
    "recipient",
    "项目资金共计10.5万元。此次中央专项彩票公益金用于支持老年助餐服务发展,",
    "gulou-fuzhou-2024-lottery-fund-publicity",
)
# A sum put to a named use (`735.54万元用于流浪乞讨救助中心养老康复楼建设`): the use is what receives it,
# and the sum is a total, not a rate per person or per unit.
AMOUNT_FOR_USE = Rule(
    "amount_for_use",
    # (a list of places and a count may name it: `3,700.61万元用于甲良、佳荣、黎明关等6个敬老院建设、提质改造等`)
    # (or what it funds: `今年投入492.9万元资助城市社区居家养老服务中心建设改造项目7个、…19个`, `…1432万元,资助72个…项目`)
    r"[\d.,]+\s*[万亿]?元(?:资金|经费)?(?:[，,]\s*)?(?:(?:主要|专项)?用于(?:支持|扶持|保障)?|资助)"
    r"(?P<r>[^，,。；;：:\n%]{2,60}?)等?(?=[，,。；;\n]|$)",
    "recipient",
    "735.54万元用于流浪乞讨救助中心养老康复楼建设",
    "libo-2025-suggestion-reply-47",
)
# A use that is a service delivered to people (`240万元用于居家养老上门服务`): the sum buys that service.
SERVICE_USE = Rule(
    "use_is_a_service",
    r"(?:上门|助餐|照护|护理|照料|探访|关爱)服务$",
    "service_purchase",
    "其中200万元用于家庭养老床位建设,240万元用于居家养老上门服务。",
    "yuhua-changsha-2024-home-care-fund-publicity",
)
_SERVICE_USE_RE = re.compile(SERVICE_USE.pattern)
# (not homes adapted: `资助200户困难老年人家庭实施适老化改造`)
_BUILDING_USE = re.compile(r"^(?!.*(?:适老|家庭|\d+\s*户)).*(?:建设|改造|新建|改扩建)(?:项目)?(?:\d+\s*个)?$")
# A sum spent on building something, said right after it (`投入320万元在自流井区…建设老年助餐服务示范网络`):
# what is built receives it, and the money is a construction grant, a total.
AMOUNT_THEN_BUILT = Rule(
    "amount_then_built",
    r"[\d.,]+\s*[万亿]?元(?:资金|经费)?\s*(?:在[^，,。；;：:\n]{1,30}?)?"  # the same clause: `…元，建设期为两年` is not it
    r"(?:新建|建设|建成|打造|提升改造|改造提升|改扩建|改造)(?!期|任务|内容|进度|后|中|工作)"
    # (with how many: `今年增加投入504万元新建360张床位`)
    r"(?P<r>(?:\d+\s*(?:张|个|所|处|家|座))?[^，,。；;：:、\n\d%]{2,30}?)(?=[，,。；;\n]|$)",
    "construction",
    "投入320万元在自流井区、大安区、沿滩区和高新区建设老年助餐服务示范网络,",
    "zigong-2024-proposal-reply-163-069",
)
# A fund, then in the clause after it what it pushes on (`统筹下达养老服务资金1.83亿元,全力保障养老服务发展`, `下拨中央专项
# 彩票公益金4674万元,实施全省1558个农村幸福院项目`): the programme the money is for.
FUND_THEN_PURPOSE = Rule(
    "fund_then_purpose",
    r"[\d.,]+\s*[万亿]?元(?:资金|经费)?[^，,。；;\n\d]{0,4}[，,]\s*(?:全力|积极|大力|着力|重点|主要)?"
    r"(?:推进|实施|支持|保障|推动|加快|用于)(?P<r>(?![^，,。；;\n]*(?:标准|按照|每))[^，,。；;：:\n]{2,30}?)(?=[，,。；;\n]|$)",
    "budget_allocation",
    "统筹下达养老服务资金1.83亿元,全力保障养老服务发展。",
    "nanning-2023-eldercare-five-systems-review",
)
_FUND_THEN_PURPOSE_RE = re.compile(FUND_THEN_PURPOSE.pattern)
# A fund named by what it is for, right before its sum (`筹集养老服务信息平台建设经费500万元`, `老旧住宅加装电梯市级补助800
# 万元`, `已筹集养老服务业发展扶持资金6200余万元`): that purpose is what the total goes to.
NAMED_FUND_PURPOSE = Rule(
    "named_fund_purpose",
    # (after who gives it and when: `泰安市级及以上累计安排用于支持养老服务发展资金达6.9亿元`)
    r"(?:^|[，,；;：:、])\s*(?:[^，,。；;：:\n\d]{0,16}?(?:筹集|安排|投入|下达|拨付|落实|争取|统筹))?"
    r"(?:用于)?(?:支持|鼓励|扶持|保障)*"
    # (a source, a kind or a verb phrase is no purpose: `拨付建设补助资金`, `争取上级补助资金`, `累计发放各类养老补贴资金`)
    r"(?P<r>(?![^，,。；;：:\n]*(?:给予|按照|每|对|为|向|下达|下拨|安排|筹集|投入|拨付|发放|统筹|争取|累计|各类|各级|财政))"
    r"(?!(?:中央|省级?|市级?|县级?|区级?|上级|本级))[^，,。；;：:\n\d]{4,40}?(?<!补助)(?<!补贴)(?<!奖补)(?<!奖励)(?<!津贴))"
    r"(?:[省市县区]级|中央|上级)?(?:财政)?(?:专项|扶持|奖补|补助|引导)?(?:资金|经费|补助|补贴)(?:共|合计|约|为|达)?\s*$",
    "budget_allocation",
    "筹集养老服务信息平台建设经费500万元",
    "taian-2021-eldercare-development-funds-news",
)
_NAMED_FUND_PURPOSE_RE = re.compile(NAMED_FUND_PURPOSE.pattern)
# A list of benefits whose items give their fields a line each (`三、90周岁以上老人生活补贴` / `补贴标准:1000元/人/年` /
# `发放范围:年满90周岁以上的老人`): who the item's amount is for, when nothing else names them.
LABELLED_RECIPIENT = Rule(
    "labelled_recipient",
    r"(?m)^[ \t]*(?:发放|补贴|补助|享受|保障|救助|适用|资助|服务)(?:对象|范围)[ \t]*[:：][ \t]*"
    r"(?P<r>[^\n：:。；;]{2,40}?)[ \t]*[。；;]?[ \t]*$",
    "recipient",
    "发放范围:年满90周岁以上的老人",
    "nanyue-2020-rural-benefits-list-90plus-allowance",
)
_LABELLED_RECIPIENT_RE = re.compile(LABELLED_RECIPIENT.pattern)
_ITEM_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d))"
)
# What money paid to providers buys, said later in its paragraph (`补助资金可用于购置或更新相关设施设备`):
# its kind, when the sentence of the figure names none.
USE_KINDS: tuple[Rule, ...] = (
    Rule(
        "use_equipment",
        r"(?:资金|经费)[^，,。；;\n]{0,6}?(?:可|应|主要|须)?(?<!不得)用于[^。；;\n]{0,12}?(?:设施|设备|建设|改造|装修)",
        "construction",
        "补助资金可用于购置或更新相关设施设备",
        "gulou-fuzhou-2024-lottery-fund-publicity",
    ),
)
# `市级每个日间照料中心补助运营补贴3万元`: the amount is for each one of what `每个` names; it receives it.
EACH_NAMED = Rule(
    "each_named",
    r"每(?:个|家|所|处|座|张|名|位)(?P<r>[^，,。；;：:\n\d]{2,16}?"
    r"(?:中心|站|院|点|机构|食堂|饭堂|床位|护理员|老人|老年人))(?:(?:补助|补贴|奖励|给予|发放|资助)[^，,。；;\d]{0,8})?$",
    "facility",
    "市级每个日间照料中心补助运营补贴3万元",
    "yulin-2023-proposal-reply-253",
)
_EACH_NAMED_RE = re.compile(EACH_NAMED.pattern)
# `每所` with no noun after it (`在市财政给予每所新建幸福院30至50万元补贴基础上,区财政每所补贴20万元配套资金`): each of the
# ones the sentence's amount before was given to.
EACH_OF_THE_SAME = Rule(
    "each_of_the_same",
    r"每(?:个|家|所|处|座)(?:每年)?(?:补助|补贴|奖励|给予|发放|资助|配套)?[^，,。；;\d\u4e00-\u9fff]{0,2}$",
    "facility",
    "在市财政给予每所新建幸福院30至50万元补贴基础上,区财政每所补贴20万元配套资金用于设备购置",
    "wuqing-2021-rural-happiness-homes-three-systems-news",
)
_EACH_OF_THE_SAME_RE = re.compile(EACH_OF_THE_SAME.pattern)


def _each_of_the_same(rows: list[dict], text: str) -> None:
    """An amount `每所` of no named kind goes to the recipient of the amount before it in its sentence (EACH_OF_THE_SAME)."""
    previous = None
    for row in rows:
        at = row.get("figure_at")
        if at is None:
            continue
        if (
            not row.get("recipient")
            and previous is not None
            and previous.get("recipient")
            and _sentence_start(text, at) == _sentence_start(text, previous["figure_at"])
            and _EACH_OF_THE_SAME_RE.search(text, max(0, at - 12), at)
        ):
            row["recipient"], row["basis"] = previous["recipient"], "facility"
        previous = row


# (the verb may come before: `县财政每年给予每个日间照料中心2万元补助资金`, heldout_real27 xiyang)
# `…各获得补助资金1.8万元`: the amount is each recipient's.
EACH_BEFORE = Rule(
    "each_recipient",
    r"各(?:获得|得到|给予|补助|奖励|安排)[^，,。；;\d]{0,8}$",
    "facility",
    "驿里长者食堂·学堂各获得补助资金1.1万元",
    "gulou-fuzhou-2024-lottery-fund-publicity",
)
# A notice that allocates money is addressed to those who receive it (`渝北区财政局：`, `各区民政局：`):
# its addressee line, at the head of the body, names the recipient of an allocation with no other.
ADDRESSEE_RULE = Rule(
    "notice_addressee",
    # (the body may open on the addressee's line: `仙居县白塔安康养老院、仙居嘉园康复养老院: 根据《…》…`)
    # (a field label is no addressee: `责任单位：`, `发布部门：`)
    # (nor a list item, `(一)社区养老服务中心:…`, nor a line of duties, `县财政局:按照事权…每年安排…`)
    r"(?m)^\s*(?!(?:发布|来源|发文|主办|承办|责任|联系|填报|主管|牵头|配合|实施)(?:单位|部门|机构)\s*[：:])"
    r"(?![(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])"
    r"(?P<r>[^\n：:，,。；;]{2,60}?(?:局|办|委|政府|街道|镇|乡|中心|部门|单位|养老院|敬老院|福利院))\s*[：:]"
    r"\s*(?:$|(?=根据|依据|按照|为|现将|经研究|近日))"
    # (or a line of its own, without a colon, right before the body: `龙浔镇人民政府⏎⏎为推进…`; a lower level only,
    # never a bureau that may be the issuer under the title, `青阳县民政局⏎⏎为推进…`)
    r"|^\s*(?P<s>[^\n：:，,。；;]{2,40}?(?:人民政府|办事处|街道|养老院|敬老院|福利院))\s*\n(?:\s*\n)*\s*(?=根据|依据|为|现将)",
    "recipient",
    "潘桥、梧田、茶山、仙岩、三垟街道、泽雅镇社会事务办:",
    "ouhai-2020-eldercare-fund-allocation-notice",
)
# A notice that asks its addressee to pay the money on names who it is for (`请各镇(街道)民政办及时发放居家养老
# 服务设施基础运营补贴`): the addressee distributes it, the named facilities or people receive it.
DISTRIBUTED_TO_RULE = Rule(
    "distributed_to",
    r"(?:及时|按时|足额|按规定)?(?:发放|拨付)(?:给|到|至)?(?P<r>[^，,。；;\d、]{0,16}?"
    r"(?:设施|中心|站|机构|院|食堂|饭堂|助餐点|老年人|老人|人员|护理员))"
    r"(?:的)?(?:基础|日常)?(?:运营|建设|运行|服务)?(?:补贴|补助)(?:资金|经费)?",
    "recipient",
    "请各镇(街道)民政办及时发放居家养老服务设施基础运营补贴,确保专款专用。",
    "putian-chengxiang-2021-eldercare-operation-subsidy-notice",
)
ALLOCATION_KINDS = ("budget_allocation", "reward", "construction", "operation")

# Who is entitled, named once before a list of standards by age (`凡具有南阳市户籍、年满80周岁及以上…的老年人,均属高龄津贴
# 发放对象。年满80-89周岁的老年人,每人每月50元;…`): each band's amount goes to that group, the band is its condition
# (DATA_CONTRACT: `condition` holds the group an amount applies to, e.g. `80-89周岁`).
UMBRELLA_RULES: tuple[Rule, ...] = (
    Rule(
        "entitled_group",
        r"(?:凡|对)?(?P<r>[^。；;\n，,]{2,60}?(?:老年人|老人))[，,]?\s*(?:均|都)?(?:属于?|为)[^。；;\n]{0,12}?(?:对象|范围)",
        "umbrella",
        "凡具有南阳市户籍、年满80周岁及以上(身份证年龄)的老年人,均属高龄津贴发放对象。",
        "nanyang-2024-q1-high-age-allowance-disbursement",
    ),
    Rule(
        "group_to_enjoy",
        r"(?:^|[。；;\n，,])\s*(?P<r>[^。；;\n，,]{2,40}?(?:老年人|老人))(?:将|可|均)(?:享受|领取)[^。；;\n\d]{0,12}?"
        r"(?:补贴|津贴|补助)(?=[。；;\n])",
        "umbrella",
        "《试行办法》规定,在民政部门认定的长者食堂用餐的居家老年人将享受助餐补贴。",
        "dandong-2024-meal-assistance-subsidy-measures",
    ),
    Rule(
        "eligibility_section",
        # the section of a rule that says who is entitled (`一、发放对象\n具有云安区户籍,年龄在80周岁以上(含80周岁)的高龄老人`),
        # before its section of standards by age
        r"(?:发放|补贴|补助|救助|保障|资助|享受)对象(?:和[^\s:：]{2,6})?\s*(?:为|是)?[:：]?\s*"
        r"(?P<r>(?:(?!对象)[^。；;\n]){2,80}?(?:老年人|老人))(?=[(（。；;\n，,]|(?:均|都)?可(?:以)?享受|$)",
        "umbrella",
        "一、发放对象\n具有云安区户籍,年龄在80周岁以上(含80周岁)的高龄老人(以下简称高龄老人),以自愿申请为原则。",
        "yunan-2024-high-age-allowance-notice",
    ),
    Rule(
        "widened_to",
        r"扩大到(?P<r>[^。；;\n，,]{2,40}?(?:老年人|老人))",
        "umbrella",
        "扩大到具有吉林市城区户籍80周岁以上全体老年人。",
        "jilin-2024-high-age-allowance-message-reply",
    ),
)
_UMBRELLA_RES = [(re.compile(r.pattern), r) for r in UMBRELLA_RULES]
_UMBRELLA_NOT_IN = re.compile(r"建议|提案|收悉|您")
_HEADING_BETWEEN = re.compile(
    r"\n\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])"
)
# A recipient that is only an age band of older people (`年满80-89周岁的老年人`, `65-79周岁老年人`).
AGE_BAND_GROUP = re.compile(
    r"(?:年满)?\s*(?P<band>\d{2,3}\s*(?:周?岁)?\s*(?:至|到|-|—|－|~|～)\s*\d{2,3}\s*周?岁|\d{2,3}\s*周?岁(?:及以上|以上))"
    r"\s*(?:的)?(?:高龄)?(?:老年人|老人)"
)


def _other_section_between(before: str, at: int, entitled_section: bool) -> bool:
    """A heading between the group and the figure opens another section; after a section of who is entitled, the one
    of its standards (`二、发放标准`) does not, nor do that section's items."""
    for heading in _HEADING_BETWEEN.finditer(before, at):
        end = before.find("\n", heading.end())
        if end < 0:
            continue  # (the figure's own item: `(一)80至99周岁的老年人每人每月20元`)
        # (the first heading after a section of who is entitled opens its standards, whose items follow)
        return not (
            entitled_section and re.match(r"\s*[^，,。；;\n]{0,8}标准\s*$", before[heading.end() : end])
        )
    return False


_AGE = re.compile(r"(\d{2,3})\s*周?岁|(百岁|百周岁)")


def _youngest(phrase: str) -> int:
    """The lowest age a phrase names (`80周岁以上` 80, `百岁老人` 100), 0 when it names none."""
    ages = [int(m.group(1)) if m.group(1) else 100 for m in _AGE.finditer(phrase)]
    return min(ages, default=0)


def _umbrella(row: dict, text: str) -> None:
    """An age band's amount goes to the group entitled before it (UMBRELLA_RULES), the band as its condition."""
    recipient = (row.get("recipient") or "").strip()
    band = AGE_BAND_GROUP.fullmatch(recipient)
    # (or the tail of the group, read off the sentence before with the band as its condition: `…,年龄满70周岁以上的
    # 老年人均可享受…` over `70-79周岁老人每人每月30元`)
    tail = recipient if not band and row.get("condition") and len(recipient) >= 4 else None
    if not (band or tail) or row.get("figure_at") is None:
        return
    before = text[max(0, row["figure_at"] - 400) : row["figure_at"]]
    found = [(m, rule) for pattern, rule in _UMBRELLA_RES for m in pattern.finditer(before)]
    if not found:
        return
    last, rule = max(found, key=lambda found: found[0].end())
    group = re.sub(r"^(?:且|并且|并|以及|和|及|或|凡)", "", last.group("r").strip(TRIM)).strip(TRIM)
    opens = max((m.end() for m in SENTENCE_START.finditer(before, 0, last.start())), default=0)
    closes = SENTENCE_START.search(before, last.end())
    sentence = before[opens : closes.start() if closes else len(before)]
    if (
        AGE_BAND_GROUP.fullmatch(group)
        or len(group) < 4
        or _UMBRELLA_NOT_IN.search(sentence)  # a deputy's proposal or a reply's words, not the rule in force
        or _other_section_between(before, last.end(), rule.name == "eligibility_section")
        # another section (`二、高龄津贴`): another allowance's group
    ):
        return
    lowest = re.search(r"\d{2,3}", band.group("band")) if band else None
    if lowest and int(lowest.group()) < _youngest(group):
        return  # (a band below the group's ages is not of it: `70至99岁老年人` is none of `户籍百岁老人`)
    if band:
        row["recipient"], row["condition"] = group, re.sub(r"\s", "", band.group("band"))
    elif group != tail and group.endswith(tail):
        row["recipient"] = group  # the whole description of the group the band belongs to


# A sentence that says for whom a payment is handled (`为居家老年人办理助餐补贴。`) names the recipient of the amounts of
# the sentence right after it when that one names none (`70-89周岁每餐补贴3元,90周岁及以上每餐补贴5元`).
PAYEES_BEFORE = Rule(
    "payees_before",
    r"(?:为|向|给)(?P<r>[^，,。；;：:\d]{2,16}?(?:老年人|老人|对象|人员|家庭))(?:办理|发放|申领|提供|落实)"
    r"[^，,。；;：:\d]{0,8}?(?:补贴|补助|津贴)[。；;]\s*$",
    "recipient",
    "6月23日午,602所社区联合米宝堡在社区一楼大厅为居家老年人办理助餐补贴。70-89周岁每餐补贴3元",
    "zhushan-jdz-2025-community-meal-subsidy-news",
)
_PAYEES_BEFORE_RE = re.compile(PAYEES_BEFORE.pattern)


def _payees_before(row: dict, text: str) -> None:
    """An amount with no recipient whose sentence follows one that says for whom the payment is (PAYEES_BEFORE)."""
    at = row.get("figure_at")
    if (
        at is None
        or row.get("recipient")
        or row["kind"] != "allowance"
        or row.get("basis") not in ("person", "meal")
    ):
        return  # (money to the people handled for: not a building subsidy or a sum of the next sentence)
    start = _sentence_start(text, at)
    if start == 0 or text[start - 1] == "\n":
        return  # (a line of its own opens a new passage)
    found = _PAYEES_BEFORE_RE.search(text, max(0, start - 80), start)
    if found:
        row["recipient"] = found.group("r").strip(TRIM)


# A list of standards by age whose items are their own sentences (`75—79周岁,每人每年200元;80—84周岁,…`): each
# amount is for the band that opens its clause, even where the sentence holds that one amount only.
BAND_OPENS_CLAUSE = Rule(
    "band_opens_clause",
    r"(?:^|(?<=[。；;！？!?\n|:：])|(?<=标准为))\s*(?:年满)?\s*(?P<band>(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*(?:周?岁)?"
    r"(?:[(（]含[^()（）]{1,8}[)）])?\s*(?:至|到|-|—|－|~|～)\s*"
    r"(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*周?岁|(?:\d{2,3}|[一二三四五六七八九十百]{1,4})\s*周?岁(?:及|以)?以上)"
    r"(?:的)?(?:高龄)?(?:老年人|老人)?\s*[，,]?\s*(?:每人|按)?(?:每月|每年)?[^，,。；;：:\d]{0,6}$",
    "condition",
    "此次优待金的发放范围和标准为:75—79周岁,每人每年200元",
    "heshun-2018-longevity-allowance-news",
)
_BAND_OPENS_CLAUSE_RE = guarded(re.compile(BAND_OPENS_CLAUSE.pattern))


def _band_opening(row: dict, text: str) -> None:
    """An amount with no condition whose clause opens with an age band (BAND_OPENS_CLAUSE) is for that band."""
    at = row.get("figure_at")
    if at is None or row.get("condition"):
        return
    band = _BAND_OPENS_CLAUSE_RE.search(text, max(0, at - 60), at)
    condition = re.sub(r"\s", "", band.group("band")) if band else None
    if condition and condition not in re.sub(r"\s", "", row.get("recipient") or ""):
        row["condition"] = condition  # (a recipient that names the band already says it: `80-89周岁老年人`)


# The group a document entitles, open-ended by age (`即对80岁及以上老年人每人每月发放一定数额的资金补助`, `80周岁以上老人
# 将全部享受保健津贴`), named before a list of amounts by age band: each band's amount is for that group, the band is
# its condition (not `80-84周岁老人` carried to every band, nor the bare `老人` left when the band is cut off).
ENTITLED_GROUP = Rule(
    "entitled_by_age",
    r"(?P<g>(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*周?岁(?:[(（]含[^()（）]{1,8}[)）])?(?:及|以)?以上"
    r"(?:[(（]含[^()（）]{1,8}[)）])?的?(?:高龄)?(?:老年人|老人))",
    "recipient",
    "即对80岁及以上老年人每人每月发放一定数额的资金补助。具体标准是:为80-89岁老年人发放高龄补贴每人每月100元",
    "huangdao-2016-high-age-allowance-news",
)
_ENTITLED_GROUP_RE = re.compile(ENTITLED_GROUP.pattern)
# What is left of a recipient without its band: the bare older people of the band (`年满…至89周岁的老年人` → 老年人).
_BAND_WORDS = re.compile(
    r"年满|[(（][^()（）]*[)）]|(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*周?岁|的|[至到\-—－~～]|及?以上"
)
_BARE_OLDER = re.compile(r"(?:高龄)?(?:老年人|老人)")
_LEADING_AGE = re.compile(r"\d{2,3}|[一二三四五六七八九十百]{2,4}")


def _entitled_group_over_bands(rows: list[dict], text: str) -> None:
    """Amounts by age band (two or more) whose recipient is only the band's older people take the group that the
    text entitles before the first of them (ENTITLED_GROUP); the band is their condition."""
    banded = []
    for row in rows:
        recipient = row.get("recipient") or ""
        band = row.get("condition") if _AGE_BAND_RE.fullmatch(row.get("condition") or "") else None
        band = band or next((m.group() for m in _AGE_BAND_RE.finditer(recipient)), None)
        if not band or not _has_figure(row) or row["kind"] != "allowance" or row.get("figure_at") is None:
            continue
        if recipient and not _BARE_OLDER.fullmatch(_BAND_WORDS.sub("", recipient)):
            return  # a band named with its own group (`本地户籍80至89周岁老年人`): the text says whose it is
        banded.append((row, band))
    if len(banded) < 2:
        return
    first = min(row["figure_at"] for row, _ in banded)
    clause = max(text.rfind(mark, 0, first) for mark in "，,；;：:。\n") + 1
    window = text[max(0, _sentence_start(text, clause) - 400) : clause]
    group = next(reversed(list(_ENTITLED_GROUP_RE.finditer(window))), None)
    if not group or not _granted_to_bands(window, group, [band for _, band in banded]):
        return
    named = group.group("g").strip(TRIM)
    for row, band in banded:
        itself = _ENTITLED_GROUP_RE.fullmatch(row.get("recipient") or "")
        if row.get("basis") == "total" or (
            itself and _LEADING_AGE.match(itself.group()).group() == _LEADING_AGE.match(named).group()
        ):
            continue  # (the group itself, and a sum paid to it: `已经为80周岁以上老人发放…9945余万元`)
        row["recipient"], row["condition"] = named, band


def _granted_to_bands(window: str, group: re.Match, bands: list[str]) -> bool:
    """The group is granted money (its sentence names some: `享受保健津贴`, `发放一定数额的资金补助`, `津贴制度`) and its age
    is the youngest band's or younger (not `对100周岁以上老年人另行发放长寿保健金` over bands from 80, nor `65周岁以上老年人
    免费乘坐公交车`)."""
    end = min((i for i in (window.find(m, group.end()) for m in "。；;\n") if i >= 0), default=len(window))
    if not _GRANT_WORDS.search(window[group.start() : end]):
        return False
    youngest = (
        min(int(m.group()) for b in bands for m in [re.search(r"\d{2,3}", b)] if m)
        if any(re.search(r"\d{2,3}", b) for b in bands)
        else None
    )
    age = re.match(r"\d{2,3}", group.group("g"))
    return youngest is None or age is None or int(age.group()) <= youngest


_GRANT_WORDS = re.compile(r"津贴|补贴|补助|发放|享受|资金")
_BUILDING_MONEY = re.compile(r"建设补贴|建设补助|建设资金")


# A group named on a line of its own that introduces a numbered list of standards
# (`1.60周岁至79周岁的低保老人:` over `①生活能自理的,每人每月补贴100元;` `②生活半自理的,…300元;`): the group receives
# each item's amount, the `…的` that opens the item is its condition.
GROUP_OVER_ITEMS = Rule(
    "group_over_items",
    r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])?\s*"
    r"(?P<r>[^，,。；;：:\n]{2,40}?(?:老年人|老人|人员|对象|家庭))\s*[:：]\s*$",
    "recipient",
    "1.60周岁至79周岁的低保老人:",
    "dalian-zhongshan-undated-eldercare-development-measures",
)
_GROUP_OVER_ITEMS_RE = re.compile(GROUP_OVER_ITEMS.pattern)
# An item of such a list: a circled or bracketed number, then (optionally) the `…的,` condition it is for.
_LIST_ITEM = re.compile(r"\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|[(（]\d{1,2}[)）]|\d{1,2}\s*[)）])\s*")
_ITEM_CONDITION = re.compile(r"(?P<c>[^，,。；;：:\n]{2,20}?)的[，,]")


def _group_over_items(row: dict, text: str) -> None:
    """An amount in a numbered item with no recipient of its own goes to the group of the line that introduces
    the list (GROUP_OVER_ITEMS), with the item's `…的,` opening as its condition."""
    at = row.get("figure_at")
    if at is None or row.get("recipient"):
        return
    line_start = text.rfind("\n", 0, at) + 1
    item = _LIST_ITEM.match(text, line_start, at)
    if not item:
        return
    lines = text[max(0, line_start - 400) : line_start].split("\n")
    for line in reversed(lines[-12:]):
        if not line.strip() or _LIST_ITEM.match(line):
            continue  # the list's other items, and blank lines between them
        group = _GROUP_OVER_ITEMS_RE.match(line)
        if group:
            row["recipient"] = group.group("r").strip(TRIM)
            condition = _ITEM_CONDITION.match(text, item.end(), at)
            if condition and not row.get("condition"):
                row["condition"] = condition.group("c").strip(TRIM)
        return


# A section's heading that names a group of people (`(一)照护一级的困难对象`, over `1.最低生活保障家庭的老年人,补贴标准调整
# 为每人每月1110元;`): the amounts of its items are for that group, the condition of each item's recipient.
#: The number of a section's heading: `(一)`, `一、`.
_SECTION_NUMBER = r"(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
SECTION_GROUP = Rule(
    "section_group",
    rf"^\s*{_SECTION_NUMBER}\s*"
    # (not a label: `(一)享受补贴的对象`, `(一)本办法的适用对象`)
    r"(?P<g>(?![^，,。；;：:\n]*(?:享受|适用|办法|申请|发放|范围))[^，,。；;：:\n]{4,30}?(?:对象|老年人|老人|人员|家庭))\s*$",
    "condition",
    "(一)照护一级的困难对象",
    "shanghai-undated-eldercare-service-subsidy-adjustment-notice",
)
_SECTION_GROUP_RE = re.compile(SECTION_GROUP.pattern)
_LEAD_IN_LINE = re.compile(r"[:：]\s*$")
_SIBLING_HEADING = re.compile(rf"^\s*{_SECTION_NUMBER}")


def _section_group(row: dict, text: str) -> None:
    """An amount with a recipient and no condition, in a numbered item (or under a lead-in) below a heading that
    names a group (SECTION_GROUP), is for that group: the heading's group is its condition."""
    at = row.get("figure_at")
    if at is None or row.get("condition") or not row.get("recipient"):
        return
    line_start = text.rfind("\n", 0, at) + 1
    if not _LEADING_ITEM_NUMBER.match(text[line_start:at]):
        return
    lines = text[max(0, line_start - 400) : line_start].split("\n")
    for line in reversed(lines[-12:]):
        group = _SECTION_GROUP_RE.match(line)
        if group:
            row["condition"] = group.group("g").strip(TRIM)
            return
        if _SIBLING_HEADING.match(line) or (
            line.strip() and not _LEADING_ITEM_NUMBER.match(line.strip()) and not _LEAD_IN_LINE.search(line)
        ):
            return  # (the list's other items and a lead-in line may stand between: `…的标准调整为:`; not a heading)


# The grade, level or group an amount is for, when a sentence gives several amounts.
CONDITION_RULES: tuple[Rule, ...] = (
    Rule(
        "age_band",
        # (an aside may say the end is counted in: `年满80周岁(含80周岁)至89周岁的老年人`)
        r"(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*(?:周?岁)?(?:[(（]含[^()（）]{1,8}[)）])?\s*(?:至|到|-|—|－|~|～)\s*"
        r"(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*周?岁"
        r"|(?:\d{2,3}|[一二三四五六七八九十百]{2,4})\s*周?岁(?:及|以)?以上",
        "condition",
        "90至99周岁老年人按每人每月100元",
        "qiantang-2023-high-age-allowance-info",
    ),
    Rule(
        "star_grade",
        r"[一二三四五12345]\s*星级?(?:及以上)?",
        "condition",
        "一星级0.7万元,二星级1.5万元,三星级3万元,四星级4万元,五星级5万元",
        "liandu-2026-home-eldercare-center-operation-subsidy-notice",
    ),
    Rule(
        "level",
        r"(?<![社区村])[一二三四五]级(?:及以上)?|(?:初级|中级|高级)(?:工|职称)?|技师|高级技师|(?<![第\d统])[一二三四五六]档(?!案)",
        "condition",
        "按照技师、高级、中级、初级资格证书等级,分别给予3000元、2000元、1000元、500元的一次性补贴",
        "changzhou-xinbei-2015-eldercare-worker-post-subsidy",
    ),
    Rule(
        "disability",
        r"(?:重度|中度|轻度|完全|部分)?(?:失能|失智|半失能)(?:等级)?",
        "condition",
        "每月分别给予能力完好的自理老年人500元、轻度失能和中度失能的半自理老年人1000元、"
        "重度失能的全护理老年人1500元的养老服务补贴",
        "nanan-2022-eldercare-admission-subsidy-standard",
    ),
    Rule(
        "rating",
        r"优秀|良好|合格|达标",
        "condition",
        "考核结果为优秀、良好、合格的分别给予40万元、30万元、20万元",
        "DATA_CONTRACT.md example",
    ),
    Rule(
        "degree",
        r"(?:本科|大专|专科|中专|中职|研究生|硕士|博士)(?:及以上)?(?:学历)?",
        "condition",
        "可享受一次性入职奖励补贴,本科及以上3万元、专科(高职)2万元",
        "yichang-2022-care-worker-subsidies-news",
    ),
)

_TYPE_RES = [(re.compile(r.pattern), r) for r in RECIPIENT_TYPE_RULES]
_RECIPIENT_RES = [(re.compile(r.pattern), r) for r in RECIPIENT_RULES]
_AFTER_RES = [(re.compile(r.pattern), r) for r in RECIPIENT_AFTER_RULES]
_HANDED_TO_OFFICE_RE = re.compile(HANDED_TO_OFFICE.pattern)
OLD_AGE_ALLOWANCE = re.compile(OLD_AGE_ALLOWANCE_RULE.pattern)
_ADDRESSEE_RE = re.compile(ADDRESSEE_RULE.pattern)
_DISTRIBUTED_TO_RE = re.compile(DISTRIBUTED_TO_RULE.pattern)
_PROGRAMME_PURPOSE_RE = re.compile(PROGRAMME_PURPOSE.pattern)
_AMOUNT_FOR_USE_RE = re.compile(AMOUNT_FOR_USE.pattern)
_AMOUNT_THEN_BUILT_RE = re.compile(AMOUNT_THEN_BUILT.pattern)
_EACH_BEFORE_RE = re.compile(EACH_BEFORE.pattern)
_CONDITION_RE = re.compile("|".join(f"(?:{r.pattern})" for r in CONDITION_RULES))
SENTENCE_START = re.compile(r"[。；;！？!?\n|]")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


def _sentence_start(text: str, at: int, reach: int = 300) -> int:
    """Where the sentence holding `at` starts (looked for at most `reach` characters back)."""
    return max((m.end() for m in SENTENCE_START.finditer(text, max(0, at - reach), at)), default=0)


def recipient_type(recipient: str | None, kind: str) -> str:
    """The type of who receives the money: by the head noun of the recipient, else by the kind."""
    if recipient:
        for pattern, rule in _TYPE_RES:
            if pattern.search(recipient.strip(TRIM)):
                return rule.yields
    return KIND_TYPES.get(kind, "other")


# An item's number and short title that open a line run together with its text (`(二)、发放标准 80至89周岁的高龄老人`).
_INLINE_HEADING = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])、?\s*"
    r"[^\s\d，,。；;：:()（）]{2,10}[:：]?\s+(?=\S)"
)


_LEADING_ITEM_NUMBER = re.compile(
    r"^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①②③④⑤⑥⑦⑧⑨⑩])\s*(?=\D)"
)


_SETTING_UP = re.compile(r"^(?:建立|建立健全|完善|落实|实施|实行|推行|探索)(?=.{2})")
_LABEL_FIRST = re.compile(r"^(?:补贴|补助|发放|救助|资助|保障|服务)?对象(?:为|是)[:：]?")


def without_inline_heading(phrase: str) -> str:
    """A phrase that starts with the number (and title) of its item, written on the same line, without them."""
    phrase = _LEADING_ITEM_NUMBER.sub("", _INLINE_HEADING.sub("", phrase, count=1), count=1)
    phrase = _SETTING_UP.sub(
        "", phrase, count=1
    )  # (`建立贫困居家失能老人护理补贴制度`: the people, not the act)
    phrase = HEAD_COUNT_RE.sub("", phrase, count=1)  # (`1.5万名高龄老人`: how many is no part of who)
    return _LABEL_FIRST.sub("", phrase, count=1)  # (`补贴对象为经评估为重度失能的老年人`)


def recipient_before(text: str, figure_at: int) -> str | None:
    """A recipient named before the figure in a way the subsidy rules do not read (see RECIPIENT_RULES)."""
    found = recipient_rule_before(text, figure_at)
    return found[0] if found else None


def recipient_rule_before(text: str, figure_at: int) -> tuple[str, Rule] | None:
    """The recipient named before the figure and the rule that read it."""
    sentence_start = _sentence_start(text, figure_at, 200)
    before = text[max(sentence_start - 1, 0) : figure_at]
    for pattern, rule in _RECIPIENT_RES:
        m = pattern.search(before)
        if m:
            phrase = without_inline_heading(_from_its_bracket(before, m.start("r"), m.group("r").strip(TRIM)))
            if ONLY_ADVERBS.fullmatch(phrase):
                continue  # `本次又获得…300万元`: when, not who
            if GIVER_ONLY.fullmatch(phrase) and rule.name != "paid_through_to":
                continue  # `县财政按每户3000元标准给予补助`: who gives, not who receives
            if rule.yields == "holders" and not re.search(r"老人|老年人", phrase):
                phrase += "老人"  # `高龄津贴` is paid to 高龄老人
            if rule.yields == "assistance_holders":
                phrase += "对象"  # `农村低保` is paid to 农村低保对象
            if len(phrase) >= 2:
                return phrase, rule
    return None


def _from_its_bracket(before: str, start: int, phrase: str) -> str:
    """A phrase that starts inside brackets (`贫困户)老年人`, the list of `70周岁以上(低保、五保、失独、贫困户)老年人`
    split at its 、) starts where the bracket opens, with the words before it back to a clause, date or list."""
    if phrase.count(")") + phrase.count("）") <= phrase.count("(") + phrase.count("（"):
        return phrase
    opened = max(before.rfind("(", 0, start), before.rfind("（", 0, start))
    if opened < 0:
        return phrase
    words = re.search(r"[^，,。；;：:、\n()（）]*$", before[:opened]).group()
    words = re.sub(r"^.*(?:\d+月份?|\d{4}年度?)", "", words)  # `2023年8月份70周岁以上` → `70周岁以上`
    return (words + before[opened:start]).lstrip(TRIM) + phrase


def recipient_after_office(text: str, figure_at: int) -> str | None:
    """An office the money is handed to right after the figure (HANDED_TO_OFFICE): it wins over a group
    named before the figure, whose money it is (`…老年人一季度的生活补助资金拨付61380元到民政部门`)."""
    handed = _HANDED_TO_OFFICE_RE.match(text[figure_at : figure_at + 40])
    return handed.group("r").strip(TRIM) if handed else None


def recipient_after(text: str, figure_at: int) -> str | None:
    """A place the money is allocated to, named after the figure in its sentence."""
    for pattern, _rule in _AFTER_RES:
        m = pattern.match(text, figure_at, figure_at + 120)
        if m:
            return m.group("r").strip(TRIM)
    return None


def programme_purpose(text: str, figure_at: int) -> str | None:
    """The programme a fund goes to, from what it is used for (see PROGRAMME_PURPOSE)."""
    m = _PROGRAMME_PURPOSE_RE.match(text, figure_at, figure_at + 160)
    return m.group("r").strip(TRIM) if m else None


def amount_for_use(text: str, figure_at: int) -> str | None:
    """The use a sum is put to, said right after it (see AMOUNT_FOR_USE)."""
    m = _AMOUNT_FOR_USE_RE.match(text, figure_at, figure_at + 60)
    return m.group("r").strip(TRIM) if m else None


def each_named(text: str, figure_at: int) -> tuple[str, str] | None:
    """(recipient, basis) when the clause before the figure gives it to each one of something (EACH_NAMED)."""
    m = _EACH_NAMED_RE.search(text, max(0, figure_at - 40), figure_at)
    if not m:
        return None
    phrase = m.group("r").strip(TRIM)
    return phrase, (
        "person"
        if re.search(r"(?:护理员|老人|老年人)$", phrase)
        else "bed"
        if phrase.endswith("床位")
        else "facility"
    )


def fund_purpose(text: str, figure_at: int) -> str | None:
    """The programme a fund is for, said in the clause after it (see FUND_THEN_PURPOSE)."""
    m = _FUND_THEN_PURPOSE_RE.match(text, figure_at, figure_at + 80)
    return m.group("r").strip(TRIM) if m else None


def labelled_recipient(text: str, figure_at: int) -> str | None:
    """Who a benefit is for, in a field of the item that states it (see LABELLED_RECIPIENT)."""
    starts = [m.end() for m in _ITEM_HEADING.finditer(text, 0, figure_at)]
    start = starts[-1] if starts else max(0, figure_at - 300)
    following = _ITEM_HEADING.search(text, figure_at)
    end = following.start() if following else min(len(text), figure_at + 300)
    m = _LABELLED_RECIPIENT_RE.search(text, start, end)
    return m.group("r").strip(TRIM) if m else None


def named_fund_purpose(text: str, figure_at: int) -> str | None:
    """What a fund is for, named in it right before its sum (see NAMED_FUND_PURPOSE)."""
    start = max(text.rfind(c, 0, figure_at) for c in "，,。；;：:\n") + 1
    m = _NAMED_FUND_PURPOSE_RE.search(text[max(0, start - 1) : figure_at])
    return m.group("r").strip(TRIM) if m else None


def amount_then_built(text: str, figure_at: int) -> str | None:
    """What a sum builds, said right after it (see AMOUNT_THEN_BUILT)."""
    m = _AMOUNT_THEN_BUILT_RE.match(text, figure_at, figure_at + 80)
    return m.group("r").strip(TRIM) if m else None


def _provider_money(row: dict, text: str) -> None:
    """Money to providers: each recipient's amount (`各获得`), and what it buys when said later in the
    paragraph, instead of the fund's kind and total."""
    line_start = text.rfind("\n", 0, row["figure_at"]) + 1
    if _EACH_BEFORE_RE.search(text, line_start, row["figure_at"]) and row.get("basis") in (None, "total"):
        row["basis"] = EACH_BEFORE.yields
    if row["kind"] == "allowance":
        # an allowance is money to older people themselves (DATA_CONTRACT): to a provider a one-off grant
        # sets it up (`对每个农村助餐点给予5万元一次性补助`), a recurring one runs it
        row["kind"] = "construction" if row.get("frequency") == "one_off" else "operation"
        at = row["figure_at"]
        if row.get("basis") == "person" and not _PER_PERSON.search(text, max(0, at - 16), at + 16):
            row["basis"] = (
                "facility"  # (read off the allowance kind, not written: per centre, `…中心10.5万元`)
            )
    if row["kind"] in ("budget_allocation", "other"):
        line_end = text.find("\n", row["figure_at"]) % (len(text) + 1)
        paragraph = text[row["figure_at"] : line_end]
        row["kind"] = next((r.yields for r in USE_KINDS if re.search(r.pattern, paragraph)), row["kind"])


_PER_PERSON = re.compile(r"每人|/人|人均|每名|每位|每服务|每收住|每接收|人次|人数")
_LOWER_UNITS = re.compile(r"^各|、|(?:政府|办事处|街道|镇|乡|院)$")


def _addressed(m: re.Match, text: str) -> bool:
    """A body opening on the addressee's line with `按照…` or `为…` (not `为了/为进一步…`) is a notice's only under a lower
    unit or a list of them (`各乡镇人民政府:按照…`), not under a bureau's line of duties (`县财政局:按照事权…`)."""
    if m.group("r") is None:
        return True
    opener = text[m.end() : m.end() + 5]
    if not opener.strip(" \t\u3000") or opener.lstrip(" \t\u3000").startswith("\n"):
        return True  # the addressee's line of its own (`渝北区财政局：`)
    strict = re.match(r"根据|依据|现将|经研究|近日|为(?:了|进一步|贯彻|推进|加快|做好|深入)", opener)
    return bool(strict) or bool(_LOWER_UNITS.search(m.group("r").strip()))


def addressee(text: str) -> str | None:
    """Who an allocation notice's money is for: those it asks its addressee to pay, else the addressee line,
    when it stands in the first part of the text."""
    m = next((m for m in _ADDRESSEE_RE.finditer(text[:1500]) if _addressed(m, text)), None)
    if not m:
        return None
    paid = _DISTRIBUTED_TO_RE.search(text, m.end())
    return (paid.group("r") if paid else m.group("r") or m.group("s")).strip(TRIM)


def split_condition(recipient: str) -> tuple[str | None, str | None]:
    """`五星级养老机构` → (`养老机构`, `五星级`); `轻度失能和中度失能的半自理老年人` → (`半自理老年人`,
    `轻度失能和中度失能`); `评为一级` → (None, `一级`); a recipient with no condition in it is kept whole."""
    found = list(_CONDITION_RE.finditer(recipient))
    if not found:
        return recipient, None
    start, end = found[0].start(), found[0].end()
    if recipient[:start].endswith(("、", "岁")):
        # one of a list of traits (`经济困难高龄、失能老年人`) or an age's own (`60周岁失能和80周岁以上高龄老人`): part of
        # the group's name, no grade of it
        return recipient, None
    for m in found[1:]:  # conditions joined by 和/、/或 are one condition
        if not re.fullmatch(r"\s*(?:和|、|及|或|与)\s*", recipient[end : m.start()]):
            break
        end = m.end()
    rest = (recipient[:start] + recipient[end:]).strip(TRIM)
    rest = re.sub(r"^(?:评为|评定为|被评为|认定为|达到)", "", rest).strip(TRIM)
    return (rest or None), recipient[start:end].strip()


_RAISE_TAIL = re.compile(r"(?:提高|调整|上调|提升|增加)(?:到|至|为)$")


def _without_raise_verb(row: dict) -> None:
    """`三档(具备生活自理能力)提高到299元`: the verb of the raise is no part of who is paid, and a grade alone (with its
    aside) is the amount's condition, not its recipient."""
    recipient = row.get("recipient") or ""
    raised = _RAISE_TAIL.search(recipient)
    if not raised:
        return
    recipient = recipient[: raised.start()].strip(TRIM)
    grade = _CONDITION_RE.match(recipient)
    if grade and re.fullmatch(r"(?:[(（][^()（）]*[)）])?", recipient[grade.end() :]):
        row["recipient"], row["tier"] = None, row.get("tier") or recipient
    else:
        row["recipient"] = recipient or None


def complete(rows: list[dict], text: str) -> list[dict]:
    """Rows with a recipient where the text names one, a condition where amounts differ by it, and a type."""
    out = [dict(row) for row in rows]
    title_kind = _title_kind(text)
    for row in out:
        _without_raise_verb(row)
        if not row.get("recipient") and row.get("figure_at") is not None and _has_figure(row):
            each = each_named(text, row["figure_at"])
            if each:
                row["recipient"] = each[0]
                row["basis"] = row.get("basis") if row.get("basis") not in (None, "total") else each[1]
            row["recipient"] = row["recipient"] or recipient_after_office(text, row["figure_at"])
            found = None if row["recipient"] else recipient_rule_before(text, row["figure_at"])
            if found:
                row["recipient"] = found[0]
                if found[1].yields == "payees" and row.get("basis") is None:
                    row["basis"] = "total"  # the sum of what a group is paid, not each one's standard
            if (
                not row["recipient"]
                and row["kind"] in ALLOCATION_KINDS
                and row.get("basis") in (None, "total")
            ):
                use = amount_for_use(text, row["figure_at"])  # before a place: `用于荔波县社会中心福利院…`
                if use:
                    row["recipient"], row["basis"] = use, "total"
                    row["kind"] = (
                        SERVICE_USE.yields
                        if _SERVICE_USE_RE.search(use)
                        # (projects of building funded: `…资助72个农村居家养老服务大院建设改造项目`)
                        else "construction"
                        if _BUILDING_USE.search(use)
                        else row["kind"]
                    )
                built = None if use else amount_then_built(text, row["figure_at"])
                if built:
                    row["recipient"], row["basis"] = built, "total"
                    row["kind"] = (
                        AMOUNT_THEN_BUILT.yields if row["kind"] == "budget_allocation" else row["kind"]
                    )
            row["recipient"] = row["recipient"] or recipient_after(text, row["figure_at"])
            row["recipient"] = row["recipient"] or labelled_recipient(text, row["figure_at"])
            if (
                not row["recipient"]
                and row.get("basis") == "total"
                and row["kind"] in (*ALLOCATION_KINDS, "other")
            ):
                row["recipient"] = named_fund_purpose(text, row["figure_at"])  # `…信息平台建设经费500万元`
                row["programme"] = row["recipient"] is not None and row["kind"] == "budget_allocation"
            if not row["recipient"] and row["kind"] == "budget_allocation":
                row["recipient"] = fund_purpose(text, row["figure_at"])  # `…1.83亿元,全力保障养老服务发展`
                row["programme"] = row["recipient"] is not None
            if row.get("basis") is None and re.search(
                r"(?:人员|老年人|老人|护理员|毕业生)$", row["recipient"] or ""
            ):
                row["basis"] = "person"  # found only now: an amount for people is per person
            if (
                not row["recipient"]
                and row["kind"] in ALLOCATION_KINDS
                and row.get("basis") in (None, "total")
            ):
                row["recipient"] = addressee(text) or (
                    programme_purpose(text, row["figure_at"]) if row["kind"] == "budget_allocation" else None
                )
        if row["kind"] == "other" and title_kind:
            row["kind"] = title_kind  # `隆阳区高龄补助津贴发放管理办法`: its figures are that allowance
        if row.get("figure_at") is not None:
            # the unit written on the amount (`3元/人/餐`, `2000元/人`) says what it is per, over any inference
            row["basis"] = _basis_after(text, row["figure_at"], row.get("recipient")) or row.get("basis")
        row["condition"] = row.pop("tier", None)  # set by the sentence's `…的,` opening, else by its amounts
    _each_of_the_same(out, text)
    for siblings in _by_sentence(out, text).values():
        _distribute(siblings)
        _conditions(siblings, text)
    for row in out:
        _band_opening(row, text)
        _umbrella(row, text)
        _group_over_items(row, text)
        _section_group(row, text)
        _payees_before(row, text)
    _entitled_group_over_bands(out, text)
    _same_recipient_in_paragraph(out, text)
    for row in out:
        _kind_and_type(row, text)
        row.pop("figure_at", None)
    return out


def _same_recipient_in_paragraph(rows: list[dict], text: str) -> None:
    """An amount that names no one, after money of the same kind to someone in its paragraph, goes on about them
    (`符合条件的老年人每月最高补贴800元,年度最高9600元`); money of another kind does not (`…为全县3260名80周岁以上老年人发放
    高龄津贴392万元。同时,投入资金150万元,新建社区日间照料中心3个`)."""
    previous: dict | None = None
    for row in rows:
        at = row.get("figure_at")
        if at is None:
            continue
        if (
            not row.get("recipient")
            and _has_figure(row)
            and previous is not None
            and previous["kind"] == row["kind"]
            and "\n" not in text[previous["figure_at"] : at]
        ):
            row["recipient"] = previous["recipient"]
        if row.get("recipient"):
            previous = row


def _kind_and_type(row: dict, text: str) -> None:
    """The last decisions on a row, once its recipient is known: the kind its recipient implies, and its type."""
    if row["kind"] == "other" and (
        _older_age_band(row.get("condition")) or _older_age_band(row.get("recipient"))
    ):
        row["kind"] = (
            "allowance"  # `80-99周岁 每人每月50元`: money by age band of older people is their allowance
        )
    if (
        row["kind"] == "construction"
        and row.get("figure_at") is not None
        and re.search(r"(?:家庭|[^客]户|老年人|老人)$|家庭适老化改造(?:项目)?$", row.get("recipient") or "")
        and "适老" in text[_sentence_start(text, row["figure_at"]) : row["figure_at"] + 40]
        # (not money named a building subsidy: `对建设家庭养老床位的…家庭,…给予一次性建设补贴,主要用于适老化改造`)
        and not _BUILDING_MONEY.search(text[_sentence_start(text, row["figure_at"]) : row["figure_at"] + 40])
    ):
        # the adaptation of households' homes (适老化改造) is no building subsidy to a provider: none of the kinds,
        # per household (a 家庭养老床位 built in a home stays construction)
        row["kind"], row["basis"] = "other", row.get("basis") or "household"
    row["recipient_type"] = recipient_type(row.get("recipient"), row["kind"])
    if row.pop("programme", False):
        row["recipient_type"] = (
            "government"  # a fund allocated to a programme (DATA_CONTRACT.md), not to its providers
        )
    if (
        row["recipient_type"] == "worker"
        and row["kind"] == "allowance"
        and not OLD_AGE_ALLOWANCE.search(row.get("quote") or "")
    ):
        # `allowance` is money paid to older people themselves (DATA_CONTRACT.md); a care worker's
        # 一次性补贴 or 岗位补助 is none of the named kinds (`分别给予3000元、2000元…的一次性补贴`)
        row["kind"] = "other"
    if row["recipient_type"] == "provider" and row.get("figure_at") is not None:
        _provider_money(row, text)
    if row["recipient_type"] == "government" and row.get("basis") is None and _has_figure(row):
        row["basis"] = "total"  # money to a government or programme is a total, not per unit


# What an amount is per, written right after it (`50元/人`, `每月350元/人`).
BASIS_AFTER: tuple[Rule, ...] = (
    Rule(
        "per_meal_after",
        r"^[\d.,]*\s*(?:万)?元\s*(?:/\s*人\s*)?/\s*餐",
        "meal",
        "珠海市户籍老年人,可享受3元/人/餐的市级助餐补贴",
        "zhuhai-gaoxin-2024-elder-canteen-meal-subsidy",
    ),
    Rule(
        "per_serving_after",
        # a standard per person served (`2元/人次`), in a sentence about meals: per meal
        r"^[\d.,]*\s*(?:万)?元\s*/\s*人次",
        "meal",
        "可以2元/人次的标准对送餐机构补贴",
        "shenzhen-2025-elder-meal-subsidy-standards",
    ),
    Rule(
        "per_person_after",
        r"^[\d.,]*\s*(?:万)?元\s*/\s*(?:人|位)",
        "person",
        "目前每月50元/人",
        "longyang-2017-high-age-allowance-rules",
    ),
    Rule("per_household_after", r"^[\d.,]*\s*(?:万)?元\s*/\s*户", "household", "每年300元/户", "wording"),
    Rule("per_bed_after", r"^[\d.,]*\s*(?:万)?元\s*/\s*(?:床|张)", "bed", "每月100元/床", "wording"),
)
_BASIS_AFTER_RES = [(re.compile(r.pattern), r) for r in BASIS_AFTER]
# A money instrument named by the title lends its kind to figures whose sentence names none.
TITLE_KINDS: tuple[Rule, ...] = (
    Rule(
        "title_allowance",
        r"津贴|生活补贴|护理补贴|高龄补助|补助金发放",
        "allowance",
        "隆阳区高龄补助津贴发放管理办法",
        "longyang-2017-high-age-allowance-rules",
    ),
    Rule(
        "title_reward",
        r"奖励|奖补",
        "reward",
        "重庆市财政局关于下达2020年居家和社区养老服务改革试点奖励资金预算的通知",
        "chongqing-2020-pilot-reward-fund-notice",
    ),
)


GIVER_ONLY = re.compile(r"(?:[省市县区]级?|各级|本级)?(?:财政|政府|人民政府|财政局|民政局|民政部门)")
ONLY_ADVERBS = re.compile(
    r"(?:本次|此次|这次|今年|近日|日前|同时|目前|先后|累计|分别|最高|最低|最多|又|再|也|还|已|共|均|各)+"
)
_AGE_BAND_RE = re.compile(next(r.pattern for r in CONDITION_RULES if r.name == "age_band"))


def _older_age_band(phrase: str | None) -> bool:
    """An age band of older people (`80-99周岁`, `100周岁及以上`; not `18-45周岁`)."""
    m = _AGE_BAND_RE.search(phrase or "")
    first = re.match(r"\d+", m.group()) if m else None
    return bool(first and int(first.group()) >= 60)


def _title_kind(text: str) -> str | None:
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:80]
    return next((r.yields for r in TITLE_KINDS if re.search(r.pattern, title)), None)


_MEAL_NAMED_BEFORE = re.compile(r"(?:早餐|午餐|中餐|晚餐|每餐)\s*$")


def _basis_after(text: str, figure_at: int, recipient: str | None = None) -> str | None:
    window = text[figure_at : figure_at + 16]
    if _MEAL_NAMED_BEFORE.search(text, max(0, figure_at - 4), figure_at):
        return "meal"  # `按照早餐8元/人、午餐12元/人的标准`: each person's breakfast, each one's lunch
    for pattern, rule in _BASIS_AFTER_RES:
        if pattern.match(window):
            if (
                rule.name == "per_serving_after"
                and not _MEAL_SENTENCE.search(_clause_of(text, figure_at))
                and not _MEAL_PROVIDER.search(recipient or "")
            ):  # (a meal's words in the amount's clause, or a canteen paid: `…的长者饭堂,以2元/人次的标准…`)
                continue  # (a visit of another service: per person)
            return rule.yields
    return None


_MEAL_SENTENCE = re.compile(r"餐|饭堂|食堂")
_MEAL_PROVIDER = re.compile(r"(?:饭堂|食堂|助餐点|餐桌)$")


def _clause_of(text: str, at: int) -> str:
    """The clause holding `at` (`助餐按3元/人次、助浴按30元/人次`: each amount's service is named in its own words)."""
    start = max(
        (m.end() for m in _CLAUSE_OR_ITEM.finditer(text, max(0, at - 60), at)), default=max(0, at - 60)
    )
    end = _CLAUSE_OR_ITEM.search(text, at)
    return text[start : end.start() if end else len(text)]


_CLAUSE_OR_ITEM = re.compile(r"[，,；;。、\n]")


def _by_sentence(rows: list[dict], text: str) -> dict[int, list[dict]]:
    """Rows with a figure grouped by the sentence their figure stands in."""
    groups: dict[int, list[dict]] = {}
    for row in rows:
        if _has_figure(row) and row.get("figure_at") is not None:
            at = row["figure_at"]
            start = _sentence_start(text, at)
            groups.setdefault(start, []).append(row)
    return groups


def _figures(rows: list[dict]) -> list[tuple]:
    return list(dict.fromkeys((r.get("amount_yuan"), r.get("cap_yuan"), r.get("rate_percent")) for r in rows))


def _distribute(siblings: list[dict]) -> None:
    """`对新建的社区嵌入、中心辐射式…服务网点…分别给予最高不超过50万元和100万元`: one listed recipient per figure."""
    if any(r.get("range") for r in siblings):
        return  # the two ends of a range go to the one recipient
    figures = _figures(siblings)
    names = {r.get("recipient") for r in siblings}
    if len(figures) < 2 or len(names) != 1 or not (name := names.pop()) or re.search(r"[，,]", name):
        return  # (a description over clauses, `…的家庭,生活长期不能自理、经济困难的老年人`, is one group)
    if _parallel_conditions(siblings, name, figures):
        return
    items = split_list(name)
    # (a list before the last 的 is the conditions of one kind of recipient, `已运营、养老床位不少于20张、符合…的民办和公建
    # 民营养老机构`: only the head after it may list recipients, and it must list as many as there are figures)
    if len(items) != len(figures) or len(split_list(name.rsplit("的", 1)[-1])) != len(figures):
        return
    items = _with_shared_parts(items)
    for row in siblings:
        row["recipient"] = items[
            figures.index((row.get("amount_yuan"), row.get("cap_yuan"), row.get("rate_percent")))
        ]


def _with_shared_parts(items: list[str]) -> list[str]:
    """Items of a list that are grades alone share the head after the list (`符合相关条件的中专、大专、本科、研究生学历人员`
    → `符合相关条件的中专人员`, …, `符合相关条件的研究生学历人员`)."""
    last = items[-1]
    prefix = last[: last.rindex("的") + 1] if "的" in last else ""
    if not all(i.startswith(prefix) for i in items):
        return items
    bare = [i[len(prefix) :] for i in items]
    head = _CONDITION_RE.match(bare[-1])
    tail = bare[-1][head.end() :] if head else ""
    if not tail or not all(_CONDITION_RE.fullmatch(i) for i in bare[:-1]):
        return items
    return [prefix + i + tail for i in bare[:-1]] + [last]


_LIST_SEPARATOR = re.compile(r"、|和|(?<!以)及(?!以上|以下)|与")
_SHARED_VERB = re.compile(r"^(?:取得|持有|具有|获得|达到|评为|被评为|评定为)")


def _parallel_conditions(siblings: list[dict], name: str, figures: list[tuple]) -> bool:
    """`对取得大学本科及以上学历毕业证书、专科学历毕业证书及中专学历毕业证书的养老护理岗位工作人员,分别给予60000元/人、
    48000元/人、36000元/人`: a list before the last 的 of as many like items as figures (each ending in the same words)
    is one condition per figure, in order; the words after the 的 are the recipient."""
    if "的" not in name or any(r.get("condition") for r in siblings):
        return False
    listed, head = name.rsplit("的", 1)
    items = [i for i in _LIST_SEPARATOR.split(listed) if i]
    if len(items) != len(figures) or len(head) < 2 or not all(i[-2:] == items[0][-2:] for i in items):
        return False
    items[0] = _SHARED_VERB.sub("", items[0])
    for row in siblings:
        row["recipient"] = head
        row["condition"] = items[
            figures.index((row.get("amount_yuan"), row.get("cap_yuan"), row.get("rate_percent")))
        ]
    return True


def split_list(phrase: str) -> list[str]:
    """`新建的社区嵌入、中心辐射式互联网+居家养老服务网点` → each item with the words they share."""
    items = [i for i in re.split(r"、|和|及|与", phrase) if i]
    if len(items) < 2:
        return [phrase]
    last = items[-1]
    shared = re.search(r"[式型类级](?=.)", last)
    tail = last[shared.end() - 1 :] if shared else ""
    head = items[0][: items[0].index("的") + 1] if "的" in items[0] else ""
    named = []
    for item in items:
        if tail and not item.endswith(tail) and not re.search(r"[式型类级]$", item):
            item += tail
        elif tail and re.search(r"[式型类级]$", item):
            item += tail[1:]
        if head and not item.startswith(head):
            item = head + item
        named.append(item)
    return named


# A group of people written right before its own rate, one per amount (`其中特殊困难老年人每年补助30元、其他老年人每年
# 补助10元`): each group is the condition of its amount; the recipient stays the one the sentence names.
GROUP_BEFORE_ITS_RATE = Rule(
    "group_before_its_own_rate",
    r"(?:^|(?<=[，,、；;：:]))(?:其中)?(?P<g>[^，,。；;：:、\d]{2,12}?(?:老年人|老人|人员|对象))"
    r"(?=每(?:人|年|月|餐|户)|按每)",
    "condition",
    "各级财政对参保老年人应缴纳的保险费给予补贴,其中特殊困难老年人每年补助30元、其他老年人每年补助10元",
    "qinghai-2015-elderly-accident-insurance-subsidy-news",
)
_GROUP_BEFORE_ITS_RATE_RE = re.compile(GROUP_BEFORE_ITS_RATE.pattern)


def _conditions(siblings: list[dict], text: str) -> None:
    """Conditions only where the amounts of one sentence differ by them (two or more distinct ones):
    read from the recipient, else from the words between the previous figure and this one."""
    if len(_figures(siblings)) < 2:
        return
    split = []
    previous_end = None
    carried_from = None
    for row in sorted(siblings, key=lambda r: r["figure_at"]):
        recipient, condition = split_condition(row["recipient"]) if row.get("recipient") else (None, None)
        # the words between the previous figure and this one (`…补贴,本科及以上3万元`)
        lead = text[
            previous_end if previous_end is not None else max(0, row["figure_at"] - 40) : row["figure_at"]
        ]
        lead = _SENTENCE_END_RE.split(lead)[-1]  # (the words of an earlier sentence are not this amount's)
        found = [
            m.group() for m in _CONDITION_RE.finditer(lead) if m.group() not in (row.get("recipient") or "")
        ] or [
            m.group("g")
            for m in _GROUP_BEFORE_ITS_RATE_RE.finditer(lead)
            if m.group("g") not in (row.get("recipient") or "")  # (the recipient itself: no condition)
        ]
        # (or one that names a band, carried to the next: `80-84周岁老人每人每年发放600元,85-89周岁每人每年发放1000元`)
        carried = previous_end is not None and row.get("recipient") == carried_from
        if found and (condition is None or carried):
            # a recipient that is only a condition, carried from the figure before
            # (`90-99周岁每月100元,100周岁以上每月300元`): this figure's own words say its condition
            condition = found[-1].strip()
        carried_from = row.get("recipient")
        if condition and recipient and re.fullmatch(r"[(（][^()（）]*[)）]", recipient):
            condition, recipient = condition + recipient, None  # 专科(高职): the aside is the condition's
        split.append((row, recipient, condition))
        previous_end = row["figure_at"] + 1
    if len({c for _, _, c in split if c}) < 2:
        split = _respective_conditions(split, text) or _graded_range(split, text) or split
    if len({c for _, _, c in split if c}) < 2:
        return
    shared = None
    for row, recipient, condition in split:
        # the amounts of one sentence by condition go to one recipient unless each names its own
        shared = recipient or shared
        row["recipient"], row["condition"] = recipient or shared, condition


# A range of grades before as many amounts (`在市级资金按一星至五星标准奖励2万元、4万元、8万元、16万元、32万元基础上`): one
# grade per amount, in order.
GRADE_RANGE = Rule(
    "grade_range",
    r"(?P<a>[一二三四五六七八九十\d])\s*(?P<u>星级|星|级|档|类)\s*(?:至|到|-|—|～|~)\s*(?P<b>[一二三四五六七八九十\d])\s*(?P=u)",
    "condition",
    "在市级资金按一星至五星标准奖励2万元、4万元、8万元、16万元、32万元基础上",
    "shunyi-2014-eldercare-evaluation-reward-measures-news",
)
_GRADE_RANGE_RE = re.compile(GRADE_RANGE.pattern)
_GRADE_NUMERALS = "一二三四五六七八九十"
_LEAD_TO_LIST = re.compile(r"[^，,。；;、\d]{0,8}")
_AMOUNT_LIST = re.compile(r"[\d.,]+\s*[万亿]?元(?:\s*、\s*[\d.,]+\s*[万亿]?元)*")


def _graded_range(split: list[tuple], text: str) -> list[tuple] | None:
    """The grades of a range written before the amounts (GRADE_RANGE), one per amount in order."""
    first_at = split[0][0]["figure_at"]
    sentence_start = _sentence_start(text, first_at)
    found = list(_GRADE_RANGE_RE.finditer(text, sentence_start, first_at))
    if not found:
        return None
    grade = found[-1]
    low, high = (_GRADE_NUMERALS.find(g) + 1 if not g.isdigit() else int(g) for g in (grade["a"], grade["b"]))
    if low < 1 or high - low + 1 != len(split):
        return None
    listed = _AMOUNT_LIST.match(text, first_at)
    if (
        not _LEAD_TO_LIST.fullmatch(text, grade.end(), first_at)
        or not listed
        or listed.group().count("元") != len(split)
    ):
        return None  # (one list of as many amounts right after the range: not amounts of several instruments)
    written = (lambda n: _GRADE_NUMERALS[n - 1]) if not grade["a"].isdigit() else str
    return [
        (row, row.get("recipient"), f"{written(low + i)}{grade['u']}") for i, (row, _, _) in enumerate(split)
    ]


def _respective_conditions(split: list[tuple], text: str) -> list[tuple] | None:
    """Conditions listed before `分别` that the amounts after it follow in order (`按照技师、高级、中级、
    初级资格证书等级,分别给予3000元、2000元、1000元、500元`); the recipients stay as the sentence names them."""
    first_at = split[0][0]["figure_at"]
    sentence_start = _sentence_start(text, first_at)
    lead = text[sentence_start:first_at]
    respective = lead.rfind("分别")
    if respective < 0:
        return None
    listed = [m.group().strip() for m in _CONDITION_RE.finditer(lead[:respective])]
    if len(listed) != len(split):
        # the list in the clause of `分别` alone, when the sentence names other grades before it
        # (`…高级中等学校…的应届毕业生…,按照本科毕业生、专科(高职)毕业生和中职毕业生分别给予6万元、5万元、4万元`)
        clause = max((m.end() for m in _CLAUSE_MARK.finditer(lead, 0, respective)), default=0)
        listed = [m.group().strip() for m in _CONDITION_RE.finditer(lead, clause, respective)]
    if len(listed) != len(split) or len(set(listed)) != len(listed):
        return None
    return [
        (row, row.get("recipient"), condition) for (row, _, _), condition in zip(split, listed, strict=True)
    ]


def _has_figure(row: dict) -> bool:
    return any(row.get(k) is not None for k in ("amount_yuan", "rate_percent", "cap_yuan"))
