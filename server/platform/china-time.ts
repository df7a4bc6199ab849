/** China Standard Time is UTC+08:00 all year (no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant 00:00 China time of a YYYY-MM-DD date. */
export function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The hour of the day (0–23) in China of an instant. */
export function chinaHour(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
}
