import * as v from 'valibot'
import { dataOf, listOf } from './common'

const Time = v.pipe(v.string(), v.description('ISO 8601 with the site offset'))

export const PreviewLinkParam = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'), v.transform(Number)),
  link: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'), v.transform(Number)),
})

/** One preview link as the article's editors see it: never its token (shown once, at creation). */
export const PreviewLinkView = v.pipe(
  v.object({
    id: v.number(),
    article_id: v.number(),
    created_by: v.nullable(v.number()),
    created_at: Time,
    expires_at: Time,
    revoked_at: v.nullable(Time),
    revoked_reason: v.pipe(
      v.nullable(v.picklist(['revoked', 'trashed', 'unpublished', 'embargo_changed'])),
      v.description('Why it stopped: revoked by someone, or its article was trashed, set back to draft, or its scheduled time changed'),
    ),
    state: v.picklist(['active', 'expired', 'revoked']),
  }),
  v.metadata({ ref: 'PreviewLink' }),
)

export const PreviewLinkList = listOf(PreviewLinkView)
export const PreviewLinkCreated = dataOf(
  v.object({
    id: v.number(),
    url: v.string(),
    token: v.pipe(v.string(), v.description('Shown this once; the list shows the link without it')),
    expires_at: Time,
  }),
)
