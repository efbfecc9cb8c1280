"""The schemas, the descriptor and the contract say the same thing, because they come from one registry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yanglao.fields import TABLES, table_schema
from yanglao.publish.schemas import schema_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_committed_schema_is_what_the_registry_generates(table):
    assert (ROOT / "schemas" / f"{table}.json").read_text(encoding="utf-8") == schema_text(table), (
        "schemas/ is stale: run `yanglao schemas`"
    )


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_field_is_described_in_chinese_and_english(table):
    for field in table_schema(table)["fields"]:
        zh, _, en = field["description"].partition(" / ")
        assert re.search(r"[\u4e00-\u9fff]", zh), field["name"]
        assert re.search(r"[A-Za-z]{3}", en), field["name"]


# The columns DATA_CONTRACT.md promises, table by table (additive columns may exist beside them).
CONTRACT_COLUMNS = {
    "sources": "source_id url city province region_code issuer format active",
    "documents": "document_id title doc_number index_number issuer doc_type city province region_code "
    "published_date written_date topic validity source_url retrieved_at content_sha256 char_count text",
    "measures": "measure_id document_id parent_id path heading text category lead_units support_units start end",
    "targets": "target_id document_id measure_id indicator comparator value value_max unit deadline_year deadline "
    "scope quote start end indicator_code",
    "subsidies": "subsidy_id document_id measure_id kind recipient amount_yuan rate_percent cap_yuan basis frequency "
    "quote start end recipient_type condition",
    "indicators": "indicator_code name_zh name_en unit description_zh description_en synonyms",
    "national_targets": "indicator_code plan deadline_year comparator value source",
    # not in the contract: the report of figures left out (issue 12), a table so that it is validated
    "doubtful": "doubtful_id document_id table_name verdict reason value unit quote start end",
}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_contract_column_is_in_the_schema(table):
    missing = [c for c in CONTRACT_COLUMNS[table.name].split() if c not in table.field_names]
    assert not missing


@pytest.mark.parametrize(
    ("table", "field", "values"),
    [
        (
            "documents",
            "doc_type",
            "proposal_reply suggestion_reply work_plan policy_measures rules notice other",
        ),
        ("targets", "comparator", "eq gte lte approx range"),
        (
            "subsidies",
            "kind",
            "construction operation reward service_purchase allowance training budget_allocation other",
        ),
        ("subsidies", "basis", "facility bed person household meal project total"),
        ("subsidies", "frequency", "one_off annual monthly daily per_meal unspecified"),
    ],
)
def test_enums_are_the_contracts(table, field, values):
    schema = table_schema(next(t for t in TABLES if t.name == table))
    (spec,) = [f for f in schema["fields"] if f["name"] == field]
    assert spec["constraints"]["enum"] == values.split()
