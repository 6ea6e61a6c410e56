/** scripts/demo/content.json, as far as TypeScript callers read it. */
export interface DemoContent {
  articles: { title: string; tags: string[]; published_at: string }[]
}
export function loadDemoContent(path?: URL | string): Promise<DemoContent>
export function demoSeedStatements(content: DemoContent, now?: string): string[]
export function q(value: unknown): string
