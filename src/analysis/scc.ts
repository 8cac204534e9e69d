// Strongly connected components (Tarjan, iterative) over a CSR graph; components come out sinks first.

/** Component id per node; ids are in reverse topological order (an edge u→v between components has comp[v] < comp[u]). */
export function stronglyConnected(n: number, start: Int32Array, target: Int32Array): { comp: Int32Array; count: number; size: Int32Array } {
  // The work arrays are carved from one buffer: on a register, separate arrays of millions each start a full garbage
  // collection (docs/SCALE.md, *A national register*).
  const work = new ArrayBuffer(24 * n + n);
  const comp = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(work, 20 * n, n);
  const count = tarjan(n, start, target, work, comp, sizes);
  return { comp, count, size: sizes.slice(0, count) };
}

/**
 * The walk itself, apart from what is made of its result: the loop is compiled while it runs (on-stack replacement),
 * before anything after it has run, and the code kept for the next call. Anything after the loop but `return` would
 * throw that code away on every call (a register's ultimate controllers call this once per group, hundreds of times).
 */
function tarjan(n: number, start: Int32Array, target: Int32Array, work: ArrayBuffer, comp: Int32Array, sizes: Int32Array): number {
  const index = new Int32Array(work, 0, n).fill(-1);
  const low = new Int32Array(work, 4 * n, n);
  const stack = new Int32Array(work, 8 * n, n);
  const callNode = new Int32Array(work, 12 * n, n);
  const callEdge = new Int32Array(work, 16 * n, n);
  const onStack = new Uint8Array(work, 24 * n, n);
  let sp = 0, counter = 0, count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = start[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < start[v + 1]) {
        callEdge[depth] = e + 1;
        const w = target[e];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = start[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        let size = 0, w;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          comp[w] = count;
          size++;
        } while (w !== v);
        sizes[count++] = size;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return count;
}
