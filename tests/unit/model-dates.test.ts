// The one calendar-date check (model/dates.ts isCalendarDate), read by the schema, the importers and the command line.
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/model/dates';
import { isoDate } from '../../src/model/schema';
import { isoDateArg } from '../../src/cli/args';
import { importBods, importCsv } from '../../src/io';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-28', true], ['1999-12-31', true],
    ['2023-02-29', false], ['2024-02-30', false], ['2024-13-01', false], ['2024-00-10', false],
    ['2024-1-01', false], ['2024-01-01T00:00', false], ['2024/01/01', false], ['', false], [20240101, false], [null, false],
  ])('%s → %s, as the schema, the CLI, CSV and BODS import read it', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
    expect(isoDate.safeParse(value).success).toBe(ok);
    if (typeof value !== 'string') return;
    const cli = () => isoDateArg(value, '--date');
    if (ok) expect(cli()).toBe(value);
    else expect(cli).toThrow(/must be YYYY-MM-DD, a real calendar date/);
    const csv = () => importCsv(`holder,subject,shares,since\nA,B,10,${value}\n`);
    if (ok) expect(csv().holdings[0].since).toBe(value);
    else if (value) expect(csv).toThrow(/is not a date/);
    const bods = () => importBods('[]', { date: value });
    if (!ok && value) expect(bods).toThrow(/io\/bods/);
  });
});
