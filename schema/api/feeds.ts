/** Query and path shapes of the feeds, sitemaps and robots.txt (docs/feeds.md). */
import * as v from 'valibot'
import { SlugFilter } from './common'

/** `?category=slug` of a feed; any other parameter is a 400. */
export const FeedQuery = v.strictObject({ category: SlugFilter })

/** Sitemaps and robots.txt take no parameter. */
export const NoQuery = v.strictObject({})

/** `articles-{n}.xml`, n from 1: the n-th block of article ids (sitemap-articles.ts). */
export const SitemapFileParam = v.object({
  file: v.pipe(
    v.string(),
    v.regex(/^articles-[1-9][0-9]{0,8}\.xml$/, 'must be articles-{n}.xml with n from 1'),
    v.transform((file) => Number(file.slice('articles-'.length, -'.xml'.length))),
  ),
})
