import type { DiffPart, FieldDiff } from '../text-diff'
import { useT } from '../i18n'

interface Props {
  diffs: FieldDiff[]
  /** Headings of the two columns: the older (or the server's) text, and the newer (or the user's). */
  leftLabel: string
  rightLabel: string
}

const Parts = ({ parts }: { parts: DiffPart[] }) => (
  <>
    {parts.map((p, i) =>
      p.kind === 'removed' ? (
        <del key={i}>{p.text}</del>
      ) : p.kind === 'added' ? (
        <ins key={i}>{p.text}</ins>
      ) : (
        <span key={i}>{p.text}</span>
      ),
    )}
  </>
)

const Side = ({ side, label, parts }: { side: 'left' | 'right'; label: string; parts: DiffPart[] }) => (
  <div class="diff-side" data-side={side}>
    <p class="diff-label">{label}</p>
    <p class="diff-text">
      <Parts parts={parts} />
    </p>
  </div>
)

/**
 * Title, sapo and body of two versions side by side, word by word: struck out on
 * the left what the right no longer has, marked on the right what only it has.
 * Unchanged fields are named, not repeated.
 */
export function DiffView({ diffs, leftLabel, rightLabel }: Props) {
  const t = useT()
  return (
    <div class="diff-view">
      {diffs.map((d) => (
        <section key={d.field} class="diff-field" aria-label={t(`diff.${d.field}`)} data-field={d.field}>
          <h3>{t(`diff.${d.field}`)}</h3>
          {d.changed ? (
            <div class="diff-columns">
              <Side side="left" label={leftLabel} parts={d.left} />
              <Side side="right" label={rightLabel} parts={d.right} />
            </div>
          ) : (
            <p class="muted">{t('diff.same')}</p>
          )}
        </section>
      ))}
    </div>
  )
}
