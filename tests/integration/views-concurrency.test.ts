import { describe, expect, it } from 'vitest'
import { createArticle, getJson } from '../helpers/fixtures'
import { beacon, runCron, storedHourSum, storedTotal } from '../helpers/views'

const CLIENTS = 64
const BEACONS_PER_CLIENT = 25

describe('view counting under concurrency (through the HTTP API)', () => {
  it(`counts ${CLIENTS} concurrent clients x ${BEACONS_PER_CLIENT} beacons exactly once after flush and rollup`, async () => {
    const hot = await createArticle({ title: 'TP.HCM: mưa lớn gây ngập nhiều tuyến đường' })
    const other = await createArticle({ title: 'Quảng Ninh: Vịnh Hạ Long đón khách trở lại' })
    const statuses = new Map<number, number>()
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < BEACONS_PER_CLIENT; i++) {
          // Every fifth beacon of odd clients goes to the other article.
          const id = client % 2 === 1 && i % 5 === 0 ? other.id : hot.id
          const res = await beacon(id)
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        }
      }),
    )
    expect(Object.fromEntries(statuses)).toEqual({ 204: CLIENTS * BEACONS_PER_CLIENT })
    const toOther = (CLIENTS / 2) * (BEACONS_PER_CLIENT / 5)
    const toHot = CLIENTS * BEACONS_PER_CLIENT - toOther

    // Before any rollup the isolate already shows what it counted.
    expect((await getJson(`/api/v1/articles/${hot.id}`)).body.data.views).toBe(toHot)

    await runCron()
    expect(await storedTotal(hot.id)).toBe(toHot)
    expect(await storedTotal(other.id)).toBe(toOther)
    expect(await storedHourSum(hot.id)).toBe(toHot)
    expect((await getJson(`/api/v1/articles/${hot.id}`)).body.data.views).toBe(toHot)
    expect((await getJson(`/api/v1/articles/${other.id}`)).body.data.views).toBe(toOther)

    // Another cron tick (a retry, or simply the next minute) changes nothing.
    await runCron()
    expect(await storedTotal(hot.id)).toBe(toHot)
    expect(await storedHourSum(other.id)).toBe(toOther)
  })
})
