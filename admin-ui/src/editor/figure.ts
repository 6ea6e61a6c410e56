import { Node } from '@tiptap/core'

export interface FigureInput {
  src: string
  alt: string
  width: number | null
  height: number | null
  caption: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a photo with its alt text and caption where the cursor is. */
      insertFigure: (figure: FigureInput) => ReturnType
    }
  }
}

/**
 * An inline photo of the article body, in exactly the shape the API's sanitizer
 * keeps: `<figure><img src alt width height><figcaption>…</figcaption></figure>`
 * (docs/media.md). Parsed from that shape and rendered back to it, so opening and
 * saving an article never drops or rewrites a figure. A figure without a photo is
 * not one: its caption then reads as a paragraph of its own. Used with FigureImage
 * and FigureCaption (its two parts, each in its own file).
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'figureImage figcaption',
  draggable: true,
  isolating: true,
  defining: true,

  parseHTML() {
    return [{ tag: 'figure', getAttrs: (el) => (el.querySelector('img[src]') ? null : false) }]
  },

  renderHTML() {
    return ['figure', 0]
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...image }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            content: [{ type: 'figureImage', attrs: image }, { type: 'figcaption', content: caption.trim() ? [{ type: 'text', text: caption.trim() }] : [] }],
          }),
    }
  },
})
