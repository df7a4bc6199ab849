import type { Directory } from "../directory/directory-cache.ts";
import { type AttributeSpec, COMMON_ATTRIBUTES, SERVICE_ATTRIBUTES } from "./service-attributes.ts";

/** An attribute of a service definition, as the standard words it. */
export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: AttributeSpec["datatype"];
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
  /** Values that make the appeal urgent (our addition, not sent to clients). */
  urgentKeys: ReadonlySet<string>;
}

/** A service (= a leaf category) with its definition. */
export interface Open311Service {
  code: string;
  name: string;
  /** The parent (level-2) category's name. */
  group: string;
  /** `level 1 › level 2 › level 3`. */
  description: string;
  keywords: string;
  /** true when the category has attributes of its own (the common ones do not count). */
  metadata: boolean;
  /** Its own attributes, then the common ones; `order` 1…n. */
  attributes: ServiceAttribute[];
}

function toAttribute(spec: AttributeSpec, order: number): ServiceAttribute {
  return {
    variable: spec.variable ?? true,
    code: spec.code,
    datatype: spec.datatype,
    required: spec.required,
    datatype_description: spec.datatype_description ?? null,
    order,
    description: spec.description,
    values: (spec.values ?? []).map((v) => ({ key: v.key, name: v.name })),
    urgentKeys: new Set((spec.values ?? []).filter((v) => v.urgent).map((v) => v.key)),
  };
}

/** Services are built once per loaded catalog (the directory replaces its maps on reload). */
const cache = new WeakMap<object, { list: Open311Service[]; byCode: Map<string, Open311Service> }>();

function build(dir: Directory) {
  const hit = cache.get(dir.categories);
  if (hit) return hit;
  const list: Open311Service[] = [];
  for (const c of dir.categories.values()) {
    if (!dir.isLeafCategory(c.code)) continue;
    const parent = c.parentCode ? dir.categories.get(c.parentCode) : undefined;
    const top = parent?.parentCode ? dir.categories.get(parent.parentCode) : undefined;
    const path = [top?.name, parent?.name, c.name].filter((x): x is string => !!x);
    const own = SERVICE_ATTRIBUTES[path.join("/")] ?? [];
    list.push({
      code: c.code,
      name: c.name,
      group: parent?.name ?? c.name,
      description: path.join(" › "),
      keywords: path.slice(0, -1).join(","),
      metadata: own.length > 0,
      attributes: [...own, ...COMMON_ATTRIBUTES].map((a, i) => toAttribute(a, i + 1)),
    });
  }
  const entry = { list, byCode: new Map(list.map((s) => [s.code, s])) };
  cache.set(dir.categories, entry);
  return entry;
}

/** Every service, in category-code order. */
export const listServices = (dir: Directory): Open311Service[] => build(dir).list;

/** The service of a leaf category code, or null. */
export const findService = (dir: Directory, code: string): Open311Service | null =>
  build(dir).byCode.get(code) ?? null;
