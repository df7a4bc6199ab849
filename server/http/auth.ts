/** @deprecated moved to `modules/users/request-user.ts`; this re-export goes once every importer has moved. */
export {
  requireUser,
  requireUserOrApiKey,
  SESSION_COOKIE,
  sessionToken,
} from "../modules/users/request-user.ts";
