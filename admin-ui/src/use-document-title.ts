import { useLayoutEffect } from 'preact/hooks'

/**
 * Names the browser tab after the screen (or the article) being shown. A layout
 * effect, so the tab is named in the same frame the screen is drawn: with a plain
 * effect (run after paint) the old title lingered while the new screen showed, and
 * a browser test reading the title as soon as the heading appeared saw the old one.
 */
export function useDocumentTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = `${title} · Tin Edge`
  }, [title])
}
