import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Directory } from "../server/modules/directory/directory-cache.ts";
import {
  flattenCategories,
  loadCategories,
  loadCityCentres,
  loadRegions,
} from "../server/modules/directory/seed/index.ts";
import { parseForm, readSubmission } from "../server/modules/open311/form-body.ts";
import {
  chooseRegion,
  insideLiaoning,
  nearestRegion,
  regionFromAddress,
} from "../server/modules/open311/locate.ts";
import { chinaIso, scrubPersonalData } from "../server/modules/open311/presenters.ts";
import { COMMON_ATTRIBUTES, SERVICE_ATTRIBUTES } from "../server/modules/open311/service-attributes.ts";
import { xmlDocument } from "../server/modules/open311/xml.ts";
import { parseXml, textOf } from "./support/mini-xml.ts";

/** The seed's regions with the city centres, as the catalog holds them after the first start. */
function seedDirectory(): Directory {
  const dir = new Directory();
  const centres = new Map(loadCityCentres().map((c) => [c.code, c]));
  for (const r of loadRegions()) {
    dir.regions.set(r.code, {
      code: r.code,
      name: r.name,
      parentCode: r.parentCode,
      level: r.level,
      lat: centres.get(r.code)?.lat ?? null,
      lng: centres.get(r.code)?.lng ?? null,
    });
  }
  return dir;
}

describe("Open311 XML writer", () => {
  it("writes the declaration, lists by their item names, escapes text, drops characters XML cannot hold", () => {
    const doc = xmlDocument("service_requests", [
      {
        service_request_id: "2101-1",
        description: `a < b & "c" 'd'\u0001\uFFFE`,
        lat: 41.5,
        media_url: null,
      },
      { service_request_id: "2101-2", notes: [{ type: "received" }], skipped: undefined },
    ]);
    assert.ok(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request>'));
    const parsed = parseXml(doc);
    const [a, b] = parsed.root.children;
    assert.equal(textOf(a!, "description"), `a < b & "c" 'd'`);
    assert.equal(textOf(a!, "lat"), "41.5");
    assert.equal(textOf(a!, "media_url"), "");
    assert.equal(b!.children.find((c) => c.name === "notes")!.children[0]!.name, "note");
    assert.ok(!doc.includes("skipped"));
  });

  it("refuses a list it has no item name for, and element names that are not names", () => {
    assert.throws(() => xmlDocument("things", [1, 2]), /item element name/);
    assert.throws(() => xmlDocument("request", { "bad name": 1 }), /not an XML element name/);
  });
});

describe("Open311 form bodies", () => {
  it("parses +, percent-escapes, repeated keys and attribute[code][] lists", () => {
    const f = parseForm(
      "description=%E8%B7%AF%E7%81%AF+%E4%B8%8D%E4%BA%AE&a=1&a=2&attribute%5Bx%5D%5B%5D=d&attribute[x][]=n",
    );
    assert.equal(f.description, "路灯 不亮");
    assert.deepEqual(f.a, ["1", "2"]);
    const sub = readSubmission(f);
    assert.deepEqual(sub.attributes.get("x"), { values: ["d", "n"], multi: true });
    assert.deepEqual(sub.problems, [{ field: "a", message: "is given more than once" }]);
  });

  it("treats empty values as absent and names badly shaped JSON fields", () => {
    const sub = readSubmission({
      email: "",
      lat: 41.8,
      attribute: { kind: "help", bad: { x: 1 } },
      media_url: { a: 1 },
    });
    assert.equal(sub.fields.email, undefined);
    assert.equal(sub.fields.lat, "41.8");
    assert.deepEqual(sub.attributes.get("kind"), { values: ["help"], multi: false });
    assert.deepEqual(
      sub.problems.map((p) => p.field),
      ["attribute[bad]", "media_url"],
    );
    assert.deepEqual(
      readSubmission([1]).problems.map((p) => p.field),
      ["body"],
    );
    assert.deepEqual(
      readSubmission({ "attribute[]": "x" }).problems.map((p) => p.field),
      ["attribute[]"],
    );
  });
});

describe("Open311 locations", () => {
  const dir = seedDirectory();
  it("tells points in Liaoning from points outside", () => {
    assert.ok(insideLiaoning(41.8, 123.43));
    assert.ok(!insideLiaoning(39.9, 116.4), "Beijing");
    assert.ok(!insideLiaoning(45.75, 126.63), "Harbin");
  });

  it("places a point in the city whose centre is nearest", () => {
    assert.equal(nearestRegion(dir, 41.79, 123.45), "2101", "Shenyang");
    assert.equal(nearestRegion(dir, 38.92, 121.63), "2102", "Dalian");
    assert.equal(nearestRegion(dir, 40.12, 124.38), "2106", "Dandong");
    assert.equal(nearestRegion(dir, 40.72, 120.85), "2114", "Huludao");
  });

  it("reads the most specific region an address names", () => {
    assert.equal(regionFromAddress(dir, "辽宁省沈阳市和平区中山路88号"), "210102");
    assert.equal(regionFromAddress(dir, "沈阳和平区中山路"), "210102");
    assert.equal(regionFromAddress(dir, "鞍山市铁西区"), "210303", "铁西区 of Anshan, not of Shenyang");
    assert.equal(regionFromAddress(dir, "大连市某路"), "2102");
    assert.equal(regionFromAddress(dir, "甘井子区红旗路"), "210211", "a district unique in the province");
    assert.equal(regionFromAddress(dir, "铁西区兴华街"), null, "two 铁西区: no guess");
    assert.equal(regionFromAddress(dir, "朝阳路 5 号"), null, "a street name is not a city");
  });

  it("chooses the most specific region that stays inside the jurisdiction", () => {
    assert.equal(chooseRegion(null, "210102", "2101"), "210102");
    assert.equal(chooseRegion(null, null, "2101"), "2101");
    assert.equal(chooseRegion("21", null, "2101"), "2101");
    assert.equal(chooseRegion("2102", null, "2101"), "2102", "a Dalian app's report stays in Dalian");
    assert.equal(chooseRegion("2102", "210202", "2101"), "210202");
    assert.equal(chooseRegion(null, "2101", "2102"), "2101", "the address comes first");
    assert.equal(chooseRegion(null, null, null), null);
  });
});

describe("Open311 publication helpers", () => {
  it("masks phones, ID numbers, e-mails and the submitter's name in free text", () => {
    const out = scrubPersonalData(
      "我是王建国，手机 139 1234 5678 或 +86 13912345678，座机 024-23456789，身份证 210102199001011234，邮箱 wjg@example.com",
      ["王建国"],
    );
    for (const s of ["王建国", "1391234", "23456789", "199001011234", "wjg@", "example.com"]) {
      assert.ok(!out.includes(s), `${s} in ${out}`);
    }
    assert.ok(out.includes("139****5678"));
    assert.ok(out.includes("王**"));
    assert.equal(scrubPersonalData("工单 2101-20250303-000001 已办结"), "工单 2101-20250303-000001 已办结");
  });

  it("writes datetimes in China time with +08:00", () => {
    assert.equal(chinaIso("2025-03-03T01:00:00.000Z"), "2025-03-03T09:00:00+08:00");
    assert.equal(chinaIso("2025-03-03T16:30:00Z"), "2025-03-04T00:30:00+08:00");
    assert.equal(chinaIso(null), null);
  });
});

describe("Open311 service attributes (data)", () => {
  it("names leaves of the seed taxonomy, with unique codes and list values per service", () => {
    const leaves = new Set(
      flattenCategories(loadCategories())
        .filter((c) => c.level === 3)
        .map((c) => c.path.join("/")),
    );
    for (const [path, specs] of Object.entries(SERVICE_ATTRIBUTES)) {
      assert.ok(leaves.has(path), `${path} is not a leaf category`);
      const all = [...specs, ...COMMON_ATTRIBUTES];
      assert.equal(new Set(all.map((a) => a.code)).size, all.length, `${path}: duplicate codes`);
      for (const a of all) {
        assert.match(a.code, /^[a-z][a-z0-9_]*$/);
        if (a.datatype.endsWith("valuelist")) {
          const keys = (a.values ?? []).map((v) => v.key);
          assert.ok(keys.length >= 2, `${path}/${a.code} has values`);
          assert.equal(new Set(keys).size, keys.length);
        }
      }
    }
  });
});
