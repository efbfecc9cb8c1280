"""The source registry: what it accepts, and a clear error for what it does not."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from yanglao.acquire.registry import RegistryError, load_registry, parse_registry

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT.parent / "shared" / "corpus" / "manifest.csv"

GOOD = {
    "id": "demo-1",
    "url": "https://mzj.example.gov.cn/a.html",
    "city": "武汉市",
    "province": "湖北省",
    "region_code": "420100",
}


def test_shipped_registry_keeps_the_corpus_ids_and_invents_no_address():
    sources = {s.id: s for s in load_registry(ROOT / "sources.yaml")}
    # the seven seed documents, whose metadata the registry curates, and eight more real documents
    # (../shared/corpus/extra) that give only their place, so that metadata is read from the text
    assert len(sources) == 15
    assert sum(1 for s in sources.values() if s.title) == 7
    assert sources["guangzhou-2021-elderly-preferential-treatment"].url == (
        "https://www.gz.gov.cn/zwgk/fggw/wyzzc/content/post_8300620.html"
    )
    unknown = [s for s in sources.values() if s.url is None]
    assert {s.id for s in unknown} == {
        "wuhan-2020-reply-20200464",
        "shantou-2024-reply-20240062",
        "huzhou-2020-pilot-plan",
        "wuhan-2024-eldercare-measures",
        "wuhai-2025-reply-hn35",
        # a LawRefBook/Laws markdown copy of the regulation, not a government page
        "zhejiang-2021-social-eldercare-promotion-regulation",
    }
    assert all("original address unknown" in s.note for s in unknown)


@pytest.mark.skipif(not MANIFEST.exists(), reason="development corpus not beside the repository")
def test_shipped_registry_matches_the_corpus_manifest():
    sources = {s.id: s for s in load_registry(ROOT / "sources.yaml")}
    with MANIFEST.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            source = sources[row["source_id"]]
            assert (source.city, source.province, source.region_code, source.doc_type) == (
                row["city"],
                row["province"],
                row["region_code"],
                row["doc_type"],
            )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**GOOD, "id": "Demo_1"}, "lowercase a-z0-9- slug"),
        ({**GOOD, "url": "ftp://example.org/a"}, "url must start with"),
        ({**GOOD, "region_code": "4201"}, "6-digit"),
        ({k: v for k, v in GOOD.items() if k != "city"}, "'city' is required"),
        ({**GOOD, "doc_type": "memo"}, "doc_type must be one of"),
        ({**GOOD, "colour": "red"}, "unknown keys ['colour']"),
    ],
)
def test_bad_entries_are_named_with_the_reason(entry, message):
    with pytest.raises(RegistryError, match=re.escape(message)) as error:
        parse_registry({"sources": [entry]}, "reg.yaml")
    assert "reg.yaml: source" in str(error.value)


def test_duplicate_ids_are_refused():
    with pytest.raises(RegistryError, match="demo-1: id is used twice"):
        parse_registry({"sources": [GOOD, GOOD]})


def test_relative_file_urls_are_read_from_the_registry_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "reg.yaml").write_text(
        "sources:\n- {id: a, url: 'file://pages/a.html', city: 武汉市, province: 湖北省, region_code: '420100'}\n",
        encoding="utf-8",
    )
    (source,) = load_registry(tmp_path / "reg.yaml")
    assert source.url == (tmp_path / "pages" / "a.html").as_uri()


def test_missing_and_malformed_files_give_one_line_errors(tmp_path):
    with pytest.raises(RegistryError, match="no such registry file"):
        load_registry(tmp_path / "nope.yaml")
    (tmp_path / "bad.yaml").write_text("sources: {}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="top-level key 'sources:' holding a list"):
        load_registry(tmp_path / "bad.yaml")
