import { SoqlQueryError } from './errors';

/**
 * Date literals as date ranges [start, end) in the running user's calendar (SOQL and SOSL Reference, "Date Formats
 * and Date Literals"). Weeks start on Sunday (en_US locale); the fiscal year is the calendar year (the default org
 * setting "Fiscal Year Start Month: January").
 */
export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface DateRange {
  start: LocalDate;
  /** Exclusive. */
  end: LocalDate;
}

/** Today's date in a time zone. */
export function localToday(now: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric'
  }).formatToParts(now);
  const part = (type: string): number => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function fromUtc(date: Date): LocalDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function toUtc(date: LocalDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: date.day };
}

function monthStart(date: LocalDate): LocalDate {
  return { year: date.year, month: date.month, day: 1 };
}

function quarterStart(date: LocalDate): LocalDate {
  return { year: date.year, month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 };
}

function yearStart(date: LocalDate): LocalDate {
  return { year: date.year, month: 1, day: 1 };
}

function weekStart(date: LocalDate): LocalDate {
  return addDays(date, -toUtc(date).getUTCDay());
}

const range = (start: LocalDate, end: LocalDate): DateRange => ({ start, end });

/** The range of a date literal (`TODAY`, `LAST_N_DAYS` with n) relative to `today`. */
export function dateLiteralRange(name: string, n: number | undefined, today: LocalDate): DateRange {
  const needsN = /_N_|^N_/.test(name);
  if (needsN !== (n !== undefined)) {
    throw new SoqlQueryError(`unexpected token: '${name}'`);
  }
  const count = n ?? 0;
  const tomorrow = addDays(today, 1);
  const week = weekStart(today);
  const month = monthStart(today);
  const quarter = quarterStart(today);
  const year = yearStart(today);
  const normalized = name.replace('_FISCAL_', '_');
  switch (normalized) {
    case 'YESTERDAY':
      return range(addDays(today, -1), today);
    case 'TODAY':
      return range(today, tomorrow);
    case 'TOMORROW':
      return range(tomorrow, addDays(tomorrow, 1));
    case 'LAST_WEEK':
      return range(addDays(week, -7), week);
    case 'THIS_WEEK':
      return range(week, addDays(week, 7));
    case 'NEXT_WEEK':
      return range(addDays(week, 7), addDays(week, 14));
    case 'LAST_MONTH':
      return range(addMonths(month, -1), month);
    case 'THIS_MONTH':
      return range(month, addMonths(month, 1));
    case 'NEXT_MONTH':
      return range(addMonths(month, 1), addMonths(month, 2));
    // "Starts with the current day and continues for the last 90 days... includes 91 days in total."
    case 'LAST_90_DAYS':
      return range(addDays(today, -90), tomorrow);
    // "Starts 12:00:00 of the next day and continues for the next 90 days."
    case 'NEXT_90_DAYS':
      return range(tomorrow, addDays(tomorrow, 90));
    case 'LAST_N_DAYS':
      return range(addDays(today, -count), tomorrow);
    case 'NEXT_N_DAYS':
      return range(tomorrow, addDays(tomorrow, count));
    case 'N_DAYS_AGO':
      return range(addDays(today, -count), addDays(today, -count + 1));
    case 'LAST_N_WEEKS':
      return range(addDays(week, -7 * count), week);
    case 'NEXT_N_WEEKS':
      return range(addDays(week, 7), addDays(week, 7 * (count + 1)));
    case 'N_WEEKS_AGO':
      return range(addDays(week, -7 * count), addDays(week, -7 * (count - 1)));
    case 'LAST_N_MONTHS':
      return range(addMonths(month, -count), month);
    case 'NEXT_N_MONTHS':
      return range(addMonths(month, 1), addMonths(month, count + 1));
    case 'N_MONTHS_AGO':
      return range(addMonths(month, -count), addMonths(month, -count + 1));
    case 'THIS_QUARTER':
      return range(quarter, addMonths(quarter, 3));
    case 'LAST_QUARTER':
      return range(addMonths(quarter, -3), quarter);
    case 'NEXT_QUARTER':
      return range(addMonths(quarter, 3), addMonths(quarter, 6));
    case 'LAST_N_QUARTERS':
      return range(addMonths(quarter, -3 * count), quarter);
    case 'NEXT_N_QUARTERS':
      return range(addMonths(quarter, 3), addMonths(quarter, 3 * (count + 1)));
    case 'N_QUARTERS_AGO':
      return range(addMonths(quarter, -3 * count), addMonths(quarter, -3 * (count - 1)));
    case 'THIS_YEAR':
      return range(year, addMonths(year, 12));
    case 'LAST_YEAR':
      return range(addMonths(year, -12), year);
    case 'NEXT_YEAR':
      return range(addMonths(year, 12), addMonths(year, 24));
    case 'LAST_N_YEARS':
      return range(addMonths(year, -12 * count), year);
    case 'NEXT_N_YEARS':
      return range(addMonths(year, 12), addMonths(year, 12 * (count + 1)));
    case 'N_YEARS_AGO':
      return range(addMonths(year, -12 * count), addMonths(year, -12 * (count - 1)));
    default:
      throw new SoqlQueryError(`unexpected token: '${name}'`);
  }
}

export function formatDate(date: LocalDate): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The instant of local midnight of `date` in a time zone, as ISO 8601 GMT. */
export function midnightInstant(date: LocalDate, timeZone: string): string {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  // A DST change between the guess and the result moves the offset: correct once.
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant).toISOString();
}

/** Minutes the time zone is ahead of GMT at an instant. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((entry) => entry.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** Calendar parts of an instant in a time zone (date functions on DATETIME fields convert to the user's zone). */
export function zonedParts(at: Date, timeZone: string): LocalDate & { hour: number } {
  const shifted = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60000);
  return { ...fromUtc(shifted), hour: shifted.getUTCHours() };
}

/** Day of the week 1 (Sunday) to 7, day of the year, week of the year/month as the date functions count them. */
export function calendarNumbers(date: LocalDate): {
  dayInWeek: number;
  dayInYear: number;
  weekInYear: number;
  weekInMonth: number;
} {
  const utc = toUtc(date);
  const dayInYear = Math.round((utc.getTime() - toUtc(yearStart(date)).getTime()) / 86400000) + 1;
  return {
    dayInWeek: utc.getUTCDay() + 1,
    dayInYear,
    // "WEEK_IN_YEAR: January 1 through January 7 is the first week"; "WEEK_IN_MONTH: 1-7 is the first week".
    weekInYear: Math.floor((dayInYear - 1) / 7) + 1,
    weekInMonth: Math.floor((date.day - 1) / 7) + 1
  };
}
