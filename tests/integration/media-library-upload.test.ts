import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, type SignedIn } from '../helpers/auth'
import { fetchMedia } from '../helpers/media'
import { CONTENT_TYPES, EXTENSIONS, imageBytes, TEST_IMAGE_TYPES } from '../helpers/images'
import { uploadMedia } from '../helpers/media-library'

let editor: SignedIn

beforeAll(async () => {
  editor = await loginAs('editor')
})

describe('POST /api/admin/media', () => {
  it.each(TEST_IMAGE_TYPES)('stores a %s by its bytes and serves it back byte for byte', async (type) => {
    const bytes = await imageBytes(type, { width: 123, height: 45, variant: 1 })
    const up = await uploadMedia(editor, bytes, `Mưa lũ Đà Nẵng.${EXTENSIONS[type]}`, { alt: 'Đường ngập', credit: 'Ảnh: Quang Minh' })
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    const item = up.body.data
    expect(item).toMatchObject({ content_type: CONTENT_TYPES[type], width: 123, height: 45, bytes: bytes.length, alt: 'Đường ngập', credit: 'Ảnh: Quang Minh', version: 1, filename: `Mưa lũ Đà Nẵng.${EXTENSIONS[type]}` })
    expect(item.key).toMatch(new RegExp(`^[0-9a-f]{32}\\.${EXTENSIONS[type]}$`))
    expect(item.url).toBe(`http://127.0.0.1:8787/media/${item.key}`)
    expect(item.uploaded_by).toEqual({ id: editor.user.id, name: editor.user.name })
    expect(up.body.duplicate).toBe(false)
    const got = await fetchMedia(item.key)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(bytes)
    expect(got.res.headers.get('Content-Type')).toBe(CONTENT_TYPES[type])
    expect(got.res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(got.res.headers.get('Cache-Control')).toContain('immutable')
    expect((await env.MEDIA.head(item.key))?.httpMetadata?.contentDisposition).toBe('inline')
  })
})
