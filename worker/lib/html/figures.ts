import { element, hasText, isBlank, parseCanonical, serialize, type HtmlElement, type HtmlNode } from './html-tree'

/**
 * Gives every image of sanitized HTML its one stored shape,
 * `<figure><img …><figcaption>…</figcaption></figure>` (caption optional, inline
 * formatting only), placed where a figure may stand:
 *
 * - a bare image becomes a figure; inside a paragraph, heading, link or list the
 *   figure is lifted out and the element is split around it (empty halves dropped);
 * - a figure keeps one image: several become one figure each, the caption going
 *   with the last; anything else a figure held follows it;
 * - a figure whose image was refused is not left empty: its caption becomes a
 *   paragraph of its own, never text run into the previous one;
 * - a caption's block elements become line breaks;
 * - a figcaption outside a figure is a paragraph.
 *
 * The output is a fixed point: sanitizing it again changes nothing.
 */
export function normalizeFigures(html: string): string {
  if (!/<(img|figure|figcaption)\b/.test(html)) return html
  return serialize(flowChildren(parseCanonical(html).children))
}

/** Where a figure may stand. Every other element is split around one. */
const FLOW = new Set(['blockquote', 'li', 'td', 'th', 'div'])
const INLINE = new Set(['a', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'br', 'cite', 'mark', 'small', 'span', 'code'])

/** A node and whether it must stand at flow level (a figure, a former caption). */
interface Piece {
  node: HtmlNode
  block: boolean
}

const imageFigures = new WeakSet<HtmlElement>()

function figureOf(img: HtmlElement): HtmlElement {
  const figure = element('figure', [img])
  imageFigures.add(figure)
  return figure
}

const flowChildren = (nodes: HtmlNode[]) => nodes.flatMap(pieces).map((p) => p.node)

function pieces(node: HtmlNode): Piece[] {
  if (typeof node === 'string') return [{ node, block: false }]
  if (node.tag === 'img') return [{ node: figureOf(node), block: true }]
  if (node.tag === 'figure') return figurePieces(node)
  if (node.tag === 'figcaption') return captionAsParagraph([node])
  if (FLOW.has(node.tag)) return [{ node: { ...node, children: flowChildren(node.children) }, block: false }]
  const inner = node.children.flatMap(pieces)
  if (!inner.some((p) => p.block)) return [{ node: { ...node, children: inner.map((p) => p.node) }, block: false }]
  return split(node, inner)
}

/** The element cloned around each run of inline pieces, the blocks between them lifted out. */
function split(node: HtmlElement, inner: Piece[]): Piece[] {
  const out: Piece[] = []
  let run: HtmlNode[] = []
  const flush = () => {
    if (!isBlank(run)) out.push({ node: { ...node, children: run }, block: false })
    run = []
  }
  for (const p of inner) {
    if (!p.block) run.push(p.node)
    else {
      flush()
      out.push(p)
    }
  }
  flush()
  return out
}

function figurePieces(figure: HtmlElement): Piece[] {
  const captions = figure.children.filter((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'figcaption')
  const rest = figure.children.filter((c) => typeof c === 'string' || c.tag !== 'figcaption')
  const out = rest.flatMap(pieces).filter((p) => !(typeof p.node === 'string' && p.node.trim() === ''))
  const { inline, lifted } = captionContent(captions)
  const last = out.findLast((p) => typeof p.node !== 'string' && imageFigures.has(p.node))?.node as HtmlElement | undefined
  if (hasText(inline)) {
    if (last && last.children.length === 1) last.children.push(element('figcaption', inline))
    else out.push({ node: element('p', inline), block: true })
  }
  return [...out, ...lifted].map((p) => ({ ...p, block: true }))
}

function captionAsParagraph(captions: HtmlElement[]): Piece[] {
  const { inline, lifted } = captionContent(captions)
  return [...(hasText(inline) ? [{ node: element('p', inline), block: true }] : []), ...lifted]
}

/** The inline content of captions, without whitespace at either end, and the images found in them. */
function captionContent(captions: HtmlElement[]) {
  const { inline, lifted } = inlineOnly(captions.flatMap((c) => c.children))
  const first = inline.findIndex((n) => typeof n !== 'string' || n.trim() !== '')
  const last = inline.findLastIndex((n) => typeof n !== 'string' || n.trim() !== '')
  return { inline: first < 0 ? [] : inline.slice(first, last + 1), lifted }
}

/** A caption's content with inline formatting only: blocks become line breaks, images are lifted out. */
function inlineOnly(nodes: HtmlNode[]): { inline: HtmlNode[]; lifted: Piece[] } {
  const inline: HtmlNode[] = []
  const lifted: Piece[] = []
  for (const n of nodes) {
    if (typeof n === 'string') inline.push(n)
    else if (n.tag === 'img' || n.tag === 'figure') lifted.push(...pieces(n))
    else {
      const inner = inlineOnly(n.children)
      lifted.push(...inner.lifted)
      if (INLINE.has(n.tag)) inline.push({ ...n, children: inner.inline })
      else {
        if (hasText(inline) && hasText(inner.inline)) inline.push(element('br', []))
        inline.push(...inner.inline)
      }
    }
  }
  return { inline, lifted }
}
