export interface ImportLine { external_id: string; title: string; body_html: string; status: string; published_at: string | null; [key: string]: unknown }
export function zonedIso(local: string, zone: string): string
export function mapWxr(wxr: ReturnType<typeof import('./wxr-parse.mjs').parseWxr>, options: { zone: string; mediaBase: string }): { lines: ImportLine[]; notes: string[]; skipped: number }
