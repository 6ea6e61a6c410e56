/**
 * The services turn a failed batch into a 409 (or a stale 412) by reading D1's
 * error message. These tests provoke the real errors in the local D1 and check
 * that each is recognised for its own table and column, and only there.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { isForeignKeyViolation, isStaleAbort, isUniqueViolation } from '../../worker/db/guard'

const now = new Date().toISOString()

async function failureOf(...statements: D1PreparedStatement[]): Promise<unknown> {
  try {
    await env.DB.batch(statements)
  } catch (err) {
    return err
  }
  throw new Error('the batch did not fail')
}

const insertUser = (email: string) =>
  env.DB.prepare("INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES (?, 'Hà', 'author', 'x', ?, ?)").bind(email, now, now)

describe('D1 constraint failures', () => {
  it('a second staff email, in another case, is a UNIQUE violation of users.email and of nothing else', async () => {
    await insertUser('ha@tin.test').run()
    const err = await failureOf(insertUser('HA@tin.test'))
    expect(isUniqueViolation(err, 'users.email')).toBe(true)
    expect(isUniqueViolation(err, 'tags.slug')).toBe(false)
    expect(isUniqueViolation(err, 'users.name')).toBe(false)
    expect(isForeignKeyViolation(err)).toBe(false)
    expect(isStaleAbort(err)).toBe(false)
  })

  it('a taken tag slug is tags.slug, not users.email', async () => {
    const tag = (slug: string) => env.DB.prepare("INSERT INTO tags (slug, name, name_sort, created_at, updated_at) VALUES (?, 'T', 't', ?, ?)").bind(slug, now, now)
    await tag('da-nang').run()
    const err = await failureOf(tag('da-nang'))
    expect(isUniqueViolation(err, 'tags.slug')).toBe(true)
    expect(isUniqueViolation(err, 'users.email')).toBe(false)
  })

  it('a reference to a missing row is a FOREIGN KEY violation', async () => {
    const err = await failureOf(env.DB.prepare("INSERT INTO article_tags (article_id, tag_id, position) VALUES (999999, 999999, 0)"))
    expect(isForeignKeyViolation(err)).toBe(true)
    expect(isUniqueViolation(err, 'users.email')).toBe(false)
  })
})
