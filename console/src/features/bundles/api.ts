/**
 * The bundle (一件事一次办) endpoints the console calls, typed from the shared contract
 * (common/contracts/bundles.ts). Case and sub-case actions carry an Idempotency-Key, so a click
 * sent twice (a retry after a lost answer) is answered once.
 */
import type { CaseAction, SubcaseAction } from "../../../../common/case-state.ts";
import type {
  BundleCaseDto,
  BundleDto,
  BundleSummary,
  BundleVersionDto,
  FormBody,
  FormDto,
  MatchesDto,
  PublicCaseDto,
  ReformMetricsDto,
  StartCaseBody,
} from "../../../../common/contracts/bundles.ts";
import { api, type Page, qs } from "../../shared/api.ts";

export type BundleCase = BundleCaseDto;
export type Subcase = BundleCaseDto["subcases"][number];
export type StartedCase = BundleCaseDto & { secret: string };
export type { BundleDto, BundleSummary, FormDto, MatchesDto, PublicCaseDto, ReformMetricsDto };

const enc = encodeURIComponent;

/** A fresh key per user action. */
export const newIdempotencyKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export const listBundles = () => api<{ items: BundleSummary[] }>("GET", "/api/v1/bundles");
export const getBundle = (id: string) => api<BundleDto>("GET", `/api/v1/bundles/${enc(id)}`);
export const getBundleVersion = (id: string, v: number) =>
  api<BundleVersionDto>("GET", `/api/v1/bundles/${enc(id)}/versions/${v}`);
export const bundleForm = (id: string, body: FormBody) =>
  api<FormDto>("POST", `/api/v1/bundles/${enc(id)}/form`, body);
export const reformMetrics = (id: string) =>
  api<ReformMetricsDto>("GET", `/api/v1/bundles/${enc(id)}/reform-metrics`);
export const reformXlsxUrl = (id: string) => `/api/v1/bundles/${enc(id)}/reform-metrics.xlsx`;
export const appealBundleMatches = (appealId: string) =>
  api<MatchesDto>("GET", `/api/v1/appeals/${enc(appealId)}/bundle-matches`);

export interface CaseFilter {
  status?: string;
  bundleId?: string;
  subcaseStatus?: string;
  appealId?: string;
  cursor?: string;
}
export const listCases = (f: CaseFilter) =>
  api<Page<BundleCase>>("GET", `/api/v1/bundle-cases${qs({ ...f })}`);
export const getCase = (id: string) => api<BundleCase>("GET", `/api/v1/bundle-cases/${enc(id)}`);
export const startCase = (body: StartCaseBody, key: string) =>
  api<StartedCase>("POST", "/api/v1/bundle-cases", body, { "idempotency-key": key });

export interface CaseActionInput {
  reason?: string;
  materials?: string[];
  tolerateMissing?: boolean;
  supplyWithinDays?: number;
}
export const caseAction = (c: BundleCase, action: CaseAction, input: CaseActionInput, key: string) =>
  api<BundleCase>(
    "POST",
    `/api/v1/bundle-cases/${enc(c.id)}/actions`,
    { action, version: c.version, ...input },
    { "idempotency-key": key },
  );

export interface SubcaseActionInput {
  note?: string;
  reason?: string;
  suspension?: "publicity" | "expert_review";
  resultNo?: string;
}
export const subcaseAction = (
  caseId: string,
  s: Subcase,
  action: SubcaseAction,
  input: SubcaseActionInput,
  key: string,
) =>
  api<BundleCase>(
    "POST",
    `/api/v1/bundle-cases/${enc(caseId)}/subcases/${enc(s.id)}/actions`,
    { action, version: s.version, ...input },
    { "idempotency-key": key },
  );

export const trackPublicCase = (caseNo: string, secret: string) =>
  api<PublicCaseDto>("GET", `/api/v1/public/bundle-cases/${enc(caseNo)}${qs({ secret })}`);
