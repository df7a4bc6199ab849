/**
 * The wire contract of the users module: sessions (login, who am I, logout), staff accounts and
 * integrations' API keys. One definition gives validation, types, serialisation and OpenAPI.
 */
import { type Static, Type } from "@sinclair/typebox";
import { ROLES } from "../appeal-state.ts";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

/** A staff role (话务员, 承办员, 督办, 管理员, 政策专员). */
export const RoleEnum = StringEnum(ROLES);

const Username = Type.String({ pattern: "^[A-Za-z0-9_.-]{2,64}$" });
const Password = Type.String({ minLength: 8, maxLength: 200 });
const DepartmentRef = Nullable(Type.String({ maxLength: 64 }));

/** The logged-in user as the console sees it (never the password hash). */
export const SessionUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: RoleEnum,
  departmentId: Nullable(Type.String()),
});
export type SessionUser = Static<typeof SessionUser>;

/** Body of `POST /api/v1/session`. Any non-empty password: the length rule is for new ones. */
export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** Answer of `POST /api/v1/session`: the bearer token (also set as the session cookie). */
export const LoginResult = Type.Object({ token: Type.String(), expiresAt: IsoDateTime, user: SessionUser });
export type LoginResult = Static<typeof LoginResult>;

/** Answer of `GET /api/v1/session`. */
export const SessionResult = Type.Object({ user: SessionUser });

/** A staff account as the API shows it. */
export const UserDto = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: RoleEnum,
  departmentId: Nullable(Type.String()),
  disabled: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type UserDto = Static<typeof UserDto>;

/** Answer of `GET /api/v1/users`, by username. */
export const UserList = Type.Object({ items: Type.Array(UserDto) });

/** Body of `POST /api/v1/users`. A handler must name a department (checked by the use case). */
export const CreateUserBody = Type.Object(
  {
    username: Username,
    password: Password,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    role: RoleEnum,
    departmentId: Type.Optional(DepartmentRef),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

/** Body of `PATCH /api/v1/users/{id}`: what is given changes; disabling ends the user's sessions. */
export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(RoleEnum),
    departmentId: Type.Optional(DepartmentRef),
    disabled: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** `{id}` of a user or an API key. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Body of `POST /api/v1/api-keys`. */
export const IssueApiKeyBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

/** Answer of `POST /api/v1/api-keys`: the key in clear, shown this once (stored only as a hash). */
export const IssuedApiKey = Type.Object({ id: Type.String(), key: Type.String() });

/** An API key as the API lists it (never the key). */
export const ApiKeyDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: IsoDateTime,
  revokedAt: Nullable(IsoDateTime),
});
export type ApiKeyDto = Static<typeof ApiKeyDto>;

/** Answer of `GET /api/v1/api-keys`, newest first. */
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyDto) });
