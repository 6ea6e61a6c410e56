import type { MessageKey } from './vi'

/** A message in the UI's language, placeholders filled. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** Fills `{name}` placeholders; an unknown placeholder is left as it is, so a typo shows. */
export const format = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
