import type { Editor } from '@tiptap/core'

/** What ProseMirror writes for a caption nobody typed: a figure always has one while it is edited. */
const EMPTY_CAPTION = /<figcaption><\/figcaption>/g

/** Empty paragraphs at the end (Enter pressed after the last line): readers would get blank space. */
const TRAILING_EMPTY_PARAGRAPHS = /(?:<p>(?:\s|&nbsp;|<br\s*\/?>)*<\/p>)+$/

/**
 * The body as stored: the editor's HTML without empty captions, so a figure saved
 * without a caption is not rewritten with an empty one (and readers get none).
 *
 * @example
 * withoutEmptyCaptions('<figure><img src="/media/k.jpg" alt=""><figcaption></figcaption></figure>')
 * // '<figure><img src="/media/k.jpg" alt=""></figure>'
 */
export const withoutEmptyCaptions = (html: string) => html.replace(EMPTY_CAPTION, '')

/**
 * Without the empty paragraphs that end it (an empty editor's lone `<p></p>` too).
 *
 * @example
 * withoutTrailingEmptyParagraphs('<p>Đà Nẵng</p><p></p>') // '<p>Đà Nẵng</p>'
 */
export const withoutTrailingEmptyParagraphs = (html: string) => html.replace(TRAILING_EMPTY_PARAGRAPHS, '')

export const bodyHtml = (editor: Editor) => withoutTrailingEmptyParagraphs(withoutEmptyCaptions(editor.getHTML()))
