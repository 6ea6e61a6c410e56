/**
 * A generated WordPress export (WXR 1.2) of a Vietnamese provincial news site:
 * `[caption]` blocks, other shortcodes, view-count meta, categories and tags,
 * authors by login with display names, a featured image outside the library, a
 * page and a draft, dates in the site's zone with and without GMT.
 */
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

export interface WxrPost {
  id: number
  title: string
  slug: string
  content: string
  date: string
  dateGmt?: string
  status?: string
  type?: string
  categories?: string[]
  tags?: string[]
  views?: number
  thumbnail?: number
  author?: string
}

const item = (p: WxrPost, site: string) => `
<item>
  <title>${cdata(p.title)}</title>
  <link>${site}/${p.date.slice(0, 10).replaceAll('-', '/')}/${p.slug}/</link>
  <dc:creator>${cdata(p.author ?? 'hoa')}</dc:creator>
  <content:encoded>${cdata(p.content)}</content:encoded>
  <excerpt:encoded>${cdata(`Tóm tắt: ${p.title}`)}</excerpt:encoded>
  <wp:post_id>${p.id}</wp:post_id>
  <wp:post_date>${cdata(p.date)}</wp:post_date>
  <wp:post_date_gmt>${cdata(p.dateGmt ?? '0000-00-00 00:00:00')}</wp:post_date_gmt>
  <wp:post_modified_gmt>${cdata(p.dateGmt ?? '0000-00-00 00:00:00')}</wp:post_modified_gmt>
  <wp:post_name>${cdata(p.slug)}</wp:post_name>
  <wp:status>${cdata(p.status ?? 'publish')}</wp:status>
  <wp:post_type>${cdata(p.type ?? 'post')}</wp:post_type>
  ${(p.categories ?? []).map((c) => `<category domain="category" nicename="x">${cdata(c)}</category>`).join('')}
  ${(p.tags ?? []).map((t) => `<category domain="post_tag" nicename="x">${cdata(t)}</category>`).join('')}
  ${p.views !== undefined ? `<wp:postmeta><wp:meta_key>${cdata('post_views_count')}</wp:meta_key><wp:meta_value>${cdata(String(p.views))}</wp:meta_value></wp:postmeta>` : ''}
  ${p.thumbnail ? `<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(p.thumbnail))}</wp:meta_value></wp:postmeta>` : ''}
</item>`

/** The WXR document of `posts` (plus one attachment, id 9000, hosted on the old site). */
export function wxrDocument(posts: WxrPost[], site = 'https://baocu.vn') {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Báo Cũ</title>
  <link>${site}</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>${site}</wp:base_site_url>
  <wp:author><wp:author_login>${cdata('hoa')}</wp:author_login><wp:author_display_name>${cdata('Đặng Thị Hoa')}</wp:author_display_name></wp:author>
  <wp:author><wp:author_login>${cdata('nam')}</wp:author_login><wp:author_display_name>${cdata('Lý Hoàng Nam')}</wp:author_display_name></wp:author>
  <item><title>anh</title><wp:post_id>9000</wp:post_id><wp:post_type>${cdata('attachment')}</wp:post_type><wp:attachment_url>${cdata(`${site}/wp-content/uploads/2016/09/ngap.jpg`)}</wp:attachment_url></item>
  ${posts.map((p) => item(p, site)).join('\n')}
</channel>
</rss>`
}

/** `n` generated posts with Vietnamese titles and bodies, a caption block in each. */
export function generatedPosts(n: number, firstId = 100): WxrPost[] {
  return Array.from({ length: n }, (_, i) => ({
    id: firstId + i,
    title: `Đà Nẵng: Đường phố ngập sâu, bản tin số ${i + 1}`,
    slug: `da-nang-ban-tin-${firstId + i}`,
    content: `Mưa lớn kéo dài từ đêm qua.\n\n[caption id="attachment_${i}" align="aligncenter" width="600"]<img src="https://baocu.vn/anh-${i}.jpg" alt="Phố ngập" /> Người dân lội nước ở quận Hải Châu[/caption]\n\n[gallery ids="1,2,3"]Đường Nguyễn Văn Linh ngập 0,5 m.`,
    date: `2016-09-${String((i % 28) + 1).padStart(2, '0')} 08:15:00`,
    categories: ['Thời sự'],
    tags: ['Đà Nẵng', 'Mưa lớn'],
    views: 1000 + i,
    author: i % 2 ? 'nam' : 'hoa',
  }))
}
