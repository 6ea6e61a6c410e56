export interface WxrPost { id: string; type: string; title: string; link: string; content: string; excerpt: string; date: string; dateGmt: string; modifiedGmt: string; slug: string; status: string; author: string; categories: string[]; tags: string[]; meta: Record<string, string> }
export function parseWxr(xml: string): { siteUrl: string; posts: WxrPost[]; attachments: Map<string, string> }
