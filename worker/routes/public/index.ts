import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { apiKeyAccess } from '../../middleware/api-key'
import { publicCors } from '../../middleware/public-cors'
import { publicArticles } from './articles'
import { publicHealth } from './health'
import { publicPreview } from './preview'
import { publicRedirects } from './redirects'
import { publicSearch } from './search'
import { publicTaxonomies } from './taxonomies'
import { publicViews } from './views'

/** The public, read-only API under /api/v1: published content only. */
export const publicApi = new Hono<AppEnv>()
  .use('*', publicCors())
  .use('*', apiKeyAccess())
  .route('/', publicHealth)
  .route('/', publicViews)
  .route('/', publicSearch)
  .route('/articles', publicArticles)
  .route('/', publicTaxonomies)
  .route('/', publicPreview)
  .route('/', publicRedirects)
