import { Hono } from 'hono'

/** The admin API under /api/admin: staff only, never CORS-open. */
export const adminApi = new Hono<{ Bindings: Env }>()
