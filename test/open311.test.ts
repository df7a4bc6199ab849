import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Json } from "./support/http-helpers.ts";
import { child, textOf } from "./support/mini-xml.ts";
import { assertO311Error, o311, W3C_WITH_TZ, xmlRequests } from "./support/open311-client.ts";
import { appealBody, startTestApp, type TestApp } from "./support/test-app.ts";

/** A Shenyang street light with a required attribute: the service most tests post to. */
const STREETLIGHT = "010204";

describe("Open311 GeoReport v2: every endpoint and error, in XML and JSON", () => {
  let t: TestApp;
  let key: string;
  let leafCount: number;
  const post = (
    form: Record<string, string | string[]>,
    format: "json" | "xml" = "json",
    headers?: Record<string, string>,
  ) => o311(t, "POST", `/open311/v2/requests.${format}`, { form, ...(headers ? { headers } : {}) });
  const valid = (over: Record<string, string | string[]> = {}) => ({
    api_key: key,
    service_code: STREETLIGHT,
    lat: "41.7968",
    long: "123.4293",
    description: "中山路与民主路交口路灯不亮已经三天",
    "attribute[facility]": "streetlight",
    ...over,
  });

  before(async () => {
    t = await startTestApp();
    const res = await t.call("admin", "POST", "/api/v1/api-keys", { name: "城市随手拍 app" });
    assert.equal(res.status, 201);
    key = res.json.key;
    const row = await t.ctx.db
      .selectFrom("categories")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("level", "=", 3)
      .executeTakeFirstOrThrow();
    leafCount = Number(row.n);
  });
  after(() => t.close());

  describe("discovery", () => {
    it("lists this endpoint in JSON (an object) and XML, with both formats", async () => {
      const j = await o311(t, "GET", "/open311/v2/discovery.json");
      assert.equal(j.status, 200);
      assert.equal(j.contentType, "application/json; charset=utf-8");
      assert.equal(j.json.endpoints.length, 1);
      const ep = j.json.endpoints[0];
      assert.equal(ep.specification, "http://wiki.open311.org/GeoReport_v2");
      assert.match(ep.url, /\/open311\/v2\/$/);
      assert.deepEqual(ep.formats, ["text/xml", "application/json"]);
      assert.match(j.json.changeset, W3C_WITH_TZ);

      const x = await o311(t, "GET", "/open311/v2/discovery.xml");
      assert.equal(x.status, 200);
      assert.equal(x.contentType, "text/xml; charset=utf-8");
      assert.equal(x.xml!.declaration, '<?xml version="1.0" encoding="UTF-8"?>');
      assert.equal(x.xml!.root.name, "discovery");
      const endpoint = child(child(x.xml!.root, "endpoints"), "endpoint");
      assert.deepEqual(
        child(endpoint, "formats").children.map((f) => [f.name, f.text]),
        [
          ["format", "text/xml"],
          ["format", "application/json"],
        ],
      );
      assert.equal(textOf(endpoint, "type"), "production");
    });
  });

  describe("services", () => {
    it("lists every leaf category as a service, in JSON (root array) and XML", async () => {
      const j = await o311(t, "GET", "/open311/v2/services.json");
      assert.equal(j.status, 200);
      assert.ok(Array.isArray(j.json));
      assert.equal(j.json.length, leafCount);
      for (const s of j.json) {
        assert.equal(typeof s.service_code, "string");
        assert.match(s.service_code, /^\d{6}$/);
        assert.ok(s.service_name && s.group && s.description);
        assert.equal(typeof s.metadata, "boolean");
        assert.equal(s.type, "realtime");
      }
      const light = j.json.find((s: { service_code: string }) => s.service_code === STREETLIGHT);
      assert.deepEqual(
        { name: light.service_name, group: light.group, metadata: light.metadata },
        { name: "城市公共设施", group: "城市建设和市政管理", metadata: true },
      );

      const x = await o311(t, "GET", "/open311/v2/services.xml");
      assert.equal(x.contentType, "text/xml; charset=utf-8");
      assert.equal(x.xml!.root.name, "services");
      assert.equal(x.xml!.root.children.length, leafCount);
      const first = x.xml!.root.children[0]!;
      assert.equal(first.name, "service");
      assert.deepEqual(
        first.children.map((c) => c.name),
        ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
      );
      assert.ok(["true", "false"].includes(textOf(first, "metadata")));
    });

    it("gives a definition for every service; metadata=true ones have their own attributes, orders unique", async () => {
      const list = (await o311(t, "GET", "/open311/v2/services.json")).json as {
        service_code: string;
        metadata: boolean;
      }[];
      const withMeta = list.filter((s) => s.metadata);
      assert.ok(withMeta.length >= 5, "some services need extra fields");
      for (const s of [...withMeta, list[0]!]) {
        const d = await o311(t, "GET", `/open311/v2/services/${s.service_code}.json`);
        assert.equal(d.status, 200, d.text);
        assert.equal(d.json.service_code, s.service_code);
        const orders = d.json.attributes.map((a: { order: number }) => a.order);
        assert.equal(new Set(orders).size, orders.length, "order is unique");
        assert.ok(orders.every((o: number) => Number.isInteger(o) && o >= 1));
        for (const a of d.json.attributes) {
          assert.ok(
            ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"].includes(
              a.datatype,
            ),
          );
          assert.equal(typeof a.variable, "boolean");
          assert.equal(typeof a.required, "boolean");
          if (a.datatype.endsWith("valuelist")) assert.ok(a.values.length >= 2);
        }
        const own = d.json.attributes.filter((a: { code: string }) => a.code !== "kind");
        assert.equal(own.length > 0, s.metadata, `metadata of ${s.service_code} matches its attributes`);
      }
    });

    it("writes a definition in XML as service_definition › attributes › attribute › values › value", async () => {
      const x = await o311(t, "GET", `/open311/v2/services/${STREETLIGHT}.xml`);
      assert.equal(x.status, 200);
      assert.equal(x.xml!.root.name, "service_definition");
      assert.equal(textOf(x.xml!.root, "service_code"), STREETLIGHT);
      const attrs = child(x.xml!.root, "attributes").children;
      const facility = attrs.find((a) => textOf(a, "code") === "facility")!;
      assert.equal(textOf(facility, "required"), "true");
      assert.equal(textOf(facility, "datatype"), "singlevaluelist");
      const values = child(facility, "values").children;
      assert.ok(values.every((v) => v.name === "value"));
      assert.ok(values.some((v) => textOf(v, "key") === "streetlight"));
    });

    it("answers 404 for an unknown or non-leaf service code, in both formats", async () => {
      assertO311Error(await o311(t, "GET", "/open311/v2/services/999999.json"), 404, "json", "service_code");
      assertO311Error(await o311(t, "GET", "/open311/v2/services/01.xml"), 404, "xml", "service_code");
    });

    it("takes jurisdiction_id as a region code: 21, a city, empty; 404 for an unknown one", async () => {
      for (const j of ["21", "2101", "210102", ""]) {
        const r = await o311(t, "GET", `/open311/v2/services.json?jurisdiction_id=${j}`);
        assert.equal(r.status, 200, `${j}: ${r.text.slice(0, 200)}`);
      }
      assertO311Error(
        await o311(t, "GET", "/open311/v2/services.json?jurisdiction_id=sfgov.org"),
        404,
        "json",
        "jurisdiction_id",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/services.xml?jurisdiction_id=2199"),
        404,
        "xml",
        "jurisdiction_id",
      );
      assertO311Error(
        await o311(t, "GET", `/open311/v2/services/${STREETLIGHT}.xml?jurisdiction_id=11`),
        404,
        "xml",
        "jurisdiction_id",
      );
    });
  });

  describe("formats and unknown paths", () => {
    it("refuses an unknown format with a clean 404 error list", async () => {
      assertO311Error(await o311(t, "GET", "/open311/v2/services.html"), 404, "xml", "format");
      assertO311Error(await o311(t, "GET", "/open311/v2/requests.csv"), 404, "xml", "format");
      assertO311Error(
        await o311(t, "POST", "/open311/v2/requests.yaml", { form: valid() }),
        404,
        "xml",
        "format",
      );
      assertO311Error(await o311(t, "GET", "/open311/v2/services"), 404, "xml");
    });

    it("answers an unknown resource in the standard's error shape (JSON when .json was asked for)", async () => {
      assertO311Error(await o311(t, "GET", "/open311/v2/nothing.json"), 404, "json");
      assertO311Error(await o311(t, "GET", "/open311/v2/nothing/here.xml"), 404, "xml");
      assertO311Error(await o311(t, "DELETE", "/open311/v2/requests.json"), 404, "json");
    });
  });

  describe("POST requests: errors", () => {
    it("403 without an api_key or with a wrong one, before looking at anything else", async () => {
      const { api_key: _k, ...noKey } = valid();
      assertO311Error(await post(noKey, "json"), 403, "json", "api_key");
      assertO311Error(await post(noKey, "xml"), 403, "xml", "api_key");
      assertO311Error(await post({ ...valid(), api_key: "hk_not-a-key" }, "xml"), 403, "xml", "api_key");
      assertO311Error(await post({ api_key: "wrong" }, "json"), 403, "json", "api_key");
    });

    it("400 without a service_code, 404 for an unknown one or an unknown jurisdiction", async () => {
      const { service_code: _c, ...noCode } = valid();
      assertO311Error(await post(noCode, "xml"), 400, "xml", "service_code");
      assertO311Error(await post(valid({ service_code: "999999" }), "json"), 404, "json", "service_code");
      assertO311Error(await post(valid({ service_code: "01" }), "xml"), 404, "xml", "service_code");
      assertO311Error(await post(valid({ jurisdiction_id: "4403" }), "json"), 404, "json", "jurisdiction_id");
    });

    it("400 naming the location when it is missing, half given, malformed or outside Liaoning", async () => {
      const { lat: _a, long: _b, ...noLocation } = valid();
      assertO311Error(await post(noLocation, "json"), 400, "json", "location");
      assertO311Error(await post({ ...noLocation, lat: "41.8" }, "xml"), 400, "xml", "long");
      assertO311Error(await post({ ...noLocation, long: "123.4" }, "json"), 400, "json", "lat");
      assertO311Error(await post(valid({ lat: "north" }), "json"), 400, "json", "lat");
      assertO311Error(await post(valid({ long: "200" }), "json"), 400, "json", "long");
      assertO311Error(
        await post(valid({ lat: "39.9042", long: "116.4074" }), "xml"),
        400,
        "xml",
        "outside Liaoning",
      );
      assertO311Error(await post({ ...noLocation, address_id: "545483" }, "json"), 400, "json", "address_id");
    });

    it("400 for each bad field, all at once, each named", async () => {
      const res = await post(
        valid({
          phone: "12345",
          email: "not-an-email",
          media_url: "javascript:alert(1)",
          description: "<script>alert(1)</script>",
          first_name: "a".repeat(30),
        }),
        "json",
      );
      const errors = assertO311Error(res, 400, "json");
      for (const f of ["phone", "email", "media_url", "description", "first_name"]) {
        assert.ok(
          errors.some((e) => e.startsWith(`${f}:`)),
          `${f} not named: ${res.text}`,
        );
      }
      assertO311Error(
        await post(valid({ description: "长".repeat(4001) }), "xml"),
        400,
        "xml",
        "description",
      );
      assertO311Error(await post(valid({ description: "a\u0000b" }), "json"), 400, "json", "description");
      assertO311Error(
        await post(valid({ address_string: "中山路\n88号" }), "json"),
        400,
        "json",
        "address_string",
      );
    });

    it("400 for attribute problems: required, unknown code, value not in the list, one value only, number", async () => {
      const { "attribute[facility]": _f, ...noFacility } = valid();
      assertO311Error(await post(noFacility, "json"), 400, "json", "attribute[facility]");
      assertO311Error(
        await post(valid({ "attribute[colour]": "red" }), "json"),
        400,
        "json",
        "attribute[colour]",
      );
      assertO311Error(
        await post(valid({ "attribute[facility]": "spaceship" }), "xml"),
        400,
        "xml",
        "attribute[facility]",
      );
      assertO311Error(
        await post(valid({ "attribute[facility]": ["road", "sidewalk"] }), "json"),
        400,
        "json",
        "attribute[facility]",
      );
      const heating = "010208";
      assertO311Error(
        await post(
          valid({
            service_code: heating,
            "attribute[heating_issue]": "too_cold",
            "attribute[indoor_temperature]": "cold",
          }),
          "json",
        ),
        400,
        "json",
        "attribute[indoor_temperature]",
      );
      assertO311Error(
        await post(valid({ service_code: "010213", "attribute[safety_notice]": "ok" }), "json"),
        400,
        "json",
        "attribute[safety_notice]",
      );
    });

    it("400 for a field given twice, and for a body that is neither a form nor JSON", async () => {
      assertO311Error(
        await post(valid({ service_code: [STREETLIGHT, "010101"] }), "json"),
        400,
        "json",
        "service_code",
      );
      const multipart = await o311(t, "POST", "/open311/v2/requests.xml", {
        headers: { "content-type": "multipart/form-data; boundary=x" },
        form: "--x--",
      });
      assertO311Error(multipart, 400, "xml");
      const badJson = await o311(t, "POST", "/open311/v2/requests.json", {
        headers: { "content-type": "application/json" },
        form: "{not json",
      });
      assertO311Error(badJson, 400, "json");
    });
  });

  describe("POST requests: success", () => {
    it("creates a real appeal (channel open311) from a form and answers its id, no token (realtime)", async () => {
      const res = await post(valid({ account_id: "u-42", device_id: "dev-7" }), "xml");
      assert.equal(res.status, 200, res.text);
      const [r] = xmlRequests(res);
      assert.match(r!.service_request_id!, /^2101-20250303-\d{6}$/);
      assert.equal(r!.token, undefined, "realtime answers carry no token");
      assert.equal(r!.account_id, "u-42");
      assert.match(r!.service_notice!, /2101-20250303-\d{6}/);
      const a = await t.ctx.db
        .selectFrom("appeals")
        .selectAll()
        .where("ticket_no", "=", r!.service_request_id!)
        .executeTakeFirstOrThrow();
      assert.equal(a.channel, "open311");
      assert.equal(a.category_code, STREETLIGHT);
      assert.equal(a.kind, "help");
      assert.equal(a.region_code, "2101", "the point is in Shenyang");
      assert.equal(a.lat, 41.7968);
      assert.match(a.body, /路灯 \(streetlight\)/, "attributes reach the handlers in the body");
      const events = await t.ctx.db
        .selectFrom("appeal_events")
        .selectAll()
        .where("appeal_id", "=", a.id)
        .execute();
      assert.deepEqual(
        events.map((e) => [e.type, e.actor_role, e.actor_name]),
        [["received", "integration", "Open311: 城市随手拍 app"]],
      );
    });

    it("accepts JSON bodies (nested attribute object), multi-value lists, kind and urgency from attributes", async () => {
      const res = await o311(t, "POST", "/open311/v2/requests.json", {
        json: {
          api_key: key,
          service_code: "040203",
          address_string: "大连市中山区人民路 15 号",
          attribute: { noise_source: "construction", noise_period: ["day", "night"], kind: "complaint" },
        },
      });
      assert.equal(res.status, 200, res.text);
      assert.ok(Array.isArray(res.json));
      const id = res.json[0].service_request_id;
      assert.match(id, /^2102-/);
      const a = await t.ctx.db
        .selectFrom("appeals")
        .selectAll()
        .where("ticket_no", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal(a.region_code, "210202", "中山区 of 大连市 from the address");
      assert.equal(a.kind, "complaint");
      const form = await post(valid({ "attribute[facility]": "manhole" }), "json");
      assert.equal(form.status, 200, form.text);
      const m = await t.ctx.db
        .selectFrom("appeals")
        .select("urgency")
        .where("ticket_no", "=", form.json[0].service_request_id)
        .executeTakeFirstOrThrow();
      assert.equal(m.urgency, "urgent", "an open manhole is urgent");
      const multi = await post(
        {
          api_key: key,
          service_code: "040203",
          address_string: "沈阳市和平区",
          "attribute[noise_source]": "traffic",
          "attribute[noise_period][]": ["day", "night"],
        },
        "json",
      );
      assert.equal(multi.status, 200, multi.text);
    });

    it("keeps the report inside the jurisdiction when the address names no place", async () => {
      const res = await post(
        {
          api_key: key,
          service_code: STREETLIGHT,
          jurisdiction_id: "2102",
          address_string: "人民路口",
          "attribute[facility]": "road",
        },
        "json",
      );
      assert.equal(res.status, 200, res.text);
      assert.match(res.json[0].service_request_id, /^2102-/);
    });

    it("an Idempotency-Key makes a retry return the first answer and create nothing", async () => {
      const headers = { "idempotency-key": "retry-1" };
      const a = await post(valid({ description: "幂等重试" }), "json", headers);
      const b = await post(valid({ description: "幂等重试" }), "json", headers);
      assert.equal(a.status, 200);
      assert.deepEqual(b.json, a.json);
      const n = await t.ctx.db
        .selectFrom("appeals")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("title", "=", "幂等重试")
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 1);
    });
  });

  describe("batch mode and tokens", () => {
    it("an admin switches to batch: services say batch, POST answers a token that /tokens resolves", async () => {
      assert.equal((await t.call("agent", "PUT", "/api/v1/open311/settings", { type: "batch" })).status, 403);
      assert.equal((await t.call("admin", "PUT", "/api/v1/open311/settings", { type: "fast" })).status, 400);
      const set = await t.call("admin", "PUT", "/api/v1/open311/settings", { type: "batch" });
      assert.equal(set.status, 200);
      try {
        const services = await o311(t, "GET", "/open311/v2/services.json");
        assert.ok(services.json.every((s: { type: string }) => s.type === "batch"));
        const res = await post(valid(), "json");
        assert.equal(res.status, 200, res.text);
        const answer = res.json[0];
        assert.equal(answer.service_request_id, undefined, "batch answers carry no id");
        assert.match(answer.token, /^2101-[\w-]{16,}$/);
        const j = await o311(t, "GET", `/open311/v2/tokens/${answer.token}.json`);
        assert.equal(j.status, 200, j.text);
        assert.equal(j.json.length, 1);
        assert.equal(j.json[0].token, answer.token);
        assert.match(j.json[0].service_request_id, /^2101-20250303-\d{6}$/);
        const x = await o311(t, "GET", `/open311/v2/tokens/${answer.token}.xml?jurisdiction_id=2101`);
        assert.deepEqual(xmlRequests(x), [
          { service_request_id: j.json[0].service_request_id, token: answer.token },
        ]);
        assertO311Error(
          await o311(t, "GET", `/open311/v2/tokens/${answer.token}.xml?jurisdiction_id=2102`),
          404,
          "xml",
          "token",
        );
      } finally {
        await t.call("admin", "PUT", "/api/v1/open311/settings", { type: "realtime" });
      }
      assert.equal((await t.call("admin", "GET", "/api/v1/open311/settings")).json.type, "realtime");
    });

    it("answers 404 for an unknown token, 404 for an unknown jurisdiction", async () => {
      assertO311Error(
        await o311(t, "GET", "/open311/v2/tokens/2101-AAAAAAAAAAAAAAAAAAAA.json"),
        404,
        "json",
        "token",
      );
      assertO311Error(await o311(t, "GET", "/open311/v2/tokens/whatever.xml"), 404, "xml", "token");
      assertO311Error(
        await o311(t, "GET", "/open311/v2/tokens/whatever.xml?jurisdiction_id=x"),
        404,
        "xml",
        "jurisdiction_id",
      );
    });
  });

  describe("GET requests", () => {
    it("lists only Open311 reports (root array / service_requests › request), with every datetime zoned", async () => {
      const phone = await t.call("agent", "POST", "/api/v1/appeals", appealBody());
      assert.equal(phone.status, 201);
      const j = await o311(t, "GET", "/open311/v2/requests.json");
      assert.equal(j.status, 200);
      assert.ok(Array.isArray(j.json) && j.json.length >= 3);
      const ids = j.json.map((r: { service_request_id: string }) => r.service_request_id);
      assert.ok(!ids.includes(phone.json.ticketNo), "a phone appeal is not public");
      assertO311Error(
        await o311(t, "GET", `/open311/v2/requests/${phone.json.ticketNo}.json`),
        404,
        "json",
        "service_request_id",
      );
      for (const r of j.json) {
        for (const f of ["service_request_id", "status", "service_code", "requested_datetime"])
          assert.ok(f in r, f);
        assert.ok(["open", "closed"].includes(r.status));
        for (const f of ["requested_datetime", "updated_datetime", "expected_datetime"]) {
          assert.match(r[f], W3C_WITH_TZ, `${f}: ${r[f]}`);
          assert.ok(r[f].endsWith("+08:00"));
        }
      }
      const sorted = [...j.json].sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime));
      assert.deepEqual(
        j.json.map((r: { requested_datetime: string }) => r.requested_datetime),
        sorted.map((r) => r.requested_datetime),
        "newest first",
      );
      const x = await o311(t, "GET", "/open311/v2/requests.xml");
      const rows = xmlRequests(x);
      assert.deepEqual(
        rows.map((r) => r.service_request_id),
        ids,
      );
      assert.deepEqual(Object.keys(rows[0]!).slice(0, 4), [
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
      ]);
    });

    it("filters by service_code and status; service_request_id overrides every other filter", async () => {
      const noise = await o311(t, "GET", "/open311/v2/requests.json?service_code=040203");
      assert.ok(noise.json.length >= 2);
      assert.ok(noise.json.every((r: { service_code: string }) => r.service_code === "040203"));
      const both = await o311(t, "GET", `/open311/v2/requests.json?service_code=040203,${STREETLIGHT}`);
      const all = await o311(t, "GET", "/open311/v2/requests.json");
      assert.equal(both.json.length, all.json.length);
      const closed = await o311(t, "GET", "/open311/v2/requests.json?status=closed");
      assert.deepEqual(closed.json, [], "nothing is closed yet");
      const open = await o311(t, "GET", "/open311/v2/requests.json?status=open,closed");
      assert.equal(open.json.length, all.json.length);
      const id = noise.json[0].service_request_id;
      const over = await o311(
        t,
        "GET",
        `/open311/v2/requests.json?service_request_id=${id},2101-20990101-000001&status=closed&service_code=${STREETLIGHT}&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`,
      );
      assert.deepEqual(
        over.json.map((r: { service_request_id: string }) => r.service_request_id),
        [id],
      );
      const one = await o311(t, "GET", `/open311/v2/requests/${id}.xml`);
      assert.deepEqual(
        xmlRequests(one).map((r) => r.service_request_id),
        [id],
      );
      const elsewhere = await o311(t, "GET", `/open311/v2/requests/${id}.json?jurisdiction_id=2103`);
      assertO311Error(elsewhere, 404, "json", "service_request_id");
      const inDalian = await o311(t, "GET", "/open311/v2/requests.json?jurisdiction_id=2102");
      assert.ok(inDalian.json.length >= 1);
      assert.ok(
        inDalian.json.every((r: { service_request_id: string }) => r.service_request_id.startsWith("2102-")),
      );
    });

    it("windows by requested_datetime: the last 90 days by default, never wider than 90 days", async () => {
      const dayAgo = "2025-03-02T09:00:00+08:00";
      const before = await o311(t, "GET", `/open311/v2/requests.json?end_date=${encodeURIComponent(dayAgo)}`);
      assert.deepEqual(before.json, [], "everything was received on 2025-03-03");
      const window = await o311(
        t,
        "GET",
        "/open311/v2/requests.json?start_date=2025-03-03&end_date=2025-03-04",
      );
      const all = await o311(t, "GET", "/open311/v2/requests.json");
      assert.equal(window.json.length, all.json.length);
      assertO311Error(
        await o311(
          t,
          "GET",
          "/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z",
        ),
        400,
        "json",
        "90 days",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.xml?start_date=yesterday"),
        400,
        "xml",
        "start_date",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.xml?start_date=2025-03-03T09:00:00"),
        400,
        "xml",
        "start_date",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.json?start_date=2025-03-03&end_date=2025-03-01"),
        400,
        "json",
        "end_date",
      );
      // 100 days later the default window no longer holds today's reports.
      t.clock.advance(100 * 24 * 3600 * 1000);
      try {
        assert.deepEqual((await o311(t, "GET", "/open311/v2/requests.json")).json, []);
        const found = await o311(
          t,
          "GET",
          "/open311/v2/requests.json?start_date=2025-03-01T00:00:00%2B08:00",
        );
        assert.equal(found.json.length, all.json.length, "start_date alone spans 90 days from it");
      } finally {
        t.clock.set("2025-03-03T01:00:00.000Z");
      }
    });

    it("400 for bad filters, each named", async () => {
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.json?status=pending"),
        400,
        "json",
        "status",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.xml?service_code=999999"),
        400,
        "xml",
        "service_code",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.json?service_request_id=abc"),
        400,
        "json",
        "service_request_id",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.json?page_size=1001"),
        400,
        "json",
        "page_size",
      );
      assertO311Error(await o311(t, "GET", "/open311/v2/requests.json?page=0"), 400, "json", "page");
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.json?extensions=yes"),
        400,
        "json",
        "extensions",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests.xml?jurisdiction_id=9"),
        404,
        "xml",
        "jurisdiction_id",
      );
      assertO311Error(
        await o311(t, "GET", "/open311/v2/requests/not-a-ticket.xml"),
        404,
        "xml",
        "service_request_id",
      );
    });

    it("pages with page and page_size", async () => {
      const all = (await o311(t, "GET", "/open311/v2/requests.json")).json as {
        service_request_id: string;
      }[];
      const p1 = (await o311(t, "GET", "/open311/v2/requests.json?page_size=2")).json;
      const p2 = (await o311(t, "GET", "/open311/v2/requests.json?page_size=2&page=2")).json;
      assert.deepEqual(
        [...p1, ...p2].map((r: { service_request_id: string }) => r.service_request_id),
        all.slice(0, 4).map((r) => r.service_request_id),
      );
    });

    it("limits anonymous list calls per client address (429 in the standard's error shape)", async () => {
      let last = await o311(t, "GET", "/open311/v2/requests.json?page_size=1", {
        remoteAddress: "203.0.113.9",
      });
      for (let i = 0; i < 60 && last.status === 200; i++) {
        last = await o311(t, "GET", "/open311/v2/requests.json?page_size=1", {
          remoteAddress: "203.0.113.9",
        });
      }
      assertO311Error(last, 429, "json", "Too many");
      assert.ok(Number(last.headers["retry-after"]) > 0);
      const other = await o311(t, "GET", "/open311/v2/requests.json?page_size=1", {
        remoteAddress: "203.0.113.10",
      });
      assert.equal(other.status, 200, "another client is not affected");
    });
  });

  describe("OpenAPI", () => {
    it("documents the Open311 routes under the tag open311", async () => {
      const doc = (await t.call(null, "GET", "/api/v1/openapi.json")).json;
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith("/open311/v2/"));
      for (const p of [
        "/open311/v2/services.{format}",
        "/open311/v2/requests.{format}",
        "/open311/v2/tokens/{token}.{format}",
      ]) {
        assert.ok(paths.includes(p), `${p} in ${paths.join(", ")}`);
      }
      assert.deepEqual(doc.paths["/open311/v2/requests.{format}"].post.tags, ["open311"]);
      // Every GeoReport route declares its answer in both formats and the standard's error list.
      for (const p of paths) {
        for (const [method, op] of Object.entries(doc.paths[p] as Record<string, Json>)) {
          const ok = op.responses["200"];
          assert.deepEqual(Object.keys(ok.content ?? {}), ["text/xml", "application/json"], `${method} ${p}`);
          assert.ok(op.responses["404"]?.content, `${method} ${p} documents its 404`);
        }
      }
      const settings = doc.paths["/api/v1/open311/settings"];
      assert.ok(settings.get.responses["200"].content && settings.put.responses["200"].content);
    });
  });
});
