import { useEffect, useState } from 'preact/hooks'
import { NEWSROOM_PATHS, newsroomPath, type NewsroomRoute } from './newsroom-routes'

/** The screens, addressed by real paths under /admin/ (Workers assets serve the SPA for any of them). */
export type Route =
  | { name: 'list' }
  | { name: 'trash' }
  | { name: 'new' }
  | { name: 'edit'; id: number }
  | { name: 'preview'; token: string }
  | { name: 'media' }
  | { name: 'webhooks' }
  | { name: 'keys' }
  | { name: 'missing' }
  | NewsroomRoute

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname
  if (path === '' || path === '/') return { name: 'list' }
  if (path === '/trash') return { name: 'trash' }
  if (path === '/articles/new') return { name: 'new' }
  if (path === '/media') return { name: 'media' }
  if (path === '/webhooks') return { name: 'webhooks' }
  const newsroom = NEWSROOM_PATHS[path]
  if (newsroom) return { name: newsroom }
  if (path === '/api-keys') return { name: 'keys' }
  const edit = /^\/articles\/([1-9][0-9]{0,15})$/.exec(path)
  if (edit) return { name: 'edit', id: Number(edit[1]) }
  const preview = /^\/preview\/([A-Za-z0-9_.~-]{8,1024})$/.exec(path)
  if (preview) return { name: 'preview', token: preview[1]! }
  return { name: 'missing' }
}

export const isNewsroomRoute = (route: Route): route is NewsroomRoute => newsroomPath(route.name as NewsroomRoute['name']) !== undefined

/** The URL of a screen, for links. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'list':
    case 'missing':
      return `${BASE}/`
    case 'trash':
      return `${BASE}/trash`
    case 'new':
      return `${BASE}/articles/new`
    case 'edit':
      return `${BASE}/articles/${route.id}`
    case 'preview':
      return `${BASE}/preview/${route.token}`
    case 'media':
      return `${BASE}/media`
    case 'webhooks':
      return `${BASE}/webhooks`
    default:
      return `${BASE}${newsroomPath(route.name)}`
    case 'keys':
      return `${BASE}/api-keys`
  }
}

const CHANGE = 'tin:navigate'

/** Checked before any in-app navigation; returning false keeps the editor on the page. */
let leaveGuard: (() => boolean) | null = null
export const setLeaveGuard = (guard: (() => boolean) | null) => {
  leaveGuard = guard
}

export function navigate(route: Route, { replace = false } = {}) {
  if (!replace && leaveGuard && !leaveGuard()) return
  const url = hrefOf(route)
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  window.dispatchEvent(new Event(CHANGE))
}

/** The current route; re-renders on back/forward and on navigate(). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname))
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname))
    window.addEventListener('popstate', update)
    window.addEventListener(CHANGE, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(CHANGE, update)
    }
  }, [])
  return route
}
