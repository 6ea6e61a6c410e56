import type { Editor } from '@tiptap/core'
import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { MediaItem } from '../media-api'
import { FigureDialog } from './figure-dialog'
import { MediaPicker } from './media-picker'

/** A framed picture, drawn (no emoji font needed). */
const PhotoIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" aria-hidden="true">
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="M21 17l-5-5-9 8" />
  </svg>
)

/**
 * The toolbar's photo button: the library picker, then the alt text and caption,
 * then a figure at the cursor. The cursor is remembered while the dialogs have focus.
 */
export function InsertFigureTool({ editor }: { editor: Editor }) {
  const t = useT()
  const [step, setStep] = useState<'closed' | 'picking' | MediaItem>('closed')
  return (
    <>
      <button type="button" class="tool" title={t('toolbar.image')} aria-label={t('toolbar.image')} aria-haspopup="dialog" onClick={() => setStep('picking')}>
        <PhotoIcon />
      </button>
      {step === 'picking' && <MediaPicker title={t('picker.titleBody')} onPick={(item) => setStep(item)} onClose={() => setStep((s) => (s === 'picking' ? 'closed' : s))} />}
      {typeof step === 'object' && (
        <FigureDialog
          item={step}
          onInsert={(figure) => editor.chain().focus().insertFigure(figure).run()}
          onClose={() => {
            setStep('closed')
            editor.commands.focus()
          }}
        />
      )}
    </>
  )
}
