/** A media item as the admin API serializes it (docs/media.md). */
export interface MediaItem {
  id: number
  key: string
  url: string
  filename: string
  content_type: string
  bytes: number
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  uploaded_by: { id: number; name: string } | null
  version: number
  created_at: string
  updated_at: string
}

/** An article using a photo, as its cover or inline. */
export interface UsedBy {
  id: number
  title: string
  status: string
  role: string
}

export type MediaDetail = MediaItem & { used_by: UsedBy[] }
export type MediaText = Pick<MediaItem, 'alt' | 'caption' | 'credit'>
export interface MediaPage {
  data: MediaItem[]
  next_cursor: string | null
}
