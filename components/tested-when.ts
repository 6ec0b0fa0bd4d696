import { i18n } from '#i18n';

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * Made once: toLocaleDateString with options builds a new formatter on every call, about 0.1 ms
 * each here, which every row drawn paid again on every keystroke of a search.
 */
let formats: { thisYear: Intl.DateTimeFormat; otherYear: Intl.DateTimeFormat } | undefined;

/** How long ago a test ran, for the row: minutes or hours today, the date on any other day. */
export function testedWhen(at: number, now: number): string {
  const then = new Date(at);
  const today = new Date(now);
  if (!sameDay(then, today)) {
    formats ??= {
      thisYear: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
      otherYear: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    };
    return (then.getFullYear() === today.getFullYear() ? formats.thisYear : formats.otherYear).format(then);
  }
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return i18n.t('justNow');
  if (minutes < 60) return i18n.t('minutesAgo', [String(minutes)]);
  return i18n.t('hoursAgo', [String(Math.floor(minutes / 60))]);
}

/** When a test ran, in full: the time, with the date when it was not today. */
export function testedAt(at: number, now: number): string {
  const then = new Date(at);
  return sameDay(then, new Date(now)) ? then.toLocaleTimeString() : then.toLocaleString();
}
