/**
 * The common datetime text of producers (toISOString, the simulation), read without the engine's general parser.
 */

/** Two ASCII digits at `at` as a number, or -1000 (which makes any field built from it fail the range checks). */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000;
}

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1..12): Hinnant's days_from_civil. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return 30 + ((month + (month >> 3)) & 1);
}

/**
 * Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (what toISOString and the simulation write) straight from the
 * character codes into `out` ([epoch ms, extra 100-ns ticks]); false for anything else, which then goes
 * through the engine's full parser. Fields out of range (Feb 30, hour 24) roll over as in the engine (Date.UTC).
 */
export function parsePlainIso(text: string, out: [number, number]): boolean {
  const length = text.length;
  if (length < 20 || text.charCodeAt(length - 1) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */)
    return false;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return false;
  }
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const year = century * 100 + yearOfCentury;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 1 || yearOfCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
    return false;
  let ms = 0;
  let ticks = 0;
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 /* . */ || length > 30) return false;
    // Up to 7 fraction digits count (3 for ms, 4 for 100-ns ticks); Kusto ignores the rest.
    for (let at = 20, place = 0; at < length - 1; at++, place++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return false;
      if (place < 3) ms += digit * (place === 0 ? 100 : place === 1 ? 10 : 1);
      else if (place < 7) ticks += digit * (place === 3 ? 1000 : place === 4 ? 100 : place === 5 ? 10 : 1);
    }
  } else if (length !== 20) return false;
  let epoch: number;
  if (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  ) {
    epoch = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  } else {
    epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (Number.isNaN(epoch)) return false;
  }
  out[0] = epoch;
  out[1] = ticks;
  return true;
}
