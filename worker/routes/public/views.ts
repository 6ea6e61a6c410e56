import { Hono } from 'hono'

/** View beacons and most-read lists (mounted under /api/v1). */
export const publicViews = new Hono<{ Bindings: Env }>()
