import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { createArticle, createCategory, createTag } from '../helpers/fixtures'

/**
 * One request's failure must never reach another. Each case provokes a failure the
 * way a reader or an editor can, then checks that concurrent, unrelated requests
 * (public reads and an admin read) all still answer 200. With a database client
 * shared by the isolate, a 404 thrown while a sibling query waited on the client's
 * lock left that lock to a request that had ended, and every later request failed.
 */
const BASE = 'http://127.0.0.1:8787'
let editor: StaffClient
let slug: string

beforeAll(async () => {
  editor = await staffClient('editor')
  const category = await createCategory('Thời sự')
  await createTag('Đà Nẵng')
  const a = await createArticle({ title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục', categoryId: category.id, tags: ['Đà Nẵng'] })
  slug = a.slug
})

/** Unrelated requests from other clients, all at once: each must be a 200. */
async function othersStillServed() {
  const paths = ['/api/v1/articles', `/api/v1/articles/slug/${slug}`, '/api/v1/categories', '/api/v1/tags', '/api/v1/search?q=da+nang', '/api/v1/most-read']
  const answers = await Promise.all([...paths.map((p) => SELF.fetch(BASE + p)), editor.get('/articles').then((r) => r.res)])
  expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200))
}

describe('request isolation', () => {
  it.each([
    ['an unknown category next to a known tag', '/api/v1/articles?category=khong-co&tag=da-nang'],
    ['a known category next to an unknown tag', '/api/v1/articles?category=thoi-su&tag=khong-co'],
    ['three unknown filters', '/api/v1/articles?category=a&tag=b&author=c'],
    ['an unknown category on most-read', '/api/v1/most-read?category=khong-co'],
  ])('a 404 for %s leaves every other request working', async (_, path) => {
    const res = await SELF.fetch(BASE + path)
    expect(res.status).toBe(404)
    expect((await res.json<any>()).error.code).toBe('not_found')
    await othersStillServed()
  })

  it('many failing and succeeding requests interleaved: every good one succeeds', async () => {
    const bad = Array.from({ length: 12 }, (_, i) => SELF.fetch(`${BASE}/api/v1/articles?category=khong-co-${i}&tag=da-nang`))
    const good = Array.from({ length: 12 }, () => SELF.fetch(`${BASE}/api/v1/articles?tag=da-nang`))
    const [badAnswers, goodAnswers] = await Promise.all([Promise.all(bad), Promise.all(good)])
    expect(badAnswers.map((r) => r.status)).toEqual(bad.map(() => 404))
    expect(goodAnswers.map((r) => r.status)).toEqual(good.map(() => 200))
    await othersStillServed()
  })

  it('a refused save (409 slug conflict, 412 stale version) leaves every other request working', async () => {
    const a = (await editor.post('/articles', { title: 'Bài gốc', slug: 'bai-goc-xung-dot' })).body.data
    expect((await editor.post('/articles', { title: 'Bài khác', slug: 'bai-goc-xung-dot' })).status).toBe(409)
    await othersStillServed()
    expect((await editor.patch(`/articles/${a.id}`, { title: 'Sửa' }, a.version + 5)).status).toBe(412)
    await othersStillServed()
  })
})
