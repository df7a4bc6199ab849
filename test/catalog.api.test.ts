/**
 * The catalog, SLA and metrics routes answer what their contracts (common/contracts/{directory,sla,
 * metrics}.ts) say: every answer checks against its response schema, the serialiser drops nothing
 * the in-memory catalog holds, and the OpenAPI document carries the schemas.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { TSchema } from "@sinclair/typebox";
import { Ajv } from "ajv";
import formats from "ajv-formats";
import {
  CategoryTreeResponse,
  type DepartmentDto,
  DepartmentTreeResponse,
  RegionListResponse,
  RouteListResponse,
} from "../common/contracts/directory.ts";
import { MetricsResponse } from "../common/contracts/metrics.ts";
import { CalendarYearDto, SlaRulesResponse } from "../common/contracts/sla.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

/** The contract's schemas as a strict validator: every property checked, none left out. */
const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default export is the plugin under tsx, `.default` under tsc's view.
const plugin = formats as unknown as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
(plugin.default ?? plugin)(ajv);

describe("catalog, SLA and metrics answers follow their contracts", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  const get = async (url: string, schema: TSchema) => {
    const res = await t.call("admin", "GET", url);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.json)}`);
    const valid = ajv.validate(schema, res.json);
    assert.ok(valid, `${url} against its schema: ${ajv.errorsText(ajv.errors)}`);
    return res.json;
  };

  it("categories: the whole tree, as the catalog holds it", async () => {
    const body = await get("/api/v1/categories", CategoryTreeResponse);
    assert.deepEqual(body.items, t.ctx.directory.categoryTree());
  });

  it("departments: every department once, under its parent", async () => {
    const body = await get("/api/v1/departments", DepartmentTreeResponse);
    const seen: DepartmentDto[] = [];
    const walk = (nodes: DepartmentDto[], parentId: string | null) => {
      for (const n of nodes) {
        seen.push(n);
        assert.equal(t.ctx.directory.departments.get(n.id)?.parentId ?? null, parentId, n.id);
        walk(n.children, n.id);
      }
    };
    walk(body.items, null);
    assert.equal(seen.length, t.ctx.directory.departments.size);
  });

  it("regions, routes, calendar, SLA rules and metrics", async () => {
    const cities = await get("/api/v1/regions?parent=21", RegionListResponse);
    assert.equal(cities.items.length, 14);
    const publicCities = await t.call(null, "GET", "/api/v1/public/regions?parent=21");
    assert.deepEqual(publicCities.json, cities);
    const bad = await t.call(null, "GET", "/api/v1/public/regions?parent=99");
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.details[0].field, "parent");

    const routes = await get("/api/v1/routes?regionCode=2101&categoryCode=01", RouteListResponse);
    assert.ok(routes.items.length > 0);
    for (const r of routes.items) {
      assert.equal(r.regionCode, "2101");
      assert.ok(r.categoryCode.startsWith("01"));
      assert.equal(t.ctx.directory.routes.lookup(r.categoryCode, r.regionCode)?.departmentId, r.departmentId);
    }

    const year = await get("/api/v1/calendar/2025", CalendarYearDto);
    assert.equal(year.days.length, 365);
    assert.equal(year.covered, true);
    const rules = await get("/api/v1/sla-rules", SlaRulesResponse);
    assert.equal(rules.profile, "guangdong");
    assert.deepEqual(rules.items, [...t.ctx.sla.rules]);
    await get("/api/v1/metrics?groupBy=department", MetricsResponse);
  });

  it("refuses a bad rule naming the field, and a rule set the change would break", async () => {
    const rule = t.ctx.sla.rules.find((r) => r.id === "gd-reply-help")!;
    const { id: _id, ...fields } = rule;
    const bad = await t.call("admin", "PUT", "/api/v1/sla-rules/gd-reply-help", { ...fields, unit: "weeks" });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.details[0].field, "body.unit");
    const extra = await t.call("admin", "PUT", "/api/v1/sla-rules/gd-reply-help", {
      ...fields,
      color: "red",
    });
    assert.equal(extra.status, 400);
    assert.equal(extra.json.error.details[0].field, "body.color");
    // A help rule narrowed to urgent appeals leaves normal requests for help without a reply rule.
    const hole = await t.call("admin", "PUT", "/api/v1/sla-rules/gd-reply-help", {
      ...fields,
      urgency: "normal",
      kind: "consult",
    });
    assert.equal(hole.status, 400);
    assert.ok(hole.json.error.details.some((d: { field: string }) => d.field === "profile:guangdong"));
  });

  it("the metrics workbook is an Excel file", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/metrics.xlsx",
      headers: { authorization: `Bearer ${t.tokens.supervisor}` },
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /spreadsheetml/);
    assert.equal(res.rawPayload.subarray(0, 2).toString(), "PK");
  });

  it("the OpenAPI document names the response schemas", async () => {
    const doc = (await t.call(null, "GET", "/api/v1/openapi.json")).json;
    const op = doc.paths["/api/v1/sla-rules/{id}"].put;
    assert.ok(op.responses["200"], "PUT /sla-rules/{id} declares its answer");
    assert.ok(op.responses["403"]);
    assert.ok(doc.paths["/api/v1/metrics"].get.responses["200"]);
    assert.ok(doc.paths["/api/v1/departments"].get.responses["200"]);
  });
});
