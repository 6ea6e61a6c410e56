import type { ComponentChildren } from 'preact'
import { hrefOf, navigate, type Route } from '../router'

interface Props {
  to: Route
  children: ComponentChildren
  class?: string
  current?: boolean
}

/** An in-app link: a real href (open in a new tab works), client-side navigation on a plain click. */
export function Link({ to, children, class: className, current }: Props) {
  return (
    <a
      href={hrefOf(to)}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
