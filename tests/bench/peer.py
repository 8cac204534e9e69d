# The numpy/scipy peer of `analyze` (issue 21), run as a whole process beside ours by register.bench.ts: loads a native
# document, builds W (holder × subject, fractions) as a sparse matrix, finds every entity's majority parent and
# ultimate controller (pointer jumping), and factorises I − W once (sparse LU, SuperLU, in the condensation's order) for
# look-through.
# With --check OUT.jsonl (the output of `analyze --jsonl`), it is also the reference solver: for a sample of entities
# it solves (I − W) m = e_t and reports the largest difference from our printed look-through and ultimate-owner figures
# (points), counting an unlisted figure as 0 where the reference's is at least the listing threshold, and exits 1 when
# either is 0.01 point or more (the precision FORMAT.md promises). The check solves
# by LU when asked (--lu); by default it iterates m ← e_t + W m for all sampled targets at once (a sparse × dense
# product per step) until no figure moves by 1e-13: a strongly connected core of 31,000 firms fills a sparse LU in
# beyond this machine's memory, while the iteration converges geometrically (every column of W sums to at most 1, and
# below 1 somewhere in every loop that is not closed). Closed loops are skipped (our output says "unavailable" there).
# Run: python3 tests/bench/peer.py DOC.ownership.json [--check OUT.jsonl] [--sample 300] [--min-stake 0.01] [--lu]
import json
import sys
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.sparse.csgraph import connected_components


def condensation_order(W, holder, subject):
    """Entity indices with every holder before what it holds, outside strongly connected components."""
    _, label = connected_components(W, directed=True, connection='strong')
    # SciPy numbers strong components sinks first (Pearce's algorithm): a holder's label is at least its subject's.
    # Checked rather than assumed; a descending sort of the labels is then an order of the condensation.
    if np.any(label[holder] < label[subject]):
        raise SystemExit('peer.py: scipy numbered strong components in an unexpected order; update condensation_order')
    return np.argsort(-label, kind='stable')


def main():
    args = sys.argv[1:]
    path = args[0]
    check = args[args.index('--check') + 1] if '--check' in args else None
    sample = int(args[args.index('--sample') + 1]) if '--sample' in args else 300
    min_stake = float(args[args.index('--min-stake') + 1]) if '--min-stake' in args else 0.01
    with open(path, 'rb') as f:
        doc = json.load(f)
    ids = [e['id'] for e in doc['entities']]
    index = {k: i for i, k in enumerate(ids)}
    n = len(ids)
    hs = doc['holdings']
    holder = np.fromiter((index[h['holder']] for h in hs), dtype=np.int64, count=len(hs))
    subject = np.fromiter((index[h['subject']] for h in hs), dtype=np.int64, count=len(hs))
    share = np.fromiter((h['shares'] / 100.0 for h in hs), dtype=np.float64, count=len(hs))
    W = sp.csr_matrix((share, (holder, subject)), shape=(n, n))
    # Majority chain: a holder with more than 50% is the parent; the ultimate controller is the top of the chain.
    parent = np.full(n, -1, dtype=np.int64)
    big = share > 0.5
    parent[subject[big]] = holder[big]
    top = np.where(parent >= 0, parent, np.arange(n))
    for _ in range(64):  # pointer jumping: 2^64 steps, cycles end where they are
        nxt = top[top]
        if np.array_equal(nxt, top):
            break
        top = nxt
    controlled = int((parent >= 0).sum())
    held = np.asarray(W.sum(axis=0)).ravel()
    holders = np.diff(W.tocsc().indptr)
    rng = np.random.default_rng(1)
    targets = rng.choice(n, size=min(sample, n), replace=False)
    worst_look = worst_owner = 0.0
    ours = {}
    if check:
        want = set(ids[t] for t in targets)
        with open(check, 'r', encoding='utf-8') as f:
            f.readline()
            for line in f:
                rec = json.loads(line)
                if rec['id'] in want:
                    ours[rec['id']] = rec
    solved = {}
    steps = 0
    lu_nnz = None
    if check:
        # A closed loop above t makes I − W singular there: our output says "unavailable", and it is not solved.
        targets = np.array([t for t in targets if ours[ids[t]]['lookThrough'] is not None], dtype=np.int64)
    if check and '--lu' not in args:
        # The reference by iteration: M ← E + W M for 50 sampled targets at a time (a dense n × 50 block).
        for at in range(0, len(targets), 50):
            block = targets[at:at + 50]
            E = np.zeros((n, len(block)))
            E[block, np.arange(len(block))] = 1.0
            M = E.copy()
            for _ in range(100000):
                nxt = E + W @ M
                steps += 1
                moved = float(np.abs(nxt - M).max())
                M = nxt
                if moved < 1e-13:
                    break
            for j, t in enumerate(block):
                solved[t] = M[:, j]
    else:
        # Look-through: one sparse LU of I − W, then a solve per target. The rows and columns are put in the order of
        # the condensation, holders before what they hold, so I − W is block triangular and factorises with fill only
        # inside strongly connected components. SuperLU's own ordering (COLAMD) ignores that structure: on the
        # generator's 100k graph, nearly acyclic, it ran for minutes where this takes a tenth of a second.
        order = condensation_order(W, holder, subject)
        A = (sp.identity(n, format='csc') - W.tocsc())[order][:, order].tocsc()
        lu = spla.splu(A, permc_spec='NATURAL', diag_pivot_thresh=0.0)
        lu_nnz = int(lu.L.nnz + lu.U.nnz)
        at = np.empty(n, dtype=np.int64)
        at[order] = np.arange(n)
        for t in targets:
            e = np.zeros(n)
            e[at[t]] = 1.0
            solved[t] = lu.solve(e)[at]
    for t in targets:
        m = solved[t]
        if not check:
            continue
        rec = ours[ids[t]]
        if rec['lookThrough'] is None:
            continue
        look = rec['lookThrough']
        for v in np.nonzero(m > 1e-12)[0]:
            if v == t:
                continue
            ref = m[v] * 100
            got = look.get(ids[v])
            if got is None:
                if ref >= min_stake + 0.01:
                    worst_look = max(worst_look, ref)
            else:
                worst_look = max(worst_look, abs(got - ref))
        owners = rec['ultimateOwners']
        for v in np.nonzero(m > 1e-12)[0]:
            if holders[v] == 0:
                key, ref = ids[v], (1.0 if v == t else m[v]) * 100
            else:
                key, ref = 'float:' + ids[v], (1 - held[v]) * m[v] * 100
                if 1 - held[v] <= 1e-9:
                    continue
            got = owners.get(key)
            if got is None:
                if ref >= min_stake + 0.01:
                    worst_owner = max(worst_owner, ref)
            else:
                worst_owner = max(worst_owner, abs(got - ref))
    print(json.dumps({'entities': n, 'holdings': len(hs), 'controlled': controlled, 'luNonzeros': lu_nnz, 'iterations': steps,
                      'checked': len(ours), 'worstLookThroughPoints': worst_look, 'worstOwnerPoints': worst_owner}))
    if check and max(worst_look, worst_owner) >= 0.01:
        raise SystemExit('peer.py: a printed figure is 0.01 point or more from the reference (or one that large is missing)')


main()
