import { app } from './app'
import { runScheduled } from './scheduled'

export type { AppType } from './app'

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller, env))
  },
} satisfies ExportedHandler<Env>
