import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { GUANGDONG_DEFAULT_RULES, loadRuleProfile, RuleProfileError } from "./rule-profiles.ts";

const file = JSON.parse(readFileSync(new URL("./profiles/guangdong.json", import.meta.url), "utf8"));

/** The problems a loader throws for `data`, as `field` list. */
function problemsOf(data: unknown): string[] {
  try {
    loadRuleProfile(data, "test.json");
  } catch (e) {
    assert.ok(e instanceof RuleProfileError, String(e));
    return e.problems.map((p) => p.field);
  }
  assert.fail("the profile loaded");
}

describe("rule profiles as data files", () => {
  it("Guangdong's file gives its nine rules, each with the file's profile and no reviewer-only field", () => {
    assert.equal(GUANGDONG_DEFAULT_RULES.length, 9);
    for (const rule of GUANGDONG_DEFAULT_RULES) {
      assert.equal(rule.profile, "guangdong");
      assert.deepEqual(Object.keys(rule).sort(), [
        "amount",
        "categoryPrefix",
        "clock",
        "id",
        "kind",
        "profile",
        "source",
        "unit",
        "urgency",
      ]);
    }
    // The Measures' own figures are marked so, the project defaults too.
    const basis = Object.fromEntries(file.rules.map((r: { id: string; basis: string }) => [r.id, r.basis]));
    assert.equal(basis["gd-reply-complaint"], "measures");
    assert.equal(basis["gd-reply-praise"], "project-default");
  });

  it("refuses a file with a bad field, an unknown field, a missing basis or a hole in the set", () => {
    const rules = file.rules as Record<string, unknown>[];
    assert.deepEqual(
      problemsOf({ ...file, rules: rules.map((r, i) => (i === 3 ? { ...r, amount: -1 } : r)) }),
      ["rules[3].amount"],
    );
    assert.deepEqual(
      problemsOf({ ...file, rules: rules.map((r, i) => (i === 0 ? { ...r, colour: "red" } : r)) }),
      ["rules[0].colour"],
    );
    assert.deepEqual(
      problemsOf({ ...file, rules: rules.map((r, i) => (i === 1 ? { ...r, basis: undefined } : r)) }),
      ["rules[1].basis"],
    );
    // Without the consultation rule, normal consultations have no reply rule.
    const hole = problemsOf({ ...file, rules: rules.filter((r) => r.id !== "gd-reply-consult") });
    assert.ok(hole.length > 0 && hole.every((f) => f === "profile:guangdong"), hole.join());
    assert.deepEqual(problemsOf({ rules }), ["profile"]);
    assert.deepEqual(problemsOf(null), [""]);
  });
});
