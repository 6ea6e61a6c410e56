/** Types of the Vietnamese word pools and generator in corpus.mjs, for TypeScript callers (the black-box corpus). */
export interface Rng {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(list: readonly T[]) => T
}
export function rng(seed: number): Rng
export const CATEGORIES: [string, string[]][]
export const PLACES: string[]
export const SOURCES: (string | null)[]
export const TAG_WORDS: string[]
export const AUTHOR_NAMES: string[]
export function articleText(r: Rng): { title: string; summary: string; paragraphs: string[] }
