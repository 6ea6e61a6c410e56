/**
 * The pure logic behind "never lose words": the browser backup's keys and expiry,
 * the side-by-side word diff, and the body HTML as stored.
 */
import { describe, expect, it } from 'vitest'
import { BACKUP_MAX_AGE_MS, backupKey, decodeBackup, encodeBackup, expiredKeys } from '../../admin-ui/src/draft-backup'
import { withoutTrailingEmptyParagraphs } from '../../admin-ui/src/editor/body-html'
import { emptyForm } from '../../admin-ui/src/form-model'
import { articleDiff, htmlToText, sideBySide } from '../../admin-ui/src/text-diff'

const NOW = Date.parse('2026-04-18T02:35:00Z')

describe('draft backup', () => {
  it('keys a backup by user and article, "new" for an article not saved yet', () => {
    expect(backupKey(7, 42)).toBe('tin-admin-draft:v1:7:42')
    expect(backupKey(7, null)).toBe('tin-admin-draft:v1:7:new')
    expect(backupKey(8, 42)).not.toBe(backupKey(7, 42))
  })

  it('round-trips a backup and refuses one that is old, from the future, or not a backup', () => {
    const backup = { savedAt: NOW - 60_000, baseVersion: 3, form: { ...emptyForm(), title: 'Đà Nẵng ngập sâu' } }
    expect(decodeBackup(encodeBackup(backup), NOW)).toEqual(backup)
    expect(decodeBackup(encodeBackup({ ...backup, savedAt: NOW - BACKUP_MAX_AGE_MS - 1 }), NOW)).toBeNull()
    expect(decodeBackup(encodeBackup({ ...backup, savedAt: NOW + 3_600_000 }), NOW)).toBeNull()
    expect(decodeBackup('{"savedAt":1}', NOW)).toBeNull()
    expect(decodeBackup('not json', NOW)).toBeNull()
    expect(decodeBackup(null, NOW)).toBeNull()
    expect(decodeBackup(encodeBackup({ ...backup, baseVersion: null }), NOW)?.baseVersion).toBeNull()
  })

  it('lists only expired or broken backups for removal, never other storage keys', () => {
    const fresh = encodeBackup({ savedAt: NOW, baseVersion: 1, form: emptyForm() })
    const old = encodeBackup({ savedAt: NOW - BACKUP_MAX_AGE_MS - 1, baseVersion: 1, form: emptyForm() })
    expect(
      expiredKeys(
        [
          [backupKey(1, 1), fresh],
          [backupKey(1, 2), old],
          [backupKey(2, null), 'garbage'],
          ['tin-admin-lang', 'vi'],
        ],
        NOW,
      ),
    ).toEqual([backupKey(1, 2), backupKey(2, null)])
  })
})

describe('word diff, side by side', () => {
  it('reduces body HTML to readable text, one block a line', () => {
    expect(htmlToText('<p>Mưa <strong>lớn</strong> &amp; gió</p><h2>Đà Nẵng</h2><ul><li>Một</li><li>Hai</li></ul>')).toBe('Mưa lớn & gió\nĐà Nẵng\nMột\nHai')
    expect(htmlToText('<figure><img src="/media/a.jpg" alt="Phố ngập"><figcaption>Ảnh: TTXVN</figcaption></figure>')).toBe('[Phố ngập]Ảnh: TTXVN')
  })

  it('puts removed words on the left, added words on the right, common words on both', () => {
    const d = sideBySide('title', 'Đà Nẵng ngập sâu', 'Đà Nẵng ngập rất sâu')
    expect(d.changed).toBe(true)
    expect(d.left.map((p) => p.kind)).not.toContain('added')
    expect(d.right.map((p) => p.kind)).not.toContain('removed')
    expect(d.left.map((p) => p.text).join('')).toBe('Đà Nẵng ngập sâu')
    expect(d.right.map((p) => p.text).join('')).toBe('Đà Nẵng ngập rất sâu')
    expect(d.right.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['rất'])
  })

  it('keeps Vietnamese words whole (diacritics are letters, not boundaries)', () => {
    const d = sideBySide('summary', 'Người dân phải dắt bộ', 'Người dân phải lội bộ')
    expect(d.left.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['dắt'])
    expect(d.right.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['lội'])
  })

  it('diffs title, summary and body, marking unchanged fields', () => {
    const base = { title: 'Tiêu đề', summary: 'Sapo', body_html: '<p>Một</p>' }
    const diffs = articleDiff(base, { ...base, body_html: '<p>Một</p><p>Hai</p>' })
    expect(diffs.map((d) => [d.field, d.changed])).toEqual([
      ['title', false],
      ['summary', false],
      ['body', true],
    ])
  })
})

describe('body HTML as stored', () => {
  it('drops the empty paragraphs that end the body, and only those', () => {
    expect(withoutTrailingEmptyParagraphs('<p>Đà Nẵng</p><p></p>')).toBe('<p>Đà Nẵng</p>')
    expect(withoutTrailingEmptyParagraphs('<p>Đà Nẵng</p><p></p><p><br></p>')).toBe('<p>Đà Nẵng</p>')
    expect(withoutTrailingEmptyParagraphs('<p></p>')).toBe('')
    expect(withoutTrailingEmptyParagraphs('<p>Một</p><p></p><p>Hai</p>')).toBe('<p>Một</p><p></p><p>Hai</p>')
  })
})
