/**
 * Business hours. Every org has one BusinessHours record, "Default", active and the default, open 24 hours a day,
 * 7 days a week until an admin changes it (Salesforce Help, "Set Your Business Hours"); tests see it without
 * SeeAllData, and Apex cannot insert more (BusinessHours is read-only to DML). So the BusinessHours class (Apex
 * Reference, "BusinessHours Class") is computed for a 24/7 set without holidays: time within business hours is all the
 * time. Any other set of hours, or holidays, is UNSUPPORTED rather than guessed.
 */
import { ApexDatetime, ApexTime, type Value } from '../interpreter/values';
import type { Platform } from './platform';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Field values of the org's default business hours: a day from 00:00 to 00:00 is open 24 hours. */
export function defaultBusinessHours(timeZone: string): Record<string, Value> {
  const values: Record<string, Value> = { Name: 'Default', IsActive: true, IsDefault: true, TimeZoneSidKey: timeZone };
  for (const day of DAYS) {
    values[`${day}StartTime`] = new ApexTime(0);
    values[`${day}EndTime`] = new ApexTime(0);
  }
  return values;
}

/** Throws UNSUPPORTED unless the Id names business hours open around the clock and the org has no holidays. */
function requireAroundTheClock(platform: Platform, id: Value, method: string, line: number): void {
  const row = typeof id === 'string' ? platform.db.byId(id) : undefined;
  const open24 =
    row?.object === 'BusinessHours' &&
    DAYS.every((day) => {
      const start = row.fields.get(`${day.toLowerCase()}starttime`);
      const end = row.fields.get(`${day.toLowerCase()}endtime`);
      return start instanceof ApexTime && end instanceof ApexTime && start.ms === 0 && end.ms === 0;
    });
  if (!open24) throw platform.interp.unsupported(`BusinessHours.${method} for hours other than 24/7`, line);
  if (platform.db.rows('Holiday').length > 0)
    throw platform.interp.unsupported(`BusinessHours.${method} with holidays`, line);
}

function datetimeArg(platform: Platform, v: Value, method: string, line: number): number {
  if (!(v instanceof ApexDatetime))
    throw platform.interp.unsupported(`BusinessHours.${method} without a Datetime`, line);
  return v.ms;
}

/** `BusinessHours.<method>(...)`, or undefined when the method is not one of the class's static methods. */
export function businessHoursStatic(
  platform: Platform,
  method: string,
  args: Value[],
  line: number
): Value | undefined {
  switch (method) {
    case 'diff': {
      requireAroundTheClock(platform, args[0], 'diff', line);
      const start = datetimeArg(platform, args[1], method, line);
      const end = datetimeArg(platform, args[2], method, line);
      if (end < start) throw platform.interp.unsupported('BusinessHours.diff with an end before the start', line);
      return end - start;
    }
    case 'add':
    case 'addgmt': {
      requireAroundTheClock(platform, args[0], method, line);
      return new ApexDatetime(datetimeArg(platform, args[1], method, line) + Number(args[2]));
    }
    case 'iswithin':
      requireAroundTheClock(platform, args[0], method, line);
      datetimeArg(platform, args[1], method, line);
      return true;
    case 'nextstartdate':
      requireAroundTheClock(platform, args[0], method, line);
      return new ApexDatetime(datetimeArg(platform, args[1], method, line));
  }
  return undefined;
}
