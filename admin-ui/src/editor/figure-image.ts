import { Node } from '@tiptap/core'

/** A positive whole number of pixels, or null: what the sanitizer writes into width and height. */
const pixels = (name: 'width' | 'height') => ({
  default: null,
  parseHTML: (el: HTMLElement) => {
    const n = Number(el.getAttribute(name))
    return Number.isSafeInteger(n) && n > 0 ? n : null
  },
  renderHTML: (attrs: Record<string, unknown>) => (attrs[name] == null ? {} : { [name]: String(attrs[name]) }),
})

/**
 * The photo of a figure: an atom (nothing to type into) with exactly the attributes
 * the sanitizer keeps, written back in its order (src, alt, width, height). It lives
 * only inside a figure; which sources are acceptable is decided on paste
 * (paste-images.ts) and by the API, not here, so a stored body is never cut.
 */
export const FigureImage = Node.create({
  name: 'figureImage',
  atom: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => el.getAttribute('src'), renderHTML: (a) => ({ src: a.src as string }) },
      alt: { default: '', parseHTML: (el) => el.getAttribute('alt') ?? '', renderHTML: (a) => ({ alt: (a.alt as string | null) ?? '' }) },
      width: pixels('width'),
      height: pixels('height'),
    }
  },

  parseHTML() {
    return [{ tag: 'img[src]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['img', HTMLAttributes]
  },
})
