/**
 * `hotline hotspots report --data FILE`: runs the product's clustering ({@link findHotspots}) on the
 * 泰迪杯 2020 hot-issue messages (附件3: 留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 反对数, 点赞数)
 * and compares our top issues with the four published teams' top-5 (there is no gold answer).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CHINA_OFFSET_MS, chinaDate } from "../../platform/china-time.ts";
import { foldText } from "../../platform/chinese-text.ts";
import { parseCsv } from "../../platform/csv.ts";
import { findHotspots, type Hotspot, type HotspotConfig, type HotspotRecord } from "./cluster.ts";

/** Rows as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  if (!head) return [];
  return rows
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), r[i] ?? ""])));
}

/** `YYYY/M/D H:MM:SS` (China time) → epoch ms; NaN when unreadable. */
export function parseChinaTime(s: string): number {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = "0", mi = "0", se = "0"] = m;
  return Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +se) - CHINA_OFFSET_MS;
}

const MASKED_DISTRICT = /[a-z]\d{1,2}[区县]/;
const MASKED_CITY = /([a-z])(?:市|\d{1,2}[区县])/;

/** The messages as clustering records: the masked city letter (A市…) as city, A2区/K9县 as district. */
export function teddycupRecords(csv: string): HotspotRecord[] {
  const records = csvObjects(csv).flatMap((r): HotspotRecord[] => {
    const id = r.留言编号?.trim();
    const title = (r.留言主题 ?? "").trim();
    const body = (r.留言详情 ?? "").trim();
    const time = parseChinaTime(r.留言时间 ?? "");
    if (!id || !(title || body) || Number.isNaN(time)) return [];
    const folded = foldText(`${title} ${body}`);
    return [
      {
        id,
        title,
        text: folded,
        folded: true,
        city: MASKED_CITY.exec(folded)?.[1] ?? "",
        district: MASKED_DISTRICT.exec(foldText(title))?.[0] ?? MASKED_DISTRICT.exec(folded)?.[0] ?? null,
        time,
        votes: (Number(r.点赞数) || 0) + (Number(r.反对数) || 0),
        caller: r.留言用户?.trim() || null,
      },
    ];
  });
  // A message naming no city is about the board's own city: the one most messages name (A市 here).
  const counts = new Map<string, number>();
  for (const r of records) if (r.city) counts.set(r.city, (counts.get(r.city) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "?";
  for (const r of records) if (!r.city) r.city = main;
  return records;
}

export interface ReferenceIssue {
  team: string;
  rank: number;
  issueId: string;
  heat: string;
  span: string;
  place: string;
  description: string;
  members: Set<string>;
}

/** The teams' top-5 with their members (hotspot_reference_top5_by_team.csv + …members_by_team.csv). */
export function loadReferences(dir: string): ReferenceIssue[] {
  const topFile = join(dir, "hotspot_reference_top5_by_team.csv");
  const memFile = join(dir, "hotspot_reference_members_by_team.csv");
  if (!existsSync(topFile) || !existsSync(memFile)) return [];
  const members = new Map<string, Set<string>>();
  for (const r of csvObjects(readFileSync(memFile, "utf8"))) {
    const key = `${r.来源仓库}#${r.问题ID}`;
    const s = members.get(key) ?? new Set<string>();
    s.add(String(r.留言编号).trim());
    members.set(key, s);
  }
  return csvObjects(readFileSync(topFile, "utf8")).map((r) => ({
    team: r.来源仓库 ?? "",
    rank: Number(r.热度排名),
    issueId: r.问题ID ?? "",
    heat: r.热度指数 ?? "",
    span: r.时间范围 ?? "",
    place: r["地点/人群"] ?? "",
    description: r.问题描述 ?? "",
    members: members.get(`${r.来源仓库}#${r.问题ID}`) ?? new Set(),
  }));
}

function setJaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

export interface TeamOverlap {
  team: string;
  /** Of their top 5, how many our top N also finds (best member Jaccard ≥ `matchAt`). */
  found: number;
  /** Their issues, each with our best-matching cluster and the member Jaccard. */
  issues: { rank: number; description: string; ourRank: number | null; jaccard: number }[];
}

export interface Report {
  messages: number;
  clusters: number;
  top: (Hotspot & { rank: number })[];
  overlap: TeamOverlap[];
  matchAt: number;
}

/** Builds the report: our top `top` hot spots and their overlap with each team's top-5. */
export function buildReport(
  csvText: string,
  refs: ReferenceIssue[],
  opts: { top: number; config?: Partial<HotspotConfig>; matchAt?: number },
): Report {
  const records = teddycupRecords(csvText);
  const now = Math.max(...records.map((r) => r.time)) + 1;
  // The whole file is one window (2017–2020): no burst or baseline, heat from size, callers and votes.
  const spots = findHotspots(records, {
    now,
    config: { minSize: 2, windowDays: 10_000, ...opts.config },
  });
  const top = spots.slice(0, opts.top).map((h, i) => ({ ...h, rank: i + 1 }));
  const matchAt = opts.matchAt ?? 0.2;
  const ours = top.map((h) => new Set(h.memberIds));
  const teams = [...new Set(refs.map((r) => r.team))];
  const overlap = teams.map((team) => {
    const issues = refs
      .filter((r) => r.team === team)
      .sort((a, b) => a.rank - b.rank)
      .map((r) => {
        let best = 0;
        let ourRank: number | null = null;
        ours.forEach((s, i) => {
          const j = setJaccard(s, r.members);
          if (j > best) {
            best = j;
            ourRank = i + 1;
          }
        });
        return { rank: r.rank, description: r.description, ourRank, jaccard: Math.round(best * 1000) / 1000 };
      });
    return { team, found: issues.filter((x) => x.jaccard >= matchAt).length, issues };
  });
  return { messages: records.length, clusters: spots.length, top, overlap, matchAt };
}

const day = (t: number) => chinaDate(new Date(t));

/** The report as text. */
export function formatReport(r: Report, showMembers = 12): string {
  const lines: string[] = [];
  lines.push(`${r.messages} messages, ${r.clusters} clusters of 2 or more. Top ${r.top.length} hot issues:`);
  for (const h of r.top) {
    lines.push("");
    lines.push(`#${h.rank}  heat ${h.heat}  ${h.size} messages, ${h.callers} users, ${h.votes} votes`);
    lines.push(`    ${h.title}`);
    lines.push(
      `    time ${day(h.from)} – ${day(h.to)}   place ${[h.district, h.place].filter(Boolean).join(" ") || "?"}`,
    );
    lines.push(`    keywords ${h.keywords.join(" ")}`);
    const more = h.memberIds.length > showMembers ? ` … (+${h.memberIds.length - showMembers})` : "";
    lines.push(`    members ${h.memberIds.slice(0, showMembers).join(" ")}${more}`);
  }
  lines.push("");
  lines.push(`Overlap with the published top-5 (member Jaccard; "found" = best ≥ ${r.matchAt}):`);
  for (const t of r.overlap) {
    lines.push(`  ${t.team}: ${t.found}/5 found`);
    for (const i of t.issues) {
      lines.push(
        `    their #${i.rank} ${i.description.slice(0, 40)} → ${i.ourRank ? `our #${i.ourRank}` : "none"}, Jaccard ${i.jaccard}`,
      );
    }
  }
  return lines.join("\n");
}

/** The reference files sit beside the messages file. */
export function referencesBeside(dataFile: string): ReferenceIssue[] {
  return loadReferences(dirname(dataFile));
}
