import { Hono } from 'hono'
import { database, type AppEnv } from './middleware/database'
import { onError, onNotFound } from './middleware/error-handler'
import { securityHeaders } from './middleware/security-headers'
import { docsPage } from './routes/docs'
import { syndication } from './routes/feeds'
import { mediaRoutes } from './routes/media'
import { openApiSpec } from './routes/openapi'
import { adminApi } from './routes/admin'
import { publicApi } from './routes/public'

/**
 * The whole HTTP surface. Route groups live in routes/ and are mounted here; the
 * admin UI's static files are served by Workers assets before this runs.
 */
export const app = new Hono<AppEnv>()
  .use('*', securityHeaders())
  .use('*', database())
  .route('/api/v1', publicApi)
  .route('/api/admin', adminApi)
  .route('/', mediaRoutes)
  .route('/', syndication)

app.get('/api/openapi.json', async (c) => {
  c.header('Cache-Control', 'public, max-age=300')
  return c.json(await openApiSpec(app, c))
})
app.get('/api/docs', docsPage(app))
app.get('/', (c) =>
  c.json({
    data: {
      name: c.env.SITE_NAME,
      api: '/api/v1/articles',
      docs: '/api/docs',
      openapi: '/api/openapi.json',
      admin: '/admin/',
    },
  }),
)

app.onError(onError)
app.notFound(onNotFound)

export type AppType = typeof app
