/**
 * Next fire time of an Apex cron expression (Apex Developer Guide, "Apex Scheduler": Seconds Minutes Hours
 * Day_of_month Month Day_of_week [Optional_year]; `*`, `?`, lists, ranges, increments, JAN-DEC, SUN-SAT). L, W and #
 * return null (not computed). Times are GMT, the runtime's user time zone.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function field(spec: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> | null {
  if (/[LW#]/.test(spec)) return null;
  const out = new Set<number>();
  const value = (t: string): number => {
    const i = names.indexOf(t.toUpperCase());
    return i >= 0 ? i + nameBase : Number(t);
  };
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-');
      lo = value(a);
      hi = b !== undefined ? value(b) : stepText ? max : lo;
    }
    if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export function nextFireTime(expression: string, fromMs: number): number | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6) return null;
  const [sec, min, hour, dom, mon, dow, year] = parts;
  const s = field(sec, 0, 59);
  const mi = field(min, 0, 59);
  const h = field(hour, 0, 23);
  const d = dom === '?' ? null : field(dom, 1, 31);
  const mo = field(mon, 1, 12, MONTHS, 1);
  const w = dow === '?' ? null : field(dow, 1, 7, DAYS, 1);
  const y = year ? field(year, 1970, 2199) : null;
  if (!s || !mi || !h || !mo || (dom !== '?' && !d) || (dow !== '?' && !w) || (year && !y)) return null;
  const start = new Date(fromMs + 1000);
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  for (let i = 0; i < 366 * 200; i++) {
    const dt = new Date(day.getTime() + i * 86400000);
    if (y && !y.has(dt.getUTCFullYear())) continue;
    if (!mo.has(dt.getUTCMonth() + 1)) continue;
    if (d && !d.has(dt.getUTCDate())) continue;
    if (w && !w.has(dt.getUTCDay() + 1)) continue;
    for (const hh of [...h].sort((a, b) => a - b)) {
      for (const mm of [...mi].sort((a, b) => a - b)) {
        for (const ss of [...s].sort((a, b) => a - b)) {
          const t = dt.getTime() + ((hh * 60 + mm) * 60 + ss) * 1000;
          if (t > fromMs) return t;
        }
      }
    }
  }
  return null;
}
