import { Hono } from 'hono'
import type { AppEnv } from '../../middleware/database'
import { feedRoutes } from './feeds'
import { robotsRoutes } from './robots'
import { sitemapRoutes } from './sitemaps'

/** For feed readers and search engines, at the site root: feeds, sitemaps, robots.txt (docs/feeds.md). */
export const syndication = new Hono<AppEnv>().route('/', feedRoutes).route('/', sitemapRoutes).route('/', robotsRoutes)
