/**
 * View totals for a page of articles. Placeholder until the view counter lands
 * (issue 4): every article reads 0.
 */
export async function viewTotals(_env: Env, ids: number[]): Promise<Map<number, number>> {
  return new Map(ids.map((id) => [id, 0]))
}
