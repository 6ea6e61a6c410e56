import { decide, type ArticleAction, type ArticleFacts } from '../../../worker/services/editorial/rules'
import type { AdminArticle, StaffUser } from '../api'
import { useT } from '../i18n'

/** The buttons a step of the workflow may show, in the order the desk reads them. */
const STEPS = ['submit', 'publish', 'schedule', 'unpublish', 'archive', 'delete', 'restore'] as const
export type Step = (typeof STEPS)[number]

/** The article as the rules see it; a new article is a draft of one's own (not yet deletable). */
const factsOf = (article: AdminArticle | null, user: StaffUser): ArticleFacts =>
  article === null
    ? { status: 'draft', trashed: false, own: true }
    : { status: article.status, trashed: article.deleted_at !== null, own: article.created_by === user.id }

const may = (action: ArticleAction, article: AdminArticle | null, user: StaffUser) => decide(action, user.role, factsOf(article, user)).allowed

/**
 * The steps this user may take on this article now, from the API's own rules table
 * (worker/services/editorial/rules.ts): the buttons never offer what the server would refuse.
 */
export const allowedSteps = (article: AdminArticle | null, user: StaffUser): Step[] =>
  STEPS.filter((step) => (article !== null || step !== 'delete') && may(step, article, user))

/** Whether the fields may be edited (the desk: anything; authors and contributors: their own early drafts). */
export const mayEdit = (article: AdminArticle | null, user: StaffUser) => may('edit', article, user)

interface Props {
  article: AdminArticle | null
  user: StaffUser
  busy: string | null
  onStep: (step: Step) => void
  onPreview: () => void
}

/** Gửi duyệt, Đăng, Hẹn giờ, Gỡ bài, Lưu trữ, Xóa, Khôi phục and Xem trước, as the rules allow. */
export function WorkflowBar({ article, user, busy, onStep, onPreview }: Props) {
  const t = useT()
  return (
    <div class="workflow-bar" role="group" aria-label={t('action.group')}>
      {allowedSteps(article, user).map((step) => (
        <button
          type="button"
          class={`button ${step === 'publish' ? 'primary' : step === 'delete' ? 'danger' : ''}`}
          data-action={step}
          disabled={busy !== null}
          aria-busy={busy === step}
          onClick={() => onStep(step)}
        >
          {t(`action.${step}`)}
        </button>
      ))}
      {article !== null && article.deleted_at === null && (
        <button type="button" class="button" data-action="preview" disabled={busy !== null} onClick={onPreview}>
          {t('action.preview')}
        </button>
      )}
    </div>
  )
}
