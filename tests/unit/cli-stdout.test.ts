// Standard output of the command line (cli/stdout.ts): text chunks reach fd 1 as their exact UTF-8 bytes, whatever
// their size and order (the encoding buffer is used again from chunk to chunk), astral and lone surrogates included.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const chunks = ['plain ASCII\n', 'é ü — “quotes” ─', '😀 𝔸 astral', 'x'.repeat(70_000), 'lone \ud800 surrogate', '', 'ä'.repeat(40_000), 'end'];

describe('cli/stdout', () => {
  it('writes each chunk as its UTF-8 bytes, large after small and small after large', () => {
    // The chunks are made in the child (an argument of 100 KB is more than exec takes).
    const made = `[${chunks.map((c) => (c.length > 1000 ? `${JSON.stringify(c[0])}.repeat(${c.length})` : JSON.stringify(c))).join(',')}]`;
    const script = `import { writeStdout } from './src/cli/stdout.ts'; for (const c of ${made}) writeStdout(c);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('../../', import.meta.url).pathname, maxBuffer: 1 << 24 });
    expect(r.error).toBeUndefined();
    expect(r.stderr.toString()).toBe('');
    expect(Buffer.compare(r.stdout, Buffer.from(chunks.join(''), 'utf8'))).toBe(0);
  }, 30_000);
});
