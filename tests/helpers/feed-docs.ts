/**
 * Fetching and parsing feeds and sitemaps as their readers would: a real feed
 * parser (@rowanmanning/feed-parser, independent of feedsmith, which writes them)
 * and a strict XML parser (fast-xml-parser: its validator refuses any document
 * that is not well-formed XML).
 */
import { createExecutionContext, env, SELF } from 'cloudflare:test'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import worker from '../../worker/index'
import { BASE } from './auth'

export async function fetchDoc(path: string, init?: RequestInit) {
  const res = await SELF.fetch(BASE + path, { redirect: 'manual', ...init })
  return { res, status: res.status, type: res.headers.get('Content-Type'), text: await res.text() }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'category', 'link', 'media:content', 'dc:creator', 'author'].includes(name),
})

/** The document as a tree of objects (attributes under `@name`); throws unless it is well-formed XML. */
export function parseXml(text: string): any {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}\n${text.slice(0, 500)}`)
  return xml.parse(text)
}

/** An RSS or Atom document as a feed reader sees it (after checking it is well-formed XML). */
export function readFeed(text: string) {
  parseXml(text)
  return parseFeed(text)
}

/**
 * A request through the whole worker with some vars changed, e.g. a lowered limit
 * (`{ SITEMAP_PAGE_SIZE: '3' }`, lib/feed-limits.ts), on the same real D1.
 */
export async function fetchWithVars(path: string, vars: Record<string, string>, init?: RequestInit) {
  const res = await worker.fetch(new Request(BASE + path, { redirect: 'manual', ...init }), { ...env, ...vars }, createExecutionContext())
  return { res, status: res.status, type: res.headers.get('Content-Type'), text: await res.text() }
}
