import { Hono } from 'hono'

/** Full-text search and related articles (mounted under /api/v1). */
export const publicSearch = new Hono<{ Bindings: Env }>()
