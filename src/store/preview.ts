// Previews: the document an operation would produce, computed (and memoised) without committing anything.
import { apply, type Op, type OwnershipDoc } from '../model';
import { readableError } from './messages';

export type Preview = { ok: true; doc: OwnershipDoc } | { ok: false; error: string };

const memo = new WeakMap<OwnershipDoc, WeakMap<Op, Preview>>();

/** apply(doc, op) as a preview: the next document, or why the operation would be refused. */
export function previewOf(doc: OwnershipDoc, op: Op): Preview {
  let byOp = memo.get(doc);
  if (!byOp) memo.set(doc, (byOp = new WeakMap()));
  let p = byOp.get(op);
  if (!p) {
    try {
      p = { ok: true, doc: apply(doc, op) };
    } catch (e) {
      p = { ok: false, error: readableError(e, doc) };
    }
    byOp.set(op, p);
  }
  return p;
}
