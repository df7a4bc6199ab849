import type { Role } from "../../../common/appeal-state.ts";

/**
 * The logged-in user, as every use case receives it (a staff account, or an integration acting
 * through an API key). The wire shape is `SessionUser` in `common/contracts/users.ts`.
 */
export interface AuthUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  departmentId: string | null;
}
