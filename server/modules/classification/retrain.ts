import { sql } from "kysely";
import type { AppContext } from "../../app-context.ts";
import { trainBalanced } from "./balanced-learner.ts";
import type { Classifier, TrainingSample } from "./classifier.ts";
import { type ModelTarget, storeModel } from "./routing-models.ts";
import { appealText, round4 } from "./suggest.ts";

/** What the hotline's own history teaches one target, and how much of it came from corrections. */
export interface HistorySamples {
  /** Newest first. */
  samples: (TrainingSample & { receivedAt: Date })[];
  /** Settled appeals whose routing was corrected: returned (退单), transferred (转派), or re-categorised by an agent. */
  corrected: number;
  /** Labels left out because they had fewer settled appeals than the minimum. */
  dropped: { label: string; count: number }[];
}

/**
 * The training set from history. An appeal teaches only once its routing is settled: the lead
 * department replied (or it is closed after a reply), so the final category and department are
 * the ones that stuck after any return, transfer or agent correction — every correction is
 * training signal because the label is what it was corrected to. Merged appeals (并案) follow their
 * master and are left out; appeals answered directly teach categories, not departments.
 */
export async function historySamples(
  ctx: AppContext,
  target: ModelTarget,
  opts: { minSamplesPerLabel: number; since?: Date; limit?: number },
): Promise<HistorySamples> {
  const labelCol = target === "category" ? "category_code" : "lead_department_id";
  let q = ctx.db
    .selectFrom("appeals")
    .select([
      "title",
      "body",
      "created_at",
      sql<string>`${sql.ref(labelCol)}`.as("label"),
      // A suggestion is corrected when the final category does not lie under it (a level-1
      // suggestion "01" is right for the leaf "010208").
      sql<boolean>`(return_count > 0 or transfer_count > 0 or not starts_with(category_code, coalesce(category_suggestions->0->>'code', category_code)))`.as(
        "corrected",
      ),
    ])
    .where(sql.ref(labelCol), "is not", null)
    .where("merged_into", "is", null)
    .where((eb) =>
      target === "category"
        ? eb.or([eb("replied_at", "is not", null), eb("answered_directly", "=", true)])
        : eb("replied_at", "is not", null),
    )
    .orderBy("created_at", "desc")
    .limit(opts.limit ?? 500_000);
  if (opts.since) q = q.where("created_at", ">=", opts.since);
  const rows = await q.execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  const keep = (label: string) => (counts.get(label) ?? 0) >= opts.minSamplesPerLabel;
  const dropped = [...counts]
    .filter(([label]) => !keep(label))
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const kept = rows.filter((r) => keep(r.label));
  return {
    samples: kept.map((r) => ({
      text: appealText(r.title, r.body),
      label: r.label,
      receivedAt: new Date(r.created_at),
    })),
    corrected: kept.filter((r) => r.corrected).length,
    dropped,
  };
}

/** One retrain's outcome, as the CLI, the API and the job report it. */
export interface RetrainResult {
  target: ModelTarget;
  status: "trained" | "skipped";
  reason?: string;
  version?: number;
  activated?: boolean;
  samples: number;
  labels: number;
  corrected: number;
  dropped: number;
  /**
   * Accuracy of the new model on held-out history, and of the active one on the same appeals when
   * they are appeals it has never seen (else null: no fair comparison, the new model wins).
   */
  holdoutAccuracy?: number;
  previousHoldoutAccuracy?: number | null;
  trainSeconds?: number;
}

/** Unseen appeals needed before the active model is compared with its successor. */
const MIN_UNSEEN = 20;

const accuracy = (m: Pick<Classifier, "predict">, test: readonly TrainingSample[]) =>
  test.length === 0 ? 0 : test.filter((s) => m.predict(s.text, 1)[0]?.label === s.label).length / test.length;

/**
 * Retrains one target from history and stores the model as its next version. Appeals the active
 * model has never seen are held out first: the new model is activated only when it is at least as
 * accurate on them as the active one (or `force`), so a bad batch of data cannot make routing
 * worse behind anyone's back. The stored model is then trained on all of it.
 */
export async function retrainFromHistory(
  ctx: AppContext,
  target: ModelTarget,
  opts: {
    force?: boolean;
    createdBy?: string | null;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<RetrainResult> {
  const { samples, corrected, dropped } = await historySamples(ctx, target, {
    minSamplesPerLabel: ctx.routing.settings.minSamplesPerLabel,
  });
  const labels = new Set(samples.map((s) => s.label)).size;
  const base = { target, samples: samples.length, labels, corrected, dropped: dropped.length };
  if (labels < 2) {
    return {
      ...base,
      status: "skipped",
      reason: "history has fewer than two labels with enough settled appeals",
    };
  }
  // The fair test for the active model is history it has never seen: appeals received after it was
  // trained (the newest fifth at most). Without enough of those, a tenth of history is held out to
  // measure the new model, and it replaces the old one, which was trained on less history.
  const active = ctx.routing.get(target);
  const unseen = active ? samples.filter((s) => s.receivedAt > active.createdAt) : [];
  const fair = unseen.length >= MIN_UNSEEN;
  const test = fair ? unseen.slice(0, Math.ceil(samples.length / 5)) : samples.filter((_, i) => i % 10 === 9);
  const testSet = new Set(test);
  const train = samples.filter((s) => !testSet.has(s));
  const t0 = performance.now();
  // The learner for small, imbalanced label sets (most departments have few settled appeals):
  // class-balanced, regularisation by inner cross-validation, calibrated scores.
  const probe = trainBalanced(train, {
    onProgress: (d, t) => opts.onProgress?.(d, 2 * t),
  });
  const holdoutAccuracy = accuracy(probe, test);
  const previousHoldoutAccuracy = active && fair ? accuracy(active.model, test) : null;
  const better = previousHoldoutAccuracy === null || holdoutAccuracy >= previousHoldoutAccuracy;
  const model = trainBalanced(samples, {
    onProgress: (d, t) => opts.onProgress?.(t + d, 2 * t),
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  const activate = better || !!opts.force;
  const stored = await storeModel(ctx.db, {
    target,
    source: "history",
    bytes: model.serialize(),
    sampleCount: samples.length,
    labelCount: labels,
    metrics: {
      holdoutAccuracy,
      previousHoldoutAccuracy,
      holdout: fair ? "appeals received after the active model" : "every tenth settled appeal",
      holdoutSize: test.length,
      corrected,
      dropped,
      trainSeconds,
    },
    createdBy: opts.createdBy ?? null,
    activate,
    now: ctx.clock.now(),
  });
  await ctx.routing.refresh(ctx.db);
  return {
    ...base,
    status: "trained",
    version: stored.version,
    activated: activate,
    holdoutAccuracy: round4(holdoutAccuracy),
    previousHoldoutAccuracy: previousHoldoutAccuracy === null ? null : round4(previousHoldoutAccuracy),
    trainSeconds: Math.round(trainSeconds * 100) / 100,
  };
}
