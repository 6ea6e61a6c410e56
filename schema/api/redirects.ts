import * as v from 'valibot'
import { dataOf } from './common'

/** `GET /api/v1/redirects?path=`: an old URL, as a path or a full URL. */
export const RedirectQuery = v.object({
  path: v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(2000, 'must be at most 2000 characters')),
})

/** The 301's body: where the old URL now lives (also in Location). */
export const RedirectResponse = dataOf(v.object({ path: v.string(), url: v.string(), article_id: v.number(), slug: v.string() }))
