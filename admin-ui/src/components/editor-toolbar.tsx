import type { Editor } from '@tiptap/core'
import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { MessageKey } from '../i18n/vi'
import { InsertFigureTool } from './insert-figure-tool'
import { LinkForm } from './link-form'

interface Tool {
  key: MessageKey
  text: string
  active: (e: Editor) => boolean
  run: (e: Editor) => void
}

const TOOLS: Tool[] = [
  { key: 'toolbar.paragraph', text: '¶', active: (e) => e.isActive('paragraph'), run: (e) => e.chain().focus().setParagraph().run() },
  { key: 'toolbar.h2', text: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'toolbar.h3', text: 'H3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'toolbar.bold', text: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'toolbar.italic', text: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'toolbar.bullet', text: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'toolbar.ordered', text: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'toolbar.quote', text: '❝', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
]

/** The name read out includes what the button shows ("H2", "1."), so a voice-control user can say what they see. */
const labelOf = (name: string, shown: string) => (shown.length > 1 ? `${name}, ${shown}` : name)

/** A chain link, drawn: no emoji font is needed to show it. */
const LinkIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true">
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </svg>
)

/**
 * Formatting buttons (each says whether it is on with aria-pressed), a link form,
 * undo and redo. A mouse click does not take the focus from the text (so typing
 * goes on where it was, in the new style); keyboard users tab to the buttons as usual.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useT()
  const [linking, setLinking] = useState(false)
  return (
    <div class="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')} onMouseDown={(e) => (e.target as HTMLElement).closest('button') && e.preventDefault()}>
      {TOOLS.map((tool) => (
        <button
          type="button"
          class={`tool tool-${tool.key.slice(8)}`}
          title={t(tool.key)}
          aria-label={labelOf(t(tool.key), tool.text)}
          aria-pressed={tool.active(editor)}
          onClick={() => tool.run(editor)}
        >
          {tool.text}
        </button>
      ))}
      <button type="button" class="tool" title={t('toolbar.link')} aria-label={t('toolbar.link')} aria-pressed={editor.isActive('link')} aria-expanded={linking} onClick={() => setLinking(!linking)}>
        <LinkIcon />
      </button>
      <InsertFigureTool editor={editor} />
      <span class="tool-gap" />
      <button type="button" class="tool" title={t('toolbar.undo')} aria-label={t('toolbar.undo')} disabled={!editor.can().undo()} onClick={() => editor.chain().focus().undo().run()}>
        ↶
      </button>
      <button type="button" class="tool" title={t('toolbar.redo')} aria-label={t('toolbar.redo')} disabled={!editor.can().redo()} onClick={() => editor.chain().focus().redo().run()}>
        ↷
      </button>
      {linking && <LinkForm editor={editor} onDone={() => setLinking(false)} />}
    </div>
  )
}
