/**
 * A JSON body that is not an object (an array, a string, a number, null) is refused
 * by validate('json') itself, before the route's schema: one 400 naming `body`, the
 * same at the accounts and the content routes, and nothing written. Routes whose
 * body has only optional keys matter most: their schema alone would take `[]` as `{}`.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCall, contentFingerprint, staffClient, type StaffClient } from '../helpers/admin-api'
import { createStaff } from '../helpers/auth'
import { authRowCounts, db } from '../helpers/auth-requests'

let admin: StaffClient
let articleId: number
let tagId: number
let userId: number

beforeAll(async () => {
  admin = await staffClient('admin')
  articleId = (await admin.post('/articles', { title: 'Bài để thử thân JSON' })).body.data.id
  tagId = (await admin.post('/tags', { name: 'Thẻ để thử' })).body.data.id
  userId = (await createStaff('author')).user.id
})

const snapshot = async () => ({
  content: await contentFingerprint(),
  auth: await authRowCounts(),
  users: await db().selectFrom('users').selectAll().orderBy('id').execute(),
})

const NOT_OBJECTS = ['[]', '[{"title":"x"}]', '"x"', '42', 'null', 'true']

/** [name, method, path, If-Match]: accounts and content writes, some with only optional keys. */
const ROUTES: [string, string, () => string, string | undefined][] = [
  ['sign in', 'POST', () => '/session', undefined],
  ['create staff', 'POST', () => '/users', undefined],
  ['change staff (all keys optional)', 'PATCH', () => `/users/${userId}`, '"1"'],
  ['create token', 'POST', () => '/tokens', undefined],
  ['create article', 'POST', () => '/articles', undefined],
  ['edit article (all keys optional)', 'PATCH', () => `/articles/${articleId}`, '"1"'],
  ['submit (empty body)', 'POST', () => `/articles/${articleId}/submit`, undefined],
  ['publish (all keys optional)', 'POST', () => `/articles/${articleId}/publish`, undefined],
  ['preview link (all keys optional)', 'POST', () => `/articles/${articleId}/preview-link`, undefined],
  ['edit tag (all keys optional)', 'PATCH', () => `/tags/${tagId}`, '"1"'],
]

describe('a JSON body must be an object', () => {
  it.each(ROUTES)('%s: 400 on body, nothing written', async (_name, method, path, ifMatch) => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
      for (const body of NOT_OBJECTS) {
        const before = await snapshot()
        const res = await adminCall(method, path(), { headers: { ...admin.headers, 'Content-Type': contentType }, body, ifMatch })
        expect(res.status, `${body} as ${contentType}`).toBe(400)
        expect(res.body.error).toEqual({ code: 'validation_failed', message: 'Invalid body', details: [{ path: 'body', message: 'must be a JSON object' }] })
        expect(await snapshot()).toEqual(before)
      }
    }
  })

  it('an object nested in a body must be one too', async () => {
    const before = await contentFingerprint()
    for (const seo of [[], 'x', 1]) {
      const res = await admin.patch(`/articles/${articleId}`, { seo }, 1)
      expect(res.status).toBe(400)
      expect(res.body.error.details[0].path).toBe('json.seo')
    }
    expect(await contentFingerprint()).toEqual(before)
  })

  it('the same routes still take an object', async () => {
    expect((await admin.post(`/articles/${articleId}/preview-link`, {})).status).toBe(201)
    expect((await admin.patch(`/tags/${tagId}`, { name: 'Thẻ đã sửa' }, 1)).status).toBe(200)
  })
})
