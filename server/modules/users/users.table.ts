import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `users`: staff accounts; passwords only as argon2 hashes. */
export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  name: string;
  role: string;
  department_id: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

/** `sessions`: bearer tokens (stored as SHA-256) with an expiry. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** `api_keys`: keys for integrations and Open311 clients, stored hashed, revocable. */
export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}
