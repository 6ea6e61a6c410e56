import * as v from 'valibot'
import { LimitQuery, SlugFilter } from './common'

export const MOST_READ_WINDOWS = ['24h', '7d', '30d', 'all'] as const
export type MostReadWindow = (typeof MOST_READ_WINDOWS)[number]

/** `GET /most-read`: the window to rank by (default 24h), an optional category slug, and a limit. */
export const MostReadQuery = v.strictObject({
  window: v.optional(v.picklist(MOST_READ_WINDOWS, `must be one of: ${MOST_READ_WINDOWS.join(', ')}`), '24h'),
  category: SlugFilter,
  limit: LimitQuery,
})
export type MostReadQuery = v.InferOutput<typeof MostReadQuery>
