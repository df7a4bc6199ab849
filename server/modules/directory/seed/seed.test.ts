import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRouteResolver, resolveRoute } from "../routing-table.ts";
import {
  BUREAUS,
  buildCategoryTree,
  buildDepartments,
  buildRoutingTable,
  CATEGORY_OWNER,
  flattenCategories,
  loadCategories,
  loadCityCentres,
  loadRegions,
  type SeedRoute,
  seedDepartments,
  seedRoutes,
  UTILITIES,
  type UtilityService,
  utilityServiceOf,
} from "./index.ts";

const regions = loadRegions();
const categories = loadCategories();
const flat = flattenCategories(categories);
const departments = seedDepartments();
const routes = seedRoutes();
const cities = regions.filter((r) => r.level === 2);
const districts = regions.filter((r) => r.level === 3);
const departmentById = new Map(departments.map((d) => [d.id, d]));

describe("regions", () => {
  it("has the province and its 14 cities with their right names", () => {
    const province = regions.filter((r) => r.level === 1);
    assert.deepEqual(province, [{ code: "21", name: "辽宁省", parentCode: null, level: 1 }]);
    assert.equal(cities.length, 14);
    const name = (code: string) => regions.find((r) => r.code === code)?.name;
    assert.equal(name("2101"), "沈阳市");
    assert.equal(name("2102"), "大连市");
    assert.equal(name("2114"), "葫芦岛市");
    assert.equal(name("210102"), "和平区");
    for (const city of cities) {
      assert.match(city.code, /^21\d{2}$/);
      assert.equal(city.parentCode, "21");
    }
  });

  it("gives every district a city parent whose code it extends", () => {
    assert.ok(districts.length >= 100);
    const cityCodes = new Set(cities.map((c) => c.code));
    for (const district of districts) {
      assert.match(district.code, /^21\d{4}$/);
      assert.ok(district.parentCode && cityCodes.has(district.parentCode), district.code);
      assert.ok(district.code.startsWith(district.parentCode));
    }
    assert.equal(new Set(regions.map((r) => r.code)).size, regions.length, "region codes are unique");
  });

  it("has a centre inside Liaoning for each city", () => {
    const centres = loadCityCentres();
    assert.deepEqual(
      centres.map((c) => [c.code, c.name]),
      cities.map((c) => [c.code, c.name]),
    );
    for (const centre of centres) {
      assert.ok(centre.lat > 38.5 && centre.lat < 43.5, `${centre.name} latitude`);
      assert.ok(centre.lng > 118.5 && centre.lng < 125.8, `${centre.name} longitude`);
    }
    const shenyang = centres.find((c) => c.code === "2101");
    assert.ok(shenyang && Math.abs(shenyang.lat - 41.8) < 0.1 && Math.abs(shenyang.lng - 123.43) < 0.1);
  });
});

describe("categories", () => {
  it("has three levels with two digits per level and unique codes", () => {
    assert.equal(new Set(flat.map((c) => c.code)).size, flat.length);
    for (const category of flat) {
      assert.equal(category.code.length, category.level * 2, category.code);
      if (category.parentCode) assert.ok(category.code.startsWith(category.parentCode));
    }
    const count = (level: number) => flat.filter((c) => c.level === level).length;
    assert.equal(count(1), 15);
    assert.equal(count(2), 118);
    assert.equal(count(3), 517);
    for (const category of flat.filter((c) => c.level < 3)) {
      assert.ok(
        flat.some((c) => c.parentCode === category.code),
        `${category.code} has children`,
      );
    }
    assert.deepEqual(
      flat.slice(0, 3).map((c) => [c.code, c.name]),
      [
        ["01", "城乡建设"],
        ["0101", "安全生产"],
        ["010101", "事故处理"],
      ],
    );
  });

  it("numbers in order of first appearance and drops duplicate rows", () => {
    const tree = buildCategoryTree([
      ["乙", "b", "x"],
      ["甲", "a", "y"],
      ["乙", "b", "x"],
      ["乙", "c", "z"],
      ["乙", "b", "w"],
    ]);
    assert.deepEqual(
      flattenCategories(tree).map((c) => `${c.code}:${c.name}`),
      ["01:乙", "0101:b", "010101:x", "010102:w", "0102:c", "010201:z", "02:甲", "0201:a", "020101:y"],
    );
  });
});

describe("departments", () => {
  it("has unique ids, existing parents and an acyclic tree", () => {
    assert.equal(departmentById.size, departments.length);
    const roots = departments.filter((d) => d.parentId === null);
    assert.deepEqual(
      roots.map((d) => d.id),
      ["p-office"],
    );
    for (const department of departments) {
      assert.match(department.id, /^[a-z0-9][a-z0-9-]{0,63}$/);
      if (department.parentId !== null) assert.ok(departmentById.has(department.parentId), department.id);
      const seen = new Set<string>();
      let current: string | null = department.id;
      while (current !== null) {
        assert.ok(!seen.has(current), `cycle through ${current}`);
        seen.add(current);
        current = departmentById.get(current)?.parentId ?? null;
      }
    }
  });

  it("places every department in a known region and owns only known categories", () => {
    const regionCodes = new Set(regions.map((r) => r.code));
    const categoryCodes = new Set(flat.map((c) => c.code));
    for (const department of departments) {
      assert.ok(regionCodes.has(department.regionCode), department.id);
      for (const code of department.categoryCodes)
        assert.ok(categoryCodes.has(code), `${department.id} ${code}`);
    }
  });

  it("gives every city an office, every bureau and one each of water, power, gas and heating", () => {
    for (const city of cities) {
      const own = departments.filter((d) => d.regionCode === city.code);
      assert.equal(own.filter((d) => d.kind === "city_office").length, 1, city.name);
      assert.equal(own.filter((d) => d.kind === "city_bureau").length, Object.keys(BUREAUS).length);
      const utilities = own.filter((d) => d.kind === "utility");
      const services = utilities.map((d) => utilityServiceOf(d.id)).sort();
      assert.deepEqual(services, (Object.keys(UTILITIES) as UtilityService[]).sort(), city.name);
      for (const utility of utilities) {
        assert.equal(utility.parentId, `c${city.code}-office`);
        assert.equal(utility.categoryCodes.length, 1);
        assert.equal(utility.categoryCodes[0]?.length, 6);
      }
    }
    assert.equal(departmentById.get("c2101-housing")?.name, "沈阳市住房和城乡建设局");
    assert.equal(departmentById.get("c2102-power")?.name, "国网大连供电公司");
  });

  it("gives every district and county a government under its city office", () => {
    const governments = departments.filter((d) => d.kind === "district_government");
    assert.equal(governments.length, districts.length);
    for (const district of districts) {
      const government = departmentById.get(`g${district.code}`);
      assert.ok(government, district.code);
      assert.equal(government.regionCode, district.code);
      assert.equal(government.parentId, `c${district.parentCode}-office`);
      assert.deepEqual(government.categoryCodes, []);
    }
    assert.equal(departmentById.get("g210102")?.name, "沈阳市和平区人民政府");
  });

  it("maps every level-2 category to exactly one owner, with no stale entries", () => {
    const level2Paths = flat.filter((c) => c.level === 2).map((c) => c.path.join("/"));
    assert.deepEqual([...level2Paths].sort(), Object.keys(CATEGORY_OWNER).sort());
    for (const city of cities) {
      const owners = new Map<string, string>();
      for (const d of departments.filter((d) => d.regionCode === city.code)) {
        for (const code of d.categoryCodes) {
          assert.ok(!owners.has(code), `${code} owned twice in ${city.code}`);
          owners.set(code, d.id);
        }
      }
    }
  });

  it("is deterministic", () => {
    assert.deepEqual(buildDepartments(regions, categories), departments);
    assert.deepEqual(buildRoutingTable(categories, departments, regions), routes);
  });

  it("rejects a category without an owner", () => {
    const extended = [
      ...categories,
      { code: "16", name: "新类", children: [{ code: "1601", name: "新项", children: [] }] },
    ];
    assert.throws(() => buildDepartments(regions, extended), /1601.*no owner/);
  });
});

describe("routing", () => {
  const resolve = createRouteResolver(routes);

  it("has unique (category, region) keys pointing at existing departments of that region", () => {
    assert.equal(new Set(routes.map((r) => `${r.categoryCode}|${r.regionCode}`)).size, routes.length);
    for (const route of routes) {
      const department = departmentById.get(route.departmentId);
      assert.ok(department, route.departmentId);
      assert.equal(department.regionCode, route.regionCode);
    }
  });

  it("routes every leaf category in every city to a department of that city", () => {
    const leaves = flat.filter((c) => c.level === 3);
    for (const city of cities) {
      for (const leaf of leaves) {
        const route = resolveRoute(routes, leaf.code, city.code);
        assert.ok(route, `${leaf.code} ${city.code}`);
        assert.equal(route.regionCode, city.code);
        const department = departmentById.get(route.departmentId);
        assert.ok(department && department.regionCode === city.code, `${leaf.code} ${city.code}`);
        assert.ok(
          department.kind === "city_office" ||
            department.kind === "city_bureau" ||
            department.kind === "utility",
        );
        assert.equal(resolve(leaf.code, city.code), route);
      }
    }
  });

  it("falls back from a district to its city, and to the province for unknown places", () => {
    for (const district of districts) {
      const route = resolveRoute(routes, "011001", district.code);
      assert.equal(route?.departmentId, `c${district.parentCode}-housing`);
      assert.equal(resolve("011001", district.code), route);
    }
    assert.equal(resolveRoute(routes, "011001", "2199")?.departmentId, "p-housing");
    assert.equal(resolveRoute(routes, "011001", "21")?.departmentId, "p-housing");
    assert.equal(resolveRoute(routes, "0110", "210102")?.departmentId, "c2101-housing");
    assert.equal(resolveRoute(routes, "01", "210102"), null);
    assert.equal(resolveRoute(routes, "011001", "22"), null);
    assert.equal(resolve("011001", "22"), null);
  });

  it("sends utility categories to the city's utility and other municipal matters to urban management", () => {
    const water = flat.find((c) => c.path.join("/") === UTILITIES.water.category);
    const heating = flat.find((c) => c.path.join("/") === UTILITIES.heating.category);
    assert.ok(water && heating);
    assert.equal(resolveRoute(routes, water.code, "210102")?.departmentId, "c2101-water");
    assert.equal(resolveRoute(routes, heating.code, "2114")?.departmentId, "c2114-heating");
    assert.equal(resolveRoute(routes, "010201", "2114")?.departmentId, "c2114-urban");
    // No provincial utility: the province falls back to the housing department.
    assert.equal(resolveRoute(routes, water.code, "21")?.departmentId, "p-housing");
  });

  it("routes every level-2 category at province level to a provincial department", () => {
    for (const category of flat.filter((c) => c.level === 2)) {
      const route = resolveRoute(routes, category.code, "21");
      assert.ok(route, category.code);
      const kind = departmentById.get(route.departmentId)?.kind;
      assert.ok(kind === "province_office" || kind === "province_bureau", category.code);
    }
  });

  it("prefers the longest category match, then the longest region match", () => {
    const table: SeedRoute[] = [
      { categoryCode: "01", regionCode: "21", departmentId: "a" },
      { categoryCode: "0101", regionCode: "21", departmentId: "b" },
      { categoryCode: "01", regionCode: "2101", departmentId: "c" },
      { categoryCode: "010101", regionCode: "21", departmentId: "d" },
      { categoryCode: "010101", regionCode: "210102", departmentId: "e" },
    ];
    const check = (category: string, region: string, expected: string | undefined) => {
      assert.equal(resolveRoute(table, category, region)?.departmentId, expected, `${category} ${region}`);
      assert.equal(
        createRouteResolver(table)(category, region)?.departmentId,
        expected,
        `${category} ${region}`,
      );
    };
    check("010101", "210102", "e");
    check("010101", "210103", "d");
    check("010102", "210103", "b");
    check("010201", "210103", "c");
    check("010201", "2102", "a");
    check("020101", "2101", undefined);
  });
});
