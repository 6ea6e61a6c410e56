/**
 * A sort key that orders Vietnamese text the way a Vietnamese dictionary does, for
 * D1, which has no ICU collation. Letters compare by the Vietnamese alphabet
 * (a < ă < â < b < c < d < đ < e < ê …), case and tone marks only break ties, tones
 * in the conventional order: none, huyền, hỏi, ngã, sắc, nặng.
 * The key is ASCII, so SQLite's BINARY collation compares it correctly.
 *
 * @example
 * viSortKey('Đà Nẵng') > viSortKey('Dung') // true: đ sorts after every d word
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'
const TONES: Record<string, string> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
}
// Marks that make a distinct letter rather than a tone.
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
}

export function viSortKey(text: string): string {
  let primary = ''
  let tones = ''
  let cases = ''
  const chars = [...text.normalize('NFD')]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const lower = ch.toLowerCase()
    let letter = lower === 'đ' || lower === 'ð' ? 'đ' : lower
    let tone = '0'
    // Gather the combining marks that follow this base character.
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!
      const composed = LETTER_MARKS[mark]?.[letter]
      if (composed) letter = composed
      else if (TONES[mark]) tone = TONES[mark]!
    }
    const index = ALPHABET.indexOf(letter)
    if (index >= 0) {
      primary += String.fromCharCode(0x41 + index)
      tones += tone
      cases += ch === lower ? '0' : '1'
    } else if (/\p{Nd}/u.test(letter)) {
      primary += letter
    } else if (/\s/.test(letter) || /\p{P}|\p{S}/u.test(letter)) {
      if (!primary.endsWith(' ') && primary.length > 0) primary += ' '
    } else {
      primary += '~'
    }
  }
  return `${primary.trimEnd()}\u0001${tones}\u0001${cases}`
}
