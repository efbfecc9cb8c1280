"""Check the hand annotations of heldout3: every target/subsidy quote is a substring of its document,
target quotes are unique, numbers parse, enums are valid, measure paths unique with parents present,
headings occur in the text."""
import csv, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
def rows(name):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))
texts = {}
for m in rows('manifest.csv'):
    with open(os.path.join(HERE, m['file']), encoding='utf-8', newline='') as f:
        texts[m['id']] = f.read()
err = []
COMP = {'eq', 'gte', 'lte', 'approx', 'range'}
KIND = {'construction', 'operation', 'reward', 'service_purchase', 'allowance', 'training', 'budget_allocation', 'other'}
BASIS = {'', 'facility', 'bed', 'person', 'household', 'meal', 'project', 'total'}
FREQ = {'one_off', 'annual', 'monthly', 'daily', 'per_meal', 'unspecified'}
DTYPE = {'proposal_reply', 'suggestion_reply', 'work_plan', 'policy_measures', 'rules', 'notice', 'other'}
for d in rows('gold/documents.csv'):
    if d['document_id'] not in texts: err.append(('documents: unknown id', d['document_id']))
    if d['doc_type'] not in DTYPE: err.append(('doc_type', d))
for t in rows('gold/targets.csv'):
    txt = texts[t['source_id']]
    if t['quote'] not in txt: err.append(('target quote missing', t['quote']))
    elif txt.count(t['quote']) != 1: err.append(('target quote not unique', t['quote']))
    if t['comparator'] not in COMP: err.append(('comparator', t))
    float(t['value'])
    if t['value_max']: float(t['value_max'])
    if t['deadline_year']: int(t['deadline_year'])
for s in rows('gold/subsidies.csv'):
    if s['quote'] not in texts[s['source_id']]: err.append(('subsidy quote missing', s['quote']))
    if s['kind'] not in KIND or s['basis'] not in BASIS or s['frequency'] not in FREQ: err.append(('enum', s))
    for k in ('amount_yuan', 'rate_percent', 'cap_yuan'):
        if s[k]: float(s[k])
seen = set()
for m in rows('gold/measures.csv'):
    key = (m['source_id'], m['path'])
    if key in seen: err.append(('dup path', key))
    seen.add(key)
    if '.' in m['path'] and (m['source_id'], m['path'].rsplit('.', 1)[0]) not in seen: err.append(('parent missing', key))
    if m['heading'] not in texts[m['source_id']]: err.append(('heading not in text', m['heading']))
for e in err: print(*e)
print('OK' if not err else f'{len(err)} problems')
sys.exit(1 if err else 0)
