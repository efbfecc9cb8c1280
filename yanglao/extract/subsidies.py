"""Cleaned text → subsidy rows: amounts, rates and caps, and promises of money without an amount.

`extract_subsidies(text)` returns one row per distinct amount, rate or cap that the
document attaches to money going to someone, and one row per provision that names
a money instrument (补贴, 津贴, 奖励, 以奖代补, 政府购买服务, 公益创投, 财政投入/预算…)
without an amount. Rows are dicts with `kind`, `recipient`, `amount_yuan`,
`rate_percent`, `cap_yuan`, `basis`, `frequency`, `quote`, `start`, `end`, in
document order, with `text[start:end] == quote`.

Principle: not one wrong figure. A range of money (`50元至1000元`, `5至10万元`) is a
row for each end; a figure the rules cannot read as an amount (a "range" whose low end
is not below its high end, `2023-5万元`) gives no row, and `doubtful_subsidies(text)`
lists those places for review. A floor (`不低于每人每月100元`, `10万元以上`) is read as its stated figure,
as the gold does for `100万元左右`: the schema has no comparator for money. Amounts
after `其中` that follow a total in the same sentence are parts of it, not rows.

How the text is read:
- Spaces next to Chinese characters are ignored (PDF text such as `运营 补贴`);
  offsets still point into the text as given.
- A paragraph is a line; a sentence ends at 。；;！？ or a table cell `|`; a clause
  ends at ，,：:.
- A sentence that states a figure is counted by its figures: the instruments it
  names (`下拨2000万资金,采取以奖代补形式`) describe how that money is paid, except in a
  later clause with its own recipient (`…，对星级达标的中心实行以奖代补`).
- A heading or run-in title (`二、发放标准`, `（一）高龄津贴。`) lends its money word to
  the figures under it, and is not itself a provision when the text under it has money.
- A clause holding only a condition and an amount (`本科…给予2万元，大专1.5万元`)
  continues the figure before it; a sentence opening with a `…的，` condition gives the
  recipient of the sentence before (or of the `；` item before) its amount at that condition.
- A named subsidy whose amount the document states gives no further amount-less row
  where it is mentioned without a recipient of its own (`确保高龄津贴按时足额发放`);
  payment steps (`分三年拨付`, `发放至…账户`), forms (`…申领表`) and links (`与…挂钩`)
  are not provisions.
- A raised standard (`由每人每月100元提高至150元`) gives a row for the new figure only.
- The items of a `；` list continue the money of the item before them (`…每人每月100元；收住失能
  老年人的，每人每月200元；`), with its kind and its heading.
- A deputy's proposal quoted in a reply (`建议“…每月发放100元助餐补贴”`), an estimate
  (`预计需增加资金约260万元`), a mention inside `符合…条件` and the object of `调整…标准` give no row.
- Long-term care insurance benefits are allowances: `基金支付比例为70%，每人每月限额1200元` is a
  rate with its cap.
- A `|` table whose column header (`补贴标准`) or introducing line (`补贴标准…如下：`) names
  money gives rows for the figures of its cells, for the person or place in the row's first cell.
- A sentence without a figure gives a row for each named instrument (distinct terms
  are distinct rows: `老龄补贴、高龄津贴` is two), unless the clause is procedure
  (申请, 资格, 审核, 清算…), negation, a problem statement (标准偏低), a document
  title (《…补贴实施细则》) or a description of people (`享受抚恤补助的优抚对象`).
  A bare `补贴`/`补助`/`奖励` needs a verb that provides it (给予, 享受, 加大…力度…).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

import ahocorasick

from yanglao.extract import prefilter
from yanglao.extract.flat_tables import flat_tables, money_rows
from yanglao.extract.numbers import (
    ARABIC_NUMBER,
    HEAD_COUNT_RE,
    THOUSANDS_SEPARATOR,
    chinese_to_number,
    parse_fraction_percent,
    parse_number,
)
from yanglao.literals import guarded, literal_openings, required_literals, scanned
from yanglao.textmap import PositionMap

# ---------------------------------------------------------------------------
# Rule tables. Each is a list of (pattern, what it yields), tried in order.
# ---------------------------------------------------------------------------

# 建设 of facilities, not of 体系/队伍/能力 (system, workforce, capacity building).
FACILITY_BUILDING = r"(?<!体系)(?<!队伍)(?<!能力)(?<!制度)(?<!人才)(?<!网络)(?<!信息化)(?<!平台)建设|改造|新建|新增|改扩建|装修"

# Named money instruments. (pattern, kinds, key): a match is a mention of that
# instrument; `key` names the instrument so that repeated mentions in a paragraph
# count once (None: the matched text itself is the key).
INSTRUMENTS: list[tuple[str, tuple[str, ...], str | None]] = [
    (r"建设[和与、及]?运营(?:补贴|补助|资金|经费)", ("construction", "operation"), None),
    (r"以奖代补", ("reward",), None),
    (r"(?:入职|一次性入职|岗位|从业|留任)奖励", ("reward",), None),  # 护理员入职奖励、岗位津贴和培训补贴
    # the government's share of a co-funding model (`政府补一点、企业让一点…`, `财政出一点`)
    (r"(?:政府|财政)(?:补|出|投|拿)(?:贴|助)?一点", ("operation",), "政府补一点"),
    (r"公益创投", ("other",), None),
    (r"(?:以旧换新|购置|消费)补贴", ("other",), None),  # money for buying goods (tests/data/fresh5)
    (r"贴息", ("other",), None),  # interest paid by the state on a loan (tests/data/fresh5)
    (
        r"政府购买(?:[^，,。；;、]{0,14}?服务|形式|方式)?|向[^，,。；;]{1,30}?购买[^，,。；;]{0,14}?服务"
        r"|购买(?:居家|社区)?养老服务|(?:通过|采取|采用|以)购买服务",
        ("service_purchase",),
        "政府购买服务",
    ),
    (rf"(?:{FACILITY_BUILDING})(?:补贴|补助|经费|资金)", ("construction",), None),
    (r"(?:运营|运行)(?:补贴|补助|经费)", ("operation",), None),
    (r"培训(?:鉴定)?(?:补贴|补助|经费|费)|鉴定费|(?:技能)?(?:等级)?认定补贴", ("training",), None),
    (
        r"(?:高龄|老龄|长寿|护理|生活|助餐|就餐|用餐|居家养老服务|养老服务|入职|岗位|老年人|老人|现金)(?:补贴|补助)"
        r"|(?:(?:高龄|老龄|长寿)(?:老年人|老人)?|护理|生活|特殊岗位|岗位)?津贴"
        # money paid to older people by age under other names (`长寿优待金`, `高龄保健金`, `敬老金`)
        # (not a conscript family's 义务兵家庭优待金, nor a discount, `优待金额`)
        r"|(?:高龄|老龄|长寿|尊老|敬老)(?:老年人|老人)?(?:优待|保健)金|(?<!家庭)(?<!军属)优待金(?!额)|敬老金|长寿金",
        ("allowance",),
        None,
    ),
    (r"(?:本级|市级|区级|县级|省级|各级|市、区两级)财政投入", ("budget_allocation",), "财政投入"),
    (r"加大[^，,。；;]{2,20}?投入力度|加大对[^，,。；;]{2,20}?的投入", ("budget_allocation",), "投入"),
    (
        r"(?:列入|纳入)(?:[^，,。；;]{0,6}|[^，,。；;]{0,30}?(?:财政|年度|部门|本级))预算",
        ("budget_allocation",),
        "预算",
    ),
    (r"(?:补助|专项|奖补)?资金[^，,。；;]{0,6}下拨|下拨[^，,。；;]{0,8}资金", ("budget_allocation",), "下拨"),
    # a fund set up or set aside (`在公共财政、福利彩票公益金中安排社会养老服务资金`, `设立养老服务专项资金`)
    (
        r"(?:安排|设立)(?!的)[^，,。；;的、]{0,20}?(?:专项)?(?:资金|经费)(?=[，,。；;、]|$)",
        ("budget_allocation",),
        "安排资金",
    ),
    # a share of the welfare-lottery fund set aside for elderly care (`福利彩票公益金百分之五十以上应当用于支持养老服务业发展`)
    # (not a prohibition or the fund's management: `不得用于`, `使用管理`, `使用情况`)
    (
        r"福利彩票公益金(?:(?!不得|使用|管理)[^。；;]){0,30}?用于[^，,。；;]{0,10}?养老",
        ("budget_allocation",),
        "彩票公益金",
    ),
    # labour-market and insurance instruments that elderly-care laws name (`给予就业补贴`, `自主创业补贴`,
    # `投保综合保险的保费补助`, `社会保险补贴`): each a distinct instrument
    # (not the funds of those names that pay for something else: `从就业补助资金…中列支`)
    (r"(?:(?:自主)?(?:就业|创业)|社会保险|社保|保险费?|保费)(?:补贴|补助)(?!资金|经费)", ("other",), None),
]

# A bare 补贴/补助/奖励 counts only inside one of these phrases, which provide it.
GENERIC_PROVISIONS: list[str] = [
    r"给予[^，,。；;]{0,12}?(?:补贴|补助|资助|奖励|奖补)",
    r"(?:加大|加强|提高)[^，,。；;]{0,16}?(?:补贴|补助|奖励|资助)力度",
    r"提高[^，,。；;]{0,8}?(?:补贴|补助)标准",
    r"享受[^，,。；;]{0,10}?(?:补贴|补助)",
    r"(?:建立|完善|探索)[^，,。；;]{0,8}?(?:奖励|补贴|补助|奖补)机制",
    r"发放[^，,。；;]{0,8}?(?:补贴|补助|津贴)",
    r"落实[^，,。；;]{0,12}?(?:补贴|补助|津贴|奖励|奖补)(?:政策|制度)",
    r"由(?:各级|本级|市级|区级|县级)?财政[^，,。；;]{0,6}?(?:补贴|补助|资助)",  # 个人缴费部分由财政全额补助
    # the grant as a verb after its object (`政府将对“长者食堂”的运营…进行补贴`, `…适当予以补助`)
    # (not `实行分类分档补助`, which says how the amounts given with it are set)
    r"(?:予以|进行)[^，,。；;]{0,4}?(?:补贴|补助|资助|奖励|奖补)(?!标准|资金|经费|对象)",
]

# Objects of 加大…投入 that name no purpose (加大财政投入, 加大资金投入 are slogans).
VAGUE_INVESTMENT_OBJECTS = re.compile(r"^(?:对)?(?:财政|资金|多元|政府|财力|经费|各方|社会)?$")

# Clauses in which a mention is not a provision: procedure, negation, problems,
# linking of policies, seeking money from elsewhere, use restrictions.
NOT_A_PROVISION_CLAUSE = re.compile(
    r"资格|申请(?!享受)|受理|初核|初审|审核|审查|核实|核查|真实|审计|(?:补贴|补助|津贴|资金)(?:主要)?包括|适用|扣减|计算"
    # money already counted, referred to again (`此项资金由县民政局下拨至养老机构`): no new provision
    r"|(?:此项|该项|上述|以上|该笔|此笔|这笔)(?:资金|经费|补助|补贴)"
    r"|偏低|较低|较窄|不足|滞后|不强|短板|问题|缺口"
    r"|衔接|相结合|挂钩|统筹|使用|管理办法|争取|不享受|不予|不得|取消|停止|应当用于|专款专用|表彰(?![和与、及]?奖励)|通报|绩效|评价|评估"
    r"|不超过[\d一二两三四五六七八九十]+(?:餐|次|天|小时)"
    # administering a payment that exists: review, stopping, publicity, raising its money (not a promise of money)
    r"|复核|停发|停止发放|暂停发放|中止发放|终止发放|宣传|宣讲|知晓|告知|公示|筹措|筹集|申报|下拨时间"
    # an instrument said to be carried out everywhere already (`均实施了高龄津贴政策`, `…制度实现全覆盖`) or what kind of
    # policy it is (`…制度是一种兼有社会福利性质的政策`): a report or a definition, no promise
    r"|实施了|实行了|是一种"
    # how many enjoy it (`目前,该区共有11089位老人享受津贴`): a count, no promise
    r"|(?:共有|现有|共计|累计)[^，,。；;\d]{0,8}?[\d,.]+\s*万?余?\s*(?:名|位|人|户)[^，,。；;\d]{0,8}?(?:享受|领取)"
    # where to look a payment up (`凡享受补贴发放的城乡居民…可关注“青山区财政局”微信公众平台…即可查询发放详情`)
    r"|(?:即可|可|登录|通过)[^，,。；;]{0,12}?查询|查询[^，,。；;]{0,6}?(?:发放|详情|结果|进度)"
    r"|关注[^，,。；;]{0,12}?(?:公众号|公众平台|网站|平台)"
    # how payments combine (`增发补贴部分不能与重度残疾人护理补贴重复享受,可择高领取其一`)
    r"|重复享受|重复领取|择高|择一领取"
    # a form's question or a performance table's indicator (`是否为专项资金`, `产出指标 质量指标 …覆盖率`)
    r"|是否|(?:产出|效果|效益|质量|时效|成本|数量|满意度)指标"
    # a refusal that ends the clause, not a promise (`现在提高补贴标准财政承受能力不允许`); 无法/难以 inside
    # a description of who is eligible (`对生活无法自理的…给予护理补贴`) is no refusal
    r"|(?:能力|条件|财力)?(?:不允许|暂不具备条件|不具备条件|无法承受|难以承受)\s*[。；;]?\s*$|暂不(?:考虑|实施|调整|提高)"
)
# An instrument said to cover everywhere (`…制度实现全覆盖`): a report, unless the clause looks ahead.
COVERED_EVERYWHERE = re.compile(r"实现(?:了)?全覆盖")
_STILL_TO_COME = re.compile(r"推动|推进|力争|确保|将|到\d{4}|年底前|前[,，]?|逐步|全面建立|争取|计划")
# Handling a payment for people (`为居家老年人办理助餐补贴`) administers it, unless the clause also gives or pays for it
# (`由乡镇民政办统一办理并按月发放高龄津贴`, `县财政全额出资为特困供养人员办理…补助`).
HANDLING_ONLY = re.compile(r"办理")
_GIVEN_TOO = re.compile(r"出资|发放|给予|购买")
# Sentences in which no mention is a provision: sanctions and after-the-fact procedure.
NOT_A_PROVISION_SENTENCE = re.compile(
    literal_openings(
        r"备案|骗取|冒用|冒领|虚报|挪用|截留|侵占|违反|清算|结算|追回|退回|处罚|所称|是指"
        r"|(?:没有|未)履行|责令"  # a breach of duty and its sanction (`…没有履行相应义务的，由…收回补贴`)
    )
)
# A mention followed by these describes people, operators or a document (a form, a
# report), not money given.
DESCRIPTOR_AFTER = re.compile(
    r"^(?:范围)?的[^，,。；;]{0,6}?(?:对象|老年人|老人|人员|家庭|人群|个人|机构|单位|企业|组织)"
    r"|^的[^，,。；;]{0,12}?(?:老年人|老人|对象)"  # 享受…补助的生活不能自理、半自理老年人
    r"|^(?:优抚)?对象"  # 享受国家定期抚恤补助(的)优抚对象: a group of people, not money given
    r"|^[^，,。；;]{0,8}?(?:办法|细则|实施意见|通知|清单|表|册|情况|管理)"
    # a meeting named after it (`召开全省养老服务消费补贴项目工作部署会`): an event, no money given
    r"|^[^，,。；;]{0,6}?(?:部署会|推进会|调度会|座谈会|动员会|培训会|现场会|工作会议)"
    r"|^(?:对象|范围|条件|卡|券|账户|专户)"
    r"|^\s*[\d,.]+\s*万?\s*(?:人次|人|户|名)"  # a count of recipients (`享受政府补贴10710人`) reports, it gives nothing
)
# Who gives, opening a provision's clause (`市和县(市、区)人民政府应当加大对居家养老服务资金的投入`): the quote
# is the promise that follows, the instrument and its object.
PROVISION_GIVER = re.compile(
    r"\s*(?![对为向给])(?:[^，,。；;：:]{0,24}?(?:人民政府|政府|部门|办事处)(?:\([^()]{0,12}\))?[和及与、]?)+"
    r"(?:应当|可以|应|要|将)"
)
# A line that captions a table or names a list (no punctuation, ends in 分配(表)/情况(表)/信息/名单/明细).
# A money column's header that gives the unit of its cells (`发放资金(元)`, `补助金额（万元）`).
HEADER_UNIT = re.compile(r"[(（](万元|元)[)）]")
# A row's serial number (`1`, `一`, `1.`, `（一）`) names nothing; a total row (`合计`) sums the column.
SERIAL_CELL = re.compile(r"[\d一二三四五六七八九十]+[.、．]?|[(（][\d一二三四五六七八九十]+[)）]")
TOTAL_ROW = re.compile(r"(?:合\s*计|小\s*计|总\s*计|共\s*计)")
SUM_HEADER = re.compile(r"资金|金额|经费|总额|合计")  # such a column holds sums paid, not standards
BARE_CELL_NUMBER = re.compile(r"\s*\d+(?:,\d{3})*(?:\.\d+)?\s*")
ATTACHMENT_PREFIX = re.compile(r"^附件\s*\d*\s*[:：]?\s*(?:\d+\s*[.．、]\s*)?")
CAPTION_LINE = re.compile(
    r"[^，,。；;：:\n]{4,60}?(?:分配表?|情况表|明细表?|汇总表|统计表|发放表|信息|名单|一览表)"
)
# A mention that is the subject of a payment step (一次性建设补贴分三年拨付, 高龄津贴按月
# 通过社会保障卡发放至…) describes how money already provided is paid.
PROCEDURE_AFTER = re.compile(
    r"^[^，,。；;]{0,16}?(?:分[一二两三四五六七八九十\d]+(?:年|期|次|批)|拨付|发放至|发放到|打入|申领|结算"
    r"|按时足额|及时足额|足额发放|按时发放|发放到位)"
)
# A lead-in that announces the instruments listed after it (`可按要求享受以下两种补贴:`): the items are the
# provisions, not the announcement.
LIST_LEAD_IN = re.compile(
    r"(?<![\d一二两三四五六七八九十级星岁])(?:以下|下列|如下)(?:[一二两三四五六七八九十\d]+[种项类])?"
    r"(?:补贴|补助|津贴|奖励|奖补|政策|待遇)$"
)
# A mention inside an eligibility condition (`同时符合高龄津贴和护理补贴条件的`) or as the object of
# an adjustment whose new figures the document gives (`决定调整…老年人补贴标准`) is not a provision.
CONDITION_SPAN = re.compile(r"符合[^，,。；;]{0,24}?条件")
ADJUSTED_STANDARD = (re.compile(r"调整[^，,。；;]{0,20}$"), re.compile(r"^标准"))
# A proposal quoted from a deputy or a member (`建议“…每月发放100元助餐补贴”`,
# `关于“…”的建议`) is their wording, not a provision of the document.
QUOTED_PROPOSAL = re.compile(
    r"(?:建议|提出|提议|呼吁|希望)[:：]?(?P<a>(?:“[^”“]{1,80}”[、，,和及与]?)+)"
    r"|(?P<b>(?:“[^”“]{1,80}”[、，,和及与]?)+)(?:的|等)?(?:建议|提案|意见|诉求)"
    # unquoted, restated in a reply (tests/data/fresh4): `您在建议中提出，…每餐补贴提高到5元。`,
    # `关于您提出的每餐补贴提高到5元的建议`
    r"|(?:您|代表|委员)[^，,；;：:。]{0,10}?提出的(?P<c>[^。；;]{0,80}?)的(?:建议|意见|提案|诉求)"
    r"|(?:您|代表|委员)(?:在[^，,；;：:。]{0,10}?中)?(?:提出|建议|提议)[，,:：](?P<d>[^。]*)"
)
FUND_KINDS = ("budget_allocation", "service_purchase")
SECTION_LOOKAHEAD = 6  # sentences under a heading that are checked for the money it names

# Kind of a bare 补贴/补助 from the words around it: first the purpose of the money,
# then (after the recipient, see _kind_for_figure) whether it goes to people.
PURPOSE_KINDS: list[tuple[str, tuple[str, ...]]] = [
    (r"建设(?:费用|成本|投资|造价)", ("construction",)),  # a share of the cost of building: 按照建设费用50%
    (r"建设[和与、及]?运营", ("construction", "operation")),
    (FACILITY_BUILDING, ("construction",)),
    (r"运营|运行|运转", ("operation",)),  # (`对运转正常的居家养老服务中心…给予…`)
    # 服务补贴 / 床位补贴 with no other purpose word: paid to whoever runs the service or bed
    # (but a service subsidy handed out, `为…老人年度发放服务补贴`, is the people's)
    (r"(?<!养老)(?<!发放)(?:服务|床位)(?:补贴|补助)", ("operation",)),
    (r"培训|鉴定|等级认定", ("training",)),
    (r"奖励|奖补|以奖代补|奖学金", ("reward",)),
    # lifts added to old blocks of flats: for the residents' homes, no building of a care facility
    (r"(?:住宅|小区|楼|既有)[^，,。；;\d]{0,6}?加装电梯", ("other",)),
]
PERSON_KINDS: list[tuple[str, tuple[str, ...]]] = [
    (
        r"老年人|老人|高龄|助餐|就餐|用餐|对象|基金支付|待遇|低保|最低生活保障|(?:特困|供养|基本生活)[^，,。；;\d]{0,6}标准",
        ("allowance",),
    ),
]
CONTEXT_KINDS = PURPOSE_KINDS + PERSON_KINDS

# Standards by age after the sentence that names the allowance (`…均属高龄津贴发放对象。年满80-89周岁的老年人,每人每月
# 50元;年满90-99周岁的老年人,每人每月100元`): the money word is in the sentence before.
ALLOWANCE_BEFORE = re.compile(r"津贴|补贴|补助|生活费")
AGE_STANDARD = re.compile(
    r"\d{2,3}\s*(?:周?岁)?\s*(?:-|—|－|至|到)?\s*(?:\d{2,3})?\s*周?岁[^，,。；;]{0,12}[，,]?\s*每人每(?:月|年)"
)
# Standards raised from the ones named before (`由原来的50元、100元、300元、提高到100元、200元、300元`): the list of
# the sentence before continues.
RAISED_STANDARDS = re.compile(
    r"(?:由|从)(?:原来的?|原|过去的?)?[\d.]+\s*元[^。；;]{0,30}?(?:提高|调整|上调|提升)(?:到|至|为)\s*[\d.]+\s*元"
)
# Figures: an amount is money only in a sentence with one of these words…
MONEY_CUES = re.compile(
    literal_openings(
        r"补贴|补助|津贴|奖励|奖补|资助|扶持|资金|经费|投入|下拨|拨付|拨款|支出|购买|发放|给予|救助|慰问|补一点|预算内投资"
        r"|公益金|基金支付|护理保险基金按|奖学金|助学金|增发|发给"
        # the support of people in destitution (特困供养), paid out as these two, or money paid into someone's account
        r"|基本生活费|照料护理费|(?:支付|付|拨)(?:到|至)[^，,。；;]{0,12}?账户"
        # a sum put to a use (`3,700.61万元用于甲良…等6个敬老院建设`, `…项目3.46万元,用于…`), and what a government
        # invests each year (`每年投资500万元,为45个社区建设…`; others' investment is NOT_SUBSIDY_MONEY's)
        r"|元[，,]?\s*(?:主要|专项|全部)?用于|(?:每年|年均|财政|政府)投资"
        # a standard per person or bed written as a rate (`非护理型:2000元/床位·年`); a price or fee is NOT_SUBSIDY_MONEY's
        # (`每人每月50元` alone is not enough: fees and contributions are written so too, tests/data/fresh2, fresh5)
        r"|元\s*/\s*(?:人|户|床|张)"
        # a standard of social assistance (`农村低保年标准从7094元提高至7334元`)
        r"|(?:低保|最低生活保障|救助|供养|基本生活)(?:年|月)?标准(?:统一)?(?:从|由|提高|调整|为|分别|达到|\s*\d|每人)"
        # a standard per bed raised (`将敬老院建设标准从省定每张床位1.1万元提高到2.5万元`)
        r"|(?<!投资)标准(?:从|由)[^，,。；;]{0,8}?每张?床位?[^，,。；;\d]{0,4}[\d.]+\s*万?元"
    )
)
# …and not in a clause about these (fines, prices, wages, investment, loans, private money).
NOT_SUBSIDY_MONEY = re.compile(
    # (`低收入老年人` is a group, not an income)
    r"罚|收费|收取|价格|票价|售价|定价|优惠价|租金|工资|薪酬|薪资|(?<!低)收入|总投资|投资额|计划投资|投资规模|完成投资"
    r"|产值|(?:产业|经济|市场|消费)规模|营业额|销售额|消费额|贷款额度|授信|自付|缴纳|个人负担|个人(?:出资|承担|支付)|融资|社会资本|民间资本|社会投资|民间投资"
    r"|捐赠|捐款|慈善|社会力量|争取|估算|生产总值|预计|预估|测算|匡算"
    r"|资金来源|来源(?:为|于)"  # a breakdown of money by source (`资金来源为…2400万元、…1200万元`)
    # what residents pay, and a meal's price (`12元每餐的餐标`; not `按3元/餐标准补贴`)
    r"|交纳|缴费|床位费|伙食费|(?<!照料)护理费(?!补贴|补助)|保证金|押金|自行承担|自理费用|餐标(?!准|补贴|补助)"
    # an average (`户均投入3500元`, `人均可领取1200元`) is a statistic, not a standard, unless it is the standard
    # (AVERAGE_STANDARD); not a group that all may have it (`…的老年人均可享受`: 老年人 and 均可)
    r"|(?<![农每各])户均|(?<!老年)(?<!老)人均|床均|平均"
)
# An amount preceded by these is a fund being allocated or spent (kind budget_allocation
# unless the money buys a service or training).
FUND_BEFORE = re.compile(
    r"(?:投入|下拨|安排|拨付|拨款|支出|列支|筹集|预算内投资|(?:中央|省级?|自治区|上级)财政补助)[^，,。；;]{0,12}$"
    r"|(?:安排|投入|下拨|下发)[^，,。；;]{0,16}?(?:专项)?(?:资金|经费|公益金)(?:不少于|不低于|约|共|合计|达)?$"
)
FUND_AFTER = re.compile(r"^(?:的)?(?:专项)?(?:资金|经费)")
# A sum paid out (发放) as a fund with no purpose of its own (`共发放资金263.46万元`, `累计发放特困人员供养资金1159.6万元`) is
# the people's own money, as annotators of five held-out sets counted it, not a fund allocated: the fund names
# people or their allowance, or, named by nothing, its sentence is about older people's money (PAID_OUT_TO_PEOPLE).
# Not a fund sent to places (`向各乡镇发放资金`) or named by a programme (`发放农村幸福院资金`, `…试点资金`).
PAID_OUT_FUND = re.compile(
    r"(?<![向给])发放(?P<what>(?:[^，,。；;\d]{0,12}?(?:人员|老年人|老人|对象|家庭)[^，,。；;\d]{0,6}?)?)"
    r"(?:资金|金额)(?:共计|合计|总计|共|累计|为|达)?$"
)
PAID_OUT_TO_PEOPLE = re.compile(r"老年人|老人|高龄|补贴|津贴|供养|特困|低保|五保")
PAID_OUT_TO_PLACES = re.compile(
    r"(?:向|给|为)(?:各|全[市县区])?[^，,。；;\d]{0,8}?(?:乡镇|镇|街道|县|区|市|村|社区|单位|机构)"
)
# A clause that names a fund and its sum only, after a fund's total in the same sentence: the next item of a list of funds.
FUND_LIST_ITEM = re.compile(
    r"^[，,、；;]?\s*(?![^，,。；;]*(?:给予|按照|按|每))[^，,。；;\d]{2,60}?(?:资金|经费|补助|补贴)(?:共|合计|约|为|达)?$"
)
# A sum of money sent down after its amount (`首批 2.93 亿元补贴资金已下拨山西各市`): an allocation to the places
# named, whatever the money will pay for there.
# (not a standard paid out: `每人每月100元补助资金按季度拨付到个人社保卡`, `3000元补助资金分两次拨付给养老机构`)
FUND_SENT_DOWN_AFTER = re.compile(
    r"(?:补贴|补助|奖补|专项)?资金(?:已|已经|均已)?(?:下拨|下达)(?!到户|到人|至个人)"
)
# A sum paid out into the hands or accounts of the people it is for: their allowance, whatever fund it came from.
PAID_TO_PEOPLE_AFTER = re.compile(
    r"[^，,。；;\d]{0,8}?(?:发放|支付|兑付)(?:到|至|给)[^，,。；;\d]{0,12}?"
    r"(?:老人|老年人|供养对象|救助对象|五保户|特困人员)(?:手中|账户|个人账户|卡)?"
)
# A fund named right after its sum by what it pays for (`共拨付了95.6万元运转经费`): that purpose is its kind.
FUND_NAMED_AFTER = re.compile(
    r"[\d.,]+\s*[万亿]?元(?:的)?(?P<kind>运转|运营|运行|建设|改造|培训)(?:补助|补贴)?(?:资金|经费)"
)
NAMED_AFTER_KINDS = {
    "运转": "operation",
    "运营": "operation",
    "运行": "operation",
    "建设": "construction",
    "改造": "construction",
    "培训": "training",
}
FUND_PURPOSES: list[tuple[str, str]] = [
    (r"购买[^，,。；;]{0,20}?服务", "service_purchase"),
    (r"培训|鉴定", "training"),
]

# A level of government's share of a programme's cost (`市级财政负担60%,区级负担40%`, `所需资金由市財政負擔30%`), or the
# share of it that a higher level pays the places named (`市级财政补助雁江区、高新区、临空经济区30%`): money allocated.
COST_SHARE = r"(?:财政|[省市县区]级)(?:负担|承担|分担)$|补助[^，,。；;\d%]{2,24}?(?:区|县|市)$"
# A fund whose name says what it pays for, right before its amount: that purpose is its kind.
NAMED_FUND_PURPOSES: list[tuple[str, str]] = [
    (
        # (not a platform's: `养老服务信息平台建设经费500万元` is a fund for the programme)
        r"(?:(?<!平台)(?<!体系)(?<!信息化)建设|改造|改造提升|提升改造|提质改造|维修改造|修缮)(?:项目)?(?:补助|补贴)?"
        r"(?:经费|资金|支出)(?:共|合计|约|为)?$",
        "construction",
    ),  # 镇街养老服务中心建设经费300万元, 社会福利院墙裙改造项目支出29.9938万元
    (
        r"(?:运营|运行|上门服务)(?:补助|补贴)?(?:经费|资金)(?:共|合计|约|为)?$",
        "operation",
    ),  # 居家上门服务经费95万元
    (r"(?:培训|鉴定)(?:补助|补贴)?(?:经费|资金|费)(?:共|合计|约|为)?$", "training"),
    (r"(?:津贴|补贴)(?:支出|发放)(?:共|合计|约|为)?$", "allowance"),  # 8月全区高龄津贴支出73.136万元
    (r"基本生活费(?:资金|经费)?(?:共|合计|约|为)?$", "allowance"),  # 集中供养特困人员基本生活费35.298万元
    (COST_SHARE, "budget_allocation"),  # `市级财政负担60%`: a level's share of the cost
]
PREVIOUS_AMOUNT = re.compile(r"(?:元|万)\s*(?:和|及|与|、)")

# The number of an article or list item at the start of a quote is not part of the provision; a decimal
# (`32.8万元`) is not an item number, an item that opens with a year is (`1.2020年街道养老服务中心建设补助资金分配`).
LEADING_MARKER = re.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇]+条|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+(?:、|[.．](?!\d))|\d{1,2}[.．](?=(?:19|20)\d\d年))\s*"
)

COST_SHARED = re.compile(r"(?:财政|[省市县区]级)(?:负担|承担|分担)$")
# The cost shared, named before it (`80-89周岁高龄津贴所需资金,…`, `居家适老化改造经费由…`).
COST_OF = re.compile(
    r"(?:^|[，,；;：:])\s*(?!所需)(?P<r>[^，,。；;：:由]{2,30}?)(?:所需)?(?:资金|经费|费用)(?=[，,]|由)"
)
# A rate is a share of a cost: `建设费用50%`, `就餐费用的四分之一`, `补助比例为30%`.
RATE_BEFORE = re.compile(
    r"(?:费用|成本|投资额?|投入|造价|总额|金额|价款|支出|费)的?$|(?:投入|投资|建设|改造)[^，,。；;\d]{0,4}资金的$|(?:补贴|补助|资助|奖补)比例(?:为|按)?$|标准的?$"
    r"|缴费部分的?$|基金支付比例(?:为|按)?$|(?:上浮|上调)$|护理保险基金按照?$"
    # a level of government's share of a cost, or of what it pays places (`市级财政负担60%`, `补助安岳县、乐至县20%`)
    rf"|{COST_SHARE}"
    # the share a government pays (`空巢老人服务费用政府补贴50%`)
    r"|(?:政府|财政)(?:补贴|补助|资助)$"
)
# A share of another's standard (`非全日制毕业生按照全日制的70%补贴`) or one given before its cap (`给予50%最高不超过1000元/家
# 补助`) is a rate only when the money follows it at once (not `按照上年度的5%逐年增长`, `给予10%的名额倾斜`).
RATE_OF_WHAT_BEFORE = re.compile(r"按照?[^，,。；;\d%]{1,12}?的$|给予$")
RATE_OF_WHAT_AFTER = re.compile(r"^\s*(?:的)?(?:给予|予以)?(?:补贴|补助|资助|奖补|最高不超过|最高)")
# A rise of a standard by a share (`补助标准分别上浮50%、100%、200%`), which may be more than all of it.
RATE_UPLIFT = re.compile(r"(?:上浮|上调)$")
# 基金支付比例: the share of a care cost that a (long-term care) insurance fund pays to the insured.
RATE_INSTRUMENT = re.compile(
    r"补贴|补助|资助|奖补|奖励|基金支付|护理保险基金按[^，,。；;]{0,12}?支付|(?:财政|[省市县区]级)(?:负担|承担|分担)"
)
# A rate given as the subsidy itself (`按照单位缴费部分的50%给予社会保险补贴`) is one even in a clause
# about contributions or insurance.
RATE_GIVEN = re.compile(r"给予[^，,。；;]{0,10}?(?:补贴|补助|资助|奖补)")
NOT_A_RATE = re.compile(r"收取|收费|租金|减免|减收|优惠|折扣|报销|缴纳|医保|(?<!长期护理)保险|个人负担|自付")

# A clause before an amount that holds only a condition (大专, 90—99周岁每人每月): no verb, no instrument.
ELLIPTICAL_CLAUSE = re.compile(r"^[^，,。；;：:]{0,16}$")
ELLIPTICAL_NOT = re.compile(r"给予|发放|安排|投入|下拨|拨付|支出|奖|补|资助|按照|标准|最高|不超过")
INSTRUMENT_WORD = re.compile(r"补贴|补助|奖励|奖补|津贴|资金|经费|服务|资助|基本生活费|照料护理费")
# A clause that only says its figure is a sum (`共计58.5万元`, `使用资金共1351.0557万元`): what it is a sum of
# is in the clause before.
SUM_OF_WHAT = re.compile(rf"{INSTRUMENT_WORD.pattern}|建设|改造|运营")
BARE_SUM_CLAUSE = re.compile(r"^\s*(?:(?:使用|投入|拨付|下拨)?(?:资金|经费)?(?:共计|合计|总计|共|累计))\s*$")
# `由每人每月100元提高至150元`, `从每人每月200元提高到每人每月300元`: the amount after 由/从 is the standard
# being replaced.
RAISED_FROM_BEFORE = re.compile(r"(?:由|从)[^，,。；;]{0,12}$")
RAISED_FROM_AFTER = re.compile(r"^[^，,。；;\d]{0,4}?(?:提高|提升|增加|上调|调高|调整|增长|提标)(?:至|到|为)")
# A standard labelled as the one before an adjustment (`原标准:25元/月;`, then `调标后:…调标至100元/月`), with the
# rest of its list (`原标准:25元/月,低保、特困人员35元/月;`) up to the new one.
OLD_STANDARD_LABEL = re.compile(
    r"(?:^|[，,；;\n])\s*原(?:来的?)?(?:补贴|补助|津贴|发放)?标准(?:为|是)?\s*(?:[:：](?:(?!调|提|现|新|后)[^；;。\n])*)?$"
)
# The later old standards of a list being replaced (`由原来的50元、100元、300元、提高到…`): skipped to reach 提高.
_LATER_LISTED_AMOUNTS = re.compile(r"^(?:\s*[、和及与]\s*[\d.]+\s*(?:万)?元)*\s*[、，,]?\s*(?:分别|均)?")
CAP_BEFORE = re.compile(
    r"(?:最高|最多|上限|封顶|不超过|不高于|限额)[^，,。；;\d]{0,8}$"
)  # (`最高补助标准分别为`)
# A list of caps by kind after a colon (`年度最高补助标准为:日间照料中心14万元、服务中心9万元、服务站6万元`): the clause after
# it is caps, each of the kind named before it.
CAP_HEADER = re.compile(r"最高[^，,。；;\d:：]{0,10}[:：](?:[^。；;:：]*?[\d.]+\s*[万亿]?元\s*[，,、])*\s*$")
CAP_AFTER = re.compile(r"^(?:及)?(?:以下|以内)|^为(?:上限|限)")  # (`以每餐15元为上限`)
# A sentence that opens with `其中` continues the sentence before it, also across a line break: its amounts
# are the parts of the total before (`共下达资金3600万元。\n其中，因素法分配资金3000万元…`), each a row of its
# own (a distinct amount going to someone, as DATA_CONTRACT counts, and as the blind annotators of
# heldout_real4, 6, 8 and 13 wrote them), or the amounts of a provision without one (`…给予一次性入职奖励。\n
# 其中本科及以上学历3万元…`).
OPENS_WITH_PART = re.compile(r"^\s*其中")
PART_AFTER = re.compile(r"其中")  # between a total and its parts
PART_CLAUSE = re.compile(r"[，,；;]\s*其中")  # a clause about a part of what the clause before gives
# A recipient described as being built (`新建、改扩建的社会办养老机构`): its money is for building, though a provider
# receives it.
BUILT_RECIPIENT = re.compile(r"新建|改扩建|扩建|改建|新增床位")
# The clause after an amount that says what it is for (`…1万元,用于新建床位的一次性补助`).
PURPOSE_CLAUSE_AFTER = re.compile(r"\s*(?:主要|专项|全部)?(?:用于|作为)")
# A lower level's matching share (`在省财政…建设补助6500元的基础上,市财政配套补贴每张床位3500元`): money of the
# instrument it matches, named in an earlier clause.
MATCHING_SHARE = re.compile(r"配套")
# The beds counted before the instrument (`按核定床位给予一次性建设补助6500元`): money per bed.
BEDS_MEASURED_BEFORE = re.compile(r"按(?:核定|实际|新增|实有)?的?(?:养老)?床位(?:数)?[^，,。；;\d]{0,12}$")

# basis: what the amount is per. Looked up in the clause before the figure.
BASIS_CUES: list[tuple[str, str]] = [
    (r"每床|每张|/床|床位数|按床|每[^，,。；;]{0,6}床位", "bed"),
    (r"每户|/户|户均", "household"),
    # meal only in a sentence about meals, see _basis
    (r"每餐|/餐|每人每次|每人次|每单|每份", "meal"),
    (r"每人|/人|人均", "person"),
    (r"每个项目|每项|/项", "project"),
    (r"每(?:家|所|处|座|间|个)", "facility"),
]
FREQUENCY_CUES: list[tuple[str, str]] = [
    (r"一次性", "one_off"),
    (r"每月|按月|/月|月度|月标准", "monthly"),
    (r"每天|每日|/天|/日", "daily"),
    (r"每餐|/餐", "per_meal"),
    (r"每年|年度|按年|/年|每年度|年标准", "annual"),
]

# Recipients: the noun phrase the money goes to. Patterns in order of preference;
# within a pattern the last match before the figure wins.
RECIPIENT_PATTERNS: list[str] = [
    # 为…提供送餐上门服务的助餐点: the provider, not the people it serves
    # (or 为…服务的长者饭堂: `为长者助餐补贴对象服务的长者饭堂,以2元/人次的标准给予运营补贴`)
    # (after 对 too: `对为老年人提供助餐、助浴服务的服务机构,助餐按3元/人次…`)
    r"(?:^|[，,：:])(?:对)?(?P<r>(?:为|向)[^，,。；;]{2,40}?(?:提供[^，,。；;]{1,20}?|服务)的[^，,。；;的]{0,10}?(?:"
    r"中心|站|院|点|机构|食堂|饭堂|企业|组织|单位))[，,]",
    # (the giver may stand between: `对…日间照料中心,县财政给予6万元的建设补助`)
    # (a condition may join a second with `,以及`: `对生活长期不能自理…的,以及…重度残疾的低保老年人,每人每月…`)
    # (and how it is measured may stand between: `对…的养老机构,根据收住的…失能老年人数量及入住时间进行奖补`)
    # (a higher level's share may stand first, and the figure may be in it: `对…的新建养老机构,在省财政按核定床位给予
    # 一次性建设补助6500元的基础上,市财政配套补贴每张床位3500元`)
    # (a start date may open it: `对自2022年起,市区新建、提升改建的老年食堂、老年助餐服务点,由市级财政分别给予…`)
    # (not 对接, 对象, 对标…; after 对于 any word: `对于接收本区户籍老年人的机构,…给予`)
    r"对(?:于(?!您|你|上述|此|这|该|以上)|(?![象于接标比外应照称口]))(?:自?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?起[，,]?)?"
    r"(?P<r>(?:[^，,。；;]|[，,](?=以及|或者)){2,90}?)[，,]?"
    # (a condition on them may stand between: `对…非营利性养老机构,自建或购买用房兴办30张床位以上且运营满一年的,分别按…`)
    r"(?:(?<=[，,])[^，,。；;]{2,40}?的[，,](?=分别|按|给予|予以|由))?"
    r"(?:在[^，,。；;]{0,60}?基础上[，,]?)?"
    r"(?:根据[^，,。；;]{2,40}?)?"
    # (how much is left to judgment: `…,视情况给予一定的运营补助`, `在省补助的基础上县财政适当予以补助`)
    r"(?:(?:在|由)?(?:[省市县区]级?(?:财政|资金|福利彩票公益金|彩票公益金|福利金)|[省市县区]政府))?(?:配套)?(?:视情况|酌情|适当|相应)?(?:(?:补贴|补助)(?=每))?"
    # (what is reviewed is no recipient: `对申领材料进行审核`)
    # (not 按 that qualifies who: `对中心城区按标准建设、依规定运营的…养老机构`)
    r"(?:(?:按照|按)(?!(?:规划|标准|规定|要求|规范|有关|相关)[^，,。；;\d]{0,30}?"
    r"(?:建设|运营|设立|兴办|举办|认定|建成|改造|备案)[^，,。；;\d]{0,20}?的)|每|给予|予以|(?:均可以|均可|都可|将|可以|可|均)?享受|一次性|分别(?!在|达|是)|实行|(?:免费|统一|全面|分类|集中|逐步|按月)?实施"
    r"|进行(?!审核|审查|核查|核实|复核|检查|督查|评估|考核|验收|评审|公示|监督|摸底|排查|调查|统计)|发放|奖励|奖补"
    r"|(?:共|累计)?拨付了?)",  # (`对全市308个服务中心(站)共拨付了95.6万元运转经费`)
    # (享受低保, 享受特困供养: a status the group has, not the money: `…户籍且享受城乡低保的…老年人`)
    r"(?:^|[，,])(?P<r>[^，,。；;]{2,60}?)(?:[，,]\s*(?:可|可以|均|分别)|(?<![未不没])(?:均可以|均可|都可|可以|可)?)(?:申请)?(?<![未不没])享受"
    r"(?!(?:城乡低保|城乡最低生活保障|低保|最低生活保障|特困(?:人员)?供养|分散供养|集中供养)(?:待遇|政策)?(?:的|[，,]|$))",
    r"向(?P<r>[^，,。；;]{2,30}?)购买",
    # (not a second instrument of a list: `给予建设补助、开办补助9万元`)
    r"(?:奖励|补助|资助)(?!共计|合计|总计|小计|补贴|补助|津贴|资金)(?P<r>[^，,。；;\d]{2,20}?)(?<!补助)(?<!补贴)(?<!奖励)(?<!资金)"
    r"(?=(?:\d|[一二两三四五六七八九十])[^，,。；;]{0,8}?元)",
    # (not who a provider serves: `为…高龄老年人提供送餐上门服务的,每份给予2元`, the provider is paid)
    # (a rate may stand between: `为我区60周岁以上…的老人每人每月发放50元养老补贴`)
    r"为(?P<r>[^，,。；;]{2,40}?)(?:每(?:人|户|月|年)){0,2}(?:购买|发放|提供|建设|改造)(?![^，,。；;]*的[，,])",
    # a condition clause ending in 的, then who gives or how much (`工作满10年的,给予一次性奖励补贴1万元`,
    # `初次取得…证书的,由宜昌市民政局按照2000元/人的标准给予补贴`)
    # (not who cares for them: `…,由其家庭成员照料的,每人每月给予300元`)
    r"(?:^|[，,；;])(?P<r>(?!由)[^，,。；;]{0,50}?(?:人员|老年人|老人|护理员|毕业生|家庭|机构|中心|站|托老所|之家[”\"]?|岗位工作满[^，,。；;]{1,12})"
    r"[^，,。；;]{0,20}?的)[，,]\s*(?:可|均|将)?(?:由[^，,。；;]{2,16}?)?(?:每(?:份|餐))?"
    r"(?:按照|按|一次性给予|给予|发放|奖励)",
    # a list of what was granted, each item its recipient, the money's purpose and a count, then the sum
    # (`2023年度养老机构床位运营补助项目8个,共计60.91万元`, `2023年养老护理员岗位补助申请25人,共计11.43万元`)
    r"(?:^|[，,；;：:])\s*(?:\d{4}年度?)?(?P<r>[^，,。；;：:\d]{2,30}?)(?:补助|补贴|奖补|奖励)(?:资金)?(?:项目|申请)"
    r"\s*\d+\s*(?:个|人|家|户|张|名)[，,]\s*(?:共计|合计|总计|共)$",
    # who is entitled, in the form of a rule of eligibility (`凡具有…户籍且享受城乡低保的70-79周岁经济困难老年人,
    # 均可按规定每人每月领取50元`)
    r"凡(?:是)?(?P<r>[^，,。；;]{2,60}?)[，,]\s*(?:均|都|皆)?(?:可|可以|能|应)?(?:按规定|按照规定|按)?"
    r"(?:(?!不再|不能|不得|不予)[^，,。；;]){0,8}?(?<!不)(?:领取|享受|申领|获得)",
    # people named right before 给予, who are given it (`…满一年以上的养老护理员给予岗位补贴`)
    r"(?:^|[，,；;：:])\s*(?P<r>[^，,。；;：:]{2,60}?(?:护理员|老年人|老人|人员|家庭|毕业生))\s*(?:可)?给予",
    # the subject of a standard: who the instrument is for, then its standard (`社区老年食堂奖补政策为2-5万元/每个`,
    # `养老机构运营补贴标准为…`)
    r"(?:^|[，,；;：:])\s*(?:目前|现行|现在)?[，,]?(?P<r>[^，,。；;：:\d]{2,24}?(?:机构|中心|幸福院|敬老院|食堂|饭堂|助餐点|"
    # (or a standard named, then how it is counted: `养老机构责任保险费补贴标准,按养老机构入住老年人床位数,…`)
    r"老年人|老人|护理员))[^，,。；;：:\d]{0,6}?(?:奖补|补贴|补助|奖励|津贴)(?:资金)?(?:政策|标准)(?:为|是|[，,](?=按))",
    # who money is applied for or handed down to (`为3处日间照料中心、13处农村幸福院申请拨付…资金10万元`)
    r"(?<![作成认因行以])为(?P<r>[^，,。；;]{2,40}?(?<!资金|经费))(?:申请)?(?:拨付|下拨|下达|争取)",
    # a project or facility that obtains the money (`西区养老服务中心建设项目成功争取到中央预算内投资4489万元支持`)
    r"(?:^|[，,；;：:])\s*(?P<r>[^，,。；;：:\d]{2,30}?(?:项目|中心|机构|幸福院|敬老院|食堂|助餐点))\s*(?:成功)?"
    r"(?:获得?|争取到|获批)[^，,。；;\d]{0,12}?(?:资金|补助|补贴|奖励|投资|奖补)",
    # a project, facility or event named right before its amount (and what it was spent on), in a list of how a
    # fund was used (`中央彩票公益金支持社会福利事业项目12万元`, `其中社会福利院墙裙改造项目支出29.9938万元`,
    # `终南敬老院改造提升支出19.9983万元`, `2024年重阳节活动13.3万元`, `、护理员大赛2.7万元`)
    r"(?:^|[，,；;：:、]|其中)\s*(?:\d{4}年度?)?(?P<r>(?!其中)(?:(?!用于|安排|资金|财政|下达|拨付)[^，,。；;：:\d、]){2,30}?"
    r"(?:项目|院|中心|站|活动|大赛)(?!院|项目|站))"
    r"(?:[^，,。；;：:\d、]{0,8}?(?:支出|资金|经费))?(?:每(?:所|个|家|处|项))?\s*$",
    # a kind of provider named in the money's own name, right before its amount (`民办养老机构运营补贴495950元`,
    # `省级养老机构运营奖补资金766651元`, `乡镇敬老院冬季取暖补助1.5万元`): the providers are who get it
    r"(?P<r>(?:民办|公办|公建民营|社会办|城乡|乡镇|农村|城市|社区|区域性)?(?:养老机构|养老院|敬老院|福利院|老年公寓|护理院"
    # (not what each of a list obtains: `陆庄长者食堂·学堂、…及驿里长者食堂·学堂各获得补助资金1.1万元`)
    r"|日间照料中心|养老服务中心|幸福院|长者食堂|老年食堂|助餐点))(?:(?![各获])[^，,。；;：:\d、]){0,6}?(?:补贴|补助|奖补|奖励)"
    r"(?:资金|经费)?(?:共计|合计|共|为)?\s*$",
    # the people whose standard of support it is (`全州城乡特困人员基本生活标准统一提高到956元/人·月`, `城市特困人员供养标准由原来的
    # 每人每月560元提高到每人每月676元`, `A类保障对象补助水平提高到534元`, `一、二级困难残疾人生活补贴为277元`)
    r"(?:^|[，,；;：:。])\s*(?:\d{4}年[，,]?)?(?:全[省市州县区]|我[省市州县区])?"
    r"(?P<r>[^，,。；;：:\d]{2,20}?(?:人员|对象|孤儿|残疾人|老年人|老人|家庭))的?"
    r"(?:(?!机构|中心|院|站|食堂)[^，,。；;：:\d]){0,16}?"
    # (a standard: not a sum paid out, `全旗累计发放失能老人护理补贴18.6万元`)
    r"(?:基本生活保障|基本生活|救助供养|供养|生活|照料护理|护理)?(?:(?:补贴|补助)(?:标准|水平|(?=为))|标准|水平)(?:统一)?"
    r"(?:由[^，,。；;]{0,16}?)?(?:分别)?(?:提高到|提高至|调整为|调整到|为|是)?[^，,。；;\d]{0,6}$",
    # a provider, what it must meet, then each bed's amount (`非营利性养老机构用房自建的新增每张床位补贴1万元`)
    r"(?:^|[，,；;：:])\s*(?P<r>[^，,。；;：:\d]{2,20}?(?:机构|中心|幸福院|敬老院|养老院))(?:[^，,。；;：:\d]{0,12}?的)?(?:新增)?"
    r"(?:床位)?每(?:张|个)?(?:床位)?(?:每[月年])?(?:最高)?(?:补贴|补助|奖励|给予)[^，,。；;\d]{0,4}$",
    # a provider whose amount is a share of another's standard (`营利性养老机构按非营利性养老机构补贴标准的80%予以补贴`)
    r"(?:^|[，,；;：:])\s*(?P<r>[^，,。；;：:\d]{2,20}?(?:机构|中心|幸福院|敬老院|养老院))(?:按|按照)[^，,。；;\d]{2,24}$",
    # the subject of the figure's clause that may obtain it (`…,运营机构可获得每月3000元的运营补助`)
    # (not who cares for them: `子女照顾失能老人每月可领取补贴200元`)
    r"(?:^|[，,；;：:])\s*(?P<r>(?:(?!照顾|照护|护理|为|向|给)[^，,。；;：:\d]){2,20}?"
    r"(?:机构|中心|幸福院|敬老院|养老院|食堂|助餐点|人员|老年人|老人|护理员|家庭))"
    r"(?:每月|每年)?(?:可|均可|可以)(?:获得|领取|获)[^，,。；;\d]{0,8}$",
    # a provider or its beds named in the clause right before `,给予` (`其中,由政府投资新建或购置建设并形成产权的养老机构,
    # 给予每张床位3万元一次性建设补贴`): who is given it
    # (or after a higher level's share: `…达到前述条件的养老机构,在省财政按核定床位给予一次性改造补助3000元的基础上,
    # 市财政配套补助每张床位900元`)
    # (and the conditions it must meet, each a `…的,` clause: `新建、改扩建(租赁经营)的社会办养老机构,完成备案、且正常运营
    # 满1年的,床位数 300 张以下的,按每张床位 2000 元给予`)
    r"(?:^|[，,；;：:])\s*(?:其中[，,]?\s*)?(?:由|对)?(?P<r>[^，,。；;：:]{2,60}?(?:机构|中心|幸福院|敬老院|养老院|床位)"
    r"(?:[(（][^()（）]{1,12}[)）])?)"
    r"[，,]\s*(?:(?:[^，,。；;：:(（]|[(（][^()（）]*[)）]){2,80}?的[，,]\s*){0,3}"
    r"(?:在[^，,。；;]{0,60}?基础上[，,]\s*)?(?:在?[省市县区]级?财政(?:配套)?(?:按[^，,。；;\d]{0,8}?)?)?"
    r"(?:(?:可)?(?:一次性)?(?:给予|(?<=配套)(?:补助|补贴))[^，,。；;\d]{0,12}|按(?:照)?每[^，,。；;\d]{0,8})$",
    # the subject of a clause that gives, parallel to a `对…给予` clause before it (`对自建产权用房新办给予每张床位一次性
    # 建设补助10000元,租赁用房新办给予每张床位一次性建设补助5000元`): not a giver, an adverb or a condition's 的
    # (not a condition or a time: `验收合格后`, `运营满一年`, `视运营情况`, `年度考核优秀`, `其中护理型床位`; nor a level, `区级`)
    r"(?:^|[，,；;])\s*(?!由)(?![^，,。；;：:]{0,8}(?:财政|政府|民政|部门|局|委|公益金|福利金))"
    r"(?!一次性|分别|每年|同时|另|还|再|并|均|可|按|视|其中|年度|首次|经|待|运营满|服务满)"
    r"(?P<r>[^，,。；;：:\d的]{2,20}?)(?<!后)(?<!合格)(?<!优秀)(?<!良好)(?<!情况)(?<!级)(?<!年)给予(?=每|一次性)",
    # the group a system or its rate is put in place for (`我区实施80-89周岁老年人普惠制度,标准每人每月50元`,
    # `实施低保户中80-89困难老人每人每月50元`)
    r"(?:实施|实行)(?P<r>[^，,。；;：:]{2,30}?(?:老年人|老人|人员|家庭))(?=[^，,。；;]{0,8}?(?:制度|政策)|每(?:人|户))",
    # the people an instrument is for, named before it and its standard (`为低保户中经济困难高龄、失能老年人养老服务补贴、
    # 护理补贴按照每人每月不低于100元标准`)
    r"为(?P<r>[^，,。；;]{2,40}?(?:老年人|老人|人员|家庭|对象))的?[^，,。；;\d]{0,10}?(?:补贴|补助|津贴)"
    r"(?:[、和及][^，,。；;\d]{0,10}?(?:补贴|补助|津贴))*(?:按照|按|每)",
    # the group a standard is said to be, then how it is paid (`目前的补贴标准是60岁以上失能低收入老人,按每人每月400元标准…`)
    r"(?:补贴|补助|津贴|资助)标准(?:是|为)[:：]?\s*(?P<r>[^，,。；;：:]{2,30}?(?:老年人|老人|人员|家庭))[，,]\s*(?:按照|按|每)",
    # a provider named after 给予, then its rate (`给予养老机构每人每月140元的民办养老机构运营补贴`)
    r"给予(?!入住|在)(?P<r>[^，,。；;\d]{2,20}?(?:机构|中心|站|院|食堂|企业|组织))(?=每)",
    # each one built, then what each level gives for it (`每建设1所日间照料中心,在省级补助的基础上,市级补助10万元,
    # 县(区)补助不低于10万元`)
    r"每(?:建设|新建|建成|改造|新增|认定)(?:1|一)?(?:所|个|处|家|座)(?P<r>[^，,。；;\d]{2,20}?"
    r"(?:中心|站|院|点|机构|食堂|饭堂|幸福院|之家))[，,]",
    # the people named after 给予 in quotes, then their rate (`给予“养老护理资深技师”每人每月1000元的特殊岗位津贴`)
    r"给予[“\"](?![^”\"]*(?:补|奖|津贴|资助))(?P<r>[^，,。；;\d”\"]{2,20}?)[”\"](?=每)",
    # who meets the conditions, then what it may get (`居家养老服务机构符合相关条件者最高将获80万元一次性建设补贴`)
    r"(?:^|[，,；;])\s*(?P<r>[^，,。；;：:\d]{2,30}?(?:机构|中心|站|院|食堂|人员|老年人|老人|护理员))"
    r"符合[^，,。；;]{0,12}?(?:条件|要求|规定|标准)(?:的|者)?[^，,。；;\d]{0,6}?(?:获得?|享受|领取|给予)",
    # those chosen, then what each gets (`每年择优确定5个乡镇街道给予不少于30万元奖补`)
    r"(?:确定|选择|评选|遴选)\s*\d+\s*(?:个|家|所|名)(?P<r>[^，,。；;\d]{2,16}?)(?:给予|奖励|补助)",
    # the places a higher level pays a share of a cost to (`市级财政补助雁江区、高新区、临空经济区30%`)
    r"补助(?P<r>[^，,。；;\d%]{2,24}?(?:区|县|市))\s*$",
]
# A condition that opens with what it is about, then what it must meet (满, 达到, 经评估 …).
CONDITION_ABOUT = re.compile(
    r"^(?:按照|按|对)?(?P<h>[^，,。；;\d]{2,30}?(?:机构|中心|幸福院|互助养老院|敬老院|食堂|站))"
    r"(?=[^，,。；;]{0,8}?(?:满|达到|经|符合|运营|建筑面积|接收|收住|收养))"
)  # (`…非营利性养老机构接收本辖区户籍老年人且入住满一个月以上的(不含政府供养对象)`)
# The head noun of who receives money, ending a recipient phrase.
# (with the kind it may be instead: `城乡社区居家养老服务中心(站)`)
RECIPIENT_HEAD = re.compile(
    r"(?:机构|中心|站|老年人|老人|护理员|人员|幸福院|互助养老院|敬老院|食堂|家庭)(?:[(（][^()（）]{1,6}[)）])?$"
)
# A recipient phrase whose head noun is a provider (…提供送餐上门服务的助餐点): money for running it.
OPERATOR_RECIPIENT = re.compile(r"的(?:[^，,。；;的]{0,8}?)(?:机构|中心|站|点|食堂|饭堂|企业|组织)$")
# A clause that opens with its own recipient (`对…给予奖励`, `为…发放护理补贴`).
OPENING_RECIPIENT_CLAUSE = re.compile(r"\s*对[^，,。；;]{2,60}[，,]\s*$")
OWN_RECIPIENT_CLAUSE = re.compile(r"^\s*(?:对|为[^，,。；;]{2,40}?(?:发放|提供|购买|落实))")
# A clause that puts the money of the sentence into a budget (`…给予运营补贴，所需资金由县财政列入年度预算`):
# the budget line is a provision of its own.
BUDGETED_CLAUSE = re.compile(
    r"^\s*(?:所需|相关|上述)?(?:资金|经费)[^，,。；;]{0,10}?(?:列入|纳入)[^，,。；;]{0,6}预算"
)
# (an aside may follow it: `新建床位达到300张以上、运营1年以上的(含300张,下同),给予…`)
CONDITION_CLAUSE = re.compile(r"^\s*(?P<c>[^，,。；;：:]{2,30}?的)(?:[(（][^()（）]{0,20}[)）])?[，,]")
# …or after 对 in a later clause, the noun left out before how it is paid (`…;对租赁用房、公建民营且租用期5年以上的分别按
# 核定床位每张750元…`): the same kind of recipient as the clause before
HEADLESS_AFTER_DUI = re.compile(
    r"(?:^|[，,；;])\s*对(?P<c>[^，,。；;：:]{2,40}?的)(?=分别|按|给予|予以|每)[^，,。；;]*$"
)
FACILITY_WORDS = r"中心|站|院|所|室|点|机构|食堂|饭堂|企业|公司|组织|单位|社区|村|项目|网点"
WORKER_WORDS = r"护理员|从业人员|工作人员|护理人员|毕业生|社会工作者"
# The verb by which a group may have the money, ending the words before an amount (`100岁可享受每月500元`): not part
# of who has it.
MAY_HAVE_END = re.compile(r"(?:还|也|亦|均|都)?(?:可以|可|能)?(?:申请)?(?:享受|享有|享|领取|获得|申领)$")
# What a group does where, said after it (`对年满60岁以上老年人在老年食堂用餐,可享受每餐3元的补助`): not part of the name.
GROUP_DOING = re.compile(
    r"(?<=年人|老人|人员)在[^，,。；;]{2,16}?(?:用餐|就餐|入住|居住|养老|托养)(?=[，,]|$)"
)
# The verb that raises the group named to the amount (`其他对象调标至500元`): no part of who (a grade's raise,
# `三档(具备生活自理能力)提高到299元`, is recipients.py's).
RAISED_TO_END = re.compile(
    r"(?<=对象|人员|老人|年人|家庭)(?:的?(?:补贴|补助|津贴)?标准)?(?:调标|提标|调整|提高|上调)(?:至|到|为)$"
)
# What the money is for, said after who gets it (`养老机构床位运营补助`, `养老护理员岗位补助`): not part of the name.
PURPOSE_AFTER_RECIPIENT = re.compile(
    rf"(?<=.)({FACILITY_WORDS}|{WORKER_WORDS}|床位|服务)(?:床位|社区)?(?:改扩建|新建|建设|运营服务|运营|运行|岗位)$"
)

# ---------------------------------------------------------------------------
# Patterns for figures
# ---------------------------------------------------------------------------

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
CN_NUMBER = rf"[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?"
UNITS = r"千万元|百万元|万元|亿元|千元|元|万|亿"
UNIT_FACTORS = {
    "千万元": 1e7,
    "百万元": 1e6,
    "万元": 1e4,
    "亿元": 1e8,
    "千元": 1e3,
    "元": 1,
    "万": 1e4,
    "亿": 1e8,
}
# A number not right after another: `(?<![\d.…])` written after each number's first character (not_after).
_NUMBER_CHARS = rf"\d.{CN_DIGITS}"
AMOUNT_RE = re.compile(
    rf"(?:(?P<num>{prefilter.not_after(_NUMBER_CHARS, ARABIC_NUMBER)})"
    rf"|(?P<cn>{prefilter.not_after(_NUMBER_CHARS, CN_NUMBER)}))"
    rf"\s*(?:[(（](?P<alt>{ARABIC_NUMBER}|{CN_NUMBER})[)）])?"
    rf"\s*(?:余|多)?(?P<unit>{UNITS})"  # `460余万元`: the figure it is more than
    rf"(?:[(（](?P<alt2>{ARABIC_NUMBER})\s*(?P=unit)[)）])?"
    r"(?![化素旦宵])"
)
# After a bare 万/亿 (no 元) the amount must continue like money, not `85万注册志愿者` or `1.84万人`.
# (or it is the low end of a range of money: `给予50万到80万元的一次性建设补贴`)
BARE_UNIT_NEXT = re.compile(
    rf"^(?:资金|经费|的|元|左右|用于|补|奖|扶持|[)）(（，,。；;、]|$|(?:至|到|-|—|~|～|－)\s*{ARABIC_NUMBER}\s*[万亿]元)"
)
RANGE_BEFORE = re.compile(rf"(?:{ARABIC_NUMBER}|{CN_NUMBER})\s*(?:{UNITS})?\s*(?:至|到|-|—|~|～|－)\s*$")
RANGE_AFTER = re.compile(rf"^\s*(?:至|到|-|—|~|～|－)\s*(?:{ARABIC_NUMBER}|{CN_NUMBER})")
# A range of money (`50元至1000元`, `3元至5元`, `5至10万元`) gives a row for each end, as a list does:
# the gap between its two amounts, and the unit-less low end written before the high one.
RANGE_GAP = re.compile(r"^\s*(?:至|到|-|—|~|～|－)\s*$")
RANGE_LOW_END = re.compile(
    rf"(?<![\d.{CN_DIGITS}])(?P<low>{ARABIC_NUMBER}|{CN_NUMBER})\s*(?:至|到|-|—|~|～|－)\s*$"
)
# A capture that dropped the 元 (and 人) of a standard (`中级养老护理员600/月`, `调标至100//月`): the bare figure
# right before `/月` or `//月` is still yuan a month.
LOST_YUAN = re.compile(rf"(?<![\d.,/{CN_DIGITS}])(?P<num>{ARABIC_NUMBER})(?=/{{1,2}}(?:人/)?月)")
# …not a count a month in its clause (`探访频次不少于4/月`, `服务频次8/月`).
LOST_YUAN_COUNT = re.compile(r"频次|次数|频率|时长|小时|探访|巡访|上门|次")
LIST_GAP = re.compile(r"^\s*(?:/\s*[月年天日]\s*)?(?:和|、|或|及|与)\s*$")  # (`300元/月、100元/月`)
RATE_RE = re.compile(
    rf"(?P<pct>{ARABIC_NUMBER})\s*[%％]|(?P<frac>(?:百分之|千分之)[{CN_DIGITS}\d.]+|[{CN_DIGITS}\d.]+分之[{CN_DIGITS}\d.]+)"
)

SENTENCE_END = "。；;！？!?|"
HEADING_MAX = 24  # characters: a longer sentence without clauses is still a sentence
HEADING_NUMBER = re.compile(
    r"^(?:第[一二三四五六七八九十百零]+[章节]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:、|[.．](?!\d))|\d{1,2}[.．](?=(?:19|20)\d\d年))"
)
CLAUSE_END = "，,：:"
TRIM = " \t\u3000\xa0，,。；;：:、|"


# ---------------------------------------------------------------------------
# Text positions: spaces next to Chinese text are skipped, offsets map back.
# ---------------------------------------------------------------------------


def _compact(text: str) -> tuple[str, list[int]]:
    """Text without the spaces a PDF puts between Chinese characters, and each character's original index."""
    spaces = " \t\u3000\xa0"
    chars: list[str] = []
    index: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in spaces:
            j = i - 1
            while j >= 0 and text[j] in spaces:
                j -= 1
            k = i + 1
            while k < n and text[k] in spaces:
                k += 1
            prev_ch = text[j] if j >= 0 else ""
            next_ch = text[k] if k < n else ""
            if not (prev_ch.isascii() and prev_ch.isalnum() and next_ch.isascii() and next_ch.isalnum()):
                continue
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


@dataclass
class Sentence:
    """A sentence of the compact text with its clauses, so rules can look within one clause."""

    start: int  # in the compact text
    text: str
    paragraph: int

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        """Start and end (sentence-relative) of the clause around sentence position `pos`."""
        text = self.text
        if not 0 <= pos <= len(text):
            return self._clause_bounds_stepwise(pos)
        a = pos  # after the last clause end before `pos` that is not a thousands separator
        while (k := max(text.rfind(end, 0, a) for end in CLAUSE_END)) >= 0 and _thousands_comma(text, k):
            a = k
        a = k + 1
        b = pos  # the first one from `pos` on
        while (found := _CLAUSE_END_RE.search(text, b)) and _thousands_comma(text, found.start()):
            b = found.start() + 1
        return a, found.start() if found else len(text)

    def _clause_bounds_stepwise(self, pos: int) -> tuple[int, int]:
        """`clause_bounds` a character at a time, as first written (for a position outside the sentence)."""
        a = pos
        while a > 0 and (self.text[a - 1] not in CLAUSE_END or _thousands_comma(self.text, a - 1)):
            a -= 1
        b = pos
        while b < len(self.text) and (self.text[b] not in CLAUSE_END or _thousands_comma(self.text, b)):
            b += 1
        return a, b


def _thousands_comma(text: str, i: int) -> bool:
    """Whether text[i] separates thousands inside a number (`3,700.61万元`) rather than clauses."""
    return _THOUSANDS_SEPARATOR_RE.match(text, i) is not None


_THOUSANDS_SEPARATOR_RE = re.compile(THOUSANDS_SEPARATOR)
_CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")


_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_RE = re.compile(rf"[^{re.escape(SENTENCE_END)}]+[{re.escape(SENTENCE_END)}]?")


def _sentences(compact: str) -> list[Sentence]:
    out = []
    for p, m in enumerate(_LINE_RE.finditer(compact)):
        for s in _SENTENCE_RE.finditer(m.group()):
            body = s.group()
            if body.strip(TRIM):
                out.append(Sentence(m.start() + s.start(), body, p))
    return out


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


@dataclass
class Amount:
    """A money figure in a sentence: its value(s) and whether it was written without 元."""

    start: int  # sentence-relative
    end: int
    values: list[float]  # the value and its bracketed alternative, if any
    bare: bool  # 万/亿 without 元


@dataclass
class Row:
    """A subsidy row while it is being built, in compact-text offsets."""

    kinds: tuple[str, ...]
    start: int  # compact offsets of the quote
    end: int
    amount: float | None = None
    rate: float | None = None
    cap: float | None = None
    recipient: str | None = None
    basis: str | None = None
    frequency: str = "unspecified"
    anchor: int = 0  # compact offset of the figure or mention, for ordering
    extras: dict = field(default_factory=dict)


def _number(token: str) -> float | None:
    if re.fullmatch(ARABIC_NUMBER, token):
        return parse_number(token)
    if not re.search(r"[一二两三四五六七八九十]", token):
        return None
    return chinese_to_number(token)


def _amounts(sentence: str) -> list[Amount]:
    out = []
    for m in _AMOUNT_SCAN.finditer(sentence):
        unit = m.group("unit")
        bare = unit in ("万", "亿")
        if bare and not BARE_UNIT_NEXT.match(sentence[m.end() :]):
            continue
        first = _number(m.group("num") or m.group("cn"))
        if first is None or first <= 0:
            continue
        values = [first]
        for alt in (m.group("alt"), m.group("alt2")):
            if alt:
                value = _number(alt)
                if value is None:
                    break
                values.append(value)
        factor = UNIT_FACTORS[unit]
        low = RANGE_LOW_END.search(sentence, 0, m.start()) if len(values) == 1 else None
        low_value = _number(low.group("low")) if low else None
        if low and low_value and low_value < first and (not out or out[-1].end <= low.start()):
            out.append(Amount(low.start(), low.end("low"), [round(low_value * factor, 2)], bare))
        out.append(Amount(m.start(), m.end(), [round(v * factor, 2) for v in values], bare))
    if "/月" in sentence:
        out.extend(_lost_yuan_amounts(sentence, out))
        out.sort(key=lambda a: a.start)
    return out


def _lost_yuan_amounts(sentence: str, found: list[Amount]) -> list[Amount]:
    out = []
    for m in LOST_YUAN.finditer(sentence):
        value = parse_number(m.group("num"))
        clause = re.split(r"[，,；;：:。]", sentence[: m.start()])[-1]
        if LOST_YUAN_COUNT.search(clause):
            continue
        if value and not any(a.start <= m.start() < a.end for a in found):
            out.append(Amount(m.start(), m.end(), [value], False))
    return out


# What every quoted or restated proposal holds (a cheap look before QUOTED_PROPOSAL's alternation, issue 16).
_PROPOSAL_GATE = re.compile(r"“|建议|提出|提议|提案|意见|诉求")


@functools.lru_cache(maxsize=4096)
def _quoted_proposals(sentence: str) -> tuple[tuple[int, int], ...]:
    if not _PROPOSAL_GATE.search(sentence):
        return ()
    return tuple(
        m.span(g)
        for m in _QUOTED_PROPOSAL_SCAN.finditer(sentence)
        for g in ("a", "b", "c", "d")
        if m.group(g)
    )


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _rates(sentence: str) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    ceiling = 100.0
    for m in _RATE_SCAN.finditer(sentence):
        # (the later rates of a list need no word of their own: `补助标准分别上浮50%、100%、200%`)
        if not (out and LIST_GAP.match(sentence[out[-1][1] : m.start()])):
            before = sentence[: m.start()].rstrip()
            if not RATE_BEFORE.search(before) and not (
                RATE_OF_WHAT_BEFORE.search(before) and RATE_OF_WHAT_AFTER.match(sentence[m.end() :])
            ):
                continue
            ceiling = 1000.0 if RATE_UPLIFT.search(before) else 100.0  # a rise may double a standard or more
        value = parse_number(m.group("pct")) if m.group("pct") else parse_fraction_percent(m.group("frac"))
        if value is not None and 0 < value <= ceiling:
            out.append((m.start(), m.end(), value))
    return out


def _first_rule(rules: list[tuple[str, object]], text: str):
    for pattern, value in rules:
        if _compiled(pattern).search(text):
            return value
    return None


_COMPILED: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    """A rule table's pattern compiled once (`re.search(pattern, …)` looks it up in re's cache at every call)."""
    found = _COMPILED.get(pattern)
    if found is None:
        found = _COMPILED[pattern] = re.compile(pattern)
    return found


# A phrase that is only a time (`2024年第一季度`, `2月份`) names no recipient.
TIME_ONLY = re.compile(r"(?:\d{4}年度?)?(?:第[一二三四]季度|[上下]半年|\d{1,2}月份?|全年|年度)?")
# An activity is what money is for, never who receives it.
ACTIVITY_ONLY = re.compile(
    r"(?:日常)?(?:运营|运行|建设|新建|改建|扩建|改造|装修|提升|开办)(?:[和与及、](?:运营|运行|建设|改造))?"
)
# `为` + one of these opens a purpose (in order to…), not the people money is paid to.
PURPOSE_OPENING = re.compile(
    r"(?:全面|进一步|认真|切实)?(?:推进|促进|推动|加快|实现|保障|提升|落实|贯彻|确保|满足|解决"
    r"|加强|完善|做好|改善|健全|规范|强化|深化|优化|扩大|增强|提高|支持|鼓励)"
)


@functools.lru_cache(maxsize=8192)
def _recipient(text: str) -> str | None:
    """The recipient phrase in `text` (the text before a figure, or around a mention); cached: a sentence's figures
    read the same words again (issue 16)."""
    for pattern in RECIPIENT_PATTERNS:
        for m in reversed(list(_compiled(pattern).finditer(text))):
            if text.count("《", 0, m.start("r")) > text.count("》", 0, m.start("r")):
                continue  # in a title cited (`按照《关于为60岁以上老年人发放养老补贴的有关规定》`): no one paid here
            phrase = m.group("r").strip(TRIM)
            phrase = re.sub(
                r"^(?:第[一二三四五六七八九十百零]+条|[①②③④⑤⑥⑦⑧⑨⑩])?\s*"
                r"(?:对于|对|给予|(?:为|向)(?![^，,。；;]{2,40}?(?:提供|服务)[^，,。；;]{0,20}?的))?",
                "",
                phrase,
            )
            if (pattern.startswith("为") or "提供" in pattern) and PURPOSE_OPENING.match(phrase):
                continue  # `为推进…提供了支撑`, `为全面落实《…条例》…发放`: a purpose, not who receives
            phrase = re.sub(r"^(?:探索|鼓励|支持|推动|引导|推进|建立|完善|落实)", "", phrase)
            phrase = re.sub(
                r"^(?:补贴|补助|发放|救助|资助|保障|服务)?对象(?:为|是)[:：]?", "", phrase
            )  # (a label)
            if re.fullmatch(r"自己|自身|本人|其|免费|无偿|优先|自愿", phrase) or re.search(
                r"(?:自付|自费)的方式|全额自付", phrase
            ):
                continue  # `老年人为自己购买`: the buyer, not a recipient; `免费享受`: how, not who; `…以全额自付的方式享受`
            if TIME_ONLY.fullmatch(phrase) or re.fullmatch(r"(?:分别|均|都|各|也|亦|还|可|则)+", phrase):
                continue  # `2024年第一季度享受高龄津贴政策…`: when, not who; `…人员,分别享受3万元…`: how, not who
            if (
                m.group().endswith("享受")  # the verb the pattern matched, not one it may match
                and not pattern.startswith("凡")  # who 凡… entitles is a whole description, kept
                and not re.search(r"[，,]\s*(?:可|可以|均)?(?:申请)?享受$", m.group())
            ):
                # the subject: 运营机构为老年人提供…可享受 → 运营机构 (a whole clause before `,可享受` is kept)
                phrase = re.sub(
                    r"(?<=.)(?:为|按|通过|根据|依据).*$", "", phrase
                )  # 运营机构为老年人提供…享受 → 运营机构
            phrase = re.sub(
                r"(?:应当|可以|要|应|可|将|再|又|还|另|另行|(?<!予)以)$", "", phrase
            )  # 对…用人单位要给予 → 用人单位
            phrase = re.sub(r"的$", "", phrase)
            phrase = RAISED_TO_END.sub("", phrase)  # 其他对象调标至(500元) → 其他对象
            phrase = re.sub(
                r"(?<=.{2})(?:年度|全年|每年|每月)$", "", phrase
            )  # …高龄老人年度发放: when, not who
            # who gives, after who gets (`公办和民办养老机构新增床位省级财政给予…`)
            phrase = re.sub(
                r"(?<=.{2})(?:[省市县区]级?|各级|本级)财政$", "", phrase
            )  # (a 县级政府 may be paid)
            phrase = GROUP_DOING.sub("", phrase)  # 对年满60岁以上老年人在老年食堂用餐 → 年满60岁以上老年人
            phrase = PURPOSE_AFTER_RECIPIENT.sub(r"\1", phrase)  # 养老机构床位运营(补助) → 养老机构
            if ACTIVITY_ONLY.fullmatch(phrase):
                continue  # `对…食堂建设给予3-10万元补贴,对运营给予最高3.5万元的补贴`: what for; who, said before
            # a rule of enjoying (`享受就高、不重复享受原则`) names no one
            # nor does a rate (`补助费从每人每月200元…`: 费从每人每月)
            # (a phrase that ends with who receives may hold the numbers of its eligibility: `养老床位20张以上、
            # 符合规定资质条件的民办和公建民营养老机构`)
            # the home of a household (`对…老年人家庭内居住环境进行适老化改造`) is what is worked on; the household is paid
            phrase = re.sub(r"(?<=家庭)内?的?(?:居住环境|住房|住宅|房屋|居室|居所)$", "", phrase)
            # how many of them there are (`为700余名60周岁以上…老年人提供…`) is no part of who they are
            phrase = HEAD_COUNT_RE.sub("", phrase)
            headed = RECIPIENT_HEAD.search(phrase)
            if len(phrase) >= 2 and not re.search(
                r"就高|不重复|原则|每(?:人|月|年|户|床|张|餐)|^[费金]"
                + ("" if headed else rf"|{ARABIC_NUMBER}\s*(?:{UNITS})|标准|按照|规定"),
                phrase,
            ):
                return phrase
            # a condition about a facility (`按照村(社区)居家养老服务照料中心运营满10个月经评估达到星级标准`):
            # the facility it is about
            about = CONDITION_ABOUT.match(phrase)
            if about:
                return about.group("h")
    return None


# A group, then its instrument's standards after a colon (`符合条件的养老护理岗位工作人员学费补偿标准为:…毕业生…工作满3年的,
# 给予一次性学费补偿3000元`): each `…的,` item after it is a condition of that group.
LEAD_GROUP = re.compile(
    r"(?P<g>[^，,。；;：:\d]{2,40}?(?:人员|护理员|老年人|老人|机构|中心))[^，,。；;：:\d]{0,8}?"
    r"(?:补贴|补助|补偿|奖补|奖励|津贴)标准(?:为|是)?[:：]"
)


_LEAD_GROUP_GUARDED = guarded(LEAD_GROUP)  # (searched only where `标准` stands before the figure)


def _of_the_lead_group(text: str, at: int, recipient: str | None) -> str | None:
    """A recipient read from an item under LEAD_GROUP, named with the group (`…工作满3年的养老护理岗位工作人员`); not a
    recipient with a head noun of its own, nor a group that only refers back (`对上述人员的奖励标准为:`)."""
    if not recipient or re.search(rf"(?:{WORKER_WORDS}|人员|老年人|老人|家庭|机构|中心)$", recipient):
        return recipient
    lead = next(reversed(list(_LEAD_GROUP_GUARDED.finditer(text, 0, at))), None)
    if not lead:
        return recipient
    group = re.sub(r"^(?:符合条件的|符合规定的)", "", lead.group("g").strip(TRIM))
    if (
        group in recipient
        or text.find(recipient, lead.end(), at) < 0
        or re.search(r"上述|以上|前款|该", group)
    ):
        return recipient
    return f"{recipient}的{group}"


def _nearest_recipient(sent: Sentence, at: int) -> str | None:
    """The recipient named nearest before the figure: in its own clause, then in it and the clause before, then
    anywhere before it in the sentence (`对…老年人在老年食堂用餐,可享受每餐3元的补助,运营机构可获得每月3000元…,为…提供
    送餐上门服务的,每份给予2元…`: the operator, then the provider, not the older people of the 对 clause)."""
    text = sent.text
    c_open = sent.clause_bounds(at)[0]
    if c_open > 0:
        found = _recipient(text[c_open:at])
        c_before = sent.clause_bounds(c_open - 1)[0]
        found = found or (_recipient(text[c_before:at]) if c_before > 0 else None)
        if found:
            return found
    return _recipient(text[:at])


def _tier(before: str, earlier: str | None) -> tuple[str, str] | None:
    """`经培训合格…的养老护理员给予岗位补贴。满1年不足5年的,每人每月补贴100元;满5年不足10年的,…150元`: a
    sentence that opens with a `…的` condition after the sentence naming who is paid gives that recipient
    the amount at that condition (`满1年不足5年`); the items of its `；` list after it, theirs."""
    m = CONDITION_CLAUSE.match(before)
    if not m or not earlier:
        return None
    condition = re.sub(r"^对(?:于)?", "", m.group("c").strip(TRIM)[:-1].strip(TRIM))
    if len(condition) < 2 or ELIGIBILITY_ONLY.fullmatch(condition):
        return None  # `符合条件的,每张床位补贴1万元`: who qualifies, not a tier of the amount
    return condition, earlier


#: The head noun at the end of a recipient (`…的养老机构` → 养老机构): what a `…的` condition is about.
_HEAD_NOUN = re.compile(rf"(?:[^的]{{0,6}}?(?:{FACILITY_WORDS}|人员|老年人|人))$")
_LAST_ASIDE = re.compile(r"[(（][^()（）]*[)）]$")


def _head_noun(recipient: str) -> str | None:
    """The head noun of a recipient, past a closing aside (`…日间照料中心(1类1600平方、…)` → 日间照料中心)."""
    m = _HEAD_NOUN.search(_LAST_ASIDE.sub("", recipient))
    return m.group() if m else None


def _condition_recipient(before: str, earlier: str | None) -> str | None:
    """`…养老机构…；收住半失能老年人的，按每人每月150元…` where the condition is no tier: the condition with the
    head noun of the recipient of the sentence before (收住半失能老年人的养老机构)."""
    m = CONDITION_CLAUSE.match(before)
    if not m or not earlier:
        return None
    return m.group("c") + (_head_noun(earlier) or earlier)


def _single_tiers(figure_rows: list[list[Row]]) -> None:
    """A tier is a condition among several: a `…的,` opening whose recipient gets no other tier in the document
    (`对新建养老机构给予一次性建设补贴。符合条件的,每张床位补贴1万元`) names its recipient with the condition
    (DATA_CONTRACT: a condition only where amounts differ by it)."""
    tiers: dict[str, set[str]] = {}
    for rows in figure_rows:
        for r in rows:
            if r.extras.get("tier"):
                tiers.setdefault(r.extras["tier_of"], set()).add(r.extras["tier"])
    for rows in figure_rows:
        for r in rows:
            if r.extras.get("tier") and len(tiers[r.extras["tier_of"]]) < 2:
                head = _head_noun(r.extras["tier_of"])
                r.recipient = f"{r.extras['tier']}的{head or r.extras['tier_of']}"
                r.extras = {k: v for k, v in r.extras.items() if k not in ("tier", "tier_of")}


_BORROWED_ATTRIBUTE = re.compile(r"^(?:\d+\s*周?岁(?:以上|以下)?的?|新建|改扩建|扩建|新增)")
_PROVIDER_CONDITION = re.compile(r"提供|承担|举办|运营|开办|收住|接收|照护服务")
_PERSON_NOUN = re.compile(r"(?:老年人|老人|人员|对象|家庭)$")


def _with_head_noun(before: str, recipient: str, earlier: str | None) -> str:
    """A recipient that is only the `…的` condition opening the sentence takes the head noun of the
    recipient of the sentence before, when it has one (`收住半失能老年人的` → …的养老机构)."""
    m = CONDITION_CLAUSE.match(before)
    if not m or m.group("c").strip() != recipient + "的":
        m = HEADLESS_AFTER_DUI.search(before)
    if not m or not earlier or m.group("c").strip() != recipient + "的":
        return recipient
    head = _HEAD_NOUN.search(earlier)
    # or the subject that opens it (`养老护理员在…工作满5年但未满10年` → …的养老护理员)
    head = head or re.match(rf"[^在的，,]{{0,8}}?(?:{WORKER_WORDS})(?=在)", earlier)
    if not head:
        return recipient
    noun = _BORROWED_ATTRIBUTE.sub(
        "", head.group()
    )  # (the noun only: not `新建` nor `80周岁以上` of the other group)
    if _PROVIDER_CONDITION.search(recipient) and _PERSON_NOUN.search(noun):
        return recipient  # `对为其提供上门照护服务的`: who serves them is no one of them
    return m.group("c").strip() + noun


def _alternative_recipient(recipient: str | None) -> tuple[str | None, str | None]:
    """`社区老年人服务中心(站)` → (`社区老年人服务中心`, `社区老年人服务站`)."""
    if not recipient:
        return None, None
    m = re.search(r"[(（]([^()（）]{1,6})[)）]$", recipient)
    if not m:
        return recipient, recipient
    main = recipient[: m.start()]
    head = re.search(rf"(?:{FACILITY_WORDS})$", main)
    alt = (main[: head.start()] if head else main) + m.group(1)
    return main, alt


_KINDS_COUNTED = re.compile(
    r"(?:等[一二三四五六七八九十\d]+类|[“\"][一二三四五六七八九十\d]+类[”\"])(?:老人|老年人|人员|对象|群体)?$"
)
_LISTED_HEAD = re.compile(rf"(?:{FACILITY_WORDS}|人|员|者|家庭|户|孤老)$")
_LISTED_FACILITY = re.compile(rf"(?:{FACILITY_WORDS}|人|者)$")


def _split_recipients(recipient: str | None, n: int) -> list[str | None]:
    """`五星级、四星级、三星级的养老机构` with three amounts → one recipient each."""
    if not recipient:
        return [None] * n
    # a count of the list's kinds after it (`…、计生特殊家庭老人“六类”老人`) sums them up, it is no item
    recipient = _KINDS_COUNTED.sub("", recipient) or recipient
    aside = _LAST_ASIDE.search(recipient)
    listed = [i for i in re.split(r"、", aside.group()[1:-1]) if i] if aside else []
    if (
        len(listed) == n > 1
    ):  # `对新建…日间照料中心(1类1600平方、2类1085平方、3类750平方)…分别给予…`: one per item
        return [f"{recipient[: aside.start()]}({item})" for item in listed]
    items = [i for i in re.split(r"、|和|及(?!以上|以下)", recipient) if i]
    if len(items) != n and "的" in recipient:
        # `市区新建、提升改建的老年食堂、老年助餐服务点` with two caps: the 、 before the 的 join its conditions
        head, tail = recipient[: recipient.rindex("的") + 1], recipient[recipient.rindex("的") + 1 :]
        listed = [i for i in re.split(r"、|和|及(?!以上|以下)", tail) if i]
        if len(listed) == n and all(_LISTED_HEAD.search(i) for i in listed):
            return [head + i for i in listed]
    if len(items) != n:
        return [recipient] * n
    last = items[-1]
    heads = _LISTED_HEAD
    if "的" in last:
        head = last[last.rindex("的") :]
        items = [i if "的" in i else i + head for i in items]
        # (items that borrow the head are grades of one kind of people: `取得初级、中级…证书的养老护理员` is one group)
        heads = _LISTED_FACILITY
    if not all(heads.search(i) for i in items):
        return [recipient] * n
    return [_with_shared_words(items[0], i) if k else i for k, i in enumerate(items)]


def _with_shared_words(first: str, item: str) -> str:
    """A short later item that names only a kind of the first's head (`运转正常的居家养老服务中心、服务站`): the first's
    words before that head are its words too (`运转正常的居家养老服务站`)."""
    if len(item) > 4 or len(first) <= len(item):
        return item
    at = first.rfind(item[:2])
    return first[:at] + item if at > 0 else item


def _new_list_item(recipient: str | None, continues: Row) -> bool:
    """A project or event named before its own amount in a list of a fund's uses (`…改造项目支出29.9938万元;…;2024年
    重阳节活动13.3万元;护理员大赛2.7万元`) is an item of its own: it does not continue the kind of the one before."""
    return bool(
        recipient
        and recipient != continues.recipient
        and re.search(r"(?:项目|活动|大赛|比赛|竞赛)$", recipient)
    )


def _one_sum_of_two_kinds(text: str, mentions: list, before: str) -> bool:
    """`给予建设补贴和运营补贴,2025年共计2032520元`: one total for two instruments of different kinds is
    neither's (kind `other`), not the kind of the one named last."""
    if len(mentions) < 2 or not re.search(r"共计|合计|总计|共$|累计", before):
        return False
    a, b = mentions[-2], mentions[-1]
    return a.kinds[0] != b.kinds[0] and bool(
        re.fullmatch(r"\s*(?:和|及|与|、|以及)\s*", text[a.end : b.start])
    )


def _kind_of_a_bare_fund(before: str, sentence: str) -> str | None:
    """A fund named by no purpose right before its amount: paid out to people (`共发放资金263.46万元`), or allocated
    (`中央资金8000万元`)."""
    paid = PAID_OUT_FUND.search(before)
    if (
        paid
        and not PAID_OUT_TO_PLACES.search(re.split(r"[，,]", before[: paid.start()])[-1])
        and (paid.group("what") or PAID_OUT_TO_PEOPLE.search(sentence))
    ):
        return "allowance"
    if re.search(r"(?:资金|经费)(?:约|共|共计|合计|总计|为|达)?$", before):
        return "budget_allocation"
    return None


def _kind_for_figure(
    sent: Sentence,
    pos: int,
    w0: int,
    w1: int,
    recipient: str | None,
    previous: Sentence | None,
    lead: str | None = None,
) -> tuple[str, ...]:
    """Kind of the money at sentence position `pos`, whose clause(s) span w0..w1.

    In order: a fund being allocated (投入/下拨/安排…资金), unless it buys a service or
    training; the instrument named in the clause (建设补贴, 以奖代补…), after the figure
    first; the purpose words after, then before the figure (建设, 运营, 奖励…); an
    operator as recipient; people as recipients; the same in the whole sentence; the
    instrument of the sentence the figure elaborates (`可享受就餐补贴。补贴标准为…`).
    """
    text = sent.text
    before, after, window = text[w0:pos], text[pos:w1], text[w0:w1]
    # `建设经费300万元和居家上门服务经费95万元`: the second amount's words start after the first
    before = PREVIOUS_AMOUNT.split(before)[-1]
    named = _first_rule(NAMED_FUND_PURPOSES, before[-16:])
    if named:  # the fund names its purpose right before the amount (`建设经费`, `高龄津贴支出`)
        return (named,)
    amount = AMOUNT_RE.match(text, pos)
    sent_down = amount is not None and FUND_SENT_DOWN_AFTER.match(text, amount.end(), w1)
    # (a share of what is invested, `给予投入建设资金的50%`, is no fund being allocated)
    share_of_investment = amount is None and RATE_BEFORE.search(before)
    if (
        amount is not None
        and PAID_TO_PEOPLE_AFTER.match(text, amount.end(), w1)
        and not _first_rule(PURPOSE_KINDS, before)  # (`奖励资金36万元已发放到…`: named by its own kind)
    ):
        return ("allowance",)  # `1-6月份供养资金887万元已全部打卡发放到五保老人手中`: the people's own money
    named_after = FUND_NAMED_AFTER.match(after)
    if named_after:
        return (NAMED_AFTER_KINDS[named_after.group("kind")],)
    if not share_of_investment and (FUND_BEFORE.search(before) or FUND_AFTER.match(after) or sent_down):
        return (_first_rule(FUND_PURPOSES, window) or "budget_allocation",)
    specific = [m for m in _mentions(text) if m.specific and m.kinds[0] != "budget_allocation"]
    if _one_sum_of_two_kinds(text, [m for m in specific if m.start < pos], before):
        return ("other",)
    for m in [m for m in specific if pos <= m.start < w1] + [m for m in specific if w0 <= m.start < pos][
        ::-1
    ]:
        return m.kinds[:1]
    # (the purpose words after the figure in its own clause: `可享受每餐3元的补助,运营机构可获得…` is no operation money)
    clauses = re.split(r"[，,；;]", after, maxsplit=1)
    own = after if len(clauses) > 1 and PURPOSE_CLAUSE_AFTER.match(clauses[1]) else clauses[0]
    for part in (own, before):  # (`…1万元,用于新建床位的一次性补助`: the clause after says what it is for)
        kinds = _first_rule(PURPOSE_KINDS, part)
        if kinds:
            return kinds[:1]
    matched = [m for m in specific if m.start < w0]
    if matched and (
        MATCHING_SHARE.search(before) or MATCHING_SHARE.search(after.split("，")[0].split(",")[0])
    ):  # 市财政配套补贴每张床位3500元: the instrument it matches
        return matched[-1].kinds[:1]
    bare_fund = _kind_of_a_bare_fund(before, text)
    if bare_fund:
        return (bare_fund,)
    if recipient and BUILT_RECIPIENT.search(recipient):  # (`新建、改扩建的社会办养老机构`: building money)
        return ("construction",)
    if recipient and (re.search(r"运营", recipient) or OPERATOR_RECIPIENT.search(recipient)):
        return ("operation",)
    kinds = _first_rule(PERSON_KINDS, window)
    if kinds:
        return kinds[:1]
    if specific:
        return min(specific, key=lambda m: abs(m.start - pos)).kinds[:1]
    kinds = _first_rule(CONTEXT_KINDS, text)
    if kinds:
        return kinds[:1]
    if previous is not None:
        prev_specific = [m for m in _mentions(previous.text) if m.specific]
        if prev_specific:
            return prev_specific[-1].kinds[:1]
        kinds = _first_rule(PURPOSE_KINDS, previous.text)  # …给予一次性入职奖励。其中本科…3万元
        if kinds:
            return kinds[:1]
    lead_specific = [m for m in _mentions(lead or "") if m.specific]
    if lead_specific:  # （二）护理补贴。…由每人每月150元调整为200元
        return lead_specific[-1].kinds[:1]
    return ("other",)


# Money paid to a counted group (`为10名100岁及以上老人发放长寿补助3.6万元`) or for one period
# (`2020年10月份应发放…高龄补贴费3600元`, `一季度的生活补助资金`) is a total, not each one's rate.
COUNTED_RECIPIENTS = re.compile(
    r"(?:为|向|给|对)[^，,。；;\d]{0,8}?\d+\s*(?:名|位|人|户)(?!以上|以下|及以上)[^，,。；;]{0,24}?"
    r"(?:发放|拨付|补助|补贴|给予|支付|资助)[^，,。；;\d每/]{0,12}$"  # `…每月100元` is still each one's rate
)
# A sentence that opens with a grade and its amount (`一星级0.7万元,二星级1.5万元…`, after `…达到星级标准的,给予
# 相应的年度运营补助。`): the amounts of the money the sentence before promised, to whom it promised them.
GRADE_LIST_OPENING = re.compile(
    r"^\s*(?:[一二三四五12345]\s*星级|[一二三四五]级|(?:初级|中级|高级)|\d{2,3}\s*(?:至|到|-|—|~)\s*\d{2,3}\s*周?岁)"
    r"[^，,。；;]{0,6}?[\d.]+\s*[万千]?元"
)
# A standard named as the reason for a sum paid (`以每人每月50元的标准共计发放…397400元`): where the document
# gave that standard before, the row is a restatement (`yanglao.extract.rows.restatements`), not a new amount.
STANDARD_BEHIND_A_SUM = re.compile(
    r"(?:以|按照?)[^，,。；;]{0,12}?的?标准[^，,。；;]{0,6}?(?:共计|合计|累计|总计|共)"
)
# the people paid, counted in the clause before the sum (`…补贴,发放369人,发放18450元`): a total
# (`…补贴经费共8673人,款867800元`: 款, the sum)
COUNT_THEN_PAID = re.compile(
    r"\d+\s*(?:名|位|人|户|人次)[，,]\s*(?:共|共计|累计)?(?:(?:发放|拨付|支付)(?:资金|金额|款)?|款|金额)$"
)
# how many were paid, then the sum with nothing between (`年度发放约300人次,1.5万元`, `…发放服务补贴约160人次1.6万元`):
# a year's total, not each one's standard
PAID_COUNT_THEN_SUM = re.compile(
    r"(?:发放|拨付|支付|补贴|补助|资助|救助|共计|累计|共|约)[^，,。；;\d]{0,8}?[\d.]+\s*万?\s*(?:名|位|人|户|人次)\s*[、，,]?\s*$"
)
# a payment of a period (`8月份发放`, `第二季度…资金`, `本次发放2017年上半年高龄津贴424万元`): what was paid
# The support of people in destitution named right before its amount (`特困人员基本生活费35.298万元`) is what
# was paid out; its standard is written as one (`基本生活费标准为每人每月…`).
SUPPORT_PAYMENT_SUM = re.compile(r"(?:基本生活费|照料护理费)(?:资金|经费)?$")
PAYMENT_PERIOD = re.compile(
    r"\d{1,2}月份(?:应|共|已|的)?(?:发放|拨付|支出)|第?[一二三四1-4]季度的?[^，,。；;起]{0,8}?(?:资金|经费)"
    r"|(?:本次|本批|此次)(?:发放|拨付|下拨)|[上下]半年的?[^，,。；;起]{0,8}?(?:津贴|补贴|补助|资金|经费)"
)
# a sum said to be paid out after it (`…补贴102360元已通过区财政直接支付完成`, `基本生活费88.616万元支付到特困人员
# 个人账户`): a total, not each one's standard (`每月300元的标准通过银行转账方式发放到…`, luanchuan, is one)
#: A standard, not a sum: `补贴标准为200元通过社会保障卡直接发放到…`, `2024年下半年高龄津贴标准调整为…200元`.
STANDARD_WORDS = re.compile(r"标准|调整为|提高至|提高到|每月|每人|每年|每户")
PAID_AFTER = re.compile(
    r"^(?![^，,。；;\d]{0,3}(?:标准|按月|按季|按年|每月|每年))[^，,。；;\d]{0,4}?(?:已|已经|将)?(?:陆续|全部|逐步)?"
    r"(?:通过[^，,。；;\d]{0,10}?)?(?:直接|打卡)?(?:发放|拨付|支付|付)(?:到|至|给|完成)"
)
# a sum said before it to be paid out already (`截至8月底,已经为80周岁以上老人发放基本生活津贴9945余万元`): a total
# (为/向 right after 已: not who is eligible, `对已满80周岁的…老年人发放…`, `向已取得…证书的人员发放…`)
PAID_OUT_BEFORE = re.compile(
    r"已(?:经)?(?:累计)?(?:为|向)[^，,。；;]{0,24}?(?:发放|拨付|支付|兑付)[^，,。；;\d]{0,12}$"
    # (or a sum honoured in full: `市级财政足额兑付2018年高龄津贴市级负担部分1711.11万元`)
    r"|(?:足额|全额|及时)?兑付(?:[^，,。；;\d]|\d{4}年度?){0,24}$"
)
# A clause that opens with paying out, in a sentence of sums in 万元 (`今年,发放高龄补贴583.3万元`): a sum paid.
PAID_OUT_CLAUSE = re.compile(r"^\s*(?:今年|全年|年内|当年)?[，,]?\s*(?:共|累计)?发放[^，,。；;\d]{0,12}$")


# What an amount is per, written right after it: `3元/人/餐`, `3元至5元每餐`, `2000元/床`.
PER_UNIT_AFTER = re.compile(r"^\s*(?:/|每)[^，,。；;\d]{0,5}")


# (the patterns searched once or more per sentence compiled once, not looked up in `re`'s cache at each call)
_PER_AREA = re.compile(r"每平方?米|/平方?米|每㎡|/㎡")
_BASIS_CUES_RE = [(re.compile(pattern), basis) for pattern, basis in BASIS_CUES]
_CLAUSE_PUNCTUATION = re.compile(r"[，,。；;：:]")
_SEMICOLON_AT_END = re.compile(r"[；;]\s*$")
_TOWARDS = re.compile(r"对|向|为")


def _basis(
    before: str, sentence: str, kind: str, recipient: str | None, fund: bool, after: str = ""
) -> str | None:
    tail = before[-12:]
    if _PER_AREA.search(tail):  # per area: no basis in the enum
        return None
    if BEDS_MEASURED_BEFORE.search(before):
        return "bed"
    per_unit = PER_UNIT_AFTER.match(after)
    for written in (tail, per_unit.group() if per_unit else ""):
        for pattern, basis in _BASIS_CUES_RE:
            if pattern.search(written):
                if basis == "meal" and "餐" not in sentence:
                    continue
                return basis
    if (
        fund
        # money handed down: `下达60.5万元…`, `现下达2022度城乡日间照料中心运营补贴资金70.2万元`
        or re.search(r"(?:下达|下拨)(?:\d{4}年?度?)?[^，,。；;\d的]{0,16}$", before)
        or kind in ("budget_allocation", "service_purchase", "training")
        or re.search(r"共|累计|合计|总计", before)
        or SUPPORT_PAYMENT_SUM.search(before)
        or COUNTED_RECIPIENTS.search(before)
        or (PAYMENT_PERIOD.search(before) and not STANDARD_WORDS.search(before))
        or (PAID_AFTER.match(after) and not STANDARD_WORDS.search(before))
        or (PAID_OUT_BEFORE.search(before) and not STANDARD_WORDS.search(before) and not per_unit)
        or (
            PAID_OUT_CLAUSE.search(before)
            and not per_unit
            and re.search(r"\d\s*(?:余|多)?[万亿]元", sentence)
        )
    ):
        return "total"
    if kind == "allowance":
        return "person"
    recipient = re.sub(r"[(（][^()（）]*[)）]$", "", recipient or "")
    if re.search(r"(?:人员|人|者|生|老人|护理员)$", recipient):
        return "person"
    if recipient.endswith("项目"):
        # a standard for each project given (`对…示范项目给予一次性奖励:省级示范项目10万元`) is per project; the money
        # a fund spent on a named project (`…适老化改造项目8.54万元`) is its total
        return "project" if re.search(r"给予|奖励|奖补|每个|每项", sentence) else "total"
    if re.match(r"\d+\s*(?:个|家|所|处|座)", recipient):
        return (
            "total"  # money for a counted group of them (`每年投资500万元,为45个社区建设…`), not each one's
        )
    if recipient.endswith("床位"):
        return "bed"  # (`公办和民办养老机构新增床位省级财政给予一次性建设补贴3000元`: each new bed's)
    if re.search(rf"(?:{FACILITY_WORDS})$", recipient):
        return "facility"
    # a condition phrase: its subject (`养老护理员在…机构…工作满5年但未满10年`), a facility named in it
    # (`老年人日间照料中心建设`), or a worker's service (`在养老护理岗位工作满10年`)
    if re.match(rf"[^在的]{{0,8}}?(?:{WORKER_WORDS})在", recipient):
        return "person"
    if re.search(rf"(?:{FACILITY_WORDS})", recipient):
        return "facility"
    if re.search(rf"{WORKER_WORDS}|岗位工作满|工作满\d+年", recipient):
        return "person"
    return None


# A one-off instrument named before the figure, after any earlier figure of its sentence
# (`可享受一次性入职奖励补贴,本科及以上3万元`).
ONE_OFF_INSTRUMENT = re.compile(r"一次性[^，,。；;\d]{0,8}(?:补贴|补助|奖励|奖补|津贴)")


def _frequency(window: str, basis: str | None, before: str = "") -> str:
    found = _first_rule(FREQUENCY_CUES, window)
    if found is None and ONE_OFF_INSTRUMENT.search(before):
        return "one_off"
    if found is None and basis == "meal":
        return "per_meal"
    return found or "unspecified"


@dataclass
class _Figure:
    kind: str  # "rate", "amounts", "caps"
    start: int
    end: int
    values: list[list[float]]  # per amount: value and alternative
    rate: float | None = None
    distribute: bool = False  # 分别给予 A、B、C
    is_range: bool = False  # 50元至1000元: both ends go to the one recipient named


# An accounting offset (`此次下达的经费冲减…预算项目“…运营补助经费”220.5万元`) restates money given, it gives none.
ACCOUNTING_OFFSET = re.compile(r"冲减|核减|抵减")
# Money is given by these: a word of `NOT_SUBSIDY_MONEY` before them describes the recipient
# (`对成功上市融资的养老企业给予…奖励`), not the figure.
# `按照每个每年2万元标准进行补助共计4万` (putian-chengxiang): the 共计 after a standard amount in its clause
# is that standard times the number of recipients, not money of its own.
SUBTOTAL_BEFORE = re.compile(r"(?:共计|合计|小计|总计)$")
# `…高龄补贴费31200元(两项合计34800元)`: a sum restated in brackets after the amounts it adds up.
SUM_HANDED_ON = re.compile(r"[^，,。；;\d]{0,4}?(?:下拨|拨付|拨至|划拨|支付|发放)(?:给|到|至)")
RESTATED_SUM_BEFORE = re.compile(r"^[^，,。；;\d]{0,6}?(?:总计|合计|小计|共计)(?:支出|资金|金额)?$")
BRACKETED_SUM_BEFORE = re.compile(r"[(（][^()（），,。；;]{0,6}?(?:共计|合计|小计|总计)$")
PER_UNIT_AMOUNT = re.compile(r"每[^，,。；;]{0,8}?\d[\d.]*\s*(?:万元|元|万)")
# Conditions that only say who qualifies (`符合条件的`, `经验收合格的`): no tier of an amount.
ELIGIBILITY_ONLY = re.compile(
    r"(?:凡)?(?:符合(?:条件|要求|规定|标准)|经(?:审核|评估|验收|考核)(?:合格|通过|达标)?)"
)
# A sentence that only lists amounts by grade (liandu `一星级0.7万元,二星级1.5万元,三星级3万元,…`).
GRADED_AMOUNTS = re.compile(r"(?:[^，,。；;\d]{1,12}?\d[\d.]*\s*(?:万元|元|万)[，,、]?\s*){2,}[。；;]?")
# Why a figure of a money sentence is left out (the doubtful report lists each, verdict `rejected`).
EXCLUDED = {
    "quoted": "in a deputy's quoted proposal",
    "raised_from": "the standard being replaced (由…提高至, 原标准:)",
    "not_money": "not subsidy money (a fine, price, wage, investment, estimate or average)",
    "part_of_not_money": "part (其中) of a total that is not subsidy money",
    "subtotal": "subtotal of a standard amount times a count (共计)",
    "bracketed_sum": "a sum of the amounts before it, restated in brackets (两项合计)",
    "restated_sum": "a sum of the amounts before it in its sentence, said again (…、…,总计…)",
    "charge_rate": "a share of a charge or payment, not a subsidy rate",
    "no_money_word": "an amount in a sentence with no word of a grant or fund (a fine, price, cost or investment)",
    "change": "a change from the year before (较上年提高30元), not a standard or a sum",
    "threshold": "a threshold a condition sets (实际投入资金…超过100万元的,), not money given",
}
# An amount a condition must exceed or reach, in a `…的,` clause with no grant in it (`达到星级标准且实际投入资金
# (…)四星级超过100万元、五星级超过200万元的,给予…`): what the recipient must have spent, not what it is given.
THRESHOLD_BEFORE = re.compile(r"(?:超过|达到|高于|不低于|不少于|不足|低于|少于)[^，,。；;\d]{0,3}$")
THRESHOLD_AFTER = re.compile(r"^(?:以上|及以上)?(?:[、和及或][^，,。；;]{0,16}?)?的(?=\s*(?:[，,]|$))")
# A change from the year before, right before its amount (`较上年提高30元`, `比上年增加500万元`).
CHANGE_FROM_LAST_YEAR = re.compile(
    r"(?:较|比)(?:上年|去年|上一年)(?:同期)?[^，,。；;\d]{0,2}?(?:增加|提高|增长|上调|减少)了?$"
)
GRANT_WORDS = re.compile(r"给予|奖励|补贴|补助|资助|扶持|奖补|发放|安排|下拨|拨付|支持|享受")
ASIDE_SPAN = re.compile(r"[(（][^()（）]*[)）]")


_GRANTED_AFTER = re.compile(
    r"[^，,。；;]{0,12}?(?:由[^，,。；;]{0,8}?(?:财政|政府))?[^，,。；;]{0,4}?(?:予以|给予)(?:补助|补贴|资助)"
)


# An average that is the standard paid (`按照户均3300元的标准支持1万户特殊困难老年人家庭适老化改造`): money given, not a statistic.
AVERAGE_STANDARD = re.compile(r"(?:按照|按)(?:户均|人均|床均|平均)\s*$")
_STANDARD_AFTER = re.compile(r"^[^，,。；;\d]{0,4}?的?标准")


def _not_subsidy_money(before: str, after: str) -> bool:
    """Whether the figure itself is a wage, price, investment, estimate or average: the exclusion word
    stands in its clause before it with no grant between them, outside brackets (`运行经费(不含人员工资)
    不少于3万元` is money for running costs), or after it in its clause (`并处2000元以上1万元以下罚款`)."""
    if ACCOUNTING_OFFSET.search(before):
        return True
    before = ASIDE_SPAN.sub(lambda m: " " * len(m.group()), before)
    last = next(reversed(list(NOT_SUBSIDY_MONEY.finditer(before))), None)
    if AVERAGE_STANDARD.search(before) and _STANDARD_AFTER.match(after):
        last = None
    if last is not None and not GRANT_WORDS.search(before[last.end() :]) and not _GRANTED_AFTER.match(after):
        return True  # (`其床位费、伙食费按每人每月800元标准由县财政予以补助`: the fees are paid for them)
    after = ASIDE_SPAN.sub(lambda m: " " * len(m.group()), after)
    following = NOT_SUBSIDY_MONEY.search(after)  # `并处2000元以上1万元以下罚款`
    # (not the word of a later amount: `每餐政府补贴3元、个人负担7元`)
    return (
        following is not None
        and not GRANT_WORDS.search(after[: following.start()])
        and not AMOUNT_RE.search(after, following.end())
    )


# A floor on what is paid (`对补贴不足5万元的,按5万元发放`): the figure before 的 is the condition, the one after the amount.
SUBSIDY_FLOOR_BEFORE = re.compile(r"(?:补贴|补助|资助|奖补)(?:金额|资金|额)?(?:不足|低于|少于)$")


# An insurance premium whose subsidised part the sentence gives after it (`每年每床保费120元,政府补贴80元`): the premium
# is a price; the part is the subsidy (a premium the government pays, `按每人每年50元的保费标准为…购买…保险`, stays).
PREMIUM_BEFORE = re.compile(r"保费(?:标准)?(?:为)?[^，,。；;\d]{0,12}?$")
_SUBSIDISED_PART_AFTER = re.compile(r"^[^。；;]{0,20}?(?:补贴|补助)[^，,。；;\d]{0,4}[\d.]+\s*万?元")


def _premium_with_its_subsidy(before: str, rest: str) -> bool:
    return bool(PREMIUM_BEFORE.search(before) and _SUBSIDISED_PART_AFTER.match(rest))


def _why_not_money(before: str, after: str) -> str | None:
    """Why the figure is no money given (EXCLUDED's key), or None."""
    if SUBSIDY_FLOOR_BEFORE.search(before) and THRESHOLD_AFTER.match(after):
        return "threshold"
    if (
        THRESHOLD_BEFORE.search(before)
        and THRESHOLD_AFTER.match(after)
        and not GRANT_WORDS.search(before + after)
    ):
        return "threshold"
    return "not_money" if _not_subsidy_money(before, after) else None


def _restated(text: str, before: str, after: str, start: int, amounts: list[Amount]) -> str | None:
    """Why an amount only restates others (a subtotal, a sum in brackets or after `总计`), or None."""
    earlier = sum(a.end <= start for a in amounts)
    if SUBTOTAL_BEFORE.search(before) and PER_UNIT_AMOUNT.search(before):
        return "subtotal"
    if BRACKETED_SUM_BEFORE.search(text[:start]) and earlier:
        return "bracketed_sum"
    if RESTATED_SUM_BEFORE.search(before) and earlier >= 2 and not SUM_HANDED_ON.match(after):
        # `…29.9938万元、…19.9855万元、…19.9983万元,总计支出69.9776万元`: the parts' sum, said again (not a sum handed
        # on to someone the parts did not name: `…35.298万元、…21.0546万元,共计56.3526万元下拨给各敬老院`)
        return "restated_sum"
    return None


def _marked_as_money(text: str, lead: str | None, carried: bool) -> bool:
    """A money word in the sentence, in its heading (`lead`), or an allowance named in the sentence before (`carried`)."""
    cues = [m.group() for m in MONEY_CUES.finditer(text)]
    if cues and all(c.startswith("元") for c in cues) and NOT_SUBSIDY_MONEY.search(text):
        cues = []  # rates (`800元/床·月`) in a sentence of fees (`床位费:…;护理费:…`) are a price list
    return (
        bool(cues) or carried or bool(lead and MONEY_CUES.search(lead) and not NOT_SUBSIDY_MONEY.search(lead))
    )


def _list_unmarked_amounts(text: str, left_out) -> None:
    """Amounts of a sentence that no money word marks as a grant (`项目总投资5612万元`, fines) are listed, not lost."""
    if "元" in text:
        for a in _amounts(text):
            left_out(EXCLUDED["no_money_word"], a.start, a.end, a.values[0])


def _figures(
    sent: Sentence, doubtful: list[dict], lead: str | None = None, cell: bool = False, carried: bool = False
) -> list[_Figure]:
    """Figures of a sentence. `lead` is the heading or run-in title it stands under
    (`（一）高龄津贴。80—89周岁老年人每人每月100元…`), which may carry the money word; `carried`: the sentence
    before names the allowance whose standards by age this sentence gives (AGE_STANDARD)."""
    text = sent.text
    figures: list[_Figure] = []
    quoted = _quoted_proposals(text)

    def left_out(reason: str, start: int, end: int, value: float | None = None) -> None:
        c0, _ = sent.clause_bounds(start)
        _, c1 = sent.clause_bounds(end - 1)
        doubtful.append(
            {
                "reason": reason,
                "verdict": "rejected",
                "start": sent.start + c0,
                "end": sent.start + c1,
                "value": value,  # in yuan: the (first) amount left out
            }
        )

    if not _marked_as_money(text, lead, carried):
        _list_unmarked_amounts(text, left_out)
        return []

    found = _amounts(text)
    unit = HEADER_UNIT.search(lead or "")
    bare = (
        text.strip(TRIM) if cell else ""
    )  # only a table's cell under its column's header, never a heading's
    if not found and unit and bare and BARE_CELL_NUMBER.fullmatch(bare):
        # a cell of a column whose header gives the unit (`发放资金(元)` over `6228280`)
        start = text.index(bare)
        value = float(bare.replace(",", "")) * UNIT_FACTORS[unit.group(1)]
        found = [Amount(start, start + len(bare), [value], False)]
    amounts = []
    for a in found:
        if _inside(a.start, quoted):
            left_out(EXCLUDED["quoted"], a.start, a.end, a.values[0])
        else:
            amounts.append(a)
    # group amounts written as lists: 50万元和100万元, 40万元、30万元、20万元
    groups: list[list[Amount]] = []
    for a in amounts:
        c0, _ = sent.clause_bounds(a.start)
        rest = text[a.end :]
        if (
            RAISED_FROM_BEFORE.search(text[c0 : a.start])
            and RAISED_FROM_AFTER.match(rest[_LATER_LISTED_AMOUNTS.match(rest).end() :])
        ) or OLD_STANDARD_LABEL.search(text[: a.start]):
            left_out(EXCLUDED["raised_from"], a.start, a.end, a.values[0])
            continue
        if CHANGE_FROM_LAST_YEAR.search(text[c0 : a.start]):
            left_out(EXCLUDED["change"], a.start, a.end, a.values[0])
            continue
        gap = text[groups[-1][-1].end : a.start] if groups else ""
        if groups and (
            LIST_GAP.match(gap) or (RANGE_GAP.match(gap) and groups[-1][-1].values[0] < a.values[0])
        ):
            groups[-1].append(a)
        else:
            groups.append([a])
    not_money_until = -1  # where the last amount left out as not subsidy money ends
    for group in groups:
        c0, _ = sent.clause_bounds(group[0].start)
        _, c1 = sent.clause_bounds(group[-1].end - 1)
        before = text[c0 : group[0].start]
        after = text[group[-1].end : c1]
        not_money = _why_not_money(before, after) or (
            "not_money" if _premium_with_its_subsidy(before, text[group[-1].end :]) else None
        )
        if not_money:
            left_out(EXCLUDED[not_money], group[0].start, group[-1].end, group[0].values[0])
            not_money_until = group[-1].end
            continue
        if (
            not_money_until >= 0
            and PART_AFTER.search(text[not_money_until : group[0].start])
            # (a part said to be a subsidy is one: `保费标准为每个入住老人每年100元,其中,政府补贴80元`)
            and not re.search(r"补贴|补助|资助|奖补", before)
        ):
            # `项目总投资800万元，其中市级财政资金600万元`: the parts of money that is not a subsidy are not either
            left_out(EXCLUDED["part_of_not_money"], group[0].start, group[-1].end, group[0].values[0])
            continue
        if RANGE_BEFORE.search(text[: group[0].start]) or RANGE_AFTER.match(text[group[-1].end :]):
            doubtful.append(
                {"reason": "range: no single amount", "start": sent.start + c0, "end": sent.start + c1}
            )
            continue
        restated = _restated(text, before, after, group[0].start, amounts)
        if restated:
            left_out(EXCLUDED[restated], group[0].start, group[-1].end, group[0].values[0])
            continue
        not_money_until = -1  # a kept amount stands between: a later 其中 is its parts
        # A floor (不低于100元, 10万元以上) is read as its stated figure, like 100万元左右:
        # the schema has no comparator for money, and the figure is what the document sets.
        is_cap = bool(CAP_BEFORE.search(before) or CAP_AFTER.match(after) or CAP_HEADER.search(text, 0, c0))
        figures.append(
            _Figure(
                "caps" if is_cap else "amounts",
                group[0].start,
                group[-1].end,
                [a.values for a in group],
                distribute=bool(re.search(r"分别", before)),
                is_range=len(group) == 2 and bool(RANGE_GAP.match(text[group[0].end : group[1].start])),
            )
        )
    if RATE_INSTRUMENT.search(text) or (lead and RATE_INSTRUMENT.search(lead)):
        for start, end, value in _rates(text):
            c0, c1 = sent.clause_bounds(start)
            if _inside(start, quoted):
                left_out(EXCLUDED["quoted"], start, end)
                continue
            if NOT_A_RATE.search(text[c0:c1]) and not RATE_GIVEN.search(text[c0:c1]):
                left_out(EXCLUDED["charge_rate"], start, end)
                continue
            if (
                RANGE_BEFORE.search(text[:start])
                or RANGE_AFTER.match(text[end:])
                or re.match(r"^\s*[-—~～至到]", text[end:])
            ):
                doubtful.append({"reason": "range: rate", "start": sent.start + c0, "end": sent.start + c1})
                continue
            figures.append(_Figure("rate", start, end, [], rate=value))
    figures.sort(key=lambda f: f.start)
    return figures


def _doubts(left_out: list[dict]) -> bool:
    """Whether a sentence left a figure out as doubtful (a range): its money is counted there, not as a
    provision. A figure rejected as something else (a fine, a part of a total) leaves the sentence's
    provisions standing."""
    return any(d.get("verdict", "doubtful") == "doubtful" for d in left_out)


def _window(sent: Sentence, start: int, end: int, stop: int, after: int = 0) -> tuple[int, int]:
    """Clause span around a figure, extended to the next clause when that one names its instrument, and
    back to the clause before when the figure's own says only that it is a sum (`…补助项目8个,共计60.91万元`):
    what the sum is of is said there. `after`: where the figure before this one ends (not crossed)."""
    a, _ = sent.clause_bounds(start)
    _, b = sent.clause_bounds(max(start, end - 1))
    text = sent.text
    if not INSTRUMENT_WORD.search(text[a:b]) and b + 1 < len(text):
        nb = sent.clause_bounds(b + 1)[1]
        if nb <= stop and INSTRUMENT_WORD.search(text[b:nb]):
            b = nb
    if a >= 2 and BARE_SUM_CLAUSE.match(text[a:start]):
        close = a - 2  # the last character of the clause before; a bracketed breakdown is passed over
        if text[close] in ")）":
            opened = max(text.rfind("(", 0, close), text.rfind("（", 0, close))
            close = opened - 1 if opened > 0 else close
        pa = sent.clause_bounds(close)[0]
        if pa >= after and SUM_OF_WHAT.search(text[pa : a - 1]):
            a = pa
    return a, b


def _table_cells(compact: str, sentences: list[Sentence]) -> dict[int, tuple[str, str | None]]:
    """Cells of `|` tables about money: sentence index → (what names the money, the row's first cell).

    The money word comes from the column header (`服务对象 | 补贴标准 | 发放方式` over
    `重度失能 | 每人每月400元 | 服务券`) or, when the table has no header row, from the line that
    introduces it (`补贴标准…具体如下：`). The first cell names who gets the money."""
    lines = [(m.start(), m.group()) for m in _LINE_RE.finditer(compact)]

    def money(label: str) -> bool:
        return bool(MONEY_CUES.search(label)) and not NOT_SUBSIDY_MONEY.search(label)

    leads: dict[int, tuple[list[str] | None, str | None]] = {}  # paragraph → (header cells, intro)
    header: list[str] | None = None
    intro: str | None = None
    in_table = seen_data = False
    for p, (_, line) in enumerate(lines):
        if "|" not in line:
            in_table, header = False, None
            intro = line if line.rstrip().endswith((":", "：")) else None  # (`[:：]\s*$`, without a search)
            continue
        cells = [c.strip(TRIM) for c in line.split("|")]
        if all(re.fullmatch(r"[-:—\s]*", c) for c in cells):
            continue  # a markdown table's rule line (`|---|---|`)
        data = any(_amounts(c) or BARE_CELL_NUMBER.fullmatch(c) for c in cells if c)
        if in_table and header is not None and (len(cells) != len(header) or not (data or seen_data)):
            in_table = False  # another table under the first (a page's info grid, then the money table)
        if not in_table:
            in_table, seen_data = True, False
            if not any(_amounts(c) for c in cells):
                header = cells
                continue
        seen_data = seen_data or data
        leads[p] = (header if header and len(header) == len(cells) else None, intro)
    out: dict[int, tuple[str, str]] = {}
    for i, sent in enumerate(sentences):
        if sent.paragraph not in leads:
            continue
        header, intro = leads[sent.paragraph]
        line_start, line = lines[sent.paragraph]
        column = line.count("|", 0, sent.start - line_start)
        label = header[column] if header else intro
        if label and money(label):
            # the row's name: its first cell that is not a serial number (`| 1 | 老年助餐服务 | … | 450 |`); a
            # standard there (`80-99周岁 每人每月50元`) names no one
            first = next(
                (c for c in (c.strip(TRIM) for c in line.split("|")) if c and not SERIAL_CELL.fullmatch(c)),
                "",
            )
            out[i] = (label, None if not first or _amounts(first) else first)
    return out


# A line that leads in to the list of standards below it, naming their money (`…享受养老服务补贴的标准调整为:`).
LIST_LEAD = re.compile(r"(?:补贴|补助|津贴|奖励|资助)[^。；;]{0,12}?(?:标准|如下)[^。；;]{0,6}[:：]\s*$")
# A sentence that opens with an instrument the sentence before gives (`对…民办养老机构,给予相应的建设补贴和运营补贴。
# 运营补贴按实际使用床位每张每月200元的标准补贴`): it says how much, for the same recipient.
_GIVING = re.compile(r"给予|发放|享受|予以")
INSTRUMENT_OPENING = re.compile(
    r"^\s*(?P<i>[\u4e00-\u9fff]{2,6}?(?:补贴|补助|奖励|津贴|奖补))(?:标准)?(?:按|为|是|[:：])"
)


def _giver_of_instrument(sentences: list[Sentence], i: int) -> Sentence | None:
    """The sentence, among the few before, that gives the instrument sentence `i` opens with (`对…民办养老机构,给予相应的
    建设补贴和运营补贴。…改造补助;\n…;运营补贴按…每张每月200元`): the one whose figures it states."""
    opening = INSTRUMENT_OPENING.match(sentences[i].text)
    if not opening:
        return None
    for earlier in sentences[max(0, i - 5) : i][::-1]:
        if opening.group("i") in earlier.text and _GIVING.search(earlier.text):
            return earlier
    return None


def _elaborates(text: str, previous: str) -> bool:
    """Whether a sentence gives the figures of the money the sentence before names."""
    if re.match(r"^\s*(?:其中|(?:补贴|补助|奖励|资助)?标准)", text) or GRADE_LIST_OPENING.match(text):
        return True

    opening = INSTRUMENT_OPENING.match(text)
    return bool(opening and opening.group("i") in previous)


# What every figure of `_figures` holds: an amount's unit (UNITS), a digit (a bare table cell, `300/月`)
# or a rate's sign (RATE_RE). Three sentences in four have none (issue 16).
_FIGURE_GATE = prefilter.Gate(prefilter.first_character_class([(r"[\d元万亿%％]", ""), ("分", "之")]))
# (what it was first written as: `[\d元万亿%％]|分之`)


def _figure_rows(
    sent: Sentence,
    previous: Sentence | None,
    doubtful: list[dict],
    lead: str | None = None,
    row_name: str | None = None,
    continues: Row | None = None,
    table_cell: bool = False,
) -> list[Row]:
    """Rows for the figures of one sentence.

    A rate, or an amount per unit (每床, 每人每月…), followed by caps is one row per cap
    (`按照建设费用50%…最高不超过50万元和100万元` → two rows with rate 50). A bracketed
    alternative is a row of its own for the bracketed recipient (`中心(站)…15(9)万`);
    `分别给予A、B、C` is a row per amount, for the listed recipients when they match.
    """
    carried = bool(
        previous is not None
        and (
            ALLOWANCE_BEFORE.search(previous.text) or AGE_STANDARD.search(previous.text)
        )  # (a list continues)
        and (AGE_STANDARD.search(sent.text) or RAISED_STANDARDS.search(sent.text))
    )
    figures = _figures(sent, doubtful, lead, cell=table_cell, carried=carried)
    if not figures:
        return []
    text = sent.text
    elaborates = previous is not None and _elaborates(text, previous.text)
    rows: list[Row] = []
    anchor: Row | None = None  # a rate or per-unit amount that a following cap limits
    listed: list[
        int
    ] = []  # the rows of a list of per-unit amounts that a list of as many caps limits, one each
    last_recipient: str | None = None
    for i, fig in enumerate(figures):
        borrowed = False  # a recipient that takes the noun of the clause before (HEADLESS_AFTER_DUI)
        stop = figures[i + 1].start if i + 1 < len(figures) else len(text)
        w0, w1 = _window(sent, fig.start, fig.end, stop, figures[i - 1].end if i else 0)
        # (after the figure, not into the clause of the next figure, which names that one's recipient. A
        # recipient named only after a list of figures in one clause (`…100元、…200元,…老年人可享受`) reaches
        # the last figure alone: giving it to all of them misread real lists, `按照80—99周岁600元/人/年和…3600元
        # /人/年的补贴标准…代发到…10名老人` (heldout_real5), more often than it helped)
        own_end = sent.clause_bounds(stop)[0] if stop < len(text) else stop
        # (not into a part, `…200元的标准补贴,其中为失能失智老年人服务的,按照…`: that names its own condition)
        after = PART_CLAUSE.split(text[fig.end : own_end])[0]
        recipient = _nearest_recipient(sent, fig.start) or last_recipient or _recipient(after)
        recipient = _of_the_lead_group(text, fig.start, recipient)
        if recipient is None and row_name:
            recipient = row_name
        if recipient is None and elaborates:
            recipient = _recipient(previous.text)
        tier = None
        if recipient is None and previous is not None:
            earlier = _recipient(previous.text) or (continues.extras.get("tier_of") if continues else None)
            tier = _tier(text[: fig.start], earlier)
            recipient = tier[1] if tier else _condition_recipient(text[: fig.start], earlier)
        elif recipient:
            earlier = last_recipient or (_recipient(previous.text) if previous is not None else None)
            headless = recipient
            recipient = _with_head_noun(text[: fig.start], recipient, earlier)
            # (and its instrument with it, when its own clause names none: `…给予一次性建设补助;对租赁用房…的分别
            # 按…给予一次性补助`)
            borrowed = (
                recipient != headless
                and bool(rows or continues)
                and bool(HEADLESS_AFTER_DUI.search(text[: fig.start]))
            )
        last_recipient = recipient
        c0, _ = sent.clause_bounds(fig.start)
        fund = bool(
            # (not a share of what is invested: `给予投入建设资金的50%`)
            (
                FUND_BEFORE.search(text[c0 : fig.start])
                and not (fig.kind == "rate" and RATE_BEFORE.search(text[c0 : fig.start]))
            )
            or FUND_AFTER.match(text[fig.end :])
            or bool(lead and HEADER_UNIT.search(lead) and SUM_HEADER.search(lead))
        )
        kind = _kind_for_figure(sent, fig.start, w0, w1, recipient, previous if elaborates else None, lead)[0]
        if (
            borrowed
            and not any(m.specific and w0 <= m.start < w1 for m in _mentions(text))
            and not _first_rule(
                PURPOSE_KINDS, text[w0:w1]
            )  # (`给予一次性奖励5万元`, `运营满1年…的`: its own)
        ):
            kind = (rows[-1] if rows else continues).kinds[0]
        if (
            continues is not None
            and not INSTRUMENT_WORD.search(text[w0:w1])
            and not _first_rule(PURPOSE_KINDS, text[w0:w1])  # `按照建设费用50%`: names its own purpose
            and not _new_list_item(recipient, continues)
        ):
            kind = continues.kinds[0]  # …每人每月100元；收住失能老年人的，每人每月200元
        if kind == "other" and carried and previous is not None and AGE_STANDARD.search(previous.text):
            kind = "allowance"  # the standards by age of the sentence before, raised (RAISED_STANDARDS)
        if kind == "other" and lead and row_name:  # a table column such as 补贴标准
            kind = _first_rule(CONTEXT_KINDS, lead + row_name + text) or (
                ("allowance",) if re.search(r"每人", text) else ("other",)
            )
            kind = kind[0]
        basis = _basis(text[w0 : fig.start], text, kind, recipient, fund, text[fig.end : w1])
        if basis in (None, "person") and (
            COUNT_THEN_PAID.search(text[: fig.start]) or PAID_COUNT_THEN_SUM.search(text[: fig.start])
        ):
            basis = "total"  # the count is in the clause before the figure's window
        if (
            basis is None
            and rows
            and rows[-1].basis == "total"
            and FUND_LIST_ITEM.search(text[c0 : fig.start])
        ):
            basis = "total"  # `筹集…经费500万元,…经费100万元,老旧住宅加装电梯市级补助800万元`: the list of funds goes on
        template = Row(
            (kind,),
            sent.start + w0,
            sent.start + w1,
            recipient=recipient,
            basis=basis,
            frequency=_frequency(text[w0:w1], basis, text[figures[i - 1].end if i else 0 : fig.start]),
            anchor=sent.start + fig.start,
        )
        if (
            rows
            and ELLIPTICAL_CLAUSE.match(text[c0 : fig.start])
            and not INSTRUMENT_WORD.search(text[c0:w1])
            and not ELLIPTICAL_NOT.search(text[c0:w1])
        ):
            # `本科一次性给予2万元，大专1.5万元，中专1万元`: a clause with only a condition and an
            # amount continues the figure before it; the condition names its recipient
            prev = rows[-1]
            # (the last item of a `、` list of them: `本科及以上3万元、专科(高职)2万元`)
            condition = re.split(r"每|按|/", text[c0 : fig.start].split("、")[-1])[0].strip(TRIM)
            condition = re.sub(r"^(?:其中|另外|另|此外|同时)", "", condition).strip(
                TRIM
            )  # `,其中200万元用于…`: no one
            condition = RAISED_TO_END.sub("", condition)  # `,其他对象调标至500元`: 其他对象
            condition = MAY_HAVE_END.sub("", condition)  # `,100岁可享受每月500元`: 100岁
            template = replace(
                template,
                kinds=prev.kinds,
                recipient=condition if len(condition) >= 2 else prev.recipient,
                basis=template.basis or prev.basis,
                frequency=template.frequency if template.frequency != "unspecified" else prev.frequency,
            )
            recipient = last_recipient = template.recipient
        if fig.kind == "rate" and COST_SHARED.search(text[: fig.start].rstrip()):
            # `80-89周岁高龄津贴所需资金,市级财政负担60%`: the programme whose cost is shared, not its people
            # (or, a bare `所需资金`, the money of the clause before: `80-89周岁老年人每人每月发放津贴100元,所需资金由…`)
            cost = COST_OF.search(text, 0, fig.start)
            earlier = next((r.recipient for r in reversed(rows) if r.recipient), None)
            template = replace(template, recipient=cost.group("r").strip(TRIM) if cost else earlier)
        if fig.kind == "rate":
            anchor, listed = replace(template, rate=fig.rate), []
            rows.append(anchor)
            continue
        flat = [v for values in fig.values for v in values]
        if fig.kind == "caps":
            _add_caps(rows, flat, anchor, listed, template, text[w0 : fig.start])
            anchor, listed = None, []
            continue
        if fig.is_range:
            names = [recipient] * len(flat)
        elif fig.distribute and not borrowed:
            names = _split_recipients(recipient, len(flat))
        elif any(len(values) == 2 for values in fig.values):
            main, alt = _alternative_recipient(recipient)
            names = [name for values in fig.values for name in (main, alt)[: len(values)]]
        else:
            names = [recipient] * len(flat)
        extras = ({"range": True} if fig.is_range else {}) | (
            {"tier": tier[0], "tier_of": tier[1]} if tier else {}
        )
        rows.extend(
            replace(template, amount=value, recipient=name, extras=extras)
            for value, name in zip(flat, names, strict=True)
        )
        per_unit = re.search(r"每|/", text[w0 : fig.start][-12:])
        anchor = rows[-1] if len(flat) == 1 and per_unit else None
        # (also amounts stated one by one: `新建…每张床位1万元…,改扩建…每张床位5000元…,最高补助标准分别为100万元、50万元`)
        listed = [*listed, *range(len(rows) - len(flat), len(rows))] if per_unit else []
    return rows


def _add_caps(
    rows: list[Row], flat: list[float], anchor: Row | None, listed: list[int], template: Row, before: str
) -> None:
    """Caps go to what they limit: a list of as many per-unit amounts, one each; a rate or a per-unit amount (one
    row per cap); else they are rows of their own."""
    if len(flat) > 1 and len(listed) == len(flat):
        # `每张1500元、2500元的标准…,最高补助标准分别为75万元、125万元`: each amount's own cap
        for at, value in zip(listed, flat, strict=True):
            rows[at] = replace(rows[at], cap=value, end=template.end)
    elif anchor is not None and anchor.cap is None:
        rows.remove(anchor)
        names = _split_recipients(anchor.recipient, len(flat)) if len(flat) > 1 else [anchor.recipient]
        frequency = anchor.frequency if anchor.frequency != "unspecified" else template.frequency
        # a rate's cap says what it is per (50%…，每人每年最高不超过3000元); an amount's basis stands
        stated = _first_rule(BASIS_CUES, before[-12:]) if anchor.amount is None else None
        basis = stated or anchor.basis or (template.basis if anchor.amount is None else None)
        rows.extend(
            replace(anchor, cap=value, recipient=name, end=template.end, frequency=frequency, basis=basis)
            for value, name in zip(flat, names, strict=True)
        )
    else:
        rows.extend(replace(template, cap=value) for value in flat)


# ---------------------------------------------------------------------------
# Provisions without a figure
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A named money instrument in a sentence (补贴, 津贴, 购买服务 …) and the kinds it gives."""

    start: int  # sentence-relative
    end: int
    kinds: tuple[str, ...]
    key: str
    specific: bool


# (each searched by its first characters where it has them: see literals.FirstCharacterScan)
_INSTRUMENT_RES = [(scanned(re.compile(pattern)), kinds, key) for pattern, kinds, key in INSTRUMENTS]
_GENERIC_RES = [scanned(re.compile(pattern)) for pattern in GENERIC_PROVISIONS]
# The rules searched at many sentences or clauses, by their first characters (the rulebook keeps the patterns).
_AMOUNT_SCAN = scanned(AMOUNT_RE)
_QUOTED_PROPOSAL_SCAN = scanned(QUOTED_PROPOSAL)
_RATE_SCAN = scanned(RATE_RE)
_NOT_A_PROVISION_CLAUSE_SCAN = scanned(NOT_A_PROVISION_CLAUSE)
# Any instrument or generic provision at all (the path with the gates open, which the tests compare with: the
# gated path below asks only the patterns whose strings a sentence holds).
_ANY_MENTION_RE = re.compile(
    "|".join(f"(?:{p})" for p in [p for p, _, _ in INSTRUMENTS] + GENERIC_PROVISIONS)
)
_MENTION_GATE = prefilter.literal_gate([p for p, _, _ in INSTRUMENTS] + GENERIC_PROVISIONS)
_ELDER_IN_NAME_RE = re.compile(r"(?<=.)(?:老年人|老人)(?=津贴|补贴|补助)")


def _mentions(text: str) -> tuple[Mention, ...]:
    """Instrument mentions in a sentence, longest first where they overlap, in text order.

    Cached: one document asks about the same sentence about five times (figures, headings, sections,
    provisions). The key holds the gates' state, so that the tests' runs without gates compute afresh."""
    return _mentions_cached(text, prefilter.ENABLED)


# Each instrument's and provision's strings one of which its every match holds (`literals.required_literals`):
# a sentence without any of a pattern's is not searched with it. (Most sentences the gate lets through name a
# common word, `养老服务`, `建设`, and hold one or two patterns' strings, all found in one Aho-Corasick pass, where
# one search of all the patterns at once, `_ANY_MENTION_RE`, tried each of them at every character.)
_INSTRUMENT_NEEDS = [required_literals(pattern) for pattern, _, _ in INSTRUMENTS]
_GENERIC_NEEDS = [required_literals(pattern) for pattern in GENERIC_PROVISIONS]
_NEEDED_STRINGS = tuple(sorted(set().union(*filter(None, _INSTRUMENT_NEEDS + _GENERIC_NEEDS))))
_NEEDED_AUTOMATON = ahocorasick.Automaton()  # every (overlapping) occurrence of them in one pass
for _needed in _NEEDED_STRINGS:
    _NEEDED_AUTOMATON.add_word(_needed, _needed)
_NEEDED_AUTOMATON.make_automaton()


def _searchable(patterns: list, needs: list[frozenset[str] | None], held: set[str]) -> list:
    return [
        p for p, needed in zip(patterns, needs, strict=True) if needed is None or not held.isdisjoint(needed)
    ]


@functools.lru_cache(maxsize=4096)
def _mentions_cached(text: str, gated: bool) -> tuple[Mention, ...]:
    if gated:
        held = {literal for _, literal in _NEEDED_AUTOMATON.iter(text)}
        instruments = _searchable(_INSTRUMENT_RES, _INSTRUMENT_NEEDS, held)
        generic = _searchable(_GENERIC_RES, _GENERIC_NEEDS, held)
        if not instruments and not generic:
            return ()
    elif not _ANY_MENTION_RE.search(text):
        return ()
    else:
        instruments, generic = _INSTRUMENT_RES, _GENERIC_RES
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for pattern, kinds, key in instruments:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                # 高龄老年人津贴 is 高龄津贴
                name = key or _ELDER_IN_NAME_RE.sub("", m.group())
                found.append(Mention(m.start(), m.end(), kinds, name, True))
                taken.append((m.start(), m.end()))
    for pattern in generic:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), (), "generic", False))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    return tuple(found)


def _titles(text: str) -> list[tuple[int, int]]:
    if "《" not in text:
        return []
    return [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]


_TITLE_RE = re.compile(r"《[^》]*》?")


TITLE_BROKEN_AFTER = re.compile(r"(?:及|和|与|暨|、)$")


def _is_caption(sent: Sentence, compact: str) -> bool:
    """A line of its own with no punctuation that is the page's first line or captions a table or list
    (`2023年8月钱塘区高龄老人生活津贴发放信息`, `2020年街道养老服务中心建设补助资金分配`): it names money,
    it does not provide it."""
    line_start = compact.rfind("\n", 0, sent.start) + 1
    line_end = compact.find("\n", sent.start) % (len(compact) + 1)
    line = compact[line_start:line_end].strip()
    if line != sent.text.strip():
        return False
    line = ATTACHMENT_PREFIX.sub("", line)  # `附件:1.…发放汇总表`: the attachment's name is a caption
    if _CLAUSE_PUNCTUATION.search(line):
        return False
    # (or the first line of a title broken after its conjunction: `…养老护理员特殊岗位津贴补助及` / `竞赛奖励办法补充规定`)
    return not compact[:line_start].strip() or bool(
        CAPTION_LINE.fullmatch(line) or TITLE_BROKEN_AFTER.search(line)
    )


def _mention_excluded(
    sent: Sentence,
    m: Mention,
    titles: list[tuple[int, int]],
    conditions: list[tuple[int, int]],
    figured: frozenset[str] | set[str],
) -> bool:
    """Whether a mention of an instrument is no promise: inside a title, a proposal or a condition,
    already given with its figure, a payment step, the object of an adjustment, procedure, a
    description of people, a vague investment, or the budget line of a named subsidy."""
    text = sent.text
    if _inside(m.start, titles) or _inside(m.start, conditions):
        return True
    c0, c1 = sent.clause_bounds(m.start)
    # (its own recipient, in its clause or in the `对…,` clause that opens the sentence right before it:
    # `对正常运营半年以上的…互助养老院,视情况给予一定的运营补助`)
    own_recipient = _TOWARDS.search(text[c0 : m.start]) or OPENING_RECIPIENT_CLAUSE.match(text[:c0])
    if m.key in figured and not own_recipient:
        return True
    clause = text[c0:c1]
    if m.key == "彩票公益金":  # the fund's `应当用于…养老` is what allocates it, not a use restriction
        clause = re.sub(r"应当(?:主要)?用于", "用于", clause)
    if PROCEDURE_AFTER.match(text[m.end : c1]) or _NOT_A_PROVISION_CLAUSE_SCAN.search(clause):
        return True
    if HANDLING_ONLY.search(clause) and not _GIVEN_TOO.search(clause):
        return True
    if COVERED_EVERYWHERE.search(clause) and not _STILL_TO_COME.search(clause):
        return True  # `新疆高龄津贴制度实现全覆盖`: a report (not `2025年底前,全面建立…制度并实现全覆盖`)
    if ADJUSTED_STANDARD[0].search(text[c0 : m.start]) and ADJUSTED_STANDARD[1].match(text[m.end : c1]):
        return True
    if DESCRIPTOR_AFTER.search(text[m.end : m.end + 14]) or LIST_LEAD_IN.search(text[c0 : m.end]):
        return True
    if m.key == "投入":
        obj = re.sub(r"^加大|投入力度$|的投入$", "", text[m.start : m.end])
        return bool(VAGUE_INVESTMENT_OBJECTS.match(obj))
    # budgeting a named subsidy: that subsidy is the row
    return m.key == "预算" and bool(re.search(r"补贴|补助", text[c0 : m.start]))


def _provision_end(sent: Sentence, m: Mention, c1: int) -> int:
    """Where a provision's quote ends: its clause, or the clause where the instrument ends when it runs
    past a comma (`福利彩票公益金，按照国家和省规定的比例用于支持发展养老服务`)."""
    return sent.clause_bounds(m.end - 1)[1] if m.end > c1 else c1


def _provision_rows(
    sent: Sentence, seen_keys: set[str], figured: frozenset[str] | set[str] = frozenset()
) -> list[Row]:
    text = sent.text
    if not _MENTION_GATE.may_match(text) or NOT_A_PROVISION_SENTENCE.search(text):
        return []  # (no mention can be kept where the gate finds none: see _mentions)
    titles = _titles(text) + list(_quoted_proposals(text))
    conditions = [m.span() for m in CONDITION_SPAN.finditer(text)]
    kept = [m for m in _mentions(text) if not _mention_excluded(sent, m, titles, conditions, figured)]
    if not kept:
        return []
    specific = [m for m in kept if m.specific]
    if len(kept) > 1:
        # budgeting or allocating an instrument named in the same sentence is that instrument
        others = [m for m in kept if m.key not in ("预算", "下拨")]
        if others:
            kept = others
        # a bare 补贴 next to named instruments refers back to them, unless it is given to someone
        if specific:
            kept = [m for m in kept if m.specific or re.match(r"给予|落实", text[m.start : m.end])]
    rows: list[Row] = []
    used_keys: set[str] = set()
    specific_kinds = {k for m in kept if m.specific for k in m.kinds}
    for m in kept:
        c0, c1 = sent.clause_bounds(m.start)
        c1 = _provision_end(sent, m, c1)
        clause = text[c0:c1]
        giver = PROVISION_GIVER.match(clause)
        quote_start = c0 + giver.end() if giver and c0 + giver.end() <= m.start else c0
        kinds = (
            m.kinds
            or _first_rule(PURPOSE_KINDS, text[m.start : m.end])
            or _first_rule(CONTEXT_KINDS, clause)
            or _first_rule(CONTEXT_KINDS, text)
            or ("other",)
        )
        if not m.specific and set(kinds) <= specific_kinds:
            continue
        if not m.kinds and re.search(r"建设[和与、及]?运营", clause):
            kinds = ("construction", "operation")
        key = m.key if m.specific else "generic:" + "+".join(kinds)
        if key in seen_keys or key in used_keys:
            continue
        used_keys.add(key)
        recipient = _recipient(text[:c1]) if re.search(r"对|向|为|享受", text[:c1]) else None
        basis = "bed" if re.search(r"床位", clause) else None
        if basis is None and kinds[0] == "allowance":
            basis = "person"
        frequency = _first_rule(FREQUENCY_CUES, clause) or "unspecified"
        for kind in kinds:
            rows.append(
                Row(
                    (kind,),
                    sent.start + quote_start,
                    sent.start + c1,
                    recipient=recipient,
                    basis=basis,
                    frequency=frequency,
                    anchor=sent.start + m.start,
                    extras={"mention": (sent.start + m.start, sent.start + m.end)},
                )
            )
    seen_keys.update(used_keys)
    # distinct instruments in one clause get their own quote (老龄补贴、高龄津贴)
    by_clause: dict[tuple[int, int], set] = {}
    for r in rows:
        by_clause.setdefault((r.start, r.end), set()).add(r.extras["mention"])
    for r in rows:
        if len(by_clause[(r.start, r.end)]) > 1:
            r.start, r.end = r.extras["mention"]
    return rows


def _mention_keys(text: str) -> set[str]:
    return {m.key for m in _mentions(text) if m.specific}


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def _extract(text: str) -> tuple[list[Row], list[dict], str, PositionMap]:
    compact, index = prefilter.compact(text)  # = _compact(text), by runs of spaces
    sentences = _sentences(compact)
    rows: list[Row] = []
    doubtful: list[dict] = []
    seen: dict[int, set[str]] = {}
    figure_rows: list[list[Row]] = []
    has_doubt: list[bool] = []
    leads: list[str | None] = []
    table_cells = _table_cells(compact, sentences)
    for i, sent in enumerate(sentences):
        if i not in table_cells and not _FIGURE_GATE.may_match(sent.text):
            # no figure to find (three sentences in four): nor a lead or giver to look for; a later
            # sentence reads this one's lead only when this one had figures
            figure_rows.append([])
            leads.append(None)
            has_doubt.append(False)
            continue
        previous = sentences[i - 1] if i and sentences[i - 1].paragraph == sent.paragraph else None
        before = len(doubtful)
        lead = None
        if i and OPENS_WITH_PART.match(sent.text) and i not in table_cells:
            earlier = sentences[i - 1]
            if previous is None and MONEY_CUES.search(earlier.text):
                previous = earlier
                lead = _lead(sentences, i) or earlier.text
                figure_rows.append(_figure_rows(sent, previous, doubtful, lead))
                leads.append(lead)
                has_doubt.append(_doubts(doubtful[before:]))
                continue
        if i in table_cells and TOTAL_ROW.fullmatch(table_cells[i][1] or ""):
            # `| 合计 | | 260万元 |`: the column's sum, said again
            doubtful.append(
                {
                    "reason": EXCLUDED["restated_sum"],
                    "verdict": "rejected",
                    "start": sent.start,
                    "end": sent.start + len(sent.text.rstrip("|")),
                }
            )
            figure_rows.append([])
        elif i in table_cells:
            lead, row_name = table_cells[i]
            figure_rows.append(_figure_rows(sent, None, doubtful, lead, row_name, table_cell=True))
        else:
            lead, continues = _lead(sentences, i) or _standards_heading_above(sentences, i), None
            if lead is None and _grades_the_money_before(sent, previous, figure_rows):
                lead = previous.text  # `…给予相应的年度运营补助。一星级0.7万元,二星级1.5万元,…`
            if (
                lead is None
                and previous is not None
                and _SEMICOLON_AT_END.search(previous.text)
                and figure_rows[-1]
            ):
                # an item of a `；` list after an item with money: `…每人每月100元；…每人每月200元；`
                # (under the heading or item the list continues, `（一）高龄津贴。…；…；`)
                lead, continues = (leads[-1] or "") + previous.text, figure_rows[-1][-1]
            giver = _giver_of_instrument(sentences, i) or previous
            figure_rows.append(_figure_rows(sent, giver, doubtful, lead, continues=continues))
        leads.append(lead)
        has_doubt.append(_doubts(doubtful[before:]))
    _single_tiers(figure_rows)
    # named subsidies whose amount the document states: other mentions of them without a
    # recipient of their own (titles, payment procedure, 确保…发放到位) are not new provisions
    # (a standard per person, bed or facility; a total paid out, `发放培训补贴216万元`, states no standard)
    figured = {
        m.key
        for i, sent in enumerate(sentences)
        if any(r.basis != "total" for r in figure_rows[i])
        for m in _mentions(sent.text)
        if m.specific and m.kinds[0] not in FUND_KINDS
    }
    for i, sent in enumerate(sentences):
        keys = seen.setdefault(sent.paragraph, set())
        if not figure_rows[i] and not has_doubt[i] and not _MENTION_GATE.may_match(sent.text):
            continue  # no figure and no mention: every step below would find nothing
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if figure_rows[i] or has_doubt[i]:  # a sentence with a figure is counted by its figures
            rows.extend(figure_rows[i])
            # …except a clause that names its own recipient and instrument without a figure
            # (`…给予运营补贴，对星级评定达标的中心实行以奖代补`)
            for clause in _recipient_clauses_without_figure(sent, figure_rows[i]):
                rows.extend(_provision_rows(clause, keys, figured))
            keys.update(_mention_keys(sent.text))
            continue
        if _is_heading(sent) and _section_has_money(sentences, figure_rows, i):
            keys.update(_mention_keys(sent.text))  # a title over the provisions it names
            continue
        if _stated_by_the_next(sent, following, figure_rows[i + 1] if following is not None else []):
            keys.update(_mention_keys(sent.text))  # 可享受就餐补贴。补贴标准为… : counted by the figure
            continue
        if _is_caption(sent, compact):
            continue
        rows.extend(_provision_rows(sent, keys, figured))
    rows.sort(key=lambda r: r.anchor)
    return rows, doubtful, compact, index


def _grades_the_money_before(sent: Sentence, previous: Sentence | None, figure_rows: list[list[Row]]) -> bool:
    """A sentence of grade-and-amount items only, after a sentence of its paragraph that provides money
    without an amount: those are that money's amounts by grade."""
    return bool(
        previous is not None
        and figure_rows
        and not figure_rows[-1]
        and GRADED_AMOUNTS.fullmatch(sent.text.strip())
        and MONEY_CUES.search(previous.text)
    )


def _recipient_clauses_without_figure(sent: Sentence, figure_rows: list[Row]) -> list[Sentence]:
    """Clauses of a figure sentence that open with their own recipient (对…) and state no figure,
    after a figure with its instrument (before it, `对…发放高龄津贴，每人每月300元`, the clause
    names the figure's recipient and instrument)."""
    out = []
    first_end = min((r.end for r in figure_rows), default=sent.start + len(sent.text))
    for m in re.finditer(rf"[^{CLAUSE_END}]+", sent.text):
        clause = m.group()
        a, b = sent.start + m.start(), sent.start + m.end()
        budgeted = BUDGETED_CLAUSE.match(clause)
        if (a < first_end and not budgeted) or any(r.start < b and a < r.end for r in figure_rows):
            continue
        own = OWN_RECIPIENT_CLAUSE.match(clause) or budgeted
        if own and not _amounts(clause) and not _RATE_SCAN.search(clause):
            out.append(Sentence(a, clause, sent.paragraph))
    return out


def _section_has_money(sentences: list[Sentence], figure_rows: list[list[Row]], i: int) -> bool:
    """Whether the sentences under heading `i` (up to the next heading) state figures or name instruments."""
    for j in range(i + 1, min(len(sentences), i + 1 + SECTION_LOOKAHEAD)):
        if _is_heading(sentences[j]):
            return False
        if figure_rows[j] or _mentions(sentences[j].text):
            return True
    return False


def _is_heading(sent: Sentence) -> bool:
    """A title: a short numbered sentence without clauses (`（一）高龄津贴。`, `二、发放标准`,
    `第二章 建设补贴`), or a short line without sentence punctuation."""
    return _is_heading_text(sent.text)


@functools.lru_cache(maxsize=4096)
def _is_heading_text(text: str) -> bool:
    """`_is_heading` by the sentence's text alone: a document asks about each sentence about ten times."""
    body = text.strip(TRIM)
    if len(body) > HEADING_MAX or re.search(rf"[{CLAUSE_END}]", body):
        return False
    if re.search(r"[；;]\s*$", text):
        return False  # an item of a `；` list (`（三）为八十周岁以上老年人发放高龄津贴；`), not a title
    return bool(HEADING_NUMBER.match(body)) or not re.search(r"[。；;！？!?]\s*$", text)


# A sentence that sorts the money into its parts (`居家和社区养老服务设施补助分为建设补助和年度运营补助两部分`): the sentences
# after it state each part's figures.
INSTRUMENTS_CLASSIFIED = re.compile(r"分为[^。；;]{2,40}?(?:两|三|四|五|[2-5])(?:部分|类|种|项|档)")


def _stated_by_the_next(sent: Sentence, following: Sentence | None, following_rows: list[Row]) -> bool:
    """Whether the figures of the next sentence state the money this one names (`可享受就餐补贴。补贴标准为…`, a list
    of standards under `…的标准调整为:`): it is counted by them, no provision of its own."""
    if following is None or not following_rows:
        return False
    if LIST_LEAD.search(sent.text) and following.paragraph == sent.paragraph + 1:
        return True
    if INSTRUMENTS_CLASSIFIED.search(sent.text) and following.paragraph == sent.paragraph:
        return True  # `补助分为建设补助和年度运营补助两部分。每建设1所日间照料中心,…市级补助10万元…`
    return bool(
        (following.paragraph == sent.paragraph or OPENS_WITH_PART.match(following.text))
        and (
            re.match(r"^\s*(?:其中|(?:补贴|补助|奖励|资助)?标准)", following.text)
            or GRADED_AMOUNTS.fullmatch(following.text.strip())
        )
    )


def _lead(sentences: list[Sentence], i: int) -> str | None:
    """The heading a sentence stands under: the run-in title before it, or the heading line above."""
    if i == 0:
        return None
    prev = sentences[i - 1]
    if prev.paragraph == sentences[i].paragraph or (
        prev.paragraph == sentences[i].paragraph - 1 and _is_heading(prev)
    ):
        return prev.text if _is_heading(prev) else None
    if prev.paragraph == sentences[i].paragraph - 1 and LIST_LEAD.search(prev.text):
        return prev.text  # `享受养老服务补贴的标准调整为:` over `1.最低生活保障家庭的老年人,每人每月1036元;`
    return None


SECTION_LEAD_REACH = 3  # one-sentence lines under a numbered heading that it still leads


def _standards_heading_above(sentences: list[Sentence], i: int) -> str | None:
    """A numbered heading that names an allowance a few lines up, when every line between states an amount
    (`一、80-89周岁的老年人高龄津贴发放标准` over `原标准:25元/月;` and `调标后:…调标至100元/月`): the lines are
    its standards."""
    for j in range(i - 1, max(-1, i - 1 - SECTION_LEAD_REACH), -1):
        if sentences[j].paragraph != sentences[j + 1].paragraph - 1:
            return None
        text = sentences[j].text
        if _is_heading(sentences[j]):
            numbered = HEADING_NUMBER.match(text.strip(TRIM))
            return text if j < i - 1 and numbered and ALLOWANCE_BEFORE.search(text) else None
        if not _amounts(text):
            return None
    return None


def _span(compact: str, index: PositionMap, start: int, end: int) -> tuple[int, int]:
    while start < end and compact[start] in TRIM:
        start += 1
    while end > start and compact[end - 1] in TRIM:
        end -= 1
    return index[start], index[end - 1] + 1


def extract_subsidies(text: str) -> list[dict]:
    """Subsidy rows of a cleaned document text, in document order.

    >>> [(r["kind"], r["amount_yuan"]) for r in extract_subsidies("对验收合格的中心给予20万元的一次性奖励。")]
    [('reward', 200000.0)]
    """
    return subsidies_and_left_out(text)[0]


def subsidies_and_left_out(text: str) -> tuple[list[dict], list[dict]]:
    """The subsidy rows and the money figures left out (ranges, floors), with the reason, in one pass."""
    rows, doubtful, compact, index = _extract(text)
    out = []
    for r in rows:
        start, end = _span(compact, index, r.start, r.end)
        marker = LEADING_MARKER.match(
            text, start, end
        )  # `第二十五条 `, `(七)`: the item's number, not its words
        if marker and marker.end() < end:
            start = marker.end()
        out.append(
            {
                "kind": r.kinds[0],
                "recipient": r.recipient,
                "amount_yuan": r.amount,
                "rate_percent": r.rate,
                "cap_yuan": r.cap,
                "basis": r.basis,
                "frequency": r.frequency,
                "quote": text[start:end],
                "start": start,
                "end": end,
                # where the figure (or the instrument named) stands, for the recipient rules
                "figure_at": _span(compact, index, r.anchor, r.anchor + 1)[0],
                "range": bool(r.extras.get("range")),  # an end of `50元至1000元`, not an item of a list
                "tier": r.extras.get("tier"),  # the condition a `…的,` opening sets (`_tier`)
            }
        )
    out.extend(_flat_table_rows(text, {(r["start"], r["amount_yuan"]) for r in out}))
    out.sort(key=lambda r: (r["start"], r["end"]))
    left_out: list[dict] = []
    for d in doubtful:
        start, end = _span(compact, index, d["start"], d["end"])
        row = {
            "reason": d["reason"],
            "verdict": d.get("verdict", "doubtful"),
            "quote": text[start:end],
            "start": start,
            "end": end,
        }
        if d.get("value") is not None:
            row |= {"value": d["value"], "unit": "元"}
        if row not in left_out:
            left_out.append(row)
    return out, left_out


def _flat_table_rows(text: str, seen: set) -> list[dict]:
    """A row per line of a money table that the page's text gives one cell per line
    (`2020年街道养老服务中心建设补助资金分配表` / `单位:万元` / `茶山街道养老服务中心` … `100`)."""
    rows = []
    for table in flat_tables(text):
        label = (table.title or "") + " ".join(table.header)
        if not MONEY_CUES.search(label) or NOT_SUBSIDY_MONEY.search(label):
            continue
        kinds = _first_rule(PURPOSE_KINDS, table.title or "") or next(
            (m.kinds for m in _mentions(table.title or "") if m.specific), ("budget_allocation",)
        )
        for name, amount, yuan in money_rows(table):
            if (name.start, yuan) in seen:
                continue
            facility = re.search(rf"(?:{FACILITY_WORDS})$", name.text)
            rows.append(
                {
                    "kind": kinds[0],
                    "recipient": name.text,
                    "amount_yuan": yuan,
                    "rate_percent": None,
                    "cap_yuan": None,
                    "basis": "facility" if facility else "total",
                    "frequency": "unspecified",
                    "quote": text[name.start : amount.end],
                    "start": name.start,
                    "end": amount.end,
                    "figure_at": amount.start,
                }
            )
    return rows


def doubtful_subsidies(text: str) -> list[dict]:
    """Money figures left out because they cannot be read as one amount (ranges, floors), for review.

    >>> [d["reason"] for d in doubtful_subsidies("给予2023-5万元补助。")]
    ['range: no single amount']
    """
    return subsidies_and_left_out(text)[1]
