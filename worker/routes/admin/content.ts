import { Hono } from 'hono'
import { requireStaff, type AdminEnv } from '../../middleware/auth'
import { adminArticleRoutes } from './articles'
import { adminPresenceRoutes } from './article-presence'
import { adminRevisionRoutes } from './article-revisions'
import { adminPreviewLinkRoutes } from './preview-links'
import { adminWorkflowRoutes } from './article-workflow'
import { adminMediaRoutes } from './media'
import { adminMediaUpload } from './media-upload'
import { adminTagMerge } from './tag-merge'
import { adminAuthorRoutes, adminCategoryRoutes, adminTagRoutes } from './taxonomies'

const staff = requireStaff()

/**
 * Articles (with workflow, revisions, previews), categories, tags, authors and the
 * media library.
 * Every path here is staff only; the guard is scoped to these prefixes so it never
 * covers the sign-in route mounted beside them. Finer rules (roles, ownership,
 * workflow state) are applied per route and in services/editorial/rules.ts.
 */
export const adminContentRoutes = new Hono<AdminEnv>()
  .use('/articles/*', staff)
  .use('/categories/*', staff)
  .use('/tags/*', staff)
  .use('/authors/*', staff)
  .use('/media/*', staff)
  .route('/articles', adminArticleRoutes)
  .route('/articles', adminWorkflowRoutes)
  .route('/articles', adminRevisionRoutes)
  .route('/articles', adminPresenceRoutes)
  .route('/articles', adminPreviewLinkRoutes)
  .route('/categories', adminCategoryRoutes)
  .route('/tags', adminTagRoutes)
  .route('/tags', adminTagMerge)
  .route('/authors', adminAuthorRoutes)
  .route('/media', adminMediaUpload)
  .route('/media', adminMediaRoutes)
