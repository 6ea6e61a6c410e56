import { useT } from '../i18n'

const KNOWN = ['draft', 'review', 'scheduled', 'published', 'archived'] as const
type Known = (typeof KNOWN)[number]

/** Nháp, Chờ duyệt, Hẹn giờ, Đã đăng, Lưu trữ (or Đã xóa in the trash), each with its colour. */
export function StatusBadge({ status, trashed = false }: { status: string; trashed?: boolean }) {
  const t = useT()
  const kind = trashed ? 'trashed' : KNOWN.includes(status as Known) ? (status as Known) : null
  return (
    <span class={`badge status-${kind ?? 'draft'}`} data-status={kind ?? status}>
      {kind ? t(`status.${kind}`) : status}
    </span>
  )
}
