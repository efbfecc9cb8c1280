"""The run's spool gives back exactly what the extraction batches wrote, in order, and refuses a foreign file.

Texts: two documents of the bundled corpus (real government pages, provenance in tests/data/corpus/README.md),
extracted for real.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from devcorpus import corpus_dir

from yanglao import runstate, spool
from yanglao.extract.rows import extract_rows
from yanglao.pipeline import DocumentResult

SEEDS = corpus_dir() / "seeds"


def _result(source_id: str) -> DocumentResult:
    text = (SEEDS / f"{source_id}.txt").read_text(encoding="utf-8")
    return DocumentResult(
        source_id, {"document_id": source_id, "text": text}, extract_rows(source_id, text, 2024)
    )


def test_a_spooled_batch_reads_back_equal_and_in_order(tmp_path):
    results = [
        _result("wuhan-2024-eldercare-measures"),
        DocumentResult("broken", error="no text in the page: it no longer parses"),
        _result("huzhou-2020-pilot-plan"),
    ]
    folder = spool.spool_dir(tmp_path)
    assert folder.parent == tmp_path / "datasets" and folder.name.startswith(spool.SPOOL_PREFIX)
    batch = spool.write_batch(folder, 0, iter(results))
    assert batch.source_ids == ("wuhan-2024-eldercare-measures", "broken", "huzhou-2020-pilot-plan")
    assert (batch.documents, batch.ok) == (3, 2)
    assert batch.rows == sum(len(rows) for r in results if r.rows for rows in r.rows.values()) > 20
    back = list(spool.read_results([batch]))
    assert back == results
    # The figures come back as extracted (a float stays a float, None stays None).
    targets = back[0].rows["targets"]
    assert [t["value"] for t in targets] == [t["value"] for t in results[0].rows["targets"]]
    spool.remove_spool(folder)
    assert not folder.exists()


def test_a_retried_batch_replaces_its_file_whole(tmp_path):
    folder = spool.spool_dir(tmp_path)
    spool.write_batch(folder, 3, [_result("wuhan-2024-eldercare-measures")])
    again = spool.write_batch(folder, 3, [_result("huzhou-2020-pilot-plan")])
    assert [r.source_id for r in spool.read_results([again])] == ["huzhou-2020-pilot-plan"]
    assert sorted(p.name for p in folder.iterdir()) == ["batch-000003.pkl"]  # no temporary file left


def test_a_batch_whose_file_holds_other_documents_is_an_error(tmp_path):
    folder = spool.spool_dir(tmp_path)
    batch = spool.write_batch(folder, 0, [_result("huzhou-2020-pilot-plan")])
    with Path(batch.path).open("wb") as f:  # a stale file of another run
        pickle.dump(DocumentResult("someone-else", error="x"), f)
    with pytest.raises(RuntimeError, match="other documents than its task reported"):
        list(spool.read_results([batch]))


def test_a_killed_runs_spool_is_a_leftover_the_next_run_removes():
    assert spool.SPOOL_PREFIX in runstate.LEFTOVER_PREFIXES
