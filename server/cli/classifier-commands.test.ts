import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it, mock } from "node:test";
import { syntheticSamples } from "../modules/classification/test-fixtures.ts";
import { runClassifierCli } from "./classifier-commands.ts";

const dir = mkdtempSync(join(tmpdir(), "hotline-classifier-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with console.log and stderr captured; returns the printed lines. */
async function capture(argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const logMock = mock.method(console, "log", (...a: unknown[]) => {
    lines.push(a.map(String).join(" "));
  });
  const errMock = mock.method(process.stderr, "write", () => true);
  try {
    await runClassifierCli(argv);
  } finally {
    logMock.mock.restore();
    errMock.mock.restore();
  }
  return lines.flatMap((l) => l.split("\n"));
}

function csv(): string {
  const rows = syntheticSamples(10).map((s) => `"${s.text.replaceAll('"', '""')}",无关,${s.label}`);
  const p = join(dir, "data.csv");
  writeFileSync(p, `\uFEFF内容,备注,类别\n${rows.join("\n")}\n`);
  return p;
}

describe("hotline classifier", () => {
  it("eval prints the tables and, with --json, one JSON object as the last line", async () => {
    const lines = await capture([
      "eval",
      "--data",
      csv(),
      "--text",
      "内容",
      "--label",
      "类别",
      "--folds",
      "3",
      "--json",
    ]);
    assert.ok(lines.some((l) => l.includes("macroF1")));
    assert.ok(lines.some((l) => l.startsWith("Confusion matrix")));
    const last = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    for (const k of ["n", "classes", "accuracy", "macroF1", "trainSeconds", "predictP99Ms"])
      assert.ok(k in last, k);
    assert.equal(last.n, 40);
    assert.equal(last.classes, 4);
    assert.ok((last.macroF1 as number) > 0.8);
  });

  it("eval names a missing column and lists the available ones", async () => {
    await assert.rejects(
      capture(["eval", "--data", csv(), "--text", "正文", "--label", "类别"]),
      /no column "正文"; the columns are: "内容", "备注", "类别"/,
    );
  });

  it("train writes a model that predict loads", async () => {
    const out = join(dir, "model.bin");
    const lines = await capture([
      "train",
      "--data",
      csv(),
      "--text",
      "内容,备注",
      "--label",
      "类别",
      "--out",
      out,
    ]);
    assert.ok(existsSync(out));
    assert.match(lines.join("\n"), /Trained on 40 distinct texts .* 4 labels/);
    const predicted = await capture(["predict", "--model", out, "--json", "路灯坏了晚上很黑"]);
    const r = JSON.parse(predicted.at(-1)!) as {
      suggestions: { label: string; score: number; words: string[] }[];
    };
    assert.equal(r.suggestions[0]?.label, "lights");
    assert.equal(r.suggestions.length, 3);
    const none = await capture(["predict", "--model", out, "🙂🙂"]);
    assert.match(none.join("\n"), /No suggestion/);
  });

  it("predict explains a missing model file and a missing text", async () => {
    await assert.rejects(
      capture(["predict", "--model", join(dir, "nope.bin"), "路灯"]),
      /cannot load the model/,
    );
    await assert.rejects(capture(["predict"]), /give the text/);
    await assert.rejects(capture(["frobnicate"]), /use one of eval, train, predict/);
  });
});
