/**
 * Tests of SLA rule selection and deadlines. Calendar facts (holidays, 调休 make-up days) come from
 * the installed `chinese-days` 1.5.7 data, checked date by date in working-calendar.test.ts; the
 * expected deadlines were recomputed independently from that JSON.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { calendarDaysFromChineseDays } from "./calendar-seed.ts";
import { computeDeadlines } from "./compute-deadlines.ts";
import { GUANGDONG_DEFAULT_RULES } from "./rule-profiles.ts";
import { selectRule } from "./select-rule.ts";
import {
  type AppealKind,
  type ComputeDeadlinesInput,
  NoSlaRuleError,
  type SlaAppealFacts,
  type SlaRule,
} from "./sla-rule.types.ts";
import { validateRule, validateRuleSet } from "./validate-rules.ts";
import { WorkingCalendar } from "./working-calendar.ts";

const calendar = new WorkingCalendar(calendarDaysFromChineseDays([2024, 2025, 2026]));

/** A normal, uncategorized appeal of a kind. */
function normal(kind: AppealKind, categoryCode: string | null = null): SlaAppealFacts {
  return { kind, urgency: "normal", categoryCode };
}

/** The 24:00 +08:00 deadline ending a China date, as an ISO string (16:00 UTC of that date). */
function endOf(date: string): string {
  return `${date}T16:00:00.000Z`;
}

/** computeDeadlines with the Guangdong defaults and this calendar. */
function deadlines(
  overrides: Partial<ComputeDeadlinesInput> & Pick<ComputeDeadlinesInput, "appeal" | "receivedAt">,
) {
  return computeDeadlines({
    rules: GUANGDONG_DEFAULT_RULES,
    calendar,
    profile: "guangdong",
    dispatchedAt: null,
    extensionDays: 0,
    ...overrides,
  });
}

/** A rule with wildcard scope, to be narrowed by the test. */
function rule(id: string, fields: Partial<SlaRule>): SlaRule {
  return {
    id,
    profile: "test",
    clock: "reply",
    kind: null,
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 5,
    source: "test",
    ...fields,
  };
}

describe("GUANGDONG_DEFAULT_RULES", () => {
  it("is a valid, complete rule set", () => {
    assert.deepEqual(validateRuleSet(GUANGDONG_DEFAULT_RULES), []);
  });

  // [kind, reply rule, working days] — 《广东省12345政务服务便民热线管理办法》; praise is a project default.
  const replies: [AppealKind, string, number][] = [
    ["consult", "gd-reply-consult", 2],
    ["help", "gd-reply-help", 10],
    ["suggestion", "gd-reply-suggestion", 10],
    ["complaint", "gd-reply-complaint", 15],
    ["report", "gd-reply-report", 15],
    ["praise", "gd-reply-praise", 10],
  ];
  for (const [kind, id, amount] of replies) {
    it(`replies to ${kind} within ${amount} working days and signs within 1`, () => {
      const reply = selectRule(GUANGDONG_DEFAULT_RULES, "reply", normal(kind));
      assert.equal(reply?.id, id);
      assert.equal(reply?.unit, "working_days");
      assert.equal(reply?.amount, amount);
      const sign = selectRule(GUANGDONG_DEFAULT_RULES, "sign", normal(kind));
      assert.deepEqual([sign?.id, sign?.unit, sign?.amount], ["gd-sign-default", "working_days", 1]);
    });

    it(`urgent ${kind}: sign in 30 minutes, reply in 24 elapsed hours`, () => {
      const facts: SlaAppealFacts = { kind, urgency: "urgent", categoryCode: "0101" };
      const reply = selectRule(GUANGDONG_DEFAULT_RULES, "reply", facts);
      assert.deepEqual([reply?.id, reply?.unit, reply?.amount], ["gd-reply-urgent", "hours", 24]);
      const sign = selectRule(GUANGDONG_DEFAULT_RULES, "sign", facts);
      assert.deepEqual([sign?.id, sign?.unit, sign?.amount], ["gd-sign-urgent", "minutes", 30]);
    });
  }

  it("names its source on every rule", () => {
    for (const r of GUANGDONG_DEFAULT_RULES) assert.ok(r.source.length > 20, r.id);
    assert.match(
      GUANGDONG_DEFAULT_RULES.find((r) => r.id === "gd-reply-complaint")?.source ?? "",
      /广东省12345政务服务便民热线管理办法/,
    );
  });
});

describe("selectRule specificity", () => {
  const rules: SlaRule[] = [
    rule("any", {}),
    rule("kind-complaint", { kind: "complaint" }),
    rule("cat-01", { categoryPrefix: "01" }),
    rule("cat-0103", { categoryPrefix: "0103" }),
    rule("cat-01-complaint", { categoryPrefix: "01", kind: "complaint" }),
    rule("urgent", { urgency: "urgent" }),
    rule("sign-any", { clock: "sign" }),
  ];

  it("falls back to the wildcard rule", () => {
    assert.equal(selectRule(rules, "reply", normal("help"))?.id, "any");
  });

  it("prefers a kind match over the wildcard", () => {
    assert.equal(selectRule(rules, "reply", normal("complaint"))?.id, "kind-complaint");
  });

  it("prefers a category prefix over a kind match", () => {
    assert.equal(selectRule(rules, "reply", normal("complaint", "0205"))?.id, "kind-complaint");
    assert.equal(selectRule(rules, "reply", normal("help", "0105"))?.id, "cat-01");
    assert.equal(selectRule(rules, "reply", normal("complaint", "0105"))?.id, "cat-01-complaint");
  });

  it("prefers a longer category prefix, even over prefix + kind", () => {
    assert.equal(selectRule(rules, "reply", normal("complaint", "010302"))?.id, "cat-0103");
  });

  it("prefers an urgency match over everything else", () => {
    assert.equal(
      selectRule(rules, "reply", { kind: "complaint", urgency: "urgent", categoryCode: "0103" })?.id,
      "urgent",
    );
  });

  it("never applies a category rule to an uncategorized appeal", () => {
    assert.equal(selectRule(rules, "reply", normal("help", null))?.id, "any");
  });

  it("matches the clock", () => {
    assert.equal(selectRule(rules, "sign", normal("complaint", "0103"))?.id, "sign-any");
  });

  it("breaks ties by id, whatever the order", () => {
    const tie = [rule("b", { kind: "help" }), rule("a", { kind: "help" })];
    assert.equal(selectRule(tie, "reply", normal("help"))?.id, "a");
    assert.equal(selectRule([...tie].reverse(), "reply", normal("help"))?.id, "a");
  });

  it("returns null when nothing matches", () => {
    assert.equal(selectRule([rule("c", { kind: "consult" })], "reply", normal("help")), null);
    assert.equal(selectRule([], "sign", normal("help")), null);
  });

  it("lets an urgency-normal rule beat a kind rule for normal appeals only", () => {
    const set = [rule("normal", { urgency: "normal", amount: 3 }), rule("kind", { kind: "help" })];
    assert.equal(selectRule(set, "reply", normal("help"))?.id, "normal");
    assert.equal(
      selectRule(set, "reply", { kind: "help", urgency: "urgent", categoryCode: null })?.id,
      "kind",
    );
  });
});

describe("computeDeadlines", () => {
  it("15-day complaint across 2024 National Day, skipping 10-01..07 and counting the make-up days", () => {
    const result = deadlines({
      appeal: normal("complaint"),
      receivedAt: new Date("2024-09-27T20:00:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), endOf("2024-10-23"));
    assert.equal(result.signBy, null);
    const reply = result.explanation[0] ?? "";
    assert.match(reply, /^答复期限: 投诉类 15 个工作日（自受理次日起算/);
    assert.match(reply, /2024-09-29 国庆节调休上班计入/);
    assert.match(reply, /2024-10-01至07 国庆节不计/);
    assert.match(reply, /2024-10-12 国庆节调休上班计入/);
    assert.match(reply, /截至 2024-10-23 24:00/);
    assert.match(
      reply,
      / \/ reply within 15 working days from receipt for complaints \(rule gd-reply-complaint;/,
    );
    // Chronological order: the 09-29 make-up day comes before the holiday run.
    assert.ok(reply.indexOf("2024-09-29") < reply.indexOf("2024-10-01至07"));
  });

  it("2-day consult across 2025 Spring Festival", () => {
    const result = deadlines({
      appeal: normal("consult"),
      receivedAt: new Date("2025-01-27T09:00:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), endOf("2025-02-06"));
    assert.match(result.explanation[0] ?? "", /2025-01-28至02-04 春节不计/);
  });

  it("names both holidays of a merged run (2025 National Day and Mid-Autumn)", () => {
    const result = deadlines({
      appeal: normal("complaint"),
      receivedAt: new Date("2025-09-26T15:00:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), endOf("2025-10-23"));
    assert.match(result.explanation[0] ?? "", /2025-10-01至08 国庆节、中秋节不计/);
    assert.match(result.explanation[0] ?? "", /2025-09-28 国庆节调休上班计入/);
    assert.match(result.explanation[0] ?? "", /2025-10-11 国庆节调休上班计入/);
  });

  it("receipt on a holiday: the receipt day is not listed, the rest of the holiday is", () => {
    const result = deadlines({
      appeal: normal("consult"),
      receivedAt: new Date("2024-10-03T10:00:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), endOf("2024-10-09"));
    assert.match(result.explanation[0] ?? "", /2024-10-04至07 国庆节不计/);
  });

  it("signBy counts from dispatch, 1 working day, across a holiday", () => {
    const result = deadlines({
      appeal: normal("help"),
      receivedAt: new Date("2024-09-30T09:00:00+08:00"),
      dispatchedAt: new Date("2024-09-30T16:00:00+08:00"),
    });
    assert.equal(result.signBy?.toISOString(), endOf("2024-10-08"));
    assert.ok(result.explanation.some((line) => /^签收期限: 全部诉求 1 个工作日（自派单次日起算/.test(line)));
    assert.ok(result.explanation.some((line) => /rule gd-sign-default/.test(line)));
  });

  it("says the sign clock has not started before dispatch", () => {
    const result = deadlines({ appeal: normal("help"), receivedAt: new Date("2024-09-30T09:00:00+08:00") });
    assert.equal(result.signBy, null);
    assert.ok(result.explanation.some((line) => line.startsWith("签收期限: 尚未派单")));
  });

  it("urgent: 30 minutes to sign and 24 elapsed hours to reply, holidays included", () => {
    const result = deadlines({
      appeal: { kind: "complaint", urgency: "urgent", categoryCode: null },
      receivedAt: new Date("2024-10-01T10:00:00+08:00"),
      dispatchedAt: new Date("2024-10-01T10:05:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), new Date("2024-10-02T10:00:00+08:00").toISOString());
    assert.equal(result.signBy?.toISOString(), new Date("2024-10-01T10:35:00+08:00").toISOString());
    assert.match(
      result.explanation[0] ?? "",
      /^答复期限: 紧急诉求 24 小时（自受理按自然时间连续计算，节假日照常计时）/,
    );
    assert.match(result.explanation[0] ?? "", /rule gd-reply-urgent/);
    // 80 % of 24 h = 19 h 12 min.
    assert.equal(result.warnAt.toISOString(), new Date("2024-10-02T05:12:00+08:00").toISOString());
  });

  it("extensions add working days after the computed deadline, skipping holidays", () => {
    // Consult received Thu 2024-09-26: day 1 Fri 09-27, day 2 the make-up Sunday 09-29.
    const base = deadlines({ appeal: normal("consult"), receivedAt: new Date("2024-09-26T10:00:00+08:00") });
    assert.equal(base.replyBy.toISOString(), endOf("2024-09-29"));
    // +2 working days: Mon 09-30, then (10-01..07 off) Tue 10-08.
    const extended = deadlines({
      appeal: normal("consult"),
      receivedAt: new Date("2024-09-26T10:00:00+08:00"),
      extensionDays: 2,
    });
    assert.equal(extended.replyBy.toISOString(), endOf("2024-10-08"));
    const line = extended.explanation.find((l) => l.startsWith("延期:")) ?? "";
    assert.match(line, /已批准延期 2 个工作日（2024-10-01至07 国庆节不计），答复期限顺延至 2024-10-08 24:00/);
    assert.match(line, /approved extensions add 2 working days/);
  });

  it("an extension equals a longer working-day rule", () => {
    const receivedAt = new Date("2024-02-06T11:00:00+08:00");
    const extended = deadlines({ appeal: normal("complaint"), receivedAt, extensionDays: 5 });
    assert.equal(extended.replyBy.toISOString(), calendar.addWorkingDays(receivedAt, 20).toISOString());
  });

  it("extends an elapsed-time deadline from the day on which it falls", () => {
    const result = deadlines({
      appeal: { kind: "help", urgency: "urgent", categoryCode: null },
      receivedAt: new Date("2024-03-11T10:00:00+08:00"),
      extensionDays: 1,
    });
    // 24 h → Tue 03-12 10:00; +1 working day → end of Wed 03-13.
    assert.equal(result.replyBy.toISOString(), endOf("2024-03-13"));
  });

  it("a reopen gets a fresh window of the same rule", () => {
    const result = deadlines({
      appeal: normal("complaint"),
      receivedAt: new Date("2024-08-01T10:00:00+08:00"),
      reopenedAt: new Date("2024-09-27T20:00:00+08:00"),
    });
    assert.equal(result.replyBy.toISOString(), endOf("2024-10-23"));
    assert.match(result.explanation[0] ?? "", /自重办次日起算/);
    assert.ok(
      result.explanation.some((line) =>
        /^重办: 2024-09-27 重办，按同一规则（gd-reply-complaint）/.test(line),
      ),
    );
  });

  it("warns at 80 % of the reply window, elapsed", () => {
    const receivedAt = new Date("2024-03-11T10:00:00+08:00");
    const result = deadlines({ appeal: normal("consult"), receivedAt });
    // Window: Mon 10:00 → Thu 00:00 = 62 h; 80 % = 49.6 h → Wed 11:36.
    assert.equal(result.replyBy.toISOString(), endOf("2024-03-13"));
    assert.equal(result.warnAt.toISOString(), new Date("2024-03-13T11:36:00+08:00").toISOString());
    assert.ok(
      result.explanation.some((line) =>
        line.startsWith("预警: 答复时限过去 80% 时预警，即 2024-03-13 11:36"),
      ),
    );
  });

  it("uses only the rules of the profile", () => {
    const rules = [
      ...GUANGDONG_DEFAULT_RULES,
      rule("other-complaint", { profile: "beijing", kind: "complaint" }),
    ];
    const result = computeDeadlines({
      rules,
      calendar,
      profile: "beijing",
      appeal: normal("complaint"),
      receivedAt: new Date("2024-03-11T10:00:00+08:00"),
      dispatchedAt: null,
      extensionDays: 0,
    });
    assert.equal(result.replyBy.toISOString(), endOf("2024-03-18"));
    assert.match(result.explanation[0] ?? "", /rule other-complaint/);
  });

  it("throws NoSlaRuleError without a reply rule, or without a sign rule once dispatched", () => {
    const only = [rule("reply", { profile: "p" })];
    const base = {
      calendar,
      profile: "p",
      appeal: normal("help"),
      receivedAt: new Date("2024-03-11T10:00:00+08:00"),
      extensionDays: 0,
    };
    assert.throws(
      () => computeDeadlines({ ...base, rules: only, profile: "nope", dispatchedAt: null }),
      NoSlaRuleError,
    );
    assert.doesNotThrow(() => computeDeadlines({ ...base, rules: only, dispatchedAt: null }));
    assert.throws(
      () => computeDeadlines({ ...base, rules: only, dispatchedAt: new Date("2024-03-11T11:00:00+08:00") }),
      (error: unknown) => error instanceof NoSlaRuleError && error.clock === "sign",
    );
  });

  it("validates its input", () => {
    const receivedAt = new Date("2024-03-11T10:00:00+08:00");
    assert.throws(() => deadlines({ appeal: normal("help"), receivedAt, extensionDays: -1 }), RangeError);
    assert.throws(() => deadlines({ appeal: normal("help"), receivedAt, extensionDays: 0.5 }), RangeError);
    assert.throws(() => deadlines({ appeal: normal("help"), receivedAt: new Date("bad") }), RangeError);
    assert.throws(
      () =>
        deadlines({ appeal: normal("help"), receivedAt, reopenedAt: new Date("2024-03-10T10:00:00+08:00") }),
      RangeError,
    );
  });
});

describe("validateRule", () => {
  it("accepts every default rule", () => {
    for (const r of GUANGDONG_DEFAULT_RULES) assert.deepEqual(validateRule(r), [], r.id);
  });

  it("reports every bad field", () => {
    const problems = validateRule({
      id: "has space",
      profile: "",
      clock: "close",
      kind: "question",
      urgency: "high",
      categoryPrefix: "",
      unit: "weeks",
      amount: 1.5,
      source: " ",
    });
    assert.deepEqual(problems.map((p) => p.field).sort(), [
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
    assert.ok(problems.every((p) => p.message.includes(" / ")));
  });

  it("checks the amount against the unit", () => {
    const base = rule("r", {});
    assert.deepEqual(validateRule({ ...base, amount: 0 }), []);
    assert.deepEqual(
      validateRule({ ...base, unit: "minutes", amount: 0 }).map((p) => p.field),
      ["amount"],
    );
    assert.deepEqual(
      validateRule({ ...base, unit: "working_days", amount: 400 }).map((p) => p.field),
      ["amount"],
    );
  });

  it("rejects a non-object", () => {
    assert.equal(validateRule(null).length, 1);
    assert.equal(validateRule("rule").length, 1);
  });
});

describe("validateRuleSet", () => {
  it("reports duplicate ids, shadowed rules and missing coverage", () => {
    const problems = validateRuleSet([
      rule("a", { kind: "help" }),
      rule("a", { kind: "consult" }),
      rule("b", { kind: "help" }),
    ]);
    const messages = problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.includes("id a duplicates rules[0]")));
    assert.ok(messages.some((m) => m.includes("rule b has the same scope as a")));
    assert.ok(messages.some((m) => m.includes("profile test has no reply rule for complaint (normal)")));
    assert.ok(messages.some((m) => m.includes("profile test has no sign rule for help (urgent)")));
  });
});

describe("time-zone independence", { skip: process.env.HOTLINE_SLA_TZ_CHILD === "1" }, () => {
  // Rerun this whole file in child processes whose local zone is far from +08:00.
  for (const tz of ["UTC", "America/New_York"]) {
    it(`passes with TZ=${tz}`, () => {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "--test", fileURLToPath(import.meta.url)],
        {
          // Without NODE_TEST_CONTEXT the child is a stand-alone run that reports through its exit status.
          env: { ...process.env, NODE_TEST_CONTEXT: undefined, TZ: tz, HOTLINE_SLA_TZ_CHILD: "1" },
          encoding: "utf8",
        },
      );
      assert.equal(child.status, 0, `TZ=${tz}\n${child.stdout}\n${child.stderr}`);
    });
  }
});
