export interface SendSummary { created: number; updated: number; skipped: number; failed: number }
export function sendLines(
  lines: object[],
  options: { to: string; token: string; chunk?: number; checkpoint?: string; maxChunks?: number; log?: (s: string) => void; fetch?: typeof fetch },
): Promise<{ summary: SendSummary; failures: { external_id: string; reason: string }[]; done: number; total: number; complete: boolean }>
