import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../i18n'

/** An http(s) or mailto address, with https:// added to a bare host like "vnexpress.net/abc". */
function normalizeUrl(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
  try {
    const url = new URL(withScheme)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** The link address for the selected text: Enter applies, Escape closes, an empty address removes the link. */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const t = useT()
  const [url, setUrl] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '')
  const [invalid, setInvalid] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])

  const apply = () => {
    if (url.trim() === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run()
      return onDone()
    }
    const href = normalizeUrl(url)
    if (!href) return setInvalid(true)
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
    onDone()
  }

  return (
    <div class="link-form">
      <label for="link-url" class="visually-hidden">
        {t('toolbar.linkUrl')}
      </label>
      <input
        id="link-url"
        ref={input}
        type="url"
        placeholder="https://"
        value={url}
        aria-invalid={invalid}
        onInput={(e) => {
          setUrl(e.currentTarget.value)
          setInvalid(false)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            apply()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            editor.commands.focus()
            onDone()
          }
        }}
      />
      <button type="button" class="button small" onClick={apply}>
        {t('toolbar.linkApply')}
      </button>
      {editor.isActive('link') && (
        <button
          type="button"
          class="button small"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run()
            onDone()
          }}
        >
          {t('toolbar.linkRemove')}
        </button>
      )}
    </div>
  )
}
