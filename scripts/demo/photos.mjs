// The demo's library photos (scripts/demo/photos.json): landscapes painted in code
// (no file to download, nothing to license), stored as `POST /api/admin/media` stores
// an upload: content-addressed key (first 32 hex of the SHA-256 + the sniffed
// extension), type and size from the bytes. `npm start` puts the files in the local
// R2 and runs these statements once (marker `demo_photos`, apart from the content's
// own so an existing demo gets its photos too); only articles nobody edited yet
// (version 1) get a cover or figure.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { countWords, htmlToText } from '../../worker/lib/html/text.ts'
import { toSlug } from '../../worker/lib/slug.ts'
import { encodePng } from './png.mjs'
import { q } from './seed-sql.mjs'

const WIDTH = 1200
const HEIGHT = 800
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const NOT_SEEDED = `NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_photos')`
const mix = (a, b, t) => a.map((c, i) => c + (b[i] - c) * t)

/** A landscape: sky gradient, a sun with its glow, hill layers, water with ripples. */
function paint({ sky, sun, layers, water }) {
  return encodePng(WIDTH, HEIGHT, (px, py) => {
    const x = px / WIDTH
    const y = py / HEIGHT
    let c = mix(sky[0], sky[1], Math.min(1, y / 0.6))
    if (sun) {
      const d = Math.hypot(x - sun[0], (y - sun[1]) * (HEIGHT / WIDTH)) / sun[2]
      c = d < 1 ? sun[3] : mix(c, sun[3], Math.max(0, 0.5 - d / 8))
    }
    layers.forEach(([base, amp, freq, color], i) => {
      const ridge = base + amp * Math.sin(freq * x * 2 * Math.PI + i * 1.7) + (amp / 3) * Math.sin(freq * 3.1 * x * 2 * Math.PI)
      if (y > ridge) c = mix(color, [0, 0, 0], Math.min(0.35, (y - ridge) * 0.6))
    })
    if (water && y > water[1]) c = mix(water[0], [255, 255, 255], 0.12 * (1 + Math.sin(py * 0.9 + Math.sin(px * 0.02) * 3)) * (1 - y))
    return c
  })
}

export async function loadDemoPhotos(path = new URL('./photos.json', import.meta.url)) {
  const { photos } = JSON.parse(await readFile(path, 'utf8'))
  return photos.map((p) => {
    const bytes = paint(p.scene)
    const key = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png`
    return { ...p, bytes, key, width: WIDTH, height: HEIGHT }
  })
}

/** The body of a demo article with a library figure after paragraph `after` (as the sanitizer stores it). */
function bodyWithFigure(article, photo, figure) {
  const img = `<img src="/media/${photo.key}" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}" />`
  const caption = `<figcaption>${escapeHtml(figure.caption)} <cite>${escapeHtml(photo.credit)}</cite></figcaption>`
  const blocks = article.body_paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)
  blocks.splice(figure.after_paragraph, 0, `<figure>${img}${caption}</figure>`)
  return blocks.join('\n')
}

/** @returns {string[]} statements that add the photos to the library and to demo articles, once */
export function demoPhotoStatements(photos, content, now = new Date().toISOString()) {
  const out = []
  const mediaId = (p) => `(SELECT id FROM media WHERE key = ${q(p.key)})`
  const use = (slug, p, role) =>
    `INSERT OR IGNORE INTO article_media (article_id, media_id, role) SELECT id, ${mediaId(p)}, '${role}' FROM articles WHERE slug = ${q(slug)} AND version = 1 AND ${NOT_SEEDED}`
  for (const p of photos) {
    out.push(
      `INSERT INTO media (key, filename, content_type, size, width, height, alt, caption, credit, uploaded_by, created_at, updated_at) ` +
        `SELECT ${q(p.key)}, ${q(p.filename)}, 'image/png', ${p.bytes.length}, ${p.width}, ${p.height}, ${q(p.alt)}, ${q(p.caption)}, ${q(p.credit)}, NULL, ${q(now)}, ${q(now)} ` +
        `WHERE ${NOT_SEEDED} ON CONFLICT (key) DO NOTHING`,
    )
    for (const slug of p.cover_of.map((title) => toSlug(title))) {
      out.push(use(slug, p, 'cover'), `UPDATE articles SET cover_media_id = ${mediaId(p)} WHERE slug = ${q(slug)} AND version = 1 AND cover_media_id IS NULL AND ${NOT_SEEDED}`)
    }
    if (p.figure_in) {
      const article = content.articles.find((a) => a.title === p.figure_in.title)
      const html = bodyWithFigure(article, p, p.figure_in)
      const text = htmlToText(html)
      const slug = toSlug(article.title)
      out.push(use(slug, p, 'inline'), `UPDATE articles SET body_html = ${q(html)}, body_text = ${q(text)}, word_count = ${countWords(text)} WHERE slug = ${q(slug)} AND version = 1 AND ${NOT_SEEDED}`)
    }
  }
  out.push(`INSERT INTO app_meta (key, value, updated_at) VALUES ('demo_photos', ${q(String(photos.length))}, ${q(now)}) ON CONFLICT (key) DO NOTHING`)
  return out
}
