/**
 * Dates and times as bank messages write them: `05-Dec-26`, `05Dec26`, `05/12/2026` (day first
 * everywhere but the US), `2026-12-05:14:22:10`, `Dec 5, 2026`, `5 déc.`, `05.12.2026`. A date
 * without a year takes receivedAt's year in the user's time zone, or the year before when that
 * would put it more than a few days after the message arrived.
 */
import { localClock } from '../../kit/dates/timezones';
import type { MessageDate } from './types';

// biome-ignore format: a table reads better as a table
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, janv: 1, janvier: 1, ene: 1, enero: 1, januari: 1, jän: 1, jänner: 1,
  feb: 2, february: 2, februar: 2, févr: 2, fevr: 2, février: 2, febrero: 2, februari: 2,
  mar: 3, march: 3, mär: 3, märz: 3, mrz: 3, mars: 3, marzo: 3, mrt: 3, maart: 3,
  apr: 4, april: 4, avr: 4, avril: 4, abr: 4, abril: 4,
  may: 5, mai: 5, mayo: 5, mei: 5,
  jun: 6, june: 6, juni: 6, juin: 6, junio: 6,
  jul: 7, july: 7, juli: 7, juil: 7, juillet: 7, julio: 7,
  aug: 8, august: 8, août: 8, aout: 8, ago: 8, agosto: 8, augustus: 8,
  sep: 9, sept: 9, september: 9, septembre: 9, septiembre: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, octobre: 10, octubre: 10,
  nov: 11, november: 11, novembre: 11, noviembre: 11,
  dec: 12, december: 12, dez: 12, dezember: 12, déc: 12, décembre: 12, dic: 12, diciembre: 12,
};
const MONTH = String.raw`(?<mon>[A-Za-zÀ-ÿ]{3,9})\.?`;
const YEAR = String.raw`(?<y>\d{4}|\d{2})`;

/** The forms tried, in order; each names its groups d (day), m or mon (month), y (year). Global: read with matchAll. */
const DATE_FORMS: { pattern: RegExp }[] = [
  {
    pattern:
      /(?<!\d)(?<y>\d{4})(?<s1>[-:])(?<m>\d{2})\k<s1>(?<d>\d{2})(?:[:T ](?<time>\d{2}:\d{2}(?::\d{2})?))?(?!\d)/g,
  },
  {
    pattern: new RegExp(
      String.raw`(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?[-\s]?${MONTH}(?:[-\s,]{0,2}${YEAR}(?![\d:]))?`,
      'g',
    ),
  },
  { pattern: new RegExp(String.raw`\b${MONTH}\s(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?\s${YEAR}(?![\d:]))?`, 'g') },
  {
    pattern: /(?<![\d/.:-])(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d/:]|\.\d)/g,
  },
  // Day and month without a year only after "on" (or its translation): alone, "12/04" could be anything.
  { pattern: /(?<=\b(?:on|le|am|el|op|il)\s)(?<a>\d{1,2})[-/.](?<b>\d{1,2})(?![\d/.:-]*\d)/gi },
];

const TIME =
  /(?<![\d:.\-/])(?<h>[01]?\d|2[0-3])(?::|h)(?<min>[0-5]\d)(?::(?<s>[0-5]\d))?(?:\s?(?<ampm>[AaPp])\.?[Mm]\.?)?(?![\d:])/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function receivedDay(receivedAt: string | undefined, timezone: string | undefined): string | undefined {
  if (!receivedAt) return undefined;
  const instant = new Date(receivedAt);
  if (Number.isNaN(instant.getTime())) return undefined;
  try {
    return localClock(timezone ?? 'UTC', instant).date;
  } catch {
    return localClock('UTC', instant).date;
  }
}

/** Days from `a` to `b` (YYYY-MM-DD). */
function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export type DateOptions = { receivedAt?: string; timezone?: string; monthFirst?: boolean };

/** Resolves day, month and a possibly missing or two-digit year to a calendar date. */
export function resolveDate(day: number, month: number, year: number | undefined, options: DateOptions) {
  const received = receivedDay(options.receivedAt, options.timezone);
  let full = year === undefined ? undefined : year < 100 ? 2000 + year : year;
  if (full === undefined) {
    if (!received) return undefined;
    full = Number(received.slice(0, 4));
    // "Dec 31" arriving on Jan 2 is last year's; a week of slack covers time zones and late alerts.
    if (validDay(full, month, day) && daysBetween(received, `${full}-${pad(month)}-${pad(day)}`) > 7) full -= 1;
  }
  return validDay(full, month, day) ? `${full}-${pad(month)}-${pad(day)}` : undefined;
}

function readTime(text: string): string | undefined {
  const match = TIME.exec(text);
  if (!match?.groups) return undefined;
  let hour = Number(match.groups.h);
  const ampm = match.groups.ampm?.toLowerCase();
  if (ampm === 'p' && hour < 12) hour += 12;
  if (ampm === 'a' && hour === 12) hour = 0;
  if (hour > 23) return undefined;
  return `${pad(hour)}:${match.groups.min}${match.groups.s ? `:${match.groups.s}` : ''}`;
}

/** The first date in `text` (and the time written with it), or null. */
export function findDate(text: string, options: DateOptions): { value: MessageDate; start: number } | null {
  let best: { value: MessageDate; start: number; end: number } | null = null;
  for (const form of DATE_FORMS) {
    for (const match of text.matchAll(form.pattern)) {
      const g = match.groups ?? {};
      let day: number;
      let month: number | undefined;
      if (g.mon !== undefined) {
        month = MONTHS[g.mon.toLowerCase()];
        day = Number(g.d);
      } else if (g.a !== undefined) {
        const [first, second] = [Number(g.a), Number(g.b)];
        const monthFirst = options.monthFirst === true ? first <= 12 : first > 12 === false && second > 12;
        [day, month] = monthFirst ? [second, first] : [first, second];
      } else {
        day = Number(g.d);
        month = Number(g.m);
      }
      if (month === undefined) continue;
      const date = resolveDate(day, month, g.y === undefined ? undefined : Number(g.y), options);
      if (!date) continue;
      if (best === null || match.index < best.start) {
        const end = match.index + match[0].length;
        const time = g.time ?? readTime(text.slice(end, end + 30));
        best = { value: time ? { date, time: readTime(time) ?? time } : { date }, start: match.index, end };
      }
      break;
    }
  }
  return best ? { value: best.value, start: best.start } : null;
}
