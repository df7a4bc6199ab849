/** Where hot spots are (city and district names from the region codes) and their trends padded to whole days. */
import type { RefData } from "../../shared/refdata.ts";

/**
 * Where a hot spot is: its city and district from the region code. The job's `place` is a short
 * place word used to link appeals (e.g. the three characters before 街), not a display name, so it
 * is left out here.
 */
export function placeName(ref: RefData | null, h: { regionCode: string | null }) {
  if (!h.regionCode) return "—";
  const city = h.regionCode.length > 4 ? ref?.regionName.get(h.regionCode.slice(0, 4)) : undefined;
  const own = ref?.regionName.get(h.regionCode) ?? h.regionCode;
  return city ? `${city} ${own}` : own;
}

/**
 * The trend per day with the quiet days as zeros: at least the 7 days up to the last one, so a
 * burst shows against the days before it.
 */
export function padTrend(trend: { day: string; count: number }[], to: string) {
  const DAY = 86400_000;
  const byDay = new Map(trend.map((d) => [d.day, d.count]));
  const lastDay = new Date(new Date(to).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const days = [...byDay.keys(), lastDay].sort();
  const end = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const start = Math.min(Date.parse(`${days[0]}T00:00:00Z`), end - 6 * DAY);
  const out: { day: string; count: number }[] = [];
  for (let d = start; d <= end && out.length < 120; d += DAY) {
    const day = new Date(d).toISOString().slice(0, 10);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}

/** Heat per city (by the 4-digit code's name on the map). */
export function byCity(ref: RefData | null, spots: { regionCode: string | null; heat: number }[]) {
  const m = new Map<string, number>();
  for (const s of spots) {
    const city = s.regionCode?.slice(0, 4);
    const name = city ? ref?.regionName.get(city) : undefined;
    if (name) m.set(name, Math.round(((m.get(name) ?? 0) + s.heat) * 10) / 10);
  }
  return [...m].map(([name, value]) => ({ name, value }));
}
