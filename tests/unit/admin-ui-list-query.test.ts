import { describe, expect, it } from 'vitest'
import { EMPTY_QUERY, isFiltered, listApiQuery, listQueryString, parseListQuery } from '../../admin-ui/src/list-query'

describe('the article list state in the URL', () => {
  it('round-trips every filter and drops what is malformed', () => {
    const q = parseListQuery('?q=lang+son&status=published&category=3&author=7&since=2017-04-01&until=2017-04-30&sort=-views')
    expect(q).toEqual({ q: 'lang son', status: 'published', category: '3', author: '7', since: '2017-04-01', until: '2017-04-30', sort: '-views' })
    expect(listQueryString(q)).toBe('?q=lang+son&status=published&category=3&author=7&since=2017-04-01&until=2017-04-30&sort=-views')
    expect(parseListQuery('?status=trashed&category=x&since=18/04/2017&sort=title')).toEqual(EMPTY_QUERY)
    expect(listQueryString(EMPTY_QUERY)).toBe('')
    expect(isFiltered({ ...EMPTY_QUERY, sort: '-views' })).toBe(false)
  })

  it('asks the API for whole site days: until includes its day', () => {
    const api = listApiQuery({ ...EMPTY_QUERY, since: '2017-04-18', until: '2017-04-18', sort: '-published_at' }, 'Asia/Ho_Chi_Minh')
    expect(api).toMatchObject({ since: '2017-04-17T17:00:00.000Z', until: '2017-04-18T17:00:00.000Z', sort: '-published_at' })
  })
})
