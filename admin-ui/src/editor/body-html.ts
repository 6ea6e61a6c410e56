import type { Editor } from '@tiptap/core'

/** What ProseMirror writes for a caption nobody typed: a figure always has one while it is edited. */
const EMPTY_CAPTION = /<figcaption><\/figcaption>/g

/**
 * The body as stored: the editor's HTML without empty captions, so a figure saved
 * without a caption is not rewritten with an empty one (and readers get none).
 *
 * @example
 * withoutEmptyCaptions('<figure><img src="/media/k.jpg" alt=""><figcaption></figcaption></figure>')
 * // '<figure><img src="/media/k.jpg" alt=""></figure>'
 */
export const withoutEmptyCaptions = (html: string) => html.replace(EMPTY_CAPTION, '')

export const bodyHtml = (editor: Editor) => withoutEmptyCaptions(editor.getHTML())
