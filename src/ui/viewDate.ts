// When a value typed into the view date field is a date to apply: complete (YYYY-MM-DD, a real day) and plausible
// (a year from 1800 to 2200). The browser's date field reports every keystroke in the year as a date (0002, 0020,
// 0202, 2024), and redrawing the graph at each of them would show years nobody meant.
import { isoDate } from '../model/schema';

/** The earliest and latest years a view date may have. */
export const VIEW_YEARS = [1800, 2200] as const;

/** Whether `value` is a complete, plausible date to move the view to. */
export function plausibleViewDate(value: string): boolean {
  if (!isoDate.safeParse(value).success) return false;
  const year = Number(value.slice(0, 4));
  return year >= VIEW_YEARS[0] && year <= VIEW_YEARS[1];
}
