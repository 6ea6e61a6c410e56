/**
 * Archive imports in integration tests: NDJSON bodies and the import call.
 *
 * @example
 * const { body } = await importLines(admin, [line({ external_id: 'wp-1', title: 'Đà Nẵng' })])
 */
import { adminCall, type StaffClient } from './admin-api'

export const ndjson = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n'

/** An article line with the required fields and a few defaults. */
export const line = (over: Record<string, unknown>) => ({
  title: `Bài lưu trữ ${String(over.external_id)}`,
  body_html: '<p>Nội dung bài viết lưu trữ.</p>',
  status: 'published',
  published_at: '2016-09-02T08:15:00+07:00',
  ...over,
})

export async function importLines(who: Pick<StaffClient, 'headers'>, lines: unknown[]) {
  return adminCall('POST', '/imports', { headers: { ...who.headers, 'Content-Type': 'application/x-ndjson' }, body: ndjson(lines) })
}

export const outcomes = (body: { data: { results: { outcome: string }[] } }) => body.data.results.map((r) => r.outcome)
