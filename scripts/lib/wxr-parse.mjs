/**
 * Reads a WordPress export (WXR 1.x, the file of Tools → Export) with fast-xml-parser
 * into plain posts: the fields scripts/lib/wxr-map.mjs turns into import lines.
 */
import { XMLParser } from 'fast-xml-parser'

const list = (x) => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x])
const text = (x) => (x === undefined || x === null ? '' : typeof x === 'object' ? String(x['#text'] ?? '') : String(x))

/**
 * @param {string} xml the WXR document
 * @returns {{ siteUrl: string, posts: object[], attachments: Map<string, string> }}
 */
export function parseWxr(xml) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    // Keep every value a string (post ids, view counts) and never decode HTML twice.
    parseTagValue: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => ['item', 'category', 'wp:postmeta', 'wp:author'].includes(name),
  })
  const doc = parser.parse(xml)
  const channel = doc?.rss?.channel
  if (!channel) throw new Error('not a WordPress export: no <rss><channel>')
  const authors = new Map(list(channel['wp:author']).map((a) => [text(a['wp:author_login']), text(a['wp:author_display_name']) || text(a['wp:author_login'])]))
  const attachments = new Map()
  const posts = []
  for (const item of list(channel.item)) {
    const id = text(item['wp:post_id'])
    const type = text(item['wp:post_type'])
    if (type === 'attachment') {
      attachments.set(id, text(item['wp:attachment_url']) || text(item.guid))
      continue
    }
    const meta = Object.fromEntries(list(item['wp:postmeta']).map((m) => [text(m['wp:meta_key']), text(m['wp:meta_value'])]))
    const terms = list(item.category).map((c) => ({ domain: c['@domain'], name: text(c).trim() }))
    const login = text(item['dc:creator'])
    posts.push({
      id,
      type,
      title: text(item.title),
      link: text(item.link),
      content: text(item['content:encoded']),
      excerpt: text(item['excerpt:encoded']),
      date: text(item['wp:post_date']),
      dateGmt: text(item['wp:post_date_gmt']),
      modifiedGmt: text(item['wp:post_modified_gmt']),
      slug: text(item['wp:post_name']),
      status: text(item['wp:status']),
      author: authors.get(login) ?? login,
      categories: terms.filter((t) => t.domain === 'category').map((t) => t.name),
      tags: terms.filter((t) => t.domain === 'post_tag').map((t) => t.name),
      meta,
    })
  }
  return { siteUrl: text(channel['wp:base_site_url']) || text(channel.link), posts, attachments }
}
