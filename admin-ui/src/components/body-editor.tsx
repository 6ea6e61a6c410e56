import { Editor } from '@tiptap/core'
import Link from '@tiptap/extension-link'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useReducer, useRef, useState } from 'preact/hooks'
import { bodyHtml } from '../editor/body-html'
import { Figure } from '../editor/figure'
import { FigureCaption } from '../editor/figure-caption'
import { FigureImage } from '../editor/figure-image'
import { useT } from '../i18n'
import { siteOrigins } from '../site-origins'
import { sortPastedImages } from '../paste-images'
import { EditorToolbar } from './editor-toolbar'
import { PasteNotice } from './paste-notice'

/**
 * A link that ends where it ends: Tiptap makes the link mark inclusive whenever
 * autolink is on, so the full stop typed right after a link became part of it.
 */
const EndingLink = Link.extend({ inclusive: () => false })

interface Props {
  /** The HTML to show when the editor is made or `revision` changes. */
  value: string
  /**
   * Bumped when a version from the server replaces the form. Only then is `value`
   * pushed into the editor: comparing on every render would fight the editor's own
   * asynchronous reading of typed text (ProseMirror hangs on a setContent mid-input).
   */
  revision: number
  /**
   * Called with the editor's HTML: `byUser` false when it only re-serialized `value`
   * (its normal form may differ from the stored HTML), true for an edit.
   */
  onChange: (html: string, byUser: boolean) => void
  labelledBy: string
  disabled?: boolean
}

/**
 * The article body: Tiptap with what a news story needs (paragraphs, h2/h3,
 * bold/italic, links, lists, blockquote, library photos as captioned figures) and
 * nothing the API's sanitizer would strip, so what the editor shows is what readers
 * get. Pasted images that are not library photos are left out and listed in a notice.
 */
export function BodyEditor({ value, revision, onChange, labelledBy, disabled = false }: Props) {
  const mount = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const t = useT()
  const changed = useRef(onChange)
  changed.current = onChange
  const [dropped, setDropped] = useState<string[]>([])

  useEffect(() => {
    const instance = new Editor({
      element: mount.current!,
      extensions: [
        StarterKit.configure({
          heading: { levels: [2, 3] },
          code: false,
          codeBlock: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          link: false,
        }),
        EndingLink.configure({ openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'], HTMLAttributes: { target: null, rel: null } }),
        Figure,
        FigureImage,
        FigureCaption.configure({ placeholder: t('figure.captionPlaceholder') }),
      ],
      content: value,
      editable: !disabled,
      editorProps: {
        attributes: { class: 'prose', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelledBy, spellcheck: 'true' },
        transformPastedHTML: (html) => {
          const sorted = sortPastedImages(html, siteOrigins())
          if (sorted.dropped.length > 0) setDropped(sorted.dropped)
          return sorted.html
        },
      },
      onUpdate: ({ editor: e }) => changed.current(bodyHtml(e), true),
      onTransaction: rerender,
    })
    setEditor(instance)
    changed.current(bodyHtml(instance), false)
    return () => instance.destroy()
    // The editor is made once; value and disabled changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!editor || bodyHtml(editor) === value) return
    editor.commands.setContent(value, { emitUpdate: false })
    changed.current(bodyHtml(editor), false)
    // Only a new revision replaces the content (see Props.revision).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, revision])

  useEffect(() => editor?.setEditable(!disabled), [editor, disabled])

  return (
    <div class={`body-editor${disabled ? ' disabled' : ''}`}>
      {editor && !disabled && <EditorToolbar editor={editor} />}
      {dropped.length > 0 && <PasteNotice dropped={dropped} onDismiss={() => setDropped([])} />}
      <div ref={mount} class="body-editor-content" data-testid="body-editor" />
    </div>
  )
}
