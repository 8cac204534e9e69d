// Command-line argument parsing: positional arguments and --flags (repeatable), with clear errors.
import { isCalendarDate } from '../model/dates';

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  switches: Set<string>;
}

const SWITCHES = new Set(['json', 'jsonl', 'help', 'history', 'quiet']);

/** Splits argv into positionals, valued flags (--name value or --name=value) and switches (--json). */
export function parseArgs(argv: string[], allowed: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    let value = inline;
    if (SWITCHES.has(name)) {
      switches.add(name);
      continue;
    }
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} (allowed: ${[...allowed, ...SWITCHES].map((x) => `--${x}`).join(', ')})`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags, switches };
}

/** The single value of a flag, or undefined. */
export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v && v.length > 1) throw new UsageError(`option --${name} given more than once`);
  return v?.[0];
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number written in decimal ("25", "0.01", "-3"), as the app's forms read it; "0x19", "1e2", "Infinity" and ""
 * (which Number() would accept) are refused with a UsageError naming `what`.
 */
export function decimal(value: string, what: string, opts: { integer?: boolean } = {}): number {
  const v = value.trim();
  if (!DECIMAL.test(v) || (opts.integer && !/^[+-]?\d+$/.test(v))) {
    throw new UsageError(`${what} must be a ${opts.integer ? 'whole' : 'decimal'} number such as ${opts.integer ? '25' : '25 or 0.01'}, got ${JSON.stringify(value)}`);
  }
  return Number(v);
}

/** A real calendar date YYYY-MM-DD (2024-02-30 is refused, as the app refuses it). */
export function isoDateArg(value: string, what: string): string {
  if (!isCalendarDate(value)) throw new UsageError(`${what} must be YYYY-MM-DD, a real calendar date, got ${JSON.stringify(value)}`);
  return value;
}
