import { useEffect } from 'preact/hooks'

/** Names the browser tab after the screen (or the article) being shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tin Edge`
  }, [title])
}
