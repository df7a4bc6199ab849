import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildReport, formatReport, referencesBeside } from "../modules/hotspots/teddycup-report.ts";

export const HOTSPOTS_USAGE = `  hotline hotspots report --data FILE [--top 5] [--members 12] [--json]
                                      hot issues (热点) of the 泰迪杯 2020 messages (附件3) with heat, time, place
                                      and members, and their overlap with the published teams' top-5 (read
                                      from hotspot_reference_*.csv beside FILE)`;

/** `hotline hotspots …` */
export async function runHotspotsCli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      top: { type: "string" },
      members: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (positionals[0] !== "report") throw new Error(`hotspots: use\n${HOTSPOTS_USAGE}`);
  const file = values.data;
  if (!file)
    throw new Error(
      "hotspots report: --data FILE is required (e.g. ../shared/data/teddycup2020/attachment3_messages_with_votes.csv)",
    );
  if (!existsSync(file)) throw new Error(`hotspots report: ${file} does not exist`);
  const top = Number(values.top ?? 5);
  if (!Number.isInteger(top) || top < 1 || top > 100)
    throw new Error("--top must be a whole number from 1 to 100");
  const members = Number(values.members ?? 12);
  if (!Number.isInteger(members) || members < 0)
    throw new Error("--members must be a whole number, 0 or more");
  const refs = referencesBeside(file);
  const t0 = performance.now();
  const report = buildReport(readFileSync(file, "utf8"), refs, { top });
  const seconds = Math.round(performance.now() - t0) / 1000;
  if (report.messages === 0)
    throw new Error(
      `hotspots report: ${file} holds no messages with 留言编号, 留言主题/留言详情 and 留言时间`,
    );
  if (values.json) {
    console.log(JSON.stringify({ ...report, seconds }));
    return;
  }
  console.log(formatReport(report, members));
  if (!refs.length) console.log("\n(no hotspot_reference_*.csv beside the data file: no overlap computed)");
  console.log(`\n${seconds} s`);
}
