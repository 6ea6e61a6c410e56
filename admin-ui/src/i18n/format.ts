/** Fills `{name}` placeholders; an unknown placeholder is left as it is, so a typo shows. */
export const format = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
