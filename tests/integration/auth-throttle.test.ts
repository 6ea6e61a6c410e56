import { describe, expect, it } from 'vitest'
import { accountKey, ACCOUNT_MAX_FAILURES, IP_MAX_ACCOUNTS, IP_MAX_FAILURES, LOCKOUT_BASE_SECONDS, LOCKOUT_MAX_SECONDS } from '../../worker/services/auth/login-throttle'
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
  it('refuses further tries from that address with 429 and a Retry-After of at least 10 minutes after 5 failures, even with the right password', async () => {
    const { user, password } = await createStaff('editor')
    const ip = freshIp()
    const attempts = await failTimes(ACCOUNT_MAX_FAILURES, user.email, ip)
    expect(attempts.every((r) => r.status === 401)).toBe(true)
    const locked = await login(user.email, password, ip)
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('too_many_requests')
    expect(locked.headers.get('Set-Cookie')).toBeNull()
    const retryAfter = Number(locked.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(LOCKOUT_BASE_SECONDS - 5)
    expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_BASE_SECONDS)
    expect(LOCKOUT_BASE_SECONDS).toBeGreaterThanOrEqual(600)
    // From another address a wrong password is just as locked (and counts).
    expect((await login(user.email, 'another-wrong-guess', freshIp())).status).toBe(429)
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
    const base = LOCKOUT_BASE_SECONDS
    expect(waits[0]).toBeGreaterThan(base)
    expect(waits[0]).toBeLessThanOrEqual(2 * base)
    expect(waits[1]).toBeGreaterThan(2 * base)
    expect(waits[1]).toBeLessThanOrEqual(4 * base)
    expect(waits[2]).toBeGreaterThan(4 * base)
    expect(waits[2]).toBeLessThanOrEqual(8 * base)

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

describe('address throttle', () => {
  it(`locks an address that fails on ${IP_MAX_ACCOUNTS} different accounts (a spray), without locking those accounts elsewhere`, async () => {
    const ip = freshIp()
    const accounts = Array.from({ length: IP_MAX_ACCOUNTS }, (_, i) => `spray-${ip}-${i}@tin.test`)
    const statuses: number[] = []
    for (const email of accounts) statuses.push((await login(email, 'Mua-he-2026', ip)).status)
    expect(statuses).toEqual(Array(IP_MAX_ACCOUNTS).fill(401))

    const { user, password } = await createStaff('editor')
    const fromSprayer = await login(user.email, password, ip)
    expect(fromSprayer.status).toBe(429)
    expect(Number(fromSprayer.headers.get('Retry-After'))).toBeGreaterThan(LOCKOUT_BASE_SECONDS - 5)
    expect((await login(user.email, password, freshIp())).status).toBe(200)
  })

  it(`locks an address at ${IP_MAX_FAILURES} failures on fewer accounts`, async () => {
    const ip = freshIp()
    const accounts = Array.from({ length: Math.ceil(IP_MAX_FAILURES / ACCOUNT_MAX_FAILURES) }, (_, i) => `many-${ip}-${i}@tin.test`)
    expect(accounts.length).toBeLessThan(IP_MAX_ACCOUNTS)
    for (const email of accounts) await failTimes(ACCOUNT_MAX_FAILURES, email, ip)
    const { user, password } = await createStaff('editor')
    expect((await login(user.email, password, ip)).status).toBe(429)
  })

  it('counts an IPv6 /64 as one address: rotating inside it buys nothing', async () => {
    const net = `2001:db8:${(++ipCounter).toString(16)}:7`
    for (let i = 0; i < IP_MAX_ACCOUNTS; i++) expect((await login(`v6-${net}-${i}@tin.test`, 'Mua-he-2026', `${net}::${i + 1}`)).status).toBe(401)
    const { user, password } = await createStaff('editor')
    expect((await login(user.email, password, `${net}:ffff:ffff:ffff:fffe`)).status).toBe(429)
    expect((await login(user.email, password, `2001:db8:${ipCounter.toString(16)}:8::1`)).status).toBe(200)
  })

  it('folds an IPv4-mapped IPv6 address into its IPv4 address', async () => {
    const ip = freshIp()
    for (let i = 0; i < IP_MAX_ACCOUNTS; i++) {
      const as = i % 2 ? `::ffff:${ip}` : ip
      expect((await login(`mapped-${ip}-${i}@tin.test`, 'Mua-he-2026', as)).status).toBe(401)
    }
    const { user, password } = await createStaff('editor')
    expect((await login(user.email, password, ip)).status).toBe(429)
    expect((await login(user.email, password, `::ffff:${ip}`)).status).toBe(429)
  })

  it('does not pool clients whose address cannot be parsed into one key', async () => {
    for (let i = 0; i < IP_MAX_ACCOUNTS + 2; i++) expect((await login(`noaddr-${i}@tin.test`, 'Mua-he-2026', 'not-an-ip')).status).toBe(401)
    const { user, password } = await createStaff('editor')
    expect((await login(user.email, password, 'not-an-ip')).status).toBe(200)
    expect((await login(user.email, password, '')).status).toBe(200)
  })
})

describe('the owner is never locked out by someone else (recovery path)', () => {
  it('the right password from an address with no failure signs in during an account lock; the attacker stays locked', async () => {
    const { user, password } = await createStaff('admin')
    const attacker = freshIp()
    await failTimes(ACCOUNT_MAX_FAILURES, user.email, attacker)
    expect((await login(user.email, password, attacker)).status).toBe(429)

    const office = freshIp()
    const owner = await login(user.email, password, office)
    expect(owner.status).toBe(200)
    expect(owner.headers.get('Set-Cookie')).toMatch(/tin_session=/)
    const audit = (await auditFor('login.succeeded')).find((e) => e.actor_id === user.id)
    expect(JSON.parse(audit!.details)).toEqual({ during_lock: true })
    // The owner's success cleared the account key: the attacker is back to counting from zero, still bounded by the address budget.
    expect(await throttleRow(user.email)).toBeUndefined()
  })

  it('a wrong password from a clean address during the lock answers locked, counts, and that address is no longer clean', async () => {
    const { user, password } = await createStaff('admin')
    await failTimes(ACCOUNT_MAX_FAILURES, user.email, freshIp())
    const other = freshIp()
    const wrong = await login(user.email, 'guess-from-a-botnet', other)
    expect(wrong.status).toBe(429)
    expect((await login(user.email, password, other)).status).toBe(429)
    expect((await login(user.email, password, freshIp())).status).toBe(200)
  })
})
