/**
 * Requests mangled on the way: cookies and Authorization headers that are garbage,
 * conditional and Range headers that mean nothing, header values of 64 KB, and
 * paths and queries with broken percent-encoding. Each gets a 2xx/3xx/4xx answer
 * (never a 5xx, never a dropped connection) and everyone else is served after.
 */
import { describe } from 'vitest'
import { send } from './support/http.ts'
import type { Newsroom } from './support/newsroom.ts'
import { itServesOthersAfter, type Provocation } from './support/provoke.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const KB64 = 'a'.repeat(64 * 1024)
const get = (path: string | ((room: Newsroom) => string), headers: Record<string, string> | ((room: Newsroom) => Record<string, string>) = {}) => (room: Newsroom) =>
  send(room.url, 'GET', typeof path === 'string' ? path : path(room), { headers: typeof headers === 'function' ? headers(room) : headers })
const article = (room: Newsroom) => `/api/v1/articles/slug/${room.probe.slug}`
const me = '/api/admin/me'

const PROVOCATIONS: Provocation[] = [
  { name: 'a session cookie that is garbage', status: 401, send: get(me, { cookie: 'tin_session=garbage' }) },
  { name: 'a well-formed session cookie nobody issued', status: 401, send: get(me, { cookie: `tin_session=${'A'.repeat(43)}` }) },
  { name: 'a Cookie header with broken percent-encoding', status: 401, send: get(me, { cookie: 'tin_session=%E0%A4%A; theme=%%; =; ;;' }) },
  { name: 'a garbage session cookie beside the real one', status: [200, 401], send: get(me, (room) => ({ cookie: `tin_session=garbage; ${room.credentials.cookie}` })) },
  { name: 'a 64 KB Cookie header', status: [401, 431], send: get(me, { cookie: `tin_session=${KB64}` }) },
  { name: 'Authorization: Bearer with no token', status: 401, send: get(me, { authorization: 'Bearer' }) },
  { name: 'Authorization: Basic', status: 401, send: get(me, { authorization: 'Basic Ym9pOmJvaQ==' }) },
  { name: 'a 10,000-character bearer token', status: 401, send: get(me, { authorization: `Bearer tin_pat_${'x'.repeat(10_000)}` }) },
  { name: 'a bearer token with Latin-1 bytes', status: 401, send: get(me, { authorization: 'Bearer tin_pat_\u00e9\u00e8\u00ff' }) },
  { name: 'If-None-Match: garbage on an article', status: 200, send: get(article, { 'if-none-match': '"""\\\\ rác' }) },
  { name: 'If-None-Match: * on an article', status: [200, 304], send: get(article, { 'if-none-match': '*' }) },
  { name: 'If-None-Match with 5,000 ETags on the list', status: [200, 304], send: get('/api/v1/articles', { 'if-none-match': Array.from({ length: 5000 }, (_, i) => `"${i}"`).join(', ') }) },
  { name: 'If-Modified-Since: garbage on the list', status: 200, send: get('/api/v1/articles', { 'if-modified-since': 'hôm qua' }) },
  { name: 'Range: bytes=zz- on an article', status: [200, 206, 416], send: get(article, { range: 'bytes=zz-' }) },
  { name: 'Range: bytes=999999999-0 on a media key', status: [404, 416], send: get('/media/anh/bao-so-3.jpg', { range: 'bytes=999999999-0' }) },
  { name: 'If-None-Match: garbage on a media key', status: [304, 404], send: get('/media/anh/bao-so-3.jpg', { 'if-none-match': 'garbage' }) },
  {
    name: 'If-Match: garbage on an edit',
    status: 400,
    send: (room) => room.api.patch(`/articles/${room.probe.id}`, { summary: 'Sửa.' }, { 'if-match': 'phien-ban "moi" nhat, *' }),
  },
  {
    name: 'If-Match: W/"99999999999999999999" on a delete',
    status: 400,
    send: (room) => room.api.del(`/articles/${room.probe.id}`, undefined, { 'if-match': 'W/"99999999999999999999"' }),
  },
  { name: 'a 64 KB User-Agent on the list', status: [200, 431], send: get('/api/v1/articles?limit=3', { 'user-agent': KB64 }) },
  { name: 'a 64 KB Origin on a cookie write', status: [403, 431], send: (room) => send(room.url, 'POST', '/api/admin/tags', { headers: { cookie: room.credentials.cookie, origin: KB64 }, body: { name: 'Thẻ' } }) },
  { name: 'a garbage CF-Connecting-IP on a view beacon', status: 204, send: (room) => send(room.url, 'POST', `/api/v1/articles/${room.probe.id}/views`, { headers: { 'cf-connecting-ip': '999.1.1.1, ::zz' } }) },
  { name: 'a garbage charset on a sign-in', status: [400, 401, 415], send: (room) => send(room.url, 'POST', '/api/admin/session', { headers: { 'content-type': 'application/json; charset=klingon' }, body: '{"email":"a@b.vn","password":"x"}' }) },
  { name: 'a media path with broken percent-encoding (/media/%E0%A4%A)', status: [400, 404], send: get('/media/%E0%A4%A') },
  { name: 'a media path that is a lone %', status: [400, 404], send: get('/media/anh/%') },
  { name: 'a slug with broken percent-encoding', status: [400, 404], send: get('/api/v1/articles/slug/%E0%A4%A') },
  { name: 'a category slug of %ZZ', status: [400, 404], send: get('/api/v1/categories/%ZZ') },
  { name: 'an admin article id of %FF', status: [400, 404], send: (room) => room.api.get('/articles/%FF') },
  { name: 'a search for broken percent-encoding', status: [200, 400], send: get('/api/v1/search?q=%E0%A4%A') },
  { name: 'a category filter of %FF', status: [400, 404], send: get('/api/v1/articles?category=%FF') },
  { name: 'a path climbing out with %2e%2e', status: [400, 401, 404], send: get('/api/v1/%2e%2e/admin/me') },
  { name: 'a 16 KB path', status: [400, 404, 414], send: get(`/api/v1/articles/slug/${'ngap-sau-'.repeat(1800)}`) },
  { name: 'a query of 2,000 parameters', status: [400, 414, 431], send: get(`/api/v1/articles?${Array.from({ length: 2000 }, (_, i) => `p${i}=${i}`).join('&')}`) },
]

describe('malformed requests', () => {
  const room = useNewsroom()
  itServesOthersAfter(room, PROVOCATIONS)
  itLoggedNoUnhandledError(room)
})
