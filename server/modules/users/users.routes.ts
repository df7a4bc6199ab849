import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { errorResponses } from "../../../common/contracts/shared.ts";
import {
  ApiKeyList,
  CreateUserBody,
  IdParams,
  IssueApiKeyBody,
  IssuedApiKey,
  LoginBody,
  LoginResult,
  SessionResult,
  UpdateUserBody,
  UserDto,
  UserList,
} from "../../../common/contracts/users.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { issueApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { createUser, listUsers, updateUser } from "./manage-users.ts";
import { requireUser, SESSION_COOKIE, sessionToken } from "./request-user.ts";
import { login, logout, SESSION_TTL_MS } from "./sessions.ts";
import { presentSession } from "./user.presenter.ts";

const NoContent = { 204: Type.Null() };

/** Sessions, users and API keys. */
export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Log in",
        security: [],
        body: LoginBody,
        response: { 200: LoginResult, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const s = await login(ctx, req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: "strict",
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
        secure: req.protocol === "https",
      });
      return presentSession(s);
    },
  );
  r.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Who am I",
        response: { 200: SessionResult, ...errorResponses(401) },
      },
    },
    async (req) => ({ user: await requireUser(ctx, req) }),
  );
  r.delete(
    "/api/v1/session",
    { schema: { tags: ["session"], summary: "Log out", response: NoContent } },
    async (req, reply) => {
      const token = sessionToken(req);
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a user (admin)",
        body: CreateUserBody,
        response: { 201: UserDto, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      return reply.status(201).send(await createUser(ctx, req.body));
    },
  );
  r.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: "List users (admin, supervisor)",
        response: { 200: UserList, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor"]);
      return { items: await listUsers(ctx) };
    },
  );
  r.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user (admin)",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return updateUser(ctx, req.params.id, req.body);
    },
  );

  r.post(
    "/api/v1/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Issue an API key (admin); the key is shown once",
        body: IssueApiKeyBody,
        response: { 201: IssuedApiKey, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, ["admin"]);
      return reply.status(201).send(await issueApiKey(ctx, req.body.name, user.id));
    },
  );
  r.get(
    "/api/v1/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: "List API keys (admin)",
        response: { 200: ApiKeyList, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return { items: await listApiKeys(ctx) };
    },
  );
  r.delete(
    "/api/v1/api-keys/:id",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key (admin)",
        params: IdParams,
        response: { ...NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      await revokeApiKey(ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
