import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { RoleEnum } from "../../../common/contracts/appeals.ts";
import type { AppContext } from "../../app-context.ts";
import { issueApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { createUser, listUsers, updateUser } from "./manage-users.ts";
import { requireUser, SESSION_COOKIE, sessionToken } from "./request-user.ts";
import { login, logout, SESSION_TTL_MS } from "./sessions.ts";

const UserDto = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: RoleEnum,
  departmentId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});
const SessionUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: RoleEnum,
  departmentId: Type.Union([Type.String(), Type.Null()]),
});
const errors = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  403: { $ref: "Error#" },
  404: { $ref: "Error#" },
  409: { $ref: "Error#" },
};

/** Sessions, users and API keys. */
export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Log in",
        security: [],
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: SessionUser }),
          ...errors,
          429: { $ref: "Error#" },
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const s = await login(ctx, username, password, req.ip);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: "strict",
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
        secure: req.protocol === "https",
      });
      return { token: s.token, expiresAt: s.expiresAt.toISOString(), user: s.user };
    },
  );
  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Who am I",
        response: { 200: Type.Object({ user: SessionUser }), ...errors },
      },
    },
    async (req) => ({
      user: await requireUser(ctx, req),
    }),
  );
  app.delete("/api/v1/session", { schema: { tags: ["session"], summary: "Log out" } }, async (req, reply) => {
    const token = sessionToken(req);
    if (token) await logout(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a user (admin)",
        body: Type.Object(
          {
            username: Type.String({ pattern: "^[A-Za-z0-9_.-]{2,64}$" }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            name: Type.String({ minLength: 1, maxLength: 50 }),
            role: RoleEnum,
            departmentId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserDto, ...errors },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      return reply.status(201).send(await createUser(ctx, req.body as never));
    },
  );
  app.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: "List users (admin, supervisor)",
        response: { 200: Type.Object({ items: Type.Array(UserDto) }), ...errors },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor"]);
      return { items: await listUsers(ctx) };
    },
  );
  app.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user (admin)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            role: Type.Optional(RoleEnum),
            departmentId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserDto, ...errors },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return updateUser(ctx, (req.params as { id: string }).id, req.body as never);
    },
  );

  app.post(
    "/api/v1/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Issue an API key (admin); the key is shown once",
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), key: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, ["admin"]);
      return reply.status(201).send(await issueApiKey(ctx, (req.body as { name: string }).name, user.id));
    },
  );
  app.get(
    "/api/v1/api-keys",
    { schema: { tags: ["api-keys"], summary: "List API keys (admin)" } },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return { items: await listApiKeys(ctx) };
    },
  );
  app.delete(
    "/api/v1/api-keys/:id",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key (admin)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      await revokeApiKey(ctx, (req.params as { id: string }).id);
      return reply.status(204).send();
    },
  );
}
