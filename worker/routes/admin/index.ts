import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { adminBodyLimit } from '../../middleware/admin-body-limit'
import { requireRole, requireStaff, type AdminEnv } from '../../middleware/auth'
import { deliverWebhooksAfterSave } from '../../middleware/deliver-webhooks'
import { invalidateReadsOnWrite } from '../../middleware/invalidate-reads'
import { refuseApiKeys } from '../../middleware/refuse-api-keys'
import { adminAuthRoutes } from './auth'
import { adminContentRoutes } from './content'
import { isMediaUpload } from './media-upload'
import { adminExportRoutes } from './exports'
import { adminImportRoutes } from './imports'
import { adminSearch } from './search'
import { webhookDeliveryRoutes } from './webhook-deliveries'
import { webhookRoutes } from './webhooks'

/** The admin API under /api/admin: staff only, never CORS-open. */
export const adminApi = new Hono<AppEnv>()
  .use('*', refuseApiKeys())
  .use('*', adminBodyLimit({ except: isMediaUpload }))
  .use('*', invalidateReadsOnWrite())
  .use('*', deliverWebhooksAfterSave())
  .route('/', adminAuthRoutes)
  .route('/', adminContentRoutes)
  .route('/search', new Hono<AdminEnv>().use('*', requireStaff()).route('/', adminSearch))
  .route('/imports', new Hono<AdminEnv>().use('*', requireStaff(), requireRole('admin')).route('/', adminImportRoutes))
  .route('/exports', new Hono<AdminEnv>().use('*', requireStaff(), requireRole('admin')).route('/', adminExportRoutes))
  .route('/webhooks', new Hono<AdminEnv>().use('*', requireStaff(), requireRole('admin')).route('/', webhookRoutes).route('/', webhookDeliveryRoutes))
