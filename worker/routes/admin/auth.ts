import { Hono } from 'hono'

/** Sessions, the signed-in user, staff accounts, tokens and the audit log. */
export const adminAuthRoutes = new Hono<{ Bindings: Env }>()
