#!/usr/bin/env python3
"""Check the heldout7 gold: quotes are substrings of their texts, numbers parse, enums are valid,
ids match the manifest, measure paths are well formed and headings occur in the text."""
import csv, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / 'gold'
COLS = {
    'documents': ['document_id', 'title', 'doc_number', 'issuer', 'published_date', 'written_date', 'doc_type'],
    'targets': ['source_id', 'indicator', 'comparator', 'value', 'value_max', 'unit', 'deadline_year', 'scope', 'quote'],
    'subsidies': ['source_id', 'kind', 'recipient', 'amount_yuan', 'rate_percent', 'cap_yuan', 'basis', 'frequency', 'quote'],
    'measures': ['source_id', 'path', 'heading'],
}
DOC_TYPES = {'proposal_reply', 'suggestion_reply', 'work_plan', 'policy_measures', 'rules', 'notice', 'other'}
COMPARATORS = {'eq', 'gte', 'lte', 'approx', 'range'}
KINDS = {'construction', 'operation', 'reward', 'service_purchase', 'allowance', 'training', 'budget_allocation', 'other'}
BASES = {'facility', 'bed', 'person', 'household', 'meal', 'project', 'total'}
FREQS = {'one_off', 'annual', 'monthly', 'daily', 'per_meal', 'unspecified'}
MAN_COLS = ['id', 'file', 'city', 'province', 'region_code', 'format', 'provenance']

errors = []
def err(msg): errors.append(msg)

def read(path, cols):
    with open(path, encoding='utf-8', newline='') as f:
        r = csv.reader(f); header = next(r)
        if header != cols: err(f'{path.name}: header {header} != {cols}')
        return [dict(zip(header, row)) for row in r]

def number(v, what, required=False):
    if v == '':
        if required: err(f'{what}: empty number')
        return None
    try: return float(v)
    except ValueError: err(f'{what}: not a number: {v!r}')

man = read(ROOT / 'manifest.csv', MAN_COLS)
texts = {}
for m in man:
    p = ROOT / m['file']
    if not p.exists(): err(f"manifest: missing file {m['file']}"); continue
    texts[m['id']] = p.read_text(encoding='utf-8')
    if not re.fullmatch(r'\d{6}', m['region_code']): err(f"manifest {m['id']}: bad region_code")
    if not m['file'].startswith(tuple(f'{i:02d}_' for i in range(1, 100))): err(f"manifest {m['id']}: file name not NN_")
    if 'search corpus pages, retrieved 2026-12-03' not in m['provenance'] or '.gov.cn' not in m['provenance']:
        err(f"manifest {m['id']}: provenance lacks source/URL")
    if m['format'] != 'text': err(f"manifest {m['id']}: format")

docs = read(GOLD / 'documents.csv', COLS['documents'])
if {d['document_id'] for d in docs} != set(texts): err('documents.csv ids != manifest ids')
for d in docs:
    if d['doc_type'] not in DOC_TYPES: err(f"documents {d['document_id']}: doc_type {d['doc_type']}")
    for c in ('published_date', 'written_date'):
        if d[c] and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', d[c]): err(f"documents {d['document_id']}: {c}")
    t = texts.get(d['document_id'], '')
    if d['title'] and d['title'] not in t: err(f"documents {d['document_id']}: title not in text")

tg = read(GOLD / 'targets.csv', COLS['targets'])
for i, r in enumerate(tg, 2):
    w = f'targets row {i}'
    t = texts.get(r['source_id'])
    if t is None: err(f'{w}: unknown source_id'); continue
    if r['quote'] not in t: err(f'{w}: quote not in text')
    elif t.count(r['quote']) != 1: err(f'{w}: quote not unique')
    if r['comparator'] not in COMPARATORS: err(f'{w}: comparator')
    number(r['value'], w, True)
    vm = number(r['value_max'], w)
    if (r['comparator'] == 'range') != (vm is not None): err(f'{w}: value_max/range mismatch')
    if r['deadline_year'] and not re.fullmatch(r'20\d\d', r['deadline_year']): err(f'{w}: deadline_year')
    if not r['indicator'] or not r['unit']: err(f'{w}: indicator/unit empty')

sb = read(GOLD / 'subsidies.csv', COLS['subsidies'])
for i, r in enumerate(sb, 2):
    w = f'subsidies row {i}'
    t = texts.get(r['source_id'])
    if t is None: err(f'{w}: unknown source_id'); continue
    if r['quote'] not in t: err(f'{w}: quote not in text')
    if r['kind'] not in KINDS: err(f'{w}: kind')
    if r['basis'] and r['basis'] not in BASES: err(f'{w}: basis')
    if r['frequency'] not in FREQS: err(f'{w}: frequency')
    for c in ('amount_yuan', 'rate_percent', 'cap_yuan'): number(r[c], f'{w} {c}')
    if not r['recipient']: err(f'{w}: recipient empty')

ms = read(GOLD / 'measures.csv', COLS['measures'])
seen = set()
for i, r in enumerate(ms, 2):
    w = f'measures row {i}'
    t = texts.get(r['source_id'])
    if t is None: err(f'{w}: unknown source_id'); continue
    if not re.fullmatch(r'(T?\d+)(\.\d+)?', r['path']): err(f'{w}: path {r["path"]}')
    key = (r['source_id'], r['path'])
    if key in seen: err(f'{w}: duplicate path')
    seen.add(key)
    if '.' in r['path'] and (r['source_id'], r['path'].split('.')[0]) not in seen: err(f'{w}: parent missing')
    if r['heading'] not in t: err(f'{w}: heading not in text')

for p in sorted(ROOT.glob('[0-9][0-9]_*.txt')):
    if p.name not in {m['file'] for m in man}: err(f'{p.name}: not in manifest')

if errors:
    print('\n'.join(errors)); print(f'FAIL: {len(errors)} problem(s)'); sys.exit(1)
print(f'OK: {len(docs)} documents, {len(tg)} targets, {len(sb)} subsidies, {len(ms)} measures')
