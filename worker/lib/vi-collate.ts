/**
 * A sort key that orders Vietnamese text the way a Vietnamese dictionary does, for
 * D1, which has no ICU collation. Text compares syllable by syllable: first the
 * letters in Vietnamese alphabet order (a < ă < â < b < c < d < đ < e < ê …), then
 * that syllable's tone (none, huyền, hỏi, ngã, sắc, nặng), and only then the next
 * syllable; letter case breaks the last ties. So âm < âm vang < ấm < ấm áp < ân.
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
  const syllables: string[] = []
  let letters = ''
  let tone = '0'
  let cases = ''
  const endSyllable = () => {
    if (letters) syllables.push(letters + tone)
    letters = ''
    tone = '0'
  }
  const chars = [...text.normalize('NFD')]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const lower = ch.toLowerCase()
    let letter = lower === 'đ' || lower === 'ð' ? 'đ' : lower
    // Gather the combining marks that follow this base character.
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!
      const composed = LETTER_MARKS[mark]?.[letter]
      if (composed) letter = composed
      else if (TONES[mark]) tone = TONES[mark]!
    }
    const index = ALPHABET.indexOf(letter)
    if (index >= 0) {
      // Letters from 'A' up: above the digits and the tone digits, so a shorter
      // syllable (an) sorts before a longer one (anh).
      letters += String.fromCharCode(0x41 + index)
      cases += ch === lower ? '0' : '1'
    } else if (/[0-9]/.test(letter)) {
      // Digits sort below letters; a run of digits stays one syllable.
      letters += letter
    } else if (/\p{L}/u.test(letter)) {
      letters += '~'
    } else {
      endSyllable()
    }
  }
  endSyllable()
  return `${syllables.join(' ')}\u0001${cases}`
}
