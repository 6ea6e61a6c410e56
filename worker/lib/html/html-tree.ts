/**
 * A small tree over the sanitizer's own output, for the passes that restructure it
 * (figures). That output is canonical: every tag is lowercase and closed, void
 * elements end in ` />`, `<` and `>` appear only as tag delimiters (text and
 * attribute values are escaped), so a regular tokenizer reads it exactly. It is
 * NOT a parser for arbitrary HTML: never feed it anything else.
 */
export interface HtmlElement {
  tag: string
  /** The attributes as written, with their leading space (`' href="…"'`), or ''. */
  attrs: string
  children: HtmlNode[]
}
/** Text is kept escaped, exactly as it was written. */
export type HtmlNode = string | HtmlElement

const VOID = new Set(['br', 'hr', 'img'])
const TOKEN = /<(\/?)([a-z][a-z0-9]*)([^>]*?)\s*\/?>|[^<]+/g

export const element = (tag: string, children: HtmlNode[], attrs = ''): HtmlElement => ({ tag, attrs, children })

/** The canonical HTML as a tree under a root element whose tag is ''. */
export function parseCanonical(html: string): HtmlElement {
  const root = element('', [])
  const stack = [root]
  for (const [token, closing, tag, attrs] of html.matchAll(TOKEN)) {
    const parent = stack.at(-1)!
    if (tag === undefined) parent.children.push(token)
    else if (closing) {
      const open = stack.findLastIndex((e) => e.tag === tag)
      if (open > 0) stack.length = open
    } else {
      const node = element(tag, [], attrs)
      parent.children.push(node)
      if (!VOID.has(tag)) stack.push(node)
    }
  }
  return root
}

export function serialize(nodes: HtmlNode[]): string {
  let out = ''
  for (const n of nodes) {
    if (typeof n === 'string') out += n
    else if (VOID.has(n.tag)) out += `<${n.tag}${n.attrs} />`
    else out += `<${n.tag}${n.attrs}>${serialize(n.children)}</${n.tag}>`
  }
  return out
}

/** Whether nodes hold no visible text and no element (whitespace only). */
export const isBlank = (nodes: HtmlNode[]) => nodes.every((n) => typeof n === 'string' && n.trim() === '')

/** Whether nodes hold any visible text, at any depth. */
export const hasText = (nodes: HtmlNode[]): boolean => nodes.some((n) => (typeof n === 'string' ? n.trim() !== '' : hasText(n.children)))
