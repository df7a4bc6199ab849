import province from "virtual:province";
import type { FormInstance } from "antd";
import { useEffect } from "react";
import type { RouteListResponse } from "../../../../common/contracts/directory.ts";
import { api, qs } from "../../shared/api.ts";
import type { DeskForm } from "./desk-form.ts";

/**
 * Fills the lead department until the agent picks one: the classifier's suggestion while no
 * category is chosen, else the routing table for category × city (the city's row, else the
 * province's).
 */
export function useDefaultDepartment(
  form: FormInstance<DeskForm>,
  {
    categoryCode,
    region,
    suggested,
    touched,
  }: {
    categoryCode: string | undefined;
    region: string[] | undefined;
    suggested: string | null;
    touched: boolean;
  },
) {
  useEffect(() => {
    if (touched) return;
    if (suggested && !categoryCode) {
      form.setFieldValue("leadDepartmentId", suggested);
      return;
    }
    const city = region?.[0];
    if (!categoryCode || !city) return;
    const level2 = categoryCode.slice(0, 4);
    let live = true;
    (async () => {
      for (const r of [city, province.code]) {
        const res = await api<RouteListResponse>(
          "GET",
          `/api/v1/routes${qs({ regionCode: r, categoryCode: level2 })}`,
        ).catch(() => ({ items: [] }));
        const hit = res.items[0]?.departmentId;
        if (hit) {
          if (live) form.setFieldValue("leadDepartmentId", hit);
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [categoryCode, region, suggested, touched, form]);
}
