import argon2 from "argon2";
import type { Role } from "../../../common/appeal-state.ts";
import type { CreateUserBody, UpdateUserBody, UserDto } from "../../../common/contracts/users.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, conflict, notFound } from "../../platform/errors.ts";
import { isUuid, newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import { presentUser } from "./user.presenter.ts";

/** Passwords are stored only as argon2id hashes. */
export const hashPassword = (pw: string) => argon2.hash(pw, { type: argon2.argon2id });

function checkRoleDepartment(ctx: AppContext, role: Role, departmentId: string | null | undefined) {
  if (role === "handler" && !departmentId)
    throw badField("departmentId", "a handler must belong to a department");
  if (departmentId && !ctx.directory.departments.has(departmentId)) {
    throw badField("departmentId", `unknown department ${departmentId}`);
  }
}

/** Creates a staff account; usernames are unique. */
export async function createUser(ctx: AppContext, input: CreateUserBody, tx: Tx = ctx.db): Promise<UserDto> {
  if (input.password.length < 8) throw badField("password", "must be at least 8 characters");
  checkRoleDepartment(ctx, input.role, input.departmentId);
  const taken = await tx
    .selectFrom("users")
    .select("id")
    .where("username", "=", input.username)
    .executeTakeFirst();
  const usernameTaken = () =>
    conflict("USERNAME_TAKEN", `The username ${input.username} is taken.`, [{ field: "username" }]);
  if (taken) throw usernameTaken();
  const row = await tx
    .insertInto("users")
    .values({
      id: newId(),
      username: input.username,
      password_hash: await hashPassword(input.password),
      name: input.name,
      role: input.role,
      department_id: input.departmentId ?? null,
      created_at: ctx.clock.now(),
    })
    // A concurrent request may have taken the name since the check above (unique violation).
    .onConflict((oc) => oc.column("username").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw usernameTaken();
  return presentUser(row);
}

/** Changes role, department, name, password or the disabled flag. Disabling ends the user's sessions. */
export async function updateUser(ctx: AppContext, id: string, patch: UpdateUserBody): Promise<UserDto> {
  return ctx.db.transaction().execute(async (tx) => {
    const cur = isUuid(id)
      ? await tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst()
      : undefined;
    if (!cur) throw notFound("user", id);
    const role = patch.role ?? (cur.role as Role);
    const departmentId = patch.departmentId !== undefined ? patch.departmentId : cur.department_id;
    checkRoleDepartment(ctx, role, departmentId);
    if (patch.password !== undefined && patch.password.length < 8) {
      throw badField("password", "must be at least 8 characters");
    }
    const row = await tx
      .updateTable("users")
      .set({
        role,
        department_id: departmentId,
        disabled: patch.disabled ?? cur.disabled,
        name: patch.name ?? cur.name,
        ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (row.disabled || patch.password !== undefined)
      await tx.deleteFrom("sessions").where("user_id", "=", id).execute();
    return presentUser(row);
  });
}

/** Lists users, by username. */
export async function listUsers(ctx: AppContext): Promise<UserDto[]> {
  const rows = await ctx.db.selectFrom("users").selectAll().orderBy("username").execute();
  return rows.map(presentUser);
}
