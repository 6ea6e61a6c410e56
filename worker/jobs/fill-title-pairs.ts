import { createDb } from '../db/client'
import { fillTitlePairs } from '../services/editorial/title-pairs-fill'

/**
 * Title pairs a cron tick computes at most: an archive migrated with 100,000
 * articles is filled within two hours; until then related lists of its articles
 * cost a second round trip and score title likeness of unfilled candidates as 1.
 */
const PER_RUN = 1_000

/** Fills missing `articles.title_pairs` (see 0006_title_pairs.sql), with the run's own database client. */
export const fillMissingTitlePairs = (env: Env) => fillTitlePairs(createDb(env.DB), env.DB, PER_RUN)
