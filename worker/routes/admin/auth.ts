import { Hono } from 'hono'
import type { AdminEnv } from '../../middleware/auth'
import { apiKeyRoutes } from './accounts/api-keys'
import { auditLogRoutes } from './accounts/audit-log'
import { meRoutes } from './accounts/me'
import { sessionRoutes } from './accounts/session'
import { tokenRoutes } from './accounts/tokens'
import { userRoutes } from './accounts/users'

/**
 * Sessions, the signed-in user, staff accounts, tokens, the audit log and partner API keys. Each route
 * names its own guards (requireStaff, requireRole): a `use('*')` here would also
 * guard the content routes mounted beside these, and the sign-in route itself.
 */
export const adminAuthRoutes = new Hono<AdminEnv>()
  .route('/', sessionRoutes)
  .route('/', meRoutes)
  .route('/', userRoutes)
  .route('/', tokenRoutes)
  .route('/', auditLogRoutes)
  .route('/', apiKeyRoutes)
