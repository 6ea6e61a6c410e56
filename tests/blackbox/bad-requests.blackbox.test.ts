/**
 * Requests a client gets wrong: bad parameters and bodies (400), no or a bad
 * sign-in (401), a forged or unauthorised write (403), things that do not exist
 * including filter combinations that name an unknown category or tag (404), a
 * wrong method, an oversized or mistyped body. Each gets its error, and readers
 * and editors elsewhere are served right after.
 */
import { describe } from 'vitest'
import { MAX_BODY_HTML, MAX_TAGS } from '../../schema/api/admin-articles'
import { send } from './support/http.ts'
import type { Newsroom } from './support/newsroom.ts'
import { itServesOthersAfter, type Provocation } from './support/provoke.ts'
import { signIn } from './support/staff.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const get = (path: string) => (room: Newsroom) => send(room.url, 'GET', path)
const asAdmin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => (room: Newsroom) =>
  send(room.url, method, path, { headers: { authorization: room.credentials.bearer, ...headers }, body })

/** A contributor (drafts only), created by the admin and signed in with a cookie. */
async function contributorCookie(room: Newsroom): Promise<string> {
  const email = `cong-tac-vien-${Date.now()}@toasoan.vn`
  const password = 'mat-khau-cong-tac-vien'
  await room.api.post('/users', { email, name: 'Cộng tác viên Lê Thị Thu Hằng', role: 'contributor', password })
  return signIn(room.url, email, password)
}

const article = { title: 'Cần Thơ: Triều cường dâng cao, nhiều tuyến đường ngập sâu trong đêm rằm tháng Chín' }

const PROVOCATIONS: Provocation[] = [
  { name: 'a list with limit=0', status: 400, code: 'validation_failed', send: get('/api/v1/articles?limit=0') },
  { name: 'a list with an unknown sort and parameter', status: 400, send: get('/api/v1/articles?sort=views&trang=2') },
  { name: 'a list with a forged cursor', status: 400, send: get('/api/v1/articles?cursor=eyJzb3J0IjoiaGFja2VkIn0') },
  { name: 'a list since a date that is not one', status: 400, send: get('/api/v1/articles?since=18%2F04%2F2017') },
  { name: 'malformed JSON in a new article', status: 400, send: asAdmin('POST', '/api/admin/articles', '{"title": "Đà Nẵng', { 'content-type': 'application/json' }) },
  { name: 'a JSON array as a new article', status: 400, send: asAdmin('POST', '/api/admin/articles', [article]) },
  { name: 'an article with an empty headline', status: 400, send: asAdmin('POST', '/api/admin/articles', { title: '   ' }) },
  { name: 'an article with one tag too many', status: 400, send: asAdmin('POST', '/api/admin/articles', { ...article, tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `Thẻ ${i}`) }) },
  { name: 'an article whose body is one character over the limit', status: 400, send: asAdmin('POST', '/api/admin/articles', { ...article, body_html: `<p>${'ư'.repeat(MAX_BODY_HTML - 6)}</p>` }) },
  { name: 'a 3 MB article body', status: [400, 413], send: asAdmin('POST', '/api/admin/articles', { ...article, body_html: `<p>${'Mưa lũ. '.repeat(375_000)}</p>` }) },
  { name: 'an article sent as text/plain', status: [400, 415], send: asAdmin('POST', '/api/admin/articles', JSON.stringify(article), { 'content-type': 'text/plain' }) },
  { name: 'an article pointing at a category that does not exist', status: 400, send: asAdmin('POST', '/api/admin/articles', { ...article, category_id: 999_999 }) },
  { name: 'the admin list without signing in', status: 401, code: 'unauthorized', send: get('/api/admin/articles') },
  { name: 'a revoked-looking bearer token', status: 401, send: (room) => send(room.url, 'GET', '/api/admin/me', { headers: { authorization: 'Bearer tin_pat_AAAA_khong-phai-token-that-1234567890' } }) },
  { name: 'a wrong password', status: 401, send: (room) => send(room.url, 'POST', '/api/admin/session', { body: { email: 'phong-vien@toasoan.vn', password: 'sai-mat-khau' } }) },
  {
    name: 'a cookie-signed write from another site (CSRF)',
    status: 403,
    code: 'forbidden',
    send: (room) => send(room.url, 'POST', '/api/admin/articles', { headers: { cookie: room.credentials.cookie, origin: 'https://evil.example' }, body: article }),
  },
  {
    name: 'a contributor creating a staff account',
    status: 403,
    send: async (room) =>
      send(room.url, 'POST', '/api/admin/users', { headers: { cookie: await contributorCookie(room), origin: room.url }, body: { email: 'x@toasoan.vn', name: 'X', role: 'admin', password: 'mat-khau-moi-12345' } }),
  },
  { name: 'an unknown slug', status: 404, code: 'not_found', send: get('/api/v1/articles/slug/bai-viet-khong-ton-tai-o-tinh-thua-thien-hue') },
  { name: 'an unknown article id', status: 404, send: get('/api/v1/articles/987654') },
  { name: 'a list by an unknown category and a known tag (?category=khong-co&tag=da-nang)', status: 404, send: get('/api/v1/articles?category=khong-co&tag=da-nang') },
  { name: 'a list by a known category and an unknown tag', status: 404, send: get('/api/v1/articles?category=thoi-su&tag=khong-co') },
  { name: 'a list by unknown category, tag and author at once', status: 404, send: get('/api/v1/articles?category=khong-co&tag=khong-co&author=khong-co') },
  { name: 'a search within an unknown category', status: 404, send: get('/api/v1/search?q=b%C3%A3o&category=khong-co') },
  { name: 'most-read in an unknown category', status: 404, send: get('/api/v1/most-read?window=7d&category=khong-co') },
  { name: 'related articles of an unknown article', status: 404, send: get('/api/v1/articles/987654/related') },
  { name: 'an unknown category page', status: 404, send: get('/api/v1/categories/khong-co') },
  { name: 'an unknown admin article', status: 404, send: asAdmin('GET', '/api/admin/articles/987654') },
  { name: 'PUT on the public list', status: [404, 405], send: (room) => send(room.url, 'PUT', '/api/v1/articles', { body: article }) },
  { name: 'DELETE on a public article', status: [404, 405], send: (room) => send(room.url, 'DELETE', `/api/v1/articles/${room.probe.id}`) },
]

describe('bad requests', () => {
  const room = useNewsroom()
  itServesOthersAfter(room, PROVOCATIONS)
  itLoggedNoUnhandledError(room)
})
