"""The release on disk while a run makes the next one: spooled tables, the row index, the previous release
read one document at a time.

Data: the release the flow builds for real from the bundled corpus (`shipped_build`: 15 real government
documents, provenance in tests/data/corpus/README.md) and two of its documents extracted afresh.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from devcorpus import corpus_dir

from yanglao.extract.rows import extract_rows
from yanglao.fields import TABLES_BY_NAME
from yanglao.publish.incremental import ROW_TABLES, load_previous, read_typed_table
from yanglao.publish.release import published_versions, releases_dir
from yanglao.publish.rowstore import (
    PER_DOCUMENT_TABLES,
    ROW_INDEX_FILE,
    RowIndex,
    TableSpooler,
    index_csv,
    load_row_index,
)
from yanglao.publish.validate import ValidationFailed

SEEDS = corpus_dir() / "seeds"


def _release(shipped_build):
    output, _summary = shipped_build
    return output, releases_dir(output) / published_versions(output)[-1]


def test_the_recorded_row_index_is_the_one_a_pass_over_the_csvs_finds(shipped_build):
    output, release = _release(shipped_build)
    recorded = json.loads((output / "state" / ROW_INDEX_FILE).read_text(encoding="utf-8"))
    assert recorded["version"] == release.name
    scanned = RowIndex()
    for name in PER_DOCUMENT_TABLES:
        index_csv(scanned, name, release / f"{name}.csv")
    kept = load_row_index(release, output / "state")
    documents = [
        d["document_id"] for d in read_typed_table(release / "documents.csv", TABLES_BY_NAME["documents"])
    ]
    assert kept.documents() == scanned.documents() == documents and len(documents) == 15
    for name in PER_DOCUMENT_TABLES:
        for document_id in documents:
            assert kept.span(name, document_id) == scanned.span(name, document_id)
    # Each range holds exactly that document's rows: the bytes between them are the whole table.
    measures = (release / "measures.csv").read_bytes()
    spans = sorted(kept.span("measures", d) for d in documents if kept.span("measures", d)[2])
    assert spans[0][0] == measures.index(b"\n") + 1 and spans[-1][1] == len(measures)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_the_previous_release_read_per_document_equals_the_release_read_whole(shipped_build):
    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    whole = {name: read_typed_table(release / f"{name}.csv", TABLES_BY_NAME[name]) for name in ROW_TABLES}
    documents = read_typed_table(release / "documents.csv", TABLES_BY_NAME["documents"])
    assert list(previous.documents) == [d["document_id"] for d in documents]
    for document in documents:
        document_id = document["document_id"]
        assert previous.documents[document_id] == document
        for name in ROW_TABLES:
            expected = [r for r in whole[name] if r["document_id"] == document_id]
            assert previous.rows_of(document_id)[name] == expected
        assert previous.row_count(document_id) == sum(
            1
            for name in ("measures", "targets", "subsidies")
            for r in whole[name]
            if r["document_id"] == document_id
        )
    assert "no-such-document" not in previous.documents and previous.row_count("no-such-document") == 0
    with pytest.raises(KeyError):
        previous.documents["no-such-document"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files through /proc (Linux)")
def test_a_previous_release_holds_one_descriptor_per_table_and_closes_them_when_dropped(shipped_build):
    """Read per document from descriptors kept open for the run (not a file opened per document), and
    nothing left open once the run lets go of the previous release."""
    import gc
    import os

    def open_csvs() -> list[str]:
        names = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                names.append(os.readlink(f"/proc/self/fd/{fd}"))
            except FileNotFoundError:  # the listing's own descriptor, closed since
                continue
        return sorted(n for n in names if n.startswith(str(release.resolve())) and n.endswith(".csv"))

    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    before = open_csvs()
    for document_id in previous.documents:
        assert previous.documents[document_id]["document_id"] == document_id
        previous.rows_of(document_id)
    held = open_csvs()
    read = {
        "documents",
        *(t for t in ROW_TABLES if any(previous.rows[t].count(d) for d in previous.documents)),
    }
    assert len(read) > 3 and len(held) == len(set(held)) == len(before) + len(read)
    del previous
    gc.collect()
    assert open_csvs() == before


def test_rows_read_again_are_new_rows_whatever_the_caller_did_to_the_last(shipped_build):
    """Callers change the rows they are given (`with_place` sets the place columns): what they get must be theirs."""
    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    document_id = next(d for d in previous.documents if previous.rows["measures"].count(d))
    first = previous.rows["measures"][document_id]
    expected = [dict(r) for r in first]
    first[0]["city"] = "别处"
    first.append({"measure_id": "extra"})
    assert previous.rows["measures"][document_id] == expected
    document = previous.documents[document_id]
    document["text"] = ""
    assert previous.documents[document_id]["text"]


def test_a_row_index_of_another_release_is_not_trusted(shipped_build, tmp_path):
    output, release = _release(shipped_build)
    state = tmp_path / "state"
    state.mkdir()
    recorded = json.loads((output / "state" / ROW_INDEX_FILE).read_text(encoding="utf-8"))
    recorded["values"] = [0] * len(recorded["values"])  # every range wrong…
    recorded["version"] = "2000.01.01"  # …and said to be another release's
    (state / ROW_INDEX_FILE).write_text(json.dumps(recorded), encoding="utf-8")
    index = load_row_index(release, state)
    assert index.span("documents", "wuhan-2024-eldercare-measures")[2] == 1  # found again from the CSVs


def _fresh(source_id: str) -> tuple[dict, dict]:
    text = (SEEDS / f"{source_id}.txt").read_text(encoding="utf-8")
    document = {
        "document_id": source_id,
        "text": text,
        "city": "武汉市",
        "province": "湖北省",
        "region_code": "420100",
    }
    return document, extract_rows(source_id, text, 2024)


def test_spooled_tables_come_back_in_release_order_with_places(tmp_path):
    spooler = TableSpooler(tmp_path / "release")
    for source_id in ("huzhou-2020-pilot-plan", "wuhan-2024-eldercare-measures"):
        document, rows = _fresh(source_id)
        rows["measures"] = list(reversed(rows["measures"]))  # the spool puts them in document order
        spooler.add(document, rows)
    tables = spooler.close()
    measures = list(tables["measures"])
    assert len(tables["measures"]) == len(measures) > 20
    assert [m["document_id"] for m in measures] == sorted(m["document_id"] for m in measures)
    wuhan = [m for m in measures if m["document_id"] == "wuhan-2024-eldercare-measures"]
    assert [m["start"] for m in wuhan] == sorted(m["start"] for m in wuhan)
    assert {m["city"] for m in wuhan} == {"武汉市"} and list(tables["measures"]) == measures  # read again
    assert [d["document_id"] for d in tables["documents"]] == [
        "huzhou-2020-pilot-plan",
        "wuhan-2024-eldercare-measures",
    ]
    assert not spooler.problems


def test_the_spooler_refuses_documents_out_of_order_and_reports_a_wrong_quote(tmp_path):
    spooler = TableSpooler(tmp_path / "release")
    document, rows = _fresh("wuhan-2024-eldercare-measures")
    target = rows["targets"][0]
    target["quote"] = target["quote"][1:] + "。"  # no longer the text at its offsets
    spooler.add(document, rows)
    assert [(p.table, p.row_key, p.field) for p in spooler.problems] == [
        ("targets", target["target_id"], "quote")
    ]
    with pytest.raises(ValueError, match="out of order"):
        spooler.add(_fresh("huzhou-2020-pilot-plan")[0], {})
    spooler.close()


def test_publishing_spooled_tables_with_a_wrong_quote_publishes_nothing(shipped_build, tmp_path):
    from datetime import UTC, datetime

    from yanglao.pipeline import registry_tables
    from yanglao.publish.release import publish_release, published_versions
    from yanglao.publish.rowstore import SpooledTables

    spooler = TableSpooler(tmp_path / "spool")
    document, rows = _fresh("wuhan-2024-eldercare-measures")
    document = {
        **load_previous(_release(shipped_build)[1]).documents[document["document_id"]],
        "text": document["text"],
    }
    rows["targets"][0]["quote"] = "不是原文"
    spooler.add(document, rows)
    tables = SpooledTables(spooler.close())
    tables.problems = spooler.problems
    tables.update(registry_tables([{"source_id": document["document_id"]}]))
    with pytest.raises(ValidationFailed, match="quote"):
        publish_release(tmp_path / "out", tables, datetime(2026, 12, 3, tzinfo=UTC))
    assert published_versions(tmp_path / "out") == []


def test_the_writer_measures_the_longest_record_the_downloads_read_blocks_for(shipped_build, tmp_path):
    """Arrow's CSV reader needs a block at least as long as a record; the writer measures them as it writes."""
    from yanglao.publish.exports import _CSV_SMALL_BLOCK, block_size
    from yanglao.publish.release import write_table_files

    _output, release = _release(shipped_build)
    documents = read_typed_table(release / "documents.csv", TABLES_BY_NAME["documents"])
    index = RowIndex()
    written = write_table_files(tmp_path, TABLES_BY_NAME["documents"], documents, index)
    assert (tmp_path / "documents.csv").read_bytes() == (release / "documents.csv").read_bytes()
    assert written["documents.csv"][1] == (release / "documents.csv").stat().st_size
    spans = [index.span("documents", d["document_id"]) for d in documents]
    assert index.largest["documents"] == max(end - start for start, end, _ in spans) > 10_000
    assert block_size(index.largest["documents"]) >= 2 * index.largest["documents"]
    assert block_size(10) == _CSV_SMALL_BLOCK and block_size(None) > _CSV_SMALL_BLOCK


def test_the_row_index_holds_each_documents_json_records(shipped_build):
    """The recorded index also says where each document's records are in each table's JSON: the bytes there
    are exactly that document's records (what a later publish copies for a document it keeps)."""
    output, release = _release(shipped_build)
    index = load_row_index(release, output / "state")
    seen = 0
    for name in PER_DOCUMENT_TABLES:
        data = (release / f"{name}.json").read_bytes()
        for document_id in index.documents():
            start, end, count = index.span(name, document_id)
            json_start, json_end = index.json_span(name, document_id)
            if not count:
                assert (json_start, json_end) == (0, 0)
                continue
            records = json.loads(b"[" + data[json_start:json_end] + b"]")
            assert len(records) == count and {r["document_id"] for r in records} == {document_id}
            seen += count
    assert seen == sum(
        len(read_typed_table(release / f"{n}.csv", TABLES_BY_NAME[n])) for n in PER_DOCUMENT_TABLES
    )


def test_a_kept_document_is_copied_from_the_previous_release_the_others_are_written(shipped_build, tmp_path):
    """`KeptBytes`: the records of a document taken unchanged are copied from the previous release's files
    (shown by a mark put into its bytes there), every other document's are made from its rows; unmarked,
    the files are byte for byte those of a publish that copies nothing."""
    from yanglao.publish.release import KeptBytes, write_table_files

    output, release = _release(shipped_build)
    index = load_row_index(release, output / "state")
    table = TABLES_BY_NAME["measures"]
    rows = read_typed_table(release / "measures.csv", table)
    kept_id, fresh_id = "wuhan-2024-eldercare-measures", "huzhou-2020-pilot-plan"
    assert index.span("measures", kept_id)[2] and index.span("measures", fresh_id)[2]
    previous = tmp_path / "previous"
    previous.mkdir()
    for suffix in ("csv", "json"):
        data = (release / f"measures.{suffix}").read_bytes()
        start, end = (
            index.span("measures", kept_id)[:2] if suffix == "csv" else index.json_span("measures", kept_id)
        )
        marked = data[start:end].replace("养老".encode(), "養老".encode())
        assert marked != data[start:end]
        (previous / f"measures.{suffix}").write_bytes(data[:start] + marked + data[end:])
    plain, copied = tmp_path / "plain", tmp_path / "copied"
    plain.mkdir()
    copied.mkdir()
    write_table_files(plain, table, rows, RowIndex())
    new_index = RowIndex()
    kept = KeptBytes(previous, index, frozenset({kept_id}))
    write_table_files(copied, table, rows, new_index, kept)
    for suffix in ("csv", "json"):
        assert (plain / f"measures.{suffix}").read_bytes() == (release / f"measures.{suffix}").read_bytes()
        written = (copied / f"measures.{suffix}").read_bytes()
        start, end = (
            new_index.span("measures", kept_id)[:2]
            if suffix == "csv"
            else new_index.json_span("measures", kept_id)
        )
        assert "養老".encode() in written[start:end]  # copied
        assert "養老".encode() not in written[:start] + written[end:]  # made from the rows
        assert (
            written.replace("養老".encode(), "养老".encode()) == (release / f"measures.{suffix}").read_bytes()
        )
    # A kept document whose row count differs from the previous release's is written from its rows.
    last_kept = max(i for i, r in enumerate(rows) if r["document_id"] == kept_id)
    fewer = rows[:last_kept] + rows[last_kept + 1 :]
    again = tmp_path / "again"
    again.mkdir()
    write_table_files(again, table, fewer, RowIndex(), kept)
    assert "養老".encode() not in (again / "measures.csv").read_bytes()


def test_a_releases_rows_of_some_documents_read_by_range_equal_those_of_a_pass(shipped_build):
    """What a release's changes compare with: the changed documents' rows of the previous release, read from
    their recorded byte ranges (not by parsing every row of every table)."""
    from yanglao.publish.release import load_release_tables

    output, release = _release(shipped_build)
    index = load_row_index(release, output / "state")
    documents = {"huzhou-2020-pilot-plan", "wuhan-2024-eldercare-measures", "not-a-document"}
    by_range = load_release_tables(release, documents, index)
    by_pass = load_release_tables(release, documents)
    assert by_range == by_pass
    assert len(by_range["measures"]) == 38 + 22 and len(by_range["documents"]) == 2


def test_an_older_row_index_without_json_ranges_is_read_and_copies_nothing(shipped_build):
    output, release = _release(shipped_build)
    recorded = json.loads((output / "state" / ROW_INDEX_FILE).read_text(encoding="utf-8"))
    values, per_table = recorded["values"], recorded.pop("per_table")
    assert per_table == RowIndex.PER_TABLE
    recorded["values"] = [v for i, v in enumerate(values) if i % per_table < 3]  # the older layout
    older = RowIndex.from_json(recorded)
    current = RowIndex.from_json(json.loads((output / "state" / ROW_INDEX_FILE).read_text(encoding="utf-8")))
    for name in PER_DOCUMENT_TABLES:
        for document_id in current.documents():
            assert older.span(name, document_id) == current.span(name, document_id)
            assert older.json_span(name, document_id) == (0, 0)


def test_rows_of_one_document_apart_are_refused_not_silently_dropped(shipped_build, tmp_path):
    """A measures.csv whose rows of one document are not together is not a release's order: the scan says so."""
    import csv

    _output, release = _release(shipped_build)
    with (release / "measures.csv").open(encoding="utf-8", newline="") as f:
        header, *records = list(csv.reader(f))
    at = header.index("document_id")
    first = [r for r in records if r[at] == records[0][at]]
    others = [r for r in records if r[at] != records[0][at]]
    with (tmp_path / "measures.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, first[0], *others[:3], *first[1:]])
    with pytest.raises(ValueError, match="not together"):
        index_csv(RowIndex(), "measures", tmp_path / "measures.csv")


def test_release_documents_keeps_the_last_good_rows_in_id_order_except_refused(shipped_build):
    """The flow's merge: fresh documents as reviewed, every other source's from the last release, unless refused."""
    from yanglao.pipeline import Review, release_documents

    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    ids = list(previous.documents)
    fresh_id = ids[3]
    fresh = [(fresh_id, {"document_id": fresh_id, "text": "新"}, {})]
    review = Review()
    got = list(release_documents(reversed(ids), fresh, previous, review, refused={ids[0]}))
    assert [sid for sid, _, _ in got] == ids[1:]
    assert dict((sid, d["text"]) for sid, d, _ in got)[fresh_id] == "新"
    assert review.published == set(ids[1:])
    kept = dict((sid, rows) for sid, _, rows in got)[ids[1]]
    assert kept["measures"] == previous.rows_of(ids[1])["measures"] and kept["measures"]
    with pytest.raises(ValueError, match="not a source"):
        list(release_documents(ids[:2], [("zzz-unknown", {}, {})], previous, Review()))


def test_a_release_of_spooled_tables_reads_each_table_once_and_reports_as_from_whole_tables(
    shipped_build, tmp_path, monkeypatch
):
    """Publishing takes what its checks and reports need from the pass that writes the tables
    (`ReleaseTallies`): each spooled table is read once, the targets twice (the chart of the chosen indicator
    reads them again). The quality report, the landing page and the data dictionary are the bytes that the
    functions give from the same rows as whole lists."""
    import shutil
    from datetime import UTC, datetime

    from yanglao.pipeline import public_source_rows, registry_tables
    from yanglao.publish import rowstore
    from yanglao.publish.dictionary import write_dictionary
    from yanglao.publish.landing import write_landing
    from yanglao.publish.quality import write_quality
    from yanglao.publish.release import publish_release, sort_rows
    from yanglao.publish.rowstore import SpooledTables, spool_rows

    _output, release = _release(shipped_build)
    previous = load_previous(release)
    spooler = TableSpooler(tmp_path / "spool")
    for document_id in sorted(previous.documents):
        rows = {name: previous.rows.get(name, {}).get(document_id, []) for name in ROW_TABLES}
        spooler.add(previous.documents[document_id], rows)
    tables = SpooledTables(spooler.close())
    tables.problems = spooler.problems
    sources = read_typed_table(release / "sources.csv", TABLES_BY_NAME["sources"])
    registry = registry_tables(sources)  # the sources spooled as well, as the flow does
    registry["sources"] = spool_rows(
        tmp_path / "spool" / "sources.rows", public_source_rows(sources), chunk=2
    )
    tables.update(registry)
    # the same rows, as lists in the release's order (the dictionary's examples are the first in that order)
    whole = {name: sort_rows(TABLES_BY_NAME[name], list(rows)) for name, rows in tables.items()}

    reads: dict[str, int] = {}
    iterate = rowstore.SpooledTable.__iter__

    def counted(table):
        reads[table.path.stem] = reads.get(table.path.stem, 0) + 1
        return iterate(table)

    monkeypatch.setattr(rowstore.SpooledTable, "__iter__", counted)
    published = publish_release(tmp_path / "out", tables, datetime(2026, 12, 6, tzinfo=UTC))
    monkeypatch.setattr(rowstore.SpooledTable, "__iter__", iterate)
    assert published.published and len(whole["targets"]) == 86
    # the sources twice: written, and named in the descriptor's credits
    assert reads == {"documents": 1, "measures": 1, "targets": 2, "subsidies": 1, "doubtful": 1, "sources": 2}

    again = tmp_path / "again"
    shutil.copytree(published.path, again)
    descriptor = json.loads((published.path / "datapackage.json").read_text(encoding="utf-8"))
    write_quality(again, whole)
    write_dictionary(again, whole)
    (again / "index.html").unlink()
    write_landing(again, descriptor, whole)
    for name in ("quality.json", "quality.md", "data-dictionary.md", "data-dictionary.html", "index.html"):
        assert (again / name).read_bytes() == (published.path / name).read_bytes(), name


def test_spooled_rows_come_back_in_their_order_as_often_as_read(tmp_path):
    from yanglao.publish.rowstore import spool_rows

    rows = [{"source_id": f"s{i}", "note": "带,逗号" if i % 2 else None} for i in range(5)]
    table = spool_rows(tmp_path / "sources.rows", iter(rows), chunk=2)  # chunks of 2, 2 and 1
    assert len(table) == 5 and table.ordered
    assert list(table) == rows and list(table) == rows
    empty = spool_rows(tmp_path / "empty.rows", [])
    assert len(empty) == 0 and not empty and list(empty) == []


def _spool_release(folder: Path, previous, fresh: set[str] = frozenset(), kept=None) -> TableSpooler:
    """The release's documents spooled in id order: those in `fresh` (or all, without `kept`) with their rows,
    the others copied from `kept`."""
    spooler = TableSpooler(folder, kept)
    for document_id in sorted(previous.documents):
        if kept is None or document_id in fresh:
            spooler.add(previous.documents[document_id], previous.rows_of(document_id))
        else:
            spooler.add_kept(document_id)
    spooler.close()
    return spooler


def test_kept_documents_copied_from_the_kept_spool_are_the_bytes_spooled_afresh(shipped_build, tmp_path):
    """A run that keeps most documents copies their pickled rows from the spool the latest release was made
    from, in runs of neighbours, around the documents it spools afresh: the same files, the same index."""
    from yanglao.publish.rowstore import SpooledRelease, keep_spooled_release, load_spooled_release

    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    whole = _spool_release(tmp_path / "whole", previous)
    expected = {name: (tmp_path / "whole" / f"{name}.rows").read_bytes() for name in PER_DOCUMENT_TABLES}
    spans = SpooledRelease.read(tmp_path / "whole").index
    keep_spooled_release(tmp_path / "state", tmp_path / "whole", release, "code-1")
    kept = load_spooled_release(tmp_path / "state", release, "code-1")
    assert kept is not None and kept.ids == sorted(previous.documents) and len(kept.ids) == 15
    ids = kept.ids
    for fresh in (set(), {ids[0]}, {ids[7]}, {ids[-1]}, set(ids[3:6]) | {ids[10]}, set(ids)):
        folder = tmp_path / f"copy-{len(fresh)}-{min(fresh, default='')}"
        spooler = _spool_release(folder, previous, fresh, kept)
        written = SpooledRelease.read(folder)
        assert written.ids == ids
        for name in PER_DOCUMENT_TABLES:
            assert (folder / f"{name}.rows").read_bytes() == expected[name], (name, fresh)
            for document_id in ids:
                assert written.index.span(name, document_id) == spans.span(name, document_id)
        assert spooler.counts == whole.counts and spooler.documents == ids
        assert spooler.counts["measures"] == len([m for d in ids for m in previous.rows_of(d)["measures"]])
    # the copies are read back as the rows themselves; closed twice, the spool still describes its files
    tables = TableSpooler(tmp_path / "again", kept)
    for document_id in ids:
        tables.add_kept(document_id)
    for _ in range(2):
        closed = tables.close()
        assert [d["document_id"] for d in closed["documents"]] == ids
        assert {name: len(closed[name]) for name in PER_DOCUMENT_TABLES} == whole.counts
    assert SpooledRelease.read(tmp_path / "again").ids == ids


def test_a_kept_spool_of_another_release_or_code_or_torn_is_not_used(shipped_build, tmp_path):
    """The spool is used only for the release it was made from: not for another release, not for another of the
    same name (a state folder restored beside releases of another run), not by other code, not when torn."""
    import shutil

    from yanglao.publish.rowstore import SPOOLED_RELEASE, keep_spooled_release, load_spooled_release

    output, release = _release(shipped_build)
    previous = load_previous(release, output / "state")
    _spool_release(tmp_path / "spool", previous)
    state = tmp_path / "state"
    keep_spooled_release(state, tmp_path / "spool", release, "code-1")
    assert not (tmp_path / "spool" / "measures.rows").exists()  # moved, not copied
    assert load_spooled_release(state, release, "code-1") is not None
    assert load_spooled_release(state, release, "code-2") is None  # made by other code
    other = tmp_path / "other" / "2000.01.01"
    shutil.copytree(release, other)
    assert load_spooled_release(state, other, "code-1") is None  # another release
    namesake = tmp_path / "elsewhere" / release.name
    shutil.copytree(release, namesake)
    record = json.loads((namesake / "release.json").read_text(encoding="utf-8"))
    record["hashes"]["targets.csv"] = "0" * 64  # another run's release of the same name
    (namesake / "release.json").write_text(json.dumps(record), encoding="utf-8")
    assert load_spooled_release(state, namesake, "code-1") is None
    measures = state / SPOOLED_RELEASE / "measures.rows"
    measures.write_bytes(measures.read_bytes()[:-10])  # torn
    assert load_spooled_release(state, release, "code-1") is None
    assert load_spooled_release(tmp_path / "nothing-here", release, "code-1") is None
