import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { RedirectQuery, RedirectResponse } from '../../../schema/api/redirects'
import { notFound } from '../../lib/errors'
import { siteSettings } from '../../lib/settings'
import { validate } from '../../middleware/validate'
import { oldPath } from '../../services/archive/old-path'
import { lookUpRedirect } from '../../services/archive/redirects'
import { responses } from './openapi-helpers'
import { reads } from './serialize'

/** The 301 carries the success body (the target, also in Location); there is no 200. */
function moved() {
  const { 200: ok, ...errors } = responses(RedirectResponse, { 404: 'No published article at that old URL' })
  return { ...errors, 301: { ...ok!, description: 'Moved: Location is the canonical URL; the body names it too' } }
}

/**
 * Old URLs of the imported archive (docs/archive.md). A frontend asks with the
 * path it was requested at and forwards the 301: Location is the article's
 * canonical URL, and the body names it too for clients that do not follow
 * redirects. Unknown paths and unpublished articles are 404.
 */
export const publicRedirects = new Hono<AppEnv>().get(
  '/redirects',
  describeRoute({
    tags: ['Articles'],
    summary: 'Where an old URL now lives',
    description: 'Paths are normalized (host, case, trailing slash and query dropped, except WordPress `?p=` and `?page_id=`).',
    responses: moved(),
  }),
  validate('query', RedirectQuery),
  async function redirect(c) {
    const path = oldPath(c.req.valid('query').path)
    const target = path ? await lookUpRedirect(reads(c), path, siteSettings(c.env)) : null
    if (!path || !target) throw notFound('Redirect')
    c.header('Location', target.url)
    c.header('Cache-Control', 'public, max-age=300, s-maxage=3600')
    return c.json({ data: { path, ...target } }, 301)
  },
)
