/**
 * A running newsroom for one test file. The suite's global setup writes the
 * corpus once through the admin API into a state directory (`buildNewsroom`);
 * each test file then serves its own copy with `wrangler dev` (`openNewsroom`),
 * so a worker that one file breaks cannot hide or cause another file's failures,
 * as restarting `npm start` on the same .wrangler/state would.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorker, type WorkerServer } from '../../e2e/support/worker-server.ts'
import { createNewsroom, type CreatedArticle, type NewsroomReport } from './corpus/create.ts'
import { limitsFrom } from './corpus/limits.ts'
import { ISSUE_HEADLINE, newsroomPlan } from './corpus/plan.ts'
import { send, seen } from './http.ts'
import { adminApi, ADMIN_VARS, staffCredentials, type AdminApi, type Credentials } from './staff.ts'

const SAVED = 'newsroom.json'
const LOG = 'newsroom-build.log'

/** What the build left for the test files: the corpus as created and who can sign in. */
export interface SavedNewsroom {
  report: NewsroomReport
  credentials: Credentials
}

/**
 * Serves a new state directory with the demo content loaded (as `npm start` does),
 * writes the planned corpus through the admin API, stops, and saves the report and
 * the server's log next to the state.
 */
export async function buildNewsroom(state: string, { seed = 8, count = 220, vars = {} as Record<string, string> } = {}): Promise<SavedNewsroom> {
  const server = await startWorker({ ...ADMIN_VARS, ...vars }, { state, demo: true })
  try {
    const openapi = await send(server.url, 'GET', '/api/openapi.json')
    if (openapi.status !== 200) throw new Error(`reading the API's limits: ${seen(openapi)}`)
    const credentials = await staffCredentials(server.url)
    const plan = newsroomPlan({ seed, count, limits: limitsFrom(openapi.json) })
    const report = await createNewsroom(adminApi(server.url, credentials), plan)
    const saved = { report, credentials }
    await writeFile(join(state, SAVED), JSON.stringify(saved))
    return saved
  } finally {
    await server.stop()
    await writeFile(join(state, LOG), server.output())
  }
}

export const readBuildLog = (state: string) => readFile(join(state, LOG), 'utf8')
export const readSaved = async (state: string): Promise<SavedNewsroom> => JSON.parse(await readFile(join(state, SAVED), 'utf8'))

interface Readable {
  id: number
  slug: string
  title: string
}

export interface Newsroom extends SavedNewsroom {
  url: string
  api: AdminApi
  /** Published articles to read and search for (titles in NFC, as shown): the corpus', else the demo content's. */
  readable: Readable[]
  /** The first of them: issue 8's headline when it was published. */
  probe: Readable
  published: CreatedArticle[]
  /** Everything the server printed so far. */
  log: () => string
  /** Stops the server (the log is complete after this); safe to call twice. */
  close: () => Promise<void>
}

/** The published corpus, issue 8's headline first; the demo articles when none was published. */
async function readableArticles(url: string, published: CreatedArticle[]): Promise<Readable[]> {
  const mine = [...published].sort((a, b) => Number(b.title === ISSUE_HEADLINE) - Number(a.title === ISSUE_HEADLINE))
  if (mine.length > 0) return mine.map(({ id, slug, title }) => ({ id, slug, title: title.normalize('NFC') }))
  const list = await send(url, 'GET', '/api/v1/articles?limit=40&fields=id,slug,title')
  if (list.status !== 200 || list.json.data.length === 0) throw new Error(`no published article to read: ${seen(list)}`)
  return list.json.data
}

/** A copy of the built newsroom served by its own `wrangler dev`. */
export async function openNewsroom(built: string, vars: Record<string, string> = {}): Promise<Newsroom> {
  const state = await mkdtemp(join(tmpdir(), 'tin-blackbox-'))
  let server: WorkerServer | undefined
  const close = async () => {
    await server?.stop()
    await rm(state, { recursive: true, force: true })
  }
  try {
    await cp(built, state, { recursive: true })
    const saved = await readSaved(state)
    server = await startWorker({ ...ADMIN_VARS, ...vars }, { state })
    const published = saved.report.articles.filter((a) => a.status === 'published')
    const readable = await readableArticles(server.url, published)
    let closed: Promise<void> | undefined
    const api = adminApi(server.url, saved.credentials)
    return { ...saved, url: server.url, api, readable, probe: readable[0]!, published, log: server.output, close: () => (closed ??= close()) }
  } catch (err) {
    await close()
    throw err
  }
}
