/**
 * WordPress posts (scripts/lib/wxr-parse.mjs) as `POST /api/admin/imports` lines
 * (docs/archive.md): one line per post, pages and attachments left out. What
 * cannot be brought over is reported, never silently lost.
 */
import { plainExcerpt, wxrContentToHtml } from './wxr-content.mjs'

const STATUS = { publish: 'published', draft: 'draft', pending: 'draft', private: 'draft', future: 'draft' }
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const NO_DATE = '0000-00-00 00:00:00'

/** Minutes east of UTC of `zone` at the instant `utcMs`. */
function offsetMinutes(zone, utcMs) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second)
  return Math.round((asUtc - utcMs) / 60_000)
}

/** A WordPress `YYYY-MM-DD HH:MM:SS` in the site's zone as ISO with its offset, e.g. `2016-09-02T08:15:00+07:00`. */
export function zonedIso(local, zone) {
  const guess = Date.parse(`${local.replace(' ', 'T')}Z`)
  const offset = offsetMinutes(zone, guess - offsetMinutes(zone, guess) * 60_000)
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${local.replace(' ', 'T')}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const gmtIso = (gmt) => (gmt && gmt !== NO_DATE ? `${gmt.replace(' ', 'T')}Z` : null)
const pathOf = (url) => { try { return new URL(url).pathname + new URL(url).search } catch { return null } }

/**
 * @param {{ siteUrl: string, posts: object[], attachments: Map<string, string> }} wxr
 * @param {{ zone: string, mediaBase: string }} options mediaBase: the CMS's `<URL>/media/` (a featured image there is a library key)
 * @returns {{ lines: object[], notes: string[], skipped: number }}
 */
export function mapWxr(wxr, { zone, mediaBase }) {
  const lines = []
  const notes = []
  let skipped = 0
  for (const post of wxr.posts) {
    const status = STATUS[post.status]
    if (post.type !== 'post' || !status) { skipped++; continue }
    const published = gmtIso(post.dateGmt) ?? (post.date && post.date !== NO_DATE ? zonedIso(post.date, zone) : null)
    const slug = (() => { try { return decodeURIComponent(post.slug) } catch { return post.slug } })()
    const line = {
      external_id: `wp-${post.id}`,
      title: post.title.trim() || '(Không có tiêu đề)',
      summary: plainExcerpt(post.excerpt),
      body_html: wxrContentToHtml(post.content),
      status,
      published_at: status === 'published' ? published : null,
      ...(gmtIso(post.modifiedGmt) && { updated_at: gmtIso(post.modifiedGmt) }),
      ...(SLUG.test(slug) && { slug }),
      category: post.categories[0] ?? null,
      tags: [...new Set([...post.categories.slice(1), ...post.tags])].slice(0, 30),
      authors: post.author ? [post.author] : [],
      old_urls: [...new Set([pathOf(post.link), `/?p=${post.id}`].filter(Boolean))],
    }
    const views = Number(post.meta.post_views_count ?? post.meta.views ?? NaN)
    if (Number.isSafeInteger(views) && views >= 0) line.views = views
    const thumb = post.meta._thumbnail_id && wxr.attachments.get(post.meta._thumbnail_id)
    if (thumb?.startsWith(mediaBase)) line.cover = { key: thumb.slice(mediaBase.length) }
    else if (thumb) notes.push(`wp-${post.id}: featured image ${thumb} is not in the media library; dropped (upload it, then set the cover)`)
    const foreign = [...line.body_html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/gi)].filter((m) => !m[1].startsWith(mediaBase)).length
    if (foreign) notes.push(`wp-${post.id}: ${foreign} inline images on other hosts are dropped by the site's image policy unless IMAGE_HOSTS allows their host (or upload them to the library)`)
    if (post.categories.length > 1) notes.push(`wp-${post.id}: one category kept ("${post.categories[0]}"); the others became tags`)
    lines.push(line)
  }
  return { lines, notes, skipped }
}
