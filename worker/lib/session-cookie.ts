import { generateCookie } from 'hono/cookie'
import { SESSION_ABSOLUTE_MS } from '../services/auth/sessions'

/** The admin session cookie: never readable by scripts, never sent cross-site, only to the admin API. */
export const SESSION_COOKIE = 'tin_session'
const ATTRIBUTES = { path: '/api/admin', httpOnly: true, secure: true, sameSite: 'Strict' } as const

/** What a session token looks like (base64url of 32 bytes); anything else is not worth a lookup. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** `Set-Cookie` value that stores a new session for as long as it can live. */
export const sessionCookie = (token: string) =>
  generateCookie(SESSION_COOKIE, token, { ...ATTRIBUTES, maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000) })

/** `Set-Cookie` value that makes the browser forget the session. */
export const clearedSessionCookie = () => generateCookie(SESSION_COOKIE, '', { ...ATTRIBUTES, maxAge: 0 })
