/**
 * Accent folding the way Vietnamese readers type without accents: tone marks and
 * letter marks go (ạ -> a, ơ -> o, ế -> e) and đ/Đ become d, which Unicode does not
 * decompose (so no FTS5 tokenizer folds it). ð/Ð, which old encodings and careless
 * copy-paste put where Đ belongs, fold the same way.
 */
const D_LIKE = /[đĐðÐ]/g

/** Words as the FTS5 unicode61 tokenizer sees them: letters, marks and digits. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu

/**
 * Only the đ-folding step, for text handed to the accent-insensitive FTS5 index,
 * whose tokenizer removes the other marks itself. Mirrors `search_folded_source`.
 */
export const foldD = (text: string) => text.replace(D_LIKE, 'd')

/**
 * Lowercase, NFC-independent, without any marks, đ -> d.
 *
 * @example
 * foldVietnamese('Đoàn Thanh niên Thừa Thiên Huế') // 'doan thanh nien thua thien hue'
 */
export const foldVietnamese = (text: string) =>
  foldD(text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase()
