/**
 * Seeds generated articles into a fresh D1 (ids 1..count in order) with their
 * categories and tags, through the same triggers the app relies on. Multi-row
 * INSERTs stay under D1's 100 bound parameters per statement; statements go in
 * batches.
 */
import { titlePairsJson } from '../../worker/lib/title-pairs.ts'
import { CATEGORIES, TAGS, article, random } from './vi-news.mjs'

const ARTICLE_PARAMS = 10
const ROWS_PER_ARTICLE_INSERT = Math.floor(100 / ARTICLE_PARAMS)
const ROWS_PER_TAG_INSERT = Math.floor(100 / 3)
const STATEMENTS_PER_BATCH = 40

const slugOf = (text) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

async function insertNamed(db, table, names) {
  const now = new Date().toISOString()
  const stmt = db.prepare(`INSERT INTO ${table} (slug, name, name_sort, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)`)
  await db.batch(names.map((name) => stmt.bind(slugOf(name), name, slugOf(name), now)))
  return new Map(names.map((name, i) => [name, i + 1]))
}

function articleInsert(db, rows) {
  const values = rows.map((_, k) => {
    const p = (n) => `?${k * ARTICLE_PARAMS + n}`
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, 'published', ${p(9)}, ${p(9)}, ${p(9)}, ${p(10)})`
  })
  const sql = `INSERT INTO articles (slug, title, title_sort, summary, body_html, body_text, word_count, category_id, status, published_at, created_at, updated_at, title_pairs) VALUES ${values.join(', ')}`
  return db.prepare(sql).bind(...rows.flat())
}

function tagInsert(db, rows) {
  const sql = `INSERT INTO article_tags (article_id, tag_id, position) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`
  return db.prepare(sql).bind(...rows.flat())
}

async function flush(db, statements) {
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH))
}

export async function seedArticles(db, count) {
  const categoryIds = await insertNamed(db, 'categories', CATEGORIES)
  const tagIds = await insertNamed(db, 'tags', TAGS)
  const rand = random(20240418)
  const chunk = ROWS_PER_ARTICLE_INSERT * STATEMENTS_PER_BATCH
  for (let start = 0; start < count; start += chunk) {
    const articles = []
    const links = []
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const a = article(i, rand)
      const bodyText = a.paragraphs.join('\n\n')
      articles.push([a.slug, a.title, slugOf(a.title), a.summary, a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
        bodyText, bodyText.split(/\s+/).length, categoryIds.get(a.category), a.publishedAt, titlePairsJson(a.title)])
      a.tags.forEach((tag, position) => links.push([i + 1, tagIds.get(tag), position]))
    }
    const statements = []
    for (let i = 0; i < articles.length; i += ROWS_PER_ARTICLE_INSERT) statements.push(articleInsert(db, articles.slice(i, i + ROWS_PER_ARTICLE_INSERT)))
    await flush(db, statements)
    const tagStatements = []
    for (let i = 0; i < links.length; i += ROWS_PER_TAG_INSERT) tagStatements.push(tagInsert(db, links.slice(i, i + ROWS_PER_TAG_INSERT)))
    await flush(db, tagStatements)
  }
  const { n } = await db.prepare('SELECT count(*) AS n FROM articles').first()
  if (n !== count) throw new Error(`seeded ${n} articles, expected ${count}`)
}
