/**
 * The newsroom written through the admin API: every planned category, author and
 * article was accepted, and readers then find what was published (by slug, in the
 * list, by search) and nothing that was not.
 */
import { describe, expect, inject, it } from 'vitest'
import { mapLimit } from '../../worker/lib/map-limit.ts'
import { ISSUE_HEADLINE } from './support/corpus/plan.ts'
import { send, seen } from './support/http.ts'
import { readBuildLog } from './support/newsroom.ts'
import { alarmingLines, logExcerpt } from './support/server-log.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

/** Issue 8's headline, folded and cut at a word within 90 characters. */
const ISSUE_SLUG = 'thua-thien-hue-hoi-nghi-tong-ket-cong-tac-phong-chong-thien-tai-va-tim-kiem-cuu-nan-nam'
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd')
const same = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC')

describe('a newsroom written through the admin API', () => {
  const room = useNewsroom()

  it('accepted every category, author and article, and published, scheduled or submitted each', async () => {
    const { report } = room()
    const byStatus = new Map<string, number>()
    for (const a of report.articles) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1)
    console.log(
      `corpus: ${report.articles.length}/${report.planned.articles} articles${byStatus.size ? ` (${[...byStatus].map(([status, n]) => `${n} ${status}`).join(', ')})` : ''}, ` +
        `${report.categories.length}/${report.planned.categories} categories, ${report.authors.length}/${report.planned.authors} authors, ` +
        `${report.failures.length} refused, written in ${(report.ms / 1000).toFixed(1)} s`,
    )
    const build = alarmingLines(await readBuildLog(inject('newsroom').state!))
    const message = `${report.failures.length} admin API calls were refused; the first:\n${report.failures.slice(0, 8).join('\n')}\n--- the server logged ---\n${build.slice(0, 4).join('\n').slice(0, 3000)}`
    expect(report.failures.length, message).toBe(0)
    expect(report.articles.length).toBeGreaterThanOrEqual(200)
  })

  /** Most of the corpus is published; a test over fewer would pass on a newsroom that was never written. */
  const published = () => {
    expect(room().published.length, 'published corpus articles').toBeGreaterThanOrEqual(150)
    return room().published
  }

  it('serves every published article by its slug, with its headline', async () => {
    const articles = published()
    const replies = await mapLimit(articles, 4, (a) => send(room().url, 'GET', `/api/v1/articles/slug/${a.slug}`))
    const wrong = replies.filter((r, i) => r.status !== 200 || !same(r.json.data.title, articles[i]!.title)).map(seen)
    expect(wrong.length, `${wrong.length} of ${replies.length} published articles were not served:\n${wrong.slice(0, 8).join('\n')}\n${logExcerpt(room().log())}`).toBe(0)
  })

  it('lists related articles for every published article, whatever its number of tags', async () => {
    const articles = published()
    const replies = await mapLimit(articles, 4, (a) => send(room().url, 'GET', `/api/v1/articles/${a.id}/related`))
    const wrong = replies.flatMap((r, i) => (r.status === 200 ? [] : [`${articles[i]!.tags.length} tags: ${seen(r)}`]))
    expect(wrong.length, `${wrong.length} of ${replies.length} related lists were not served:\n${wrong.slice(0, 8).join('\n')}\n${logExcerpt(room().log())}`).toBe(0)
  })

  it('gives issue 8’s headline, written three times, the slugs …, …-2 and …-3 in the order written', () => {
    const slugs = room().report.articles.filter((a) => same(a.title, ISSUE_HEADLINE)).map((a) => a.slug)
    expect(slugs).toEqual([ISSUE_SLUG, `${ISSUE_SLUG}-2`, `${ISSUE_SLUG}-3`])
  })

  it('pages through the public list newest first, every published article once', async () => {
    const seenIds: number[] = []
    const times: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const reply = await send(room().url, 'GET', `/api/v1/articles?limit=100&fields=id,published_at${cursor ? `&cursor=${cursor}` : ''}`)
      expect(reply.status, seen(reply)).toBe(200)
      for (const a of reply.json.data) (seenIds.push(a.id), times.push(a.published_at))
      cursor = reply.json.next_cursor
    }
    expect(new Set(seenIds).size, 'an article appeared on two pages').toBe(seenIds.length)
    expect(seenIds).toEqual(expect.arrayContaining(published().map((a) => a.id)))
    const instants = times.map((t) => Date.parse(t))
    expect(instants, 'the list is not newest first').toEqual([...instants].sort((x, y) => y - x))
  })

  it('keeps scheduled, in-review and draft articles out of public reads', async () => {
    const hidden = room().report.articles.filter((a) => a.status !== 'published')
    expect(hidden.length).toBeGreaterThan(20)
    const replies = await mapLimit(hidden, 4, (a) => send(room().url, 'GET', `/api/v1/articles/slug/${a.slug}`))
    const leaked = replies.filter((r) => r.status !== 404).map(seen)
    expect(leaked.length, `${leaked.length} unpublished articles were readable:\n${leaked.slice(0, 8).join('\n')}`).toBe(0)
  })

  it('finds published headlines searched without accents, as readers type them', async () => {
    const sample = published().filter((_, i) => i % 8 === 0)
    const replies = await mapLimit(sample, 4, (a) =>
      send(room().url, 'GET', `/api/v1/search?limit=50&q=${encodeURIComponent(fold(a.title).split(/[\s:,;–]+/).slice(0, 6).join(' '))}`),
    )
    const missed = replies.flatMap((r, i) => (r.status === 200 && r.json.data.some((x: { id: number }) => x.id === sample[i]!.id) ? [] : [`"${sample[i]!.title}": ${seen(r)}`]))
    expect(missed.length, `search did not find ${missed.length} of ${sample.length}:\n${missed.slice(0, 8).join('\n')}`).toBe(0)
  })

  itLoggedNoUnhandledError(room)
})
