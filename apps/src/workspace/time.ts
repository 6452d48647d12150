/** Due times and leases as a translator reads them, in the UI language. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "12 minutes ago": the largest unit that fits, rounded toward the present. */
export function relativeTime(at: string, now: number, locale: string): string {
  const delta = Date.parse(at) - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms || unit === 'minute')
      return format.format(Math.trunc(delta / ms), unit);
  }
  return format.format(0, 'minute');
}

/** Wall-clock time, with the date when it is not today. */
export function clockTime(at: string, now: number, locale: string): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { dateStyle: 'medium' }),
    timeStyle: 'short',
  }).format(date);
}
