import { Hono } from 'hono'

/** Articles (with workflow, revisions, previews), categories, tags and authors. */
export const adminContentRoutes = new Hono<{ Bindings: Env }>()
