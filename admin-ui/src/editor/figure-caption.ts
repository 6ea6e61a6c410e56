import { Node } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'

/**
 * A figure's caption: inline text (bold, italic, links) typed under the photo. It
 * is always there to type into (a node view marks it empty for the placeholder); an
 * empty one is left out of the body's HTML (body-html.ts), so a figure stored
 * without a caption comes back without one.
 * Enter leaves the caption for a new paragraph below the figure; Backspace at its
 * start selects the whole figure (a second one deletes it) instead of breaking it.
 */
export const FigureCaption = Node.create<{ placeholder: string }>({
  name: 'figcaption',
  content: 'inline*',

  addOptions() {
    return { placeholder: '' }
  },

  parseHTML() {
    return [{ tag: 'figcaption' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['figcaption', HTMLAttributes, 0]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figcaption')
      dom.dataset.placeholder = this.options.placeholder
      const mark = (empty: boolean) => dom.classList.toggle('is-empty', empty)
      mark(node.content.size === 0)
      return {
        dom,
        contentDOM: dom,
        update: (next) => next.type.name === 'figcaption' && (mark(next.content.size === 0), true),
      }
    }
  },

  addKeyboardShortcuts() {
    const inCaption = () => this.editor.state.selection.$from.parent.type === this.type
    return {
      Enter: () => {
        if (!inCaption()) return false
        const { state, view } = this.editor
        const after = state.selection.$from.after(-1)
        const tr = state.tr.insert(after, state.schema.nodes.paragraph!.create())
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView())
        return true
      },
      Backspace: () => {
        const { state, view } = this.editor
        const { $from, empty } = state.selection
        if (!inCaption() || !empty || $from.parentOffset !== 0) return false
        view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, $from.before(-1))))
        return true
      },
    }
  },
})
