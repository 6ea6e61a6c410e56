import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { HealthResponse } from '../../../schema/api/health'

/**
 * A liveness probe that touches nothing: no D1, no KV. `npm run bench` uses it as the
 * baseline every other route is compared to, so it must stay the cheapest handler.
 */
export const publicHealth = new Hono<AppEnv>().get(
  '/health',
  describeRoute({
    tags: ['Health'],
    summary: 'Liveness probe',
    responses: { 200: { description: 'The worker is up', content: { 'application/json': { schema: resolver(HealthResponse) } } } },
  }),
  (c) => c.json({ data: { status: 'ok' as const } }, 200),
)
