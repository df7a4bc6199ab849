/** @deprecated moved to `storage/idempotency.ts`; this re-export goes once every importer has moved. */
export { withIdempotency } from "../storage/idempotency.ts";
