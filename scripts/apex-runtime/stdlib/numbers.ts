/** Integer, Long, Decimal, Double, Boolean, Date, Datetime and Time methods (Apex Reference Guide). */
import { NOT_FOUND } from '../interpreter/interpreter';
import { numberOf } from '../interpreter/semantics';
import { ApexDate, ApexDatetime, ApexDecimal, ApexTime, type Value } from '../interpreter/values';
import type { ApexHost } from './host';

/** Rounds to `scale` digits with a RoundingMode name (default HALF_EVEN, as Decimal.setScale documents). */
export function roundDecimal(v: number, scale: number, mode = 'HALF_EVEN'): number {
  const f = Math.pow(10, scale);
  const x = v * f;
  const fl = Math.floor(x);
  const diff = x - fl;
  const eps = 1e-9;
  let r: number;
  switch (mode) {
    case 'UP':
      r = x >= 0 ? Math.ceil(x - eps) : Math.floor(x + eps);
      break;
    case 'DOWN':
      r = Math.trunc(x + (x >= 0 ? eps : -eps));
      break;
    case 'CEILING':
      r = Math.ceil(x - eps);
      break;
    case 'FLOOR':
      r = Math.floor(x + eps);
      break;
    case 'HALF_UP':
      r = Math.abs(diff - 0.5) < eps ? (x >= 0 ? fl + 1 : fl) : Math.round(x);
      if (x < 0 && Math.abs(diff - 0.5) < eps) r = fl;
      break;
    case 'HALF_DOWN':
      r = Math.abs(diff - 0.5) < eps ? (x >= 0 ? fl : fl + 1) : Math.round(x);
      break;
    default:
      r = Math.abs(diff - 0.5) < eps ? (fl % 2 === 0 ? fl : fl + 1) : Math.round(x);
  }
  return r / f;
}

export function decimalMethod(h: ApexHost, d: ApexDecimal, name: string, a: Value[], line: number): Value {
  switch (name) {
    case 'setscale': {
      const scale = numberOf(a[0]);
      const mode = a[1] ? String(a[1]) : 'HALF_EVEN';
      return new ApexDecimal(roundDecimal(d.v, scale, mode), scale);
    }
    case 'scale':
      return d.scale;
    case 'intvalue':
      return Math.trunc(d.v) | 0;
    case 'longvalue':
      return Math.trunc(d.v);
    case 'doublevalue':
      return new ApexDecimal(d.v, 0, true);
    case 'round':
      // "rounded to zero decimal places using half-even rounding mode" (Apex Reference, "Decimal Class", round())
      if (a.length === 0) return roundDecimal(d.v, 0);
      return Math.round(roundDecimal(d.v, 0, String(a[0])));
    case 'abs':
      return new ApexDecimal(Math.abs(d.v), d.scale, d.isDouble);
    case 'format':
      return d.v.toLocaleString('en-US', { maximumFractionDigits: Math.max(d.scale, 3) });
    case 'tostring':
    case 'toplainstring':
      return d.toString();
    case 'stripTrailingZeros':
    case 'striptrailingzeros':
      return ApexDecimal.of(d.v);
    case 'precision':
      return d.v.toFixed(d.scale).replace(/[-.]/g, '').replace(/^0+/, '').length || 1;
    case 'divide': {
      const divisor = numberOf(a[0]);
      if (divisor === 0) throw h.exception('System.MathException', 'Divide by 0', line);
      const scale = numberOf(a[1]);
      return new ApexDecimal(roundDecimal(d.v / divisor, scale, a[2] ? String(a[2]) : 'HALF_EVEN'), scale);
    }
    case 'pow':
      return ApexDecimal.of(Math.pow(d.v, numberOf(a[0])));
    case 'equals':
      return a[0] instanceof ApexDecimal && a[0].v === d.v;
    case 'hashcode':
      return Math.trunc(d.v);
  }
  return NOT_FOUND;
}

export function integerMethod(n: number, name: string, a: Value[]): Value {
  switch (name) {
    case 'format':
      return n.toLocaleString('en-US');
    case 'intvalue':
      return n | 0;
    case 'longvalue':
      return n;
    case 'doublevalue':
      return new ApexDecimal(n, 0, true);
    case 'tostring':
      return String(n);
    case 'equals':
      return a[0] === n;
    case 'hashcode':
      return n;
  }
  return NOT_FOUND;
}

const MS_DAY = 86400000;

export function addMonths(d: ApexDate, months: number): ApexDate {
  const total = d.y * 12 + (d.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = daysInMonth(y, m);
  return new ApexDate(y, m, Math.min(d.d, last));
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function dateMethod(h: ApexHost, d: ApexDate, name: string, a: Value[], line: number): Value {
  switch (name) {
    case 'adddays':
      return ApexDate.fromUtc(new Date(d.toUtc().getTime() + numberOf(a[0]) * MS_DAY));
    case 'addmonths':
      return addMonths(d, numberOf(a[0]));
    case 'addyears':
      return addMonths(d, numberOf(a[0]) * 12);
    case 'year':
      return d.y;
    case 'month':
      return d.m;
    case 'day':
      return d.d;
    case 'dayofyear':
      return Math.round((d.toUtc().getTime() - Date.UTC(d.y, 0, 1)) / MS_DAY) + 1;
    case 'daysbetween':
      return Math.round(((a[0] as ApexDate).toUtc().getTime() - d.toUtc().getTime()) / MS_DAY);
    case 'monthsbetween': {
      const o = a[0] as ApexDate;
      return (o.y - d.y) * 12 + (o.m - d.m);
    }
    case 'tostartofmonth':
      return new ApexDate(d.y, d.m, 1);
    case 'tostartofweek': {
      // weeks start on Sunday in the en_US locale
      const dow = d.toUtc().getUTCDay();
      return ApexDate.fromUtc(new Date(d.toUtc().getTime() - dow * MS_DAY));
    }
    case 'isleapyear':
      return daysInMonth(d.y, 2) === 29;
    case 'issameday':
      return a[0] instanceof ApexDate && a[0].toString() === d.toString();
    case 'format':
      return `${d.m}/${d.d}/${d.y}`;
    case 'tostring':
      return d.toString();
    case 'equals':
      return a[0] instanceof ApexDate && a[0].toString() === d.toString();
  }
  void h;
  void line;
  return NOT_FOUND;
}

export function datetimeMethod(h: ApexHost, d: ApexDatetime, name: string, a: Value[], line: number): Value {
  const u = new Date(d.ms);
  switch (name) {
    case 'gettime':
      return d.ms;
    case 'adddays':
      return new ApexDatetime(d.ms + numberOf(a[0]) * MS_DAY);
    case 'addhours':
      return new ApexDatetime(d.ms + numberOf(a[0]) * 3600000);
    case 'addminutes':
      return new ApexDatetime(d.ms + numberOf(a[0]) * 60000);
    case 'addseconds':
      return new ApexDatetime(d.ms + numberOf(a[0]) * 1000);
    case 'addmonths': {
      const nd = addMonths(ApexDate.fromUtc(u), numberOf(a[0]));
      return new ApexDatetime(nd.toUtc().getTime() + (d.ms % MS_DAY));
    }
    case 'addyears': {
      const nd = addMonths(ApexDate.fromUtc(u), numberOf(a[0]) * 12);
      return new ApexDatetime(nd.toUtc().getTime() + (d.ms % MS_DAY));
    }
    // the running user's time zone is GMT in this runtime (docs/apex-runtime.md)
    case 'date':
    case 'dategmt':
      return ApexDate.fromUtc(u);
    case 'time':
    case 'timegmt':
      return new ApexTime(((d.ms % MS_DAY) + MS_DAY) % MS_DAY);
    case 'year':
    case 'yeargmt':
      return u.getUTCFullYear();
    case 'month':
    case 'monthgmt':
      return u.getUTCMonth() + 1;
    case 'day':
    case 'daygmt':
      return u.getUTCDate();
    case 'hour':
    case 'hourgmt':
      return u.getUTCHours();
    case 'minute':
    case 'minutegmt':
      return u.getUTCMinutes();
    case 'second':
    case 'secondgmt':
      return u.getUTCSeconds();
    case 'millisecond':
    case 'millisecondgmt':
      return u.getUTCMilliseconds();
    case 'format':
      if (a.length === 0)
        return `${u.getUTCMonth() + 1}/${u.getUTCDate()}/${u.getUTCFullYear()}, ${((u.getUTCHours() + 11) % 12) + 1}:${String(u.getUTCMinutes()).padStart(2, '0')} ${u.getUTCHours() < 12 ? 'AM' : 'PM'}`;
      return javaDateFormat(u, String(a[0]));
    case 'formatgmt':
      return javaDateFormat(u, String(a[0]));
    case 'formatlong':
      return u.toUTCString();
    case 'tostring':
      return d.toString();
    case 'isSameDay':
    case 'issameday':
      return (
        a[0] instanceof ApexDatetime &&
        ApexDate.fromUtc(new Date(a[0].ms)).toString() === ApexDate.fromUtc(u).toString()
      );
    case 'equals':
      return a[0] instanceof ApexDatetime && a[0].ms === d.ms;
  }
  void h;
  void line;
  return NOT_FOUND;
}

export function timeMethod(t: ApexTime, name: string, a: Value[]): Value {
  switch (name) {
    case 'hour':
      return Math.floor(t.ms / 3600000);
    case 'minute':
      return Math.floor((t.ms % 3600000) / 60000);
    case 'second':
      return Math.floor((t.ms % 60000) / 1000);
    case 'millisecond':
      return t.ms % 1000;
    case 'addhours':
      return new ApexTime((((t.ms + numberOf(a[0]) * 3600000) % MS_DAY) + MS_DAY) % MS_DAY);
    case 'addminutes':
      return new ApexTime((((t.ms + numberOf(a[0]) * 60000) % MS_DAY) + MS_DAY) % MS_DAY);
    case 'addseconds':
      return new ApexTime((((t.ms + numberOf(a[0]) * 1000) % MS_DAY) + MS_DAY) % MS_DAY);
  }
  return NOT_FOUND;
}

/** Java SimpleDateFormat patterns commonly used in Apex (yyyy, MM, dd, HH, mm, ss, SSS, Z). */
export function javaDateFormat(u: Date, pattern: string): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
  ];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  return pattern.replace(
    /'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|h|mm|ss|SSS|a|EEEE|EEE|Z|XXX|X/g,
    (tok, lit?: string) => {
      if (lit !== undefined) return lit;
      switch (tok) {
        case 'yyyy':
          return String(u.getUTCFullYear());
        case 'yy':
          return String(u.getUTCFullYear()).slice(-2);
        case 'MMMM':
          return months[u.getUTCMonth()];
        case 'MMM':
          return months[u.getUTCMonth()].slice(0, 3);
        case 'MM':
          return p2(u.getUTCMonth() + 1);
        case 'M':
          return String(u.getUTCMonth() + 1);
        case 'dd':
          return p2(u.getUTCDate());
        case 'd':
          return String(u.getUTCDate());
        case 'HH':
          return p2(u.getUTCHours());
        case 'H':
          return String(u.getUTCHours());
        case 'hh':
          return p2(((u.getUTCHours() + 11) % 12) + 1);
        case 'h':
          return String(((u.getUTCHours() + 11) % 12) + 1);
        case 'mm':
          return p2(u.getUTCMinutes());
        case 'ss':
          return p2(u.getUTCSeconds());
        case 'SSS':
          return String(u.getUTCMilliseconds()).padStart(3, '0');
        case 'a':
          return u.getUTCHours() < 12 ? 'AM' : 'PM';
        case 'EEEE':
          return days[u.getUTCDay()];
        case 'EEE':
          return days[u.getUTCDay()].slice(0, 3);
        case 'Z':
          return '+0000';
        case 'XXX':
          return 'Z';
        default:
          return 'Z';
      }
    }
  );
}
