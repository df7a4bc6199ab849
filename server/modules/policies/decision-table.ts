import { type Static, Type } from "@sinclair/typebox";
import { StringEnum } from "../../../common/contracts/shared.ts";

/**
 * A policy version as a DMN-shaped decision table (决策表), stored as JSON and authored in the
 * console's grid editor: input columns from the controlled attribute list, one condition per
 * column per rule (text cells, e.g. `>= 5`, `[1..100]`, `2101, 2102`, `within 3 years`, `-`),
 * a hit policy, and per rule the outputs: eligible and the amount as a formula of attributes.
 */
export const HIT_POLICIES = ["UNIQUE", "FIRST", "ANY", "COLLECT"] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

export const GoldenCase = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** Attribute values of the test enterprise (missing = unknown). */
    attrs: Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
    expect: Type.Object(
      {
        status: StringEnum(["eligible", "not_eligible", "needs_data", "error"] as const),
        amount: Type.Optional(Type.Number()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type GoldenCase = Static<typeof GoldenCase>;

export const DecisionTable = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The department that issues the policy; its handlers confirm the entitlements. */
    issuingDepartmentId: Type.String({ minLength: 1, maxLength: 64 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
    effectiveFrom: Type.String({ format: "date" }),
    effectiveTo: Type.Union([Type.String({ format: "date" }), Type.Null()]),
    sample: Type.Optional(Type.Boolean()),
    hitPolicy: StringEnum(HIT_POLICIES),
    inputs: Type.Array(
      Type.Object(
        { attribute: Type.String({ minLength: 1, maxLength: 60 }) },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 24,
      },
    ),
    rules: Type.Array(
      Type.Object(
        {
          /** One condition per input column, in column order. */
          when: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 24 }),
          eligible: Type.Boolean(),
          /** The amount formula (元), e.g. `min(rdSpend * 0.1, 500000)`; "0" when no money. */
          amount: Type.String({ minLength: 1, maxLength: 1000 }),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    /** The evaluation date the officer's cases assume (default: today). */
    testDate: Type.Optional(Type.String({ format: "date" })),
    /** Cases the officer writes; the generated boundary cases are added when testing. */
    tests: Type.Optional(Type.Array(GoldenCase, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type DecisionTable = Static<typeof DecisionTable>;

/** A validation problem naming the place: `rules[2].when[1]` (rule 3, column 2), `inputs[0]`… */
export interface TableProblem {
  field: string;
  message: string;
}
