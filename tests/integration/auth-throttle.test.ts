import { describe, expect, it } from 'vitest'
import { accountKey, ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, LOCKOUT_MAX_SECONDS } from '../../worker/services/auth/login-throttle'
import { createStaff } from '../helpers/auth'
import { auditFor, db, login, type Call } from '../helpers/auth-requests'

let ipCounter = 0
/** A fresh client IP per test, so tests do not trip each other's IP throttle. */
const freshIp = () => `192.0.2.${++ipCounter}`

const throttleRow = (email: string) => db().selectFrom('login_throttle').selectAll().where('key', '=', accountKey(email)).executeTakeFirst()
/** Pretends the current lock ended a second ago. */
const expireLock = (email: string) =>
  db().updateTable('login_throttle').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('key', '=', accountKey(email)).execute()

async function failTimes(n: number, email: string, ip: string): Promise<Call[]> {
  const out: Call[] = []
  for (let i = 0; i < n; i++) out.push(await login(email, 'definitely-not-the-password', ip))
  return out
}

const shape = (r: Call) => ({ status: r.status, body: r.body, contentType: r.headers.get('Content-Type'), cookie: r.headers.get('Set-Cookie'), retryAfter: r.headers.get('Retry-After') })

describe('wrong password and unknown email', () => {
  it('answer exactly the same: status, body and headers', async () => {
    const { user } = await createStaff('editor')
    const ip = freshIp()
    const wrong = await login(user.email, 'wrong-password-123', ip)
    const unknown = await login('nobody-here@tin.test', 'wrong-password-123', ip)
    expect(wrong.status).toBe(401)
    expect(shape(unknown)).toEqual(shape(wrong))
    expect(wrong.body.error).toEqual({ code: 'unauthorized', message: 'Wrong email or password', details: [] })
  })

  it('lock out the same way, so a lock-out does not reveal an account either', async () => {
    const { user } = await createStaff('editor')
    const ip = freshIp()
    const known = await failTimes(ACCOUNT_MAX_FAILURES + 1, user.email, ip)
    const unknown = await failTimes(ACCOUNT_MAX_FAILURES + 1, 'ghost@tin.test', freshIp())
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429])
    expect(unknown.map((r) => r.status)).toEqual(known.map((r) => r.status))
    expect(shape(unknown.at(-1)!).body).toEqual(shape(known.at(-1)!).body)
  })

  it('a suspended account with its right password fails like a wrong password', async () => {
    const { user, password } = await createStaff('author', { status: 'suspended' })
    const ip = freshIp()
    const suspended = await login(user.email, password, ip)
    const wrong = await login(user.email, 'wrong-password-123', ip)
    expect(shape(suspended)).toEqual(shape(wrong))
  })

  it('writes a login.failed audit line without an actor', async () => {
    await login('typo@tin.test', 'whatever-it-is', freshIp())
    const entry = (await auditFor('login.failed')).find((e) => JSON.parse(e.details).email === 'typo@tin.test')
    expect(entry).toMatchObject({ actor_id: null, resource_type: 'user', resource_id: null })
  })
})

describe('account lock-out', () => {
  it('refuses further tries with 429 and Retry-After after 5 failures, even with the right password', async () => {
    const { user, password } = await createStaff('editor')
    const ip = freshIp()
    const attempts = await failTimes(ACCOUNT_MAX_FAILURES, user.email, ip)
    expect(attempts.every((r) => r.status === 401)).toBe(true)
    const locked = await login(user.email, password, ip)
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('too_many_requests')
    expect(locked.headers.get('Set-Cookie')).toBeNull()
    const retryAfter = Number(locked.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // From another IP the account is just as locked.
    expect((await login(user.email, password, freshIp())).status).toBe(429)
  })

  it('doubles the lock with each failure after a lock ends, up to the cap', async () => {
    const { user } = await createStaff('editor')
    const ip = freshIp()
    await failTimes(ACCOUNT_MAX_FAILURES, user.email, ip)
    const waits: number[] = []
    for (let round = 0; round < 3; round++) {
      await expireLock(user.email)
      expect((await login(user.email, 'still-wrong-password', ip)).status).toBe(401)
      waits.push(Number((await login(user.email, 'still-wrong-password', ip)).headers.get('Retry-After')))
    }
    expect(waits[0]).toBeGreaterThan(60)
    expect(waits[0]).toBeLessThanOrEqual(120)
    expect(waits[1]).toBeGreaterThan(120)
    expect(waits[1]).toBeLessThanOrEqual(240)
    expect(waits[2]).toBeGreaterThan(240)
    expect(waits[2]).toBeLessThanOrEqual(480)

    await db().updateTable('login_throttle').set({ failures: 40 }).where('key', '=', accountKey(user.email)).execute()
    await expireLock(user.email)
    await login(user.email, 'still-wrong-password', ip)
    const capped = Number((await login(user.email, 'still-wrong-password', ip)).headers.get('Retry-After'))
    expect(capped).toBeGreaterThan(LOCKOUT_MAX_SECONDS / 2)
    expect(capped).toBeLessThanOrEqual(LOCKOUT_MAX_SECONDS)
  })

  it('lets the right password in once the lock has ended, and then forgets the failures', async () => {
    const { user, password } = await createStaff('author')
    const ip = freshIp()
    await failTimes(ACCOUNT_MAX_FAILURES, user.email, ip)
    await expireLock(user.email)
    expect((await login(user.email, password, ip)).status).toBe(200)
    expect(await throttleRow(user.email)).toBeUndefined()
  })

  it('a success before the limit resets the count', async () => {
    const { user, password } = await createStaff('author')
    const ip = freshIp()
    await failTimes(ACCOUNT_MAX_FAILURES - 1, user.email, ip)
    expect((await login(user.email, password, ip)).status).toBe(200)
    const again = await failTimes(ACCOUNT_MAX_FAILURES - 1, user.email, ip)
    expect(again.every((r) => r.status === 401)).toBe(true)
    expect((await login(user.email, password, ip)).status).toBe(200)
  })

  it('forgets failures older than a day', async () => {
    const { user } = await createStaff('author')
    const ip = freshIp()
    await failTimes(ACCOUNT_MAX_FAILURES - 1, user.email, ip)
    const dayAgo = new Date(Date.now() - 25 * 3600_000).toISOString()
    await db().updateTable('login_throttle').set({ updated_at: dayAgo }).where('key', '=', accountKey(user.email)).execute()
    await failTimes(1, user.email, ip)
    expect((await throttleRow(user.email))!.failures).toBe(1)
  })
})

describe('IP throttle', () => {
  it('locks an IP that fails on many accounts, without locking those accounts elsewhere', async () => {
    const ip = freshIp()
    const perAccount = ACCOUNT_MAX_FAILURES - 1
    const accounts = Array.from({ length: Math.ceil(IP_MAX_FAILURES / perAccount) }, (_, i) => `spray-${i}@tin.test`)
    const statuses: number[] = []
    for (const email of accounts) for (const r of await failTimes(perAccount, email, ip)) statuses.push(r.status)
    expect(statuses.slice(0, IP_MAX_FAILURES).every((s) => s === 401)).toBe(true)

    const { user, password } = await createStaff('editor')
    const fromSprayer = await login(user.email, password, ip)
    expect(fromSprayer.status).toBe(429)
    expect(Number(fromSprayer.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await login(user.email, password, freshIp())).status).toBe(200)
  })
})
