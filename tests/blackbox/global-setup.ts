/**
 * Once per run: the admin UI built (as `npm start` does), then the newsroom corpus
 * written through the admin API into a state directory the test files each serve
 * a copy of. A corpus that could not be written is not an error here: the corpus
 * test reports what the API answered; an error here (the worker would not start,
 * sign-in failed) reaches every file as the reason it cannot run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import { buildNewsroom } from './support/newsroom.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built newsroom's state directory, or why there is none. */
    newsroom: { state: string; error: null } | { state: null; error: string }
  }
}

export default async function setup(project: TestProject) {
  await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
  const state = await mkdtemp(join(tmpdir(), 'tin-newsroom-'))
  try {
    await buildNewsroom(state)
    project.provide('newsroom', { state, error: null })
  } catch (err) {
    project.provide('newsroom', { state: null, error: String((err as Error)?.stack ?? err) })
  }
  return () => rm(state, { recursive: true, force: true })
}
