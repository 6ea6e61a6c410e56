import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { adminBodyLimit } from '../../middleware/admin-body-limit'
import { requireStaff, type AdminEnv } from '../../middleware/auth'
import { invalidateReadsOnWrite } from '../../middleware/invalidate-reads'
import { refuseApiKeys } from '../../middleware/refuse-api-keys'
import { adminAuthRoutes } from './auth'
import { adminContentRoutes } from './content'
import { isMediaUpload } from './media-upload'
import { adminSearch } from './search'

/** The admin API under /api/admin: staff only, never CORS-open. */
export const adminApi = new Hono<AppEnv>()
  .use('*', refuseApiKeys())
  .use('*', adminBodyLimit({ except: isMediaUpload }))
  .use('*', invalidateReadsOnWrite())
  .route('/', adminAuthRoutes)
  .route('/', adminContentRoutes)
  .route('/search', new Hono<AdminEnv>().use('*', requireStaff()).route('/', adminSearch))
