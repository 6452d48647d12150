/** Figures as a manager reads them, in the page's language: days, durations, shares. */

/** A YYYY-MM-DD UTC day, short (`Mar 1`, `1 mars`, `3月1日`). */
export const shortDay = (day: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${day}T00:00:00Z`),
  );

/** A YYYY-MM-DD UTC day in full (`March 1, 2026`). */
export const longDay = (day: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.parse(`${day}T00:00:00Z`),
  );

/** Seconds in the unit that reads best: `45 sec`, `12.5 min`, `2 hr` (Intl's unit names). */
export function duration(seconds: number, locale: string): string {
  const [value, unit] =
    seconds < 90
      ? [seconds, 'second']
      : seconds < 90 * 60
        ? [seconds / 60, 'minute']
        : [seconds / 3600, 'hour'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A ratio as a percentage with at most one decimal (`0.253` → `25.3%`). */
export const percent = (ratio: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** Every day from `from` to `to`, both included, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= end; day += 86_400_000)
    days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}
