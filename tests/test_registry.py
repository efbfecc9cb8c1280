"""The source registry: what it accepts, and a clear error for what it does not."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from yanglao.acquire.registry import RegistryError, load_registry, parse_registry

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "tests" / "data" / "corpus" / "manifest.csv"

GOOD = {
    "id": "demo-1",
    "url": "https://mzj.example.gov.cn/a.html",
    "city": "武汉市",
    "province": "湖北省",
    "region_code": "420100",
}

GOOD_YAML = "sources:\n- {id: a, url: null, city: 武汉市, province: 湖北省, region_code: '420100'}\n"


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


#: YAML the registry may hold, every feature an item-by-item load must read as `yaml.load` does: anchors and
#: aliases across entries, a merge key, unquoted dates and numbers, a flow list, a nested mapping, comments.
RICH_YAML = """\
# watched pages
sources:
- &base
  id: demo-1
  city: 武汉市
  province: 湖北省
  region_code: 420100
  published_date: 2024-05-20
- <<: *base
  id: demo-2
  title: "二号"
- {id: demo-3, city: &city 黄石市, province: 湖北省, region_code: '420100'}
listings:
- id: list-1
  include: [养老, 老年]
  note: *city
extra:
  nested: {a: 1, b: [2, 3]}
"""


def test_the_registry_is_read_item_by_item_exactly_as_yaml_load_reads_it():
    from yanglao.acquire.registry import _parse_yaml

    for text in (
        RICH_YAML,
        (ROOT / "sources.yaml").read_text(encoding="utf-8"),
        "",
        "just text\n",
        "- a\n- b\n",
        # what only a whole-document load reads right: an anchor, a tag or a merge key at the top level
        "sources: &s\n- {id: a}\nlistings: *s\n",
        "--- !!omap\n- a: 1\n- b: 2\n",
        "d: &d {x: 1}\n<<: *d\ny: 2\n",
    ):
        assert _parse_yaml(text, Path("x.yaml")) == yaml.load(text, Loader=yaml.SafeLoader), text


def test_a_second_document_or_broken_yaml_is_one_line_error(tmp_path):
    for name, text in (
        ("two.yaml", "sources: []\n---\nsources: []\n"),
        ("broken.yaml", "sources:\n- id: [\n"),
        ("unhashable.yaml", "? [a, b]\n: 1\n"),
        ("date.yaml", "sources:\n- {id: a, published_date: 2024-02-30}\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(RegistryError, match=f"{name}: not valid YAML"):
            load_registry(tmp_path / name)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {**GOOD, "city": ["武汉市", "黄石市"]},
            "source demo-1: city must be text, got list ['武汉市', '黄石市']",
        ),
        ({**GOOD, "id": 12}, "source 12: id must be text, got int 12"),
        ({**GOOD, "active": "no"}, "source demo-1: active must be true or false, got str 'no'"),
        (
            {**GOOD, "refresh_days": "abc"},
            "source demo-1: refresh_days must be a whole number, got str 'abc'",
        ),
        ({**GOOD, "refresh_days": True}, "source demo-1: refresh_days must be a whole number, got bool True"),
        ({**GOOD, "refresh_days": 0}, "source demo-1: refresh_days must be a whole number of at least 1"),
        ({**GOOD, "province": {"name": "湖北省"}}, "source demo-1: province must be text, got dict"),
        ({**GOOD, "format": "docx"}, "source demo-1: format must be one of html, pdf, text"),
    ],
)
def test_wrong_types_are_one_line_naming_the_entry_and_field(entry, message):
    with pytest.raises(RegistryError) as error:
        parse_registry({"sources": [GOOD | {"id": "first-ok"}, entry]}, "reg.yaml")
    text = str(error.value)
    assert text.startswith(f"reg.yaml: {message}") and "\n" not in text


def test_typed_scalars_yaml_reads_on_its_own_are_text():
    data = yaml.safe_load(
        "sources:\n- {id: a, url: null, city: 武汉市, province: 湖北省, region_code: 420100,"
        " published_date: 2024-05-20, refresh_days: 7, active: false}\n"
    )
    (source,) = parse_registry(data)
    assert (source.region_code, source.published_date, source.refresh_days, source.active) == (
        "420100",
        "2024-05-20",
        7,
        False,
    )


def test_a_wrong_type_in_the_registry_file_stops_the_cli_before_any_work(tmp_path, capsys):
    from yanglao.cli import main

    (tmp_path / "reg.yaml").write_text(
        "sources:\n- {id: a, url: null, city: 武汉市, province: 湖北省, region_code: '420100', active: 'no'}\n",
        encoding="utf-8",
    )
    assert main(["run", "--sources", str(tmp_path / "reg.yaml"), "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines()[-1].endswith("source a: active must be true or false, got str 'no'")
    assert not (tmp_path / "out").exists()


LISTING = {"id": "gz-list", "url": "https://a.gov.cn/list.html", "city": "广州市", "province": "广东省"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**LISTING, "region_code": "440100", "active": "no"}, "active must be true or false, got str 'no'"),
        (
            {**LISTING, "region_code": "440100", "max_pages": "abc"},
            "max_pages must be a whole number of at least 1",
        ),
        ({**LISTING, "region_code": ["440100"]}, "region_code must be text, got list ['440100']"),
        ({**LISTING, "region_code": "440100", "city": 3}, "city must be text, got int 3"),
        ({**LISTING, "region_code": "440100", "url": None}, "'url' is required"),
    ],
)
def test_listing_wrong_types_name_the_listing_and_field(entry, message):
    from yanglao.acquire.registry import parse_listings

    with pytest.raises(RegistryError) as error:
        parse_listings({"listings": [entry]}, "reg.yaml")
    assert str(error.value) == f"reg.yaml: listing gz-list: {message}"


def test_a_discovered_file_with_a_wrong_type_is_named(tmp_path):
    from yanglao.acquire.discover import load_discovered

    path = tmp_path / "discovered.yaml"
    path.write_text(
        "sources:\n- {id: x-1, url: 'https://a.gov.cn/1.html', city: a, province: b, region_code: '440100',"
        " discovered_at: [1]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match=re.escape(f"{path}: source x-1: discovered_at must be text")):
        load_discovered(path)


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        (
            "reg.yaml",
            GOOD_YAML + "listings:\n- {id: l, url: 'https://a.gov.cn/l.html', city: a, province: b,"
            " region_code: '420100', max_pages: abc}\n",
            "listing l: max_pages must be a whole number of at least 1",
        ),
        (
            "discovered.yaml",
            "sources:\n- {id: d-1, url: 'https://a.gov.cn/1.html', city: [a], province: b, region_code: '420100'}\n",
            "source d-1: city must be text, got list ['a']",
        ),
    ],
)
def test_listings_and_discovered_sources_are_checked_before_the_flow(tmp_path, capsys, file, text, message):
    from yanglao.cli import main

    (tmp_path / "reg.yaml").write_text(GOOD_YAML, encoding="utf-8")
    (tmp_path / file).write_text(text, encoding="utf-8")
    assert main(["run", "--sources", str(tmp_path / "reg.yaml"), "--output", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / file}: {message}"
    assert not (tmp_path / "out").exists()


def test_flat_fields_are_asdict_without_its_copy():
    """`flat_fields` replaces `dataclasses.asdict` on the run's many sources and statuses: the same dict, in order."""
    from dataclasses import asdict

    from yanglao.acquire.registry import Source, flat_fields
    from yanglao.publish.incremental import SourceStatus

    source = Source(
        "s1", "https://example.gov.cn/a.html", "武汉市", "湖北省", "420100", title="t", refresh_days=7
    )
    status = SourceStatus("s1", "stale", consecutive_failures=2, error="HTTP 500")
    for record in (source, status):
        assert list(flat_fields(record).items()) == list(asdict(record).items())
