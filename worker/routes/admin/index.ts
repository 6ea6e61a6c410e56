import { Hono } from 'hono'
import { invalidateReadsOnWrite } from '../../middleware/invalidate-reads'
import { adminAuthRoutes } from './auth'
import { adminContentRoutes } from './content'

/** The admin API under /api/admin: staff only, never CORS-open. */
export const adminApi = new Hono<{ Bindings: Env }>()
  .use('*', invalidateReadsOnWrite())
  .route('/', adminAuthRoutes)
  .route('/', adminContentRoutes)
