import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { chinaIso } from "../server/modules/open311/presenters.ts";
import { child } from "./support/mini-xml.ts";
import { assertO311Error, o311, xmlRequests } from "./support/open311-client.ts";
import { DEP, startTestApp, type TestApp } from "./support/test-app.ts";

const HOUR = 3600 * 1000;

/** What the citizen tells the app about themselves: none of it may come out of a GET. */
const PERSONAL = {
  first_name: "建国",
  last_name: "王",
  phone: "13912345678",
  email: "wang.jianguo@example.com",
};
const FORBIDDEN = ["王建国", "13912345678", "139 1234 5678", "wang.jianguo", "example.com", "建国"];

function assertNoPersonalData(text: string, where: string) {
  for (const s of FORBIDDEN) assert.ok(!text.includes(s), `${where} leaks "${s}": ${text.slice(0, 600)}`);
}

describe("an Open311 client's whole journey: discover → post → follow until closed", () => {
  let t: TestApp;
  let key: { id: string; key: string };
  before(async () => {
    t = await startTestApp();
    const res = await t.call("admin", "POST", "/api/v1/api-keys", { name: "沈阳随手拍" });
    assert.equal(res.status, 201);
    key = res.json;
  });
  after(() => t.close());

  it("follows a street-light report from discovery to closure, with public history and no personal data", async () => {
    // 1. Discover: the endpoint, the services, the definition of the chosen one.
    const disc = await o311(t, "GET", "/open311/v2/discovery.json");
    assert.ok(disc.json.endpoints[0].formats.includes("text/xml"));
    const services = (await o311(t, "GET", "/open311/v2/services.xml")).xml!.root.children;
    const light = services.find((s) => child(s, "service_name").text === "城市公共设施")!;
    const code = child(light, "service_code").text;
    assert.equal(child(light, "metadata").text, "true");
    const def = await o311(t, "GET", `/open311/v2/services/${code}.json`);
    const facility = def.json.attributes.find((a: { code: string }) => a.code === "facility");
    assert.ok(facility.required);

    // 2. Post, form-encoded as the standard says, with the citizen's contact details.
    const posted = await o311(t, "POST", "/open311/v2/requests.xml", {
      form: {
        api_key: key.key,
        jurisdiction_id: "21",
        service_code: code,
        lat: "41.8057",
        long: "123.4315",
        address_string: "沈阳市和平区中山路 88 号",
        description:
          "我是王建国，电话 13912345678，邮箱 wang.jianguo@example.com。中山路 88 号门前路灯连续三晚不亮。",
        media_url: "https://img.example.org/p/88.jpg",
        [`attribute[${facility.code}]`]: facility.values[0].key,
        "attribute[asset_id]": "HP-0088",
        ...PERSONAL,
      },
    });
    assert.equal(posted.status, 200, posted.text);
    const id = xmlRequests(posted)[0]!.service_request_id!;
    assert.match(id, /^2101-20250303-\d{6}$/);

    // The appeal is a real one, received through the same use case as the API.
    const row = await t.ctx.db
      .selectFrom("appeals")
      .select(["id", "version", "region_code", "channel", "citizen_name", "citizen_phone"])
      .where("ticket_no", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { region: row.region_code, channel: row.channel, name: row.citizen_name, phone: row.citizen_phone },
      { region: "210102", channel: "open311", name: "王建国", phone: "13912345678" },
    );
    const staff = await t.call("agent", "GET", `/api/v1/appeals/${row.id}`);
    assert.equal(staff.status, 200);
    assert.equal(staff.json.citizen.phone, "139****5678");

    // 3. Open, as the public sees it.
    const open = await o311(t, "GET", `/open311/v2/requests/${id}.json?extensions=true`);
    assert.equal(open.status, 200, open.text);
    const o = open.json[0];
    assert.equal(o.status, "open");
    assert.equal(o.status_notes, null);
    assert.equal(o.service_code, code);
    assert.equal(o.service_name, "城市公共设施");
    assert.equal(o.media_url, "https://img.example.org/p/88.jpg");
    assert.equal(o.lat, 41.8057);
    assert.equal(o.long, 123.4315);
    assert.equal(o.address, "沈阳市和平区中山路 88 号");
    assert.equal(o.requested_datetime, "2025-03-03T09:00:00+08:00");
    assert.equal(o.updated_datetime, o.requested_datetime);
    assert.match(o.expected_datetime, /^2025-03-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    assert.ok(o.description.includes("路灯连续三晚不亮"));
    assert.ok(o.description.includes("139****5678"), "the phone in the text is masked");
    assert.deepEqual(
      o.attributes.map((a: { code: string; value: string }) => [a.code, a.value]),
      [
        ["facility", facility.values[0].key],
        ["asset_id", "HP-0088"],
      ],
    );
    assert.deepEqual(
      o.notes.map((n: { type: string }) => n.type),
      ["received"],
    );
    assertNoPersonalData(open.text, "GET one (open)");

    // 4. The hotline works it through the life cycle.
    t.clock.advance(HOUR);
    const d = await t.call("agent", "POST", `/api/v1/appeals/${row.id}/actions/dispatch`, {
      version: row.version,
      leadDepartmentId: DEP.housing,
      categoryCode: code,
    });
    assert.equal(d.status, 200, JSON.stringify(d.json));
    t.clock.advance(HOUR);
    const s = await t.call("handler", "POST", `/api/v1/appeals/${row.id}/actions/sign`, {
      version: d.json.version,
    });
    assert.equal(s.status, 200, JSON.stringify(s.json));
    t.clock.advance(3 * HOUR);
    const r = await t.call("handler", "POST", `/api/v1/appeals/${row.id}/actions/reply`, {
      version: s.json.version,
      text: "王建国您好，已安排路灯所更换灯具，路灯已恢复照明。如有问题请回电 13912345678 核实。",
      outcome: "resolved",
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));

    const replied = (await o311(t, "GET", `/open311/v2/requests/${id}.json`)).json[0];
    assert.equal(replied.status, "open", "open until the appeal closes");
    assert.ok(replied.status_notes.includes("路灯已恢复照明"), "the public reply is the status note");
    assert.equal(replied.agency_responsible, t.ctx.directory.departments.get(DEP.housing)!.name);
    assertNoPersonalData(JSON.stringify(replied), "GET one (replied)");

    t.clock.advance(2 * HOUR);
    const c = await t.call("agent", "POST", `/api/v1/appeals/${row.id}/actions/callback`, {
      version: r.json.version,
      satisfaction: "satisfied",
      resolved: true,
      note: "内部备注：市民王建国表示满意",
    });
    assert.equal(c.status, 200, JSON.stringify(c.json));
    assert.equal(c.json.status, "closed");

    // 5. Closed, updated at the close time, with the public history (and nothing internal).
    const closed = await o311(t, "GET", `/open311/v2/requests.json?status=closed&extensions=true`);
    assert.equal(closed.json.length, 1);
    const x = closed.json[0];
    assert.equal(x.service_request_id, id);
    assert.equal(x.status, "closed");
    assert.equal(x.updated_datetime, chinaIso(c.json.closedAt));
    assert.equal(x.updated_datetime, "2025-03-03T16:00:00+08:00");
    assert.equal(x.service_notice, null);
    assert.deepEqual(
      x.notes.map((n: { type: string }) => n.type),
      ["received", "dispatched", "replied", "closed"],
    );
    assert.ok(x.notes[1].description.includes(x.agency_responsible));
    assert.ok(!JSON.stringify(x.notes).includes("内部备注"), "callback notes are internal");
    assertNoPersonalData(closed.text, "GET list (closed, JSON)");
    const openNow = await o311(t, "GET", "/open311/v2/requests.json?status=open");
    assert.deepEqual(openNow.json, []);

    const xml = await o311(t, "GET", `/open311/v2/requests.xml?service_request_id=${id}&extensions=true`);
    const [xr] = xmlRequests(xml);
    assert.equal(xr!.status, "closed");
    assert.equal(xr!.updated_datetime, "2025-03-03T16:00:00+08:00");
    const notes = child(xml.xml!.root.children[0]!, "notes").children;
    assert.deepEqual(
      notes.map((n) => [n.name, child(n, "type").text]),
      [
        ["note", "received"],
        ["note", "dispatched"],
        ["note", "replied"],
        ["note", "closed"],
      ],
    );
    assertNoPersonalData(xml.text, "GET list (closed, XML)");
  });

  it("refuses a revoked key with 403", async () => {
    const form = {
      api_key: key.key,
      service_code: "010101",
      address_string: "沈阳市和平区",
      description: "吊销前",
    };
    assert.equal((await o311(t, "POST", "/open311/v2/requests.json", { form })).status, 200);
    const del = await t.call("admin", "DELETE", `/api/v1/api-keys/${key.id}`);
    assert.equal(del.status, 204);
    assertO311Error(await o311(t, "POST", "/open311/v2/requests.json", { form }), 403, "json", "api_key");
    assertO311Error(await o311(t, "POST", "/open311/v2/requests.xml", { form }), 403, "xml", "api_key");
  });
});

describe("Open311 response volume", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    // 1,005 Open311 reports of the last days, written straight to the table (a fixture, not a path
    // under test), to check the standard's default cap of 1,000 and paging past it.
    await sql`
      insert into appeals (city_code, id, ticket_no, version, status, kind, channel, urgency, title, body,
        category_code, region_code, citizen_name, citizen_phone, reply_by, created_at, updated_at)
      select '2103', gen_random_uuid(), '2103-20250302-' || lpad(g::text, 6, '0'), 1, 'received', 'help',
        'open311', 'normal', '路灯不亮', '路灯不亮 ' || g, '010204', '2103', '李四', '13700001111',
        timestamptz '2025-03-20T00:00:00Z', timestamptz '2025-03-02T00:00:00Z' + g * interval '1 second',
        timestamptz '2025-03-02T00:00:00Z' + g * interval '1 second'
      from generate_series(1, 1005) g
    `.execute(t.ctx.db);
  });
  after(() => t.close());

  it("returns at most 1,000 requests by default, the rest on page 2, without any name or phone", async () => {
    const first = await o311(t, "GET", "/open311/v2/requests.json");
    assert.equal(first.status, 200);
    assert.equal(first.json.length, 1000);
    assert.equal(first.json[0].service_request_id, "2103-20250302-001005", "newest first");
    const second = await o311(t, "GET", "/open311/v2/requests.json?page=2");
    assert.deepEqual(
      second.json.map((r: { service_request_id: string }) => r.service_request_id),
      [
        "2103-20250302-000005",
        "2103-20250302-000004",
        "2103-20250302-000003",
        "2103-20250302-000002",
        "2103-20250302-000001",
      ],
    );
    const xml = await o311(t, "GET", "/open311/v2/requests.xml?page_size=1000&extensions=true");
    assert.equal(xmlRequests(xml).length, 1000);
    for (const text of [first.text, xml.text]) {
      assert.ok(!text.includes("李四") && !text.includes("13700001111"));
    }
  });
});
