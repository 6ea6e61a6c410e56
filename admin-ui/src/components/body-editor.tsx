import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useReducer, useRef, useState } from 'preact/hooks'
import { EditorToolbar } from './editor-toolbar'

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
 * bold/italic, links, lists, blockquote) and nothing the API's sanitizer would strip,
 * so what the editor shows is what readers get.
 */
export function BodyEditor({ value, revision, onChange, labelledBy, disabled = false }: Props) {
  const mount = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const changed = useRef(onChange)
  changed.current = onChange

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
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'], HTMLAttributes: { target: null, rel: null } },
        }),
      ],
      content: value,
      editable: !disabled,
      editorProps: {
        attributes: { class: 'prose', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelledBy, spellcheck: 'true' },
      },
      onUpdate: ({ editor: e }) => changed.current(e.getHTML(), true),
      onTransaction: rerender,
    })
    setEditor(instance)
    changed.current(instance.getHTML(), false)
    return () => instance.destroy()
    // The editor is made once; value and disabled changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!editor || editor.getHTML() === value) return
    editor.commands.setContent(value, { emitUpdate: false })
    changed.current(editor.getHTML(), false)
    // Only a new revision replaces the content (see Props.revision).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, revision])

  useEffect(() => editor?.setEditable(!disabled), [editor, disabled])

  return (
    <div class={`body-editor${disabled ? ' disabled' : ''}`}>
      {editor && !disabled && <EditorToolbar editor={editor} />}
      <div ref={mount} class="body-editor-content" data-testid="body-editor" />
    </div>
  )
}
