import { useEffect } from 'preact/hooks'

/** The browser tab names the screen or the article: `${title} · Tin Edge`. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tin Edge`
  }, [title])
}
