import type { SearchHit } from '../../schema/api/search'
import { highlight, snippet } from '../lib/highlight'
import type { SiteSettings } from '../lib/settings'
import type { PublicHit } from '../services/search/search'
import { serializePublicArticle } from './article-public'

/**
 * A public search result: the public article plus its title and best passage as
 * HTML with the matched words in `<mark>`. The passage is built from the plain text
 * (sapo and body_text), escaped word by word, never from body_html, so no markup
 * of the article reaches the page through a snippet.
 */
export function serializeSearchHit(
  hit: PublicHit,
  isHit: (foldedWord: string) => boolean,
  settings: SiteSettings,
  views: number,
): SearchHit {
  const a = hit.bundle.article
  return {
    ...serializePublicArticle(hit.bundle, settings, views),
    title_highlight: highlight(a.title, isHit),
    snippet: snippet(`${a.summary}\n${hit.bodyText}`, isHit),
  }
}
