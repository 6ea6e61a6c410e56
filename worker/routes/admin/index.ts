import { Hono } from 'hono'
import { adminAuthRoutes } from './auth'
import { adminContentRoutes } from './content'

/** The admin API under /api/admin: staff only, never CORS-open. */
export const adminApi = new Hono<{ Bindings: Env }>()
  .route('/', adminAuthRoutes)
  .route('/', adminContentRoutes)
