// The `generate` command: a synthetic document written as it is made, in chunks, so a million entities never sit
// in memory as objects; the text is exactly JSON.stringify(generateGraph(opts)).
import { generatedHeader, generateRecords, type GenerateOptions } from '../model/generate';

const CHUNK = 1 << 16;

/** Writes the generated document as JSON text through `write`, in chunks of about 64 KB. */
export function writeGenerated(opts: GenerateOptions, write: (chunk: string) => void): void {
  let buf = `${JSON.stringify(generatedHeader(opts)).slice(0, -1)},"entities":[`;
  let first = true, holdings = false;
  const add = (record: string) => {
    buf += first ? record : `,${record}`;
    first = false;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  };
  // Generated ids, names, kinds and jurisdictions are plain ASCII (no quote, backslash or control character), so the
  // records are written by template, field for field in JSON.stringify's order (tested against it).
  generateRecords(opts, {
    entity: (e) => add(`{"id":"${e.id}","name":"${e.name}","kind":"${e.kind}","jurisdiction":"${e.jurisdiction}"}`),
    holding: (h) => {
      if (!holdings) {
        buf += '],"holdings":[';
        holdings = true;
        first = true;
      }
      add(`{"id":"${h.id}","holder":"${h.holder}","subject":"${h.subject}","shares":${h.shares}}`);
    },
  });
  if (!holdings) buf += '],"holdings":[';
  write(`${buf}],"agreements":[],"dependencies":[],"events":[]}`);
}
