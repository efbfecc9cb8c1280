"""The one registry of table and field metadata.

The Frictionless table schemas (`schemas/*.json`), the data package descriptor, the
Datasette metadata and the data dictionary are all generated from these
definitions, so they cannot disagree. Descriptions are bilingual: 中文 first,
then English, as consumers read both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yanglao import vocabulary

SLUG = r"[a-z0-9][a-z0-9-]*"

# The datasets' major version. Removing or renaming a column, or changing an id rule, is a breaking
# change: the build refuses to publish it until this number goes up (and the changelog says why).
DATA_MAJOR_VERSION = 1


@dataclass(frozen=True)
class Field:
    """One column: its type, bilingual description and constraints, from which every output's column is made."""

    name: str
    type: str  # frictionless type: string, integer, number, boolean, date, datetime
    zh: str
    en: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    facet: bool = False

    def descriptor(self) -> dict:
        """The Frictionless field descriptor: the one description schemas/*.json and datapackage.json show."""
        out: dict = {"name": self.name, "type": self.type, "title": self.zh.split("。")[0]}
        out["description"] = f"{self.zh} / {self.en}"
        if self.unit:
            out["unit"] = self.unit
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Table:
    """One table: its fields, key, links and display hints (label, sort, facets, search columns).

    The five published tables and the three the SQLite build adds are all described here, so that
    the Frictionless schemas, the Datasette metadata and the data dictionary read one definition.
    """

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    fields: tuple[Field, ...]
    primary_key: str
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, referenced table, referenced field)
    label_column: str | None = None
    sort: str | None = None
    id_rule: str = ""
    search_columns: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    def field(self, name: str) -> Field:
        """The field called `name` (StopIteration when there is none: a typo in code, not in data)."""
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> list[str]:
        """Column names in order: the order of the CSV header and of the SQLite table."""
        return [f.name for f in self.fields]

    @property
    def per_document(self) -> bool:
        """Rows belong to a document (a publish of one document touches only its rows); other tables
        (the registry, the vocabulary) are small and always compared whole."""
        return "document_id" in self.field_names


DOC_TYPES = ("proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other")
COMPARATORS = ("eq", "gte", "lte", "approx", "range")
SUBSIDY_KINDS = (
    "construction",
    "operation",
    "reward",
    "service_purchase",
    "allowance",
    "training",
    "budget_allocation",
    "other",
)
BASES = ("facility", "bed", "person", "household", "meal", "project", "total")
FREQUENCIES = ("one_off", "annual", "monthly", "daily", "per_meal", "unspecified")
FORMATS = ("html", "pdf", "text")
RECIPIENT_TYPES = ("older_person", "provider", "worker", "government", "other")
INDICATOR_CODE = r"[a-z0-9_]+"

# Chinese labels of coded values, by column name (Datasette lookup tables, exports, landing page).
# A code without a label here is shown as it is. measures.category's labels live in its rules.
# fmt: off
CODE_LABELS: dict[str, dict[str, str]] = {
    "doc_type": dict(zip(DOC_TYPES, ["提案答复", "建议答复", "工作方案", "政策措施", "办法规章", "通知", "其他"], strict=True)),
    "comparator": dict(zip(COMPARATORS, ["等于", "不低于", "不高于", "约", "区间"], strict=True)),
    "kind": dict(zip(SUBSIDY_KINDS, ["建设补贴", "运营补贴", "奖励", "购买服务", "津贴", "培训补贴", "资金安排", "其他"], strict=True)),
    "basis": dict(zip(BASES, ["每个机构", "每张床位", "每人", "每户", "每餐", "每个项目", "总额"], strict=True)),
    "frequency": dict(zip(FREQUENCIES, ["一次性", "每年", "每月", "每天", "每餐", "未说明"], strict=True)),
    "format": dict(zip(FORMATS, ["网页", "PDF", "文本"], strict=True)),
    "recipient_type": dict(zip(("older_person", "provider", "worker", "government", "other"),
                               ["老年人及家庭", "服务机构", "护理人员", "政府与专项资金", "其他"], strict=True)),
}
# fmt: on


def measure_categories() -> tuple[str, ...]:
    """The codes `measures.category` may take, read from the vocabulary file (`yanglao/vocabulary/`).

    Data, not an import of the extractor: the registry depends on no stage, and the outline stage
    reads the same file, so the schema's enum and the codes assigned cannot drift apart.
    """
    return tuple(term.code for term in vocabulary.measure_categories())


def _document_id(
    zh: str = "所属文件编号", en: str = "Identifier of the document the row comes from"
) -> Field:
    return Field("document_id", "string", zh, en, required=True, pattern=SLUG, facet=True)


def _provenance() -> tuple[Field, ...]:
    return (
        Field(
            "quote",
            "string",
            "原文引文:清洗后文件全文中的原句片段,满足 documents.text[start:end] == quote",
            "Exact quote from the cleaned document text: documents.text[start:end] == quote",
            required=True,
        ),
        Field(
            "start",
            "integer",
            "引文在文件全文中的起始字符位置(从0起)",
            "Character offset where the quote starts (0-based)",
            required=True,
            minimum=0,
        ),
        Field(
            "end",
            "integer",
            "引文在文件全文中的结束字符位置(不含)",
            "Character offset where the quote ends (exclusive)",
            required=True,
            minimum=0,
        ),
    )


def _place() -> tuple[Field, ...]:
    """City, province and region code copied from the row's document, to filter and compare by place."""
    return (
        Field("city", "string", "城市(取自所属文件)", "City (from the row's document)", required=True, facet=True),
        Field("province", "string", "省份(取自所属文件)", "Province (from the row's document)", required=True,
              facet=True),
        Field("region_code", "string", "城市行政区划代码(GB/T 2260)", "GB/T 2260 code of the city", required=True,
              pattern=r"\d{6}"),
    )  # fmt: skip


def _measure_link() -> Field:
    return Field(
        "measure_id",
        "string",
        "包含引文的最内层条目(措施)编号,可为空",
        "The innermost measure (outline item) whose span contains the quote; may be null",
        pattern=rf"{SLUG}:m(T?\d+)(\.\d+)*",
    )


SOURCES = Table(
    name="sources",
    title_zh="来源登记",
    title_en="Sources",
    description_zh="流程关注的每个网页或文件一行(来源登记表 sources.yaml)。",
    description_en="One row per page the pipeline watches (the registry, sources.yaml).",
    primary_key="source_id",
    label_column="source_id",
    sort="source_id",
    id_rule="source_id is a lowercase slug chosen when the source is registered and never reused.",
    fields=(
        Field(
            "source_id",
            "string",
            "来源编号,小写字母、数字和连字符,永不复用",
            "Source id: lowercase a-z0-9- slug, never reused",
            required=True,
            unique=True,
            pattern=SLUG,
        ),
        Field(
            "url",
            "string",
            "原始网址;原址未知时为空(仅由快照存档提供)",
            "Original address; null where it is not known (served from the snapshot archive only)",
            pattern=r"(https?|file)://.+",
        ),
        Field("city", "string", "城市", "City", required=True, facet=True),
        Field(
            "province", "string", "省份(自治区、直辖市)", "Province-level division", required=True, facet=True
        ),
        Field(
            "region_code",
            "string",
            "城市的6位行政区划代码(GB/T 2260)",
            "6-digit GB/T 2260 code of the city",
            required=True,
            pattern=r"\d{6}",
        ),
        Field("issuer", "string", "发布机构", "Issuing body"),
        Field("doc_type", "string", "文件类型", "Document type", enum=DOC_TYPES, facet=True),
        Field(
            "format",
            "string",
            "原始格式:html、pdf 或 text",
            "Format as fetched: html, pdf or text",
            enum=FORMATS,
            facet=True,
        ),
        Field(
            "active",
            "boolean",
            "是否仍在定期抓取",
            "Whether the page is still refreshed on schedule",
            required=True,
        ),
        Field(
            "note", "string", "来源说明(例如原址未知)", "Notes on the source (e.g. original address unknown)"
        ),
    ),
)

DOCUMENTS = Table(
    name="documents",
    title_zh="政策文件",
    title_en="Documents",
    description_zh="已发布的每个文件版本一行,含清洗后的全文;所有引文位置都指向该全文。",
    description_en="One row per published document version, with the cleaned full text all offsets point into.",
    primary_key="document_id",
    foreign_keys=(("document_id", "sources", "source_id"),),
    label_column="title",
    sort="document_id",
    id_rule="document_id equals the source_id of the page it was fetched from.",
    search_columns=("title", "text"),
    fields=(
        Field(
            "document_id",
            "string",
            "文件编号,等于其来源编号",
            "Document id; equals its source_id",
            required=True,
            unique=True,
            pattern=SLUG,
        ),
        Field("title", "string", "标题", "Title", required=True),
        Field(
            "doc_number",
            "string",
            "文号,例如 武民函〔2020〕125号",
            "Document number (文号), e.g. 武民函〔2020〕125号",
        ),
        Field(
            "index_number", "string", "索引号", "Index number (索引号) of the public-information catalogue"
        ),
        Field("issuer", "string", "发布机构", "Issuing body (发布机构)", facet=True),
        Field(
            "doc_type",
            "string",
            "文件类型:提案答复、建议答复、工作方案、政策措施、办法规章、通知、其他",
            "Document type: proposal_reply, suggestion_reply, work_plan, policy_measures, rules, notice, other",
            required=True,
            enum=DOC_TYPES,
            facet=True,
        ),
        Field("city", "string", "城市", "City", required=True, facet=True),
        Field("province", "string", "省份", "Province", required=True, facet=True),
        Field(
            "region_code",
            "string",
            "城市行政区划代码(GB/T 2260)",
            "GB/T 2260 code of the city",
            required=True,
            pattern=r"\d{6}",
        ),
        Field("published_date", "date", "发布日期", "Date published"),
        Field("written_date", "date", "成文日期(如有)", "Date written (成文日期), when given"),
        Field("topic", "string", "主题分类(如有)", "Topic classification (主题分类), when given", facet=True),
        Field("validity", "string", "有效性(如有)", "Validity (有效性), when given"),
        Field(
            "source_url",
            "string",
            "抓取网址;原址未知时为空",
            "Address fetched; null when the original address is unknown",
        ),
        Field(
            "retrieved_at",
            "datetime",
            "快照抓取时间(UTC)",
            "When the archived snapshot was retrieved (UTC)",
            required=True,
        ),
        Field(
            "content_sha256",
            "string",
            "存档原始字节的 SHA-256",
            "SHA-256 of the raw bytes archived",
            required=True,
            pattern=r"[0-9a-f]{64}",
        ),
        Field(
            "char_count", "integer", "全文字符数", "Number of characters of text", required=True, minimum=0
        ),
        Field(
            "text", "string", "清洗后的全文", "Cleaned full text that every offset points into", required=True
        ),
    ),
)

MEASURES = Table(
    name="measures",
    title_zh="政策措施(条目)",
    title_en="Measures",
    description_zh="文件提纲中的每个措施或任务条目一行:一、(一)1. 一是 第一章 第一条 等编号标题,以及任务分工表的各行。",
    description_en="One row per policy measure or task item of the document outline, and per row of a task table.",
    primary_key="measure_id",
    foreign_keys=(("document_id", "documents", "document_id"), ("parent_id", "measures", "measure_id")),
    label_column="heading",
    sort="measure_id",
    id_rule="measure_id is {document_id}:m{path}; path numbers the item in the outline (1, 1.4, 1.4.2; T1.. for task-table rows).",
    search_columns=("heading", "text"),
    fields=(
        Field(
            "measure_id",
            "string",
            "措施编号:{文件编号}:m{路径}",
            "Measure id: {document_id}:m{path}",
            required=True,
            unique=True,
            pattern=rf"{SLUG}:m(T?\d+)(\.\d+)*",
        ),
        _document_id(),
        Field(
            "parent_id",
            "string",
            "上级措施编号,顶层为空",
            "Parent measure id; null at the top level",
            pattern=rf"{SLUG}:m(T?\d+)(\.\d+)*",
        ),
        Field(
            "path",
            "string",
            "提纲路径,如 1、1.4、1.4.2;任务表行为 T1、T2",
            "Outline path such as 1, 1.4, 1.4.2; T1, T2 for task-table rows",
            required=True,
            pattern=r"(T?\d+)(\.\d+)*",
        ),
        Field(
            "heading",
            "string",
            "条目标题,如 推进老年助餐服务",
            "The item's own title, e.g. 推进老年助餐服务",
            required=True,
        ),
        Field("text", "string", "条目正文(不含下级条目)", "The item's own body, without its sub-items"),
        Field("category", "string", "类别(受控词表)", "Category from a controlled vocabulary", facet=True),
        Field(
            "lead_units",
            "string",
            "牵头/责任单位,分号分隔",
            "Lead or responsible units (责任单位/牵头单位), semicolon separated",
        ),
        Field(
            "support_units", "string", "配合单位,分号分隔", "Supporting units (配合单位), semicolon separated"
        ),
        Field(
            "start",
            "integer",
            "条目(含下级条目)在全文中的起始字符位置",
            "Offset where the item (with its sub-items) starts",
            required=True,
            minimum=0,
        ),
        Field(
            "end",
            "integer",
            "条目(含下级条目)在全文中的结束字符位置(不含)",
            "Offset where the item (with its sub-items) ends (exclusive)",
            required=True,
            minimum=0,
        ),
        *_place(),
    ),
)

TARGETS = Table(
    name="targets",
    title_zh="量化目标",
    title_en="Targets",
    description_zh="每个量化目标一行:文件承诺达到的某项指标的计划值,通常带期限。",
    description_en="One row per quantitative target: a planned value the document commits to reach, usually by a deadline.",
    primary_key="target_id",
    foreign_keys=(
        ("document_id", "documents", "document_id"),
        ("measure_id", "measures", "measure_id"),
        ("indicator_code", "indicators", "indicator_code"),
    ),
    label_column="indicator",
    sort="target_id",
    id_rule=(
        "target_id is {document_id}:t followed by the first 10 hex digits of the SHA-1 of the quote, value, unit and "
        "deadline year and the row's rank among identical ones: it depends only on the target's own sentence, so "
        "text inserted elsewhere in the document does not change it."
    ),
    search_columns=("indicator", "quote"),
    fields=(
        Field(
            "target_id",
            "string",
            "目标编号:{文件编号}:t+引文等内容哈希的前10位,与文件其他部分的改动无关",
            "Target id: {document_id}:t + 10 hex digits of a hash of its quote, value, unit and deadline (stable across releases)",
            required=True,
            unique=True,
            pattern=rf"{SLUG}:t[0-9a-f]{{10}}",
        ),
        _document_id(),
        _measure_link(),
        Field(
            "indicator",
            "string",
            "指标,如 社区养老设施等级评定率",
            "Indicator, a short noun phrase, e.g. 社区养老设施等级评定率",
            required=True,
        ),
        Field(
            "comparator",
            "string",
            "比较方式:等于、不低于、不高于、约、区间",
            "Comparator: eq, gte, lte, approx, range",
            required=True,
            enum=COMPARATORS,
            facet=True,
        ),
        Field(
            "value", "number", "目标值(区间的下限)", "Target value (lower bound of a range)", required=True
        ),
        Field("value_max", "number", "区间上限(如 1-2个 中的 2)", "Upper bound of a range (the 2 of 1-2个)"),
        Field(
            "unit",
            "string",
            "单位(已规范化:%、个、家、张、户、人、所、平方米、公里、分钟、元…)",
            "Normalized unit (%, 个, 家, 张, 户, 人, 所, 平方米, 公里, 分钟, 元, ...)",
            facet=True,
        ),
        Field(
            "deadline_year",
            "integer",
            "期限年份",
            "Year of the deadline",
            minimum=1949,
            maximum=2100,
            facet=True,
        ),
        Field(
            "deadline",
            "date",
            "期限日期(到2025年底 为 2025-12-31),无期限时为空",
            "Deadline date (到2025年底 is 2025-12-31); null when the document gives none",
        ),
        Field(
            "scope",
            "string",
            "适用范围,如 全市、各区、中心城区",
            "Scope where stated, e.g. 全市, 各区, 中心城区",
        ),
        *_provenance(),
        Field(
            "indicator_code",
            "string",
            "指标代码:指标词表(indicators 表)中与本目标指标对应的条目;词表中无对应指标时为空",
            "Code of the indicator in the vocabulary (indicators table); null when no entry fits",
            pattern=INDICATOR_CODE,
            facet=True,
        ),
        *_place(),
    ),
)

SUBSIDIES = Table(
    name="subsidies",
    title_zh="补贴与资金",
    title_en="Subsidies",
    description_zh="每项资金安排一行:补贴、津贴、奖励、购买服务或资金下拨及其金额或比例;未写金额的承诺也列出(金额为空)。",
    description_en=(
        "One row per money provision: a subsidy, allowance, reward, grant or funding allocation with its amount or "
        "rate, or a provision that promises one without an amount (amount null)."
    ),
    primary_key="subsidy_id",
    foreign_keys=(("document_id", "documents", "document_id"), ("measure_id", "measures", "measure_id")),
    label_column="recipient",
    sort="subsidy_id",
    id_rule=(
        "subsidy_id is {document_id}:s followed by the first 10 hex digits of the SHA-1 of the quote, kind, amount, "
        "rate and cap and the row's rank among identical ones, so it is stable when other parts of the document change."
    ),
    search_columns=("recipient", "quote"),
    fields=(
        Field(
            "subsidy_id",
            "string",
            "补贴编号:{文件编号}:s+引文等内容哈希的前10位",
            "Subsidy id: {document_id}:s + 10 hex digits of a hash of its quote and figures (stable across releases)",
            required=True,
            unique=True,
            pattern=rf"{SLUG}:s[0-9a-f]{{10}}",
        ),
        _document_id(),
        _measure_link(),
        Field(
            "kind",
            "string",
            "类型:建设、运营、奖励、购买服务、津贴、培训、资金安排、其他",
            "Kind: construction, operation, reward, service_purchase, allowance, training, budget_allocation, other",
            required=True,
            enum=SUBSIDY_KINDS,
            facet=True,
        ),
        Field(
            "recipient",
            "string",
            "受益对象,如 社区老年人服务中心",
            "Who gets the money, e.g. 社区老年人服务中心",
        ),
        Field(
            "amount_yuan",
            "number",
            "金额(元);15万 记为 150000",
            "Amount in yuan; 15万 is 150000",
            minimum=0,
            unit="元",
        ),
        Field(
            "rate_percent",
            "number",
            "按费用比例补贴时的百分比(按照建设费用50% 为 50)",
            "Share of a cost in percent (50 for 按照建设费用50%)",
            minimum=0,
            maximum=100,
            unit="%",
        ),
        Field("cap_yuan", "number", "最高限额(元)", "Cap in yuan (最高不超过…)", minimum=0, unit="元"),
        Field(
            "basis",
            "string",
            "计算基础:每个机构、每张床位、每人、每户、每餐、每个项目、总额",
            "What the amount is per: facility, bed, person, household, meal, project, total",
            enum=BASES,
            facet=True,
        ),
        Field(
            "frequency",
            "string",
            "频次:一次性、每年、每月、每天、每餐、未说明",
            "Frequency: one_off, annual, monthly, daily, per_meal, unspecified",
            required=True,
            enum=FREQUENCIES,
            facet=True,
        ),
        *_provenance(),
        Field(
            "recipient_type",
            "string",
            "受益方类型:老年人(本人或家庭)、服务机构与企业、从业人员、政府或项目(下级政府或资金安排)、其他;"
            "按类型分别合计可避免重复计算",
            "Who the money goes to: older_person (elderly people or their families), provider (facilities, "
            "organisations, enterprises), worker (care staff), government (transfers to lower governments or funds "
            "for a programme), other; sum by type to avoid double counting",
            required=True,
            enum=RECIPIENT_TYPES,
            facet=True,
        ),
        Field(
            "condition",
            "string",
            "适用条件:文件按等级、级别或人群给出不同金额时,本行金额所适用的等级或人群(如 五星级、重度失能、80-89周岁)",
            "The grade, level or group this amount applies to when the document gives several "
            "(e.g. 五星级, 重度失能, 80-89周岁); null otherwise",
        ),
        *_place(),
    ),
)

DOUBTFUL = Table(
    name="doubtful",
    title_zh="未收录的数字",
    title_en="Figures left out",
    description_zh="抽取时未收录为目标或补贴的数字,每个一行,注明排除规则:供核查,不是数据。",
    description_en=(
        "Every figure the extractor left out of targets and subsidies, with the rule that left it out: for review, "
        "not data."
    ),
    primary_key="doubtful_id",
    foreign_keys=(("document_id", "documents", "document_id"),),
    label_column="reason",
    sort="doubtful_id",
    id_rule="doubtful_id is {document_id}:d followed by 10 hex digits of a hash of the table, reason, quote and figure.",
    search_columns=("quote",),
    fields=(
        Field(
            "doubtful_id",
            "string",
            "编号:{文件编号}:d+内容哈希的前10位",
            "Id: {document_id}:d + 10 hex digits of a hash of its content",
            required=True,
            unique=True,
            pattern=rf"{SLUG}:d[0-9a-f]{{10}}",
        ),
        _document_id(),
        Field(
            "table_name",
            "string",
            "本应收入的表:targets 或 subsidies",
            "The table the figure was considered for: targets or subsidies",
            required=True,
            enum=("targets", "subsidies"),
            facet=True,
        ),
        Field(
            "verdict",
            "string",
            "结论:存疑(待核查)或排除(不是目标或补贴)",
            "doubtful (unclear, for review) or rejected (the figure is something else)",
            required=True,
            enum=("doubtful", "rejected"),
            facet=True,
        ),
        Field(
            "reason",
            "string",
            "排除规则及原因",
            "The rule that left the figure out",
            required=True,
            facet=True,
        ),
        Field("value", "number", "数值", "The figure"),
        Field("unit", "string", "单位", "Its unit"),
        *_provenance(),
    ),
)

INDICATORS = Table(
    name="indicators",
    title_zh="指标词表",
    title_en="Indicators",
    description_zh="使各地目标可比的指标词表:每个指标一行,含中英文名称、单位、常见表述(同义词)。",
    description_en=(
        "The controlled vocabulary that makes targets comparable across places: one row per indicator, with "
        "Chinese and English names, unit and the wordings documents use (synonyms)."
    ),
    primary_key="indicator_code",
    label_column="name_zh",
    sort="indicator_code",
    id_rule="indicator_code is a permanent lowercase a-z0-9_ slug, never reused.",
    search_columns=("name_zh", "synonyms"),
    fields=(
        Field(
            "indicator_code",
            "string",
            "指标代码(永久不变)",
            "Indicator code (permanent slug)",
            required=True,
            unique=True,
            pattern=INDICATOR_CODE,
        ),
        Field("name_zh", "string", "指标名称(中文)", "Name in Chinese", required=True),
        Field("name_en", "string", "指标名称(英文)", "Name in English", required=True),
        Field(
            "unit", "string", "单位", "Unit targets of this indicator are given in", required=True, facet=True
        ),
        Field("description_zh", "string", "说明(中文)", "Description in Chinese"),
        Field("description_en", "string", "说明(英文)", "Description in English"),
        Field(
            "synonyms",
            "string",
            "文件中的常见表述,以分号分隔(… 表示中间可有其他字词)",
            "Wordings documents use, semicolon separated (… stands for any words between)",
        ),
    ),
)

NATIONAL_TARGETS = Table(
    name="national_targets",
    title_zh="国家目标",
    title_en="National targets",
    description_zh="可供对照的国家目标:每个指标、每个国家规划一行,只收有可引用国家来源的数值。",
    description_en=(
        "The national line local targets can be held against: one row per indicator and national plan, only "
        "figures with a citable national source."
    ),
    primary_key="national_target_id",
    foreign_keys=(("indicator_code", "indicators", "indicator_code"),),
    label_column="plan",
    sort="national_target_id",
    id_rule="national_target_id is {indicator_code}:{plan}.",
    search_columns=("source",),
    fields=(
        Field(
            "national_target_id",
            "string",
            "编号:{指标代码}:{规划}",
            "Id: {indicator_code}:{plan}",
            required=True,
            unique=True,
        ),
        Field(
            "indicator_code",
            "string",
            "指标代码",
            "Indicator code",
            required=True,
            pattern=INDICATOR_CODE,
            facet=True,
        ),
        Field(
            "plan",
            "string",
            "国家规划,如 十四五、十五五",
            "National plan, e.g. 十四五, 十五五",
            required=True,
            facet=True,
        ),
        Field("deadline_year", "integer", "期限年份", "Year of the deadline", minimum=1949, maximum=2100),
        Field(
            "comparator",
            "string",
            "比较方式:等于、不低于、不高于、约、区间",
            "Comparator: eq, gte, lte, approx, range",
            required=True,
            enum=COMPARATORS,
        ),
        Field("value", "number", "目标值", "Target value", required=True),
        Field(
            "source",
            "string",
            "来源:国家文件标题与文号,或官方表述",
            "Source: the national document's title and number, or the official statement",
            required=True,
        ),
    ),
)

TABLES: tuple[Table, ...] = (
    SOURCES,
    DOCUMENTS,
    MEASURES,
    INDICATORS,
    NATIONAL_TARGETS,
    TARGETS,
    SUBSIDIES,
    DOUBTFUL,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}

#: The tables whose rows come from a document's text, each with a `<table>_with_document` view in SQLite.
ROW_TABLES = ("measures", "targets", "subsidies")

# ---------------------------------------------------------------------------------------------------------
# Tables of the SQLite build only (not published as CSV): the release history and the state of the
# latest refresh. Described here with the published tables so that the Datasette metadata is generated
# from this registry alone.

RELEASES = Table(
    name="releases",
    title_zh="数据版本",
    title_en="Releases",
    description_zh="截至本数据库所依据版本的每个发布版本一行:版本号、创建时间、各表行数、文件哈希和各文件快照哈希。",
    description_en=(
        "One row per release up to the one this database was built from: version, created, rows per table, "
        "file hashes and the snapshot hash of each document."
    ),
    primary_key="version",
    label_column="version",
    sort="version",
    id_rule="version is YYYY.MM.DD, with a .N suffix for a second release on one day.",
    fields=(
        Field(
            "version",
            "string",
            "版本号 YYYY.MM.DD(同日第二次发布加 .N)",
            "Release version YYYY.MM.DD (.N for a second one on a day)",
            required=True,
            unique=True,
        ),
        Field("created", "datetime", "发布时间(UTC)", "When the release was created (UTC)", required=True),
        Field(
            "is_current",
            "boolean",
            "是否为本数据库所依据的版本",
            "Whether this database was built from this release",
            required=True,
            facet=True,
        ),
        *(
            Field(
                f"{t.name}_rows",
                "integer",
                f"{t.title_zh}表行数",
                f"Number of rows of {t.name}",
                unit="行 rows",
            )
            for t in TABLES
        ),
        Field(
            "hashes",
            "string",
            "各发布文件的 SHA-256(JSON:文件名 → sha256:…)",
            "SHA-256 of each published file (JSON object: file name → sha256:…)",
        ),
        Field(
            "snapshots",
            "string",
            "各文件所依据快照原始字节的 SHA-256(JSON:文件编号 → 哈希);仅当前发布版"
            "(早先发布版的见其 datasets/releases/<版本>/release.json)",
            "SHA-256 of the raw snapshot each document was built from (JSON object: document_id → hash); "
            "for the current release (an earlier release's are in its datasets/releases/<version>/release.json)",
        ),
    ),
)

SOURCE_STATUS = Table(
    name="source_status",
    title_zh="来源抓取状态",
    title_en="Source status",
    description_zh="每个来源最近一次刷新后的状态:最近尝试、最近成功、内容最近变化的时间,连续失败次数和错误。",
    description_en=(
        "Each source's state after the latest refresh: when it was last attempted, last fetched successfully and "
        "last changed, consecutive failures and the error."
    ),
    primary_key="source_id",
    foreign_keys=(("source_id", "sources", "source_id"),),
    label_column="source_id",
    sort="source_id",
    fields=(
        Field("source_id", "string", "来源编号", "Source id", required=True, unique=True),
        Field(
            "status",
            "string",
            "状态:ok 正常、stale 沿用上次数据、failed 无数据",
            "Status: ok, stale (kept its last good data), failed (no data)",
            enum=("ok", "stale", "failed"),
            facet=True,
        ),
        Field(
            "last_attempt",
            "datetime",
            "最近一次抓取尝试时间(UTC)",
            "When the source was last attempted (UTC)",
        ),
        Field(
            "last_success",
            "datetime",
            "最近一次成功抓取时间(UTC)",
            "When the source was last fetched successfully (UTC)",
        ),
        Field(
            "last_change", "datetime", "内容最近变化时间(UTC)", "When the source's content last changed (UTC)"
        ),
        Field(
            "consecutive_failures",
            "integer",
            "连续失败次数",
            "Number of consecutive failed attempts",
            unit="次 times",
        ),
        Field("error", "string", "最近的错误信息", "The latest error message"),
        Field(
            "snapshot_sha256",
            "string",
            "当前快照原始字节的 SHA-256",
            "SHA-256 of the raw bytes of the current snapshot",
        ),
    ),
)

LISTING_STATUS = Table(
    name="listing_status",
    title_zh="栏目页发现状态",
    title_en="Listing status",
    description_zh="每个被关注的栏目(列表)页最近一次读取的结果:读取页数、链接数、匹配数、新发现数、最新文件日期和错误。",
    description_en=(
        "Each watched listing page after the latest refresh: pages read, links seen, matched and new, the date of "
        "the newest document found, the last successful read and the error."
    ),
    primary_key="listing_id",
    label_column="listing_id",
    sort="listing_id",
    fields=(
        Field("listing_id", "string", "栏目编号", "Listing id", required=True, unique=True),
        Field("url", "string", "栏目网址", "Address of the listing page"),
        Field(
            "status",
            "string",
            "状态:ok 正常、warning 有问题(如未找到链接)",
            "Status: ok, or warning (e.g. no links found)",
            enum=("ok", "warning"),
            facet=True,
        ),
        Field("last_attempt", "datetime", "最近一次读取时间(UTC)", "When the listing was last read (UTC)"),
        Field(
            "last_success",
            "datetime",
            "最近一次成功读取(找到链接)的时间(UTC)",
            "When the listing last gave links (UTC)",
        ),
        Field(
            "newest_document_date",
            "date",
            "匹配链接中最新的文件日期",
            "Date of the newest matching document on the listing",
        ),
        Field("pages_read", "integer", "读取页数", "Pages read"),
        Field("links_seen", "integer", "链接数", "Links seen"),
        Field("links_matched", "integer", "匹配关键词的链接数", "Links whose title matched the keywords"),
        Field("links_new", "integer", "新发现的链接数", "Links not seen before"),
        Field("error", "string", "最近的错误或警告", "The latest error or warning"),
    ),
)

#: The tables the SQLite build adds to the published ones.
BUILD_TABLES: tuple[Table, ...] = (SOURCE_STATUS, LISTING_STATUS, RELEASES)
#: Every table the project writes anywhere, published or not.
ALL_TABLES: tuple[Table, ...] = (*TABLES, *BUILD_TABLES)


def table_schema(table: Table) -> dict:
    """A Frictionless Table Schema for one table."""
    fields = [f.descriptor() for f in table.fields]
    if table.name == "measures":
        categories = measure_categories()
        for f in fields:
            if f["name"] == "category":
                f.setdefault("constraints", {})["enum"] = list(categories)
    schema: dict = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": [table.primary_key],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [f],
                "reference": {"resource": "" if ref == table.name else ref, "fields": [ref_field]},
            }
            for f, ref, ref_field in table.foreign_keys
        ]
    schema["description"] = f"{table.description_zh} / {table.description_en} ID rule: {table.id_rule}"
    return schema


# Short Chinese column headers (Datasette, the XLSX workbook, the landing page); the English name stays
# available beside them. By column name, shared across tables, with (table, column) where it differs.
COLUMN_LABELS: dict[str | tuple[str, str], str] = {
    "source_id": "来源编号", "url": "原始网址", "city": "城市", "province": "省份", "region_code": "区划代码",
    "issuer": "发布机构", "doc_type": "文件类型", "format": "格式", "active": "定期抓取", "note": "说明",
    "document_id": "所属文件", "title": "标题", "doc_number": "文号", "index_number": "索引号",
    "published_date": "发布日期", "written_date": "成文日期", "topic": "主题分类", "validity": "有效性",
    "source_url": "原文网址", "retrieved_at": "抓取时间", "content_sha256": "快照哈希", "char_count": "字数",
    "text": "正文", ("documents", "text"): "全文", "measure_id": "所属条目", ("measures", "measure_id"): "条目编号",
    "parent_id": "上级条目", "path": "提纲路径", "heading": "标题", "category": "类别", "lead_units": "牵头单位",
    "support_units": "配合单位", "start": "起始位置", "end": "结束位置", "target_id": "目标编号",
    "indicator": "指标", "comparator": "比较", "value": "目标值", "value_max": "上限", "unit": "单位",
    "deadline_year": "期限年份", "deadline": "期限", "scope": "范围", "quote": "原文", "subsidy_id": "补贴编号",
    "kind": "类型", "recipient": "受益对象", "amount_yuan": "金额", "rate_percent": "比例", "cap_yuan": "最高限额",
    "basis": "计算基础", "frequency": "频次", "indicator_code": "指标代码", "recipient_type": "受益对象类型",
    "condition": "适用条件", "name_zh": "名称", "name_en": "英文名称", "description_zh": "说明",
    "description_en": "英文说明", "synonyms": "同义表述", "plan": "规划", "source": "出处",
    "version": "版本", "created": "发布时间", "is_current": "当前版本", "hashes": "文件哈希", "snapshots": "快照哈希",
    "status": "状态", "last_attempt": "最近尝试", "last_success": "最近成功", "last_change": "最近变化",
    "consecutive_failures": "连续失败", "error": "错误", "snapshot_sha256": "快照哈希", "listing_id": "栏目编号",
    "newest_document_date": "最新文件日期", "pages_read": "读取页数", "links_seen": "链接数",
    "links_matched": "匹配链接", "links_new": "新链接", "code": "代码", "label_zh": "中文名", "label_en": "英文名",
    "national_target_id": "国家目标编号", "doubtful_id": "记录编号", "table_name": "拟收入的表", "verdict": "结论",
    "reason": "排除规则", ("doubtful", "value"): "数值",  # (a figure left out of targets or subsidies, not a target value)
}  # fmt: skip


def column_label(table: str, name: str) -> str:
    """The short Chinese header of a column (its English name where none is known)."""
    return COLUMN_LABELS.get((table, name)) or COLUMN_LABELS.get(name) or name


def code_tables() -> list[Table]:
    """A lookup table `code_<column>` per coded column (code → Chinese label), for Datasette's labels.

    Each coded column of the tables is a foreign key to one, so Datasette shows `建设补贴` beside
    `construction` in cells and facets (Datasette 0.65 has no other way to label a value).
    """
    labels = {
        column: [(c, zh, c.replace("_", " ")) for c, zh in codes.items()]
        for column, codes in CODE_LABELS.items()
    }
    labels["category"] = [tuple(term) for term in vocabulary.measure_categories()]
    out = []
    for column, rows in labels.items():
        out.append(
            Table(
                name=f"code_{column}",
                title_zh=f"代码表:{column_label('', column)}",
                title_en=f"Codes of {column}",
                description_zh=f"{column} 列各代码的中文名称。",
                description_en=f"The Chinese label of each code of the {column} column.",
                primary_key="code",
                label_column="label_zh",
                sort="code",
                fields=(
                    Field("code", "string", "代码", "Code", required=True, unique=True),
                    Field("label_zh", "string", "中文名称", "Chinese label", required=True),
                    Field("label_en", "string", "英文名称", "English label"),
                ),
                extra={"rows": rows},
            )
        )
    return out
