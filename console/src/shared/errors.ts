import { ApiError } from "./api.ts";
import type { T } from "./i18n/core.tsx";

/** A sentence for an API error in the user's language (the API's own message as detail). */
export function errorText(err: unknown, t: T): string {
  if (err instanceof ApiError) {
    const head =
      err.status === 0
        ? t("err.network")
        : err.status === 403
          ? t("err.forbidden")
          : err.status === 404
            ? t("notFound")
            : err.status === 409
              ? t("err.conflict")
              : err.status === 429
                ? t("err.rate")
                : err.status === 400
                  ? t("err.validation")
                  : t("error");
    return `${head}（${err.message}）`;
  }
  return t("error");
}
