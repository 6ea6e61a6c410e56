import { useEffect, useState } from 'preact/hooks'
import { api, type Category } from '../api'
import type { ApiKeyCreate } from '../api-keys-api'
import { useT } from '../i18n'
import { SITE_TIME_ZONE, wallTimeToUtc } from '../time'
import { KEY_TIERS } from '../../../worker/services/api-keys/tiers'

/** The worker's tiers (wrangler.toml's rate-limit bindings), so the form never offers one the API refuses. */
const TIERS = Object.entries(KEY_TIERS).map(([tier, { limit, period }]) => ({ tier, limit, period }))

/** The create form: name, full or summary content, categories (none: all), rate-limit tier, optional expiry day. */
export function ApiKeyForm({ busy, onCreate }: { busy: boolean; onCreate: (json: ApiKeyCreate) => void }) {
  const t = useT()
  const [categories, setCategories] = useState<Category[]>([])
  const [picked, setPicked] = useState<number[]>([])
  useEffect(() => void api.listCategories().then((res) => setCategories(res.data), () => setCategories([])), [])

  const submit = (e: Event) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget as HTMLFormElement)
    const day = String(form.get('expires') ?? '')
    onCreate({
      name: String(form.get('name') ?? ''),
      body: form.get('body') === 'summary' ? 'summary' : 'full',
      tier: String(form.get('tier')) as ApiKeyCreate['tier'],
      category_ids: picked.length ? picked : null,
      expires_at: day ? wallTimeToUtc(`${day}T23:59`, SITE_TIME_ZONE) : null,
    })
  }
  const toggle = (id: number) => setPicked((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  return (
    <form class="card api-key-form" onSubmit={submit}>
      <label for="key-name">{t('keys.name')}</label>
      <input id="key-name" name="name" required maxLength={100} />
      <label for="key-body">{t('keys.body')}</label>
      <select id="key-body" name="body">
        <option value="full">{t('keys.body.full')}</option>
        <option value="summary">{t('keys.body.summary')}</option>
      </select>
      <fieldset>
        <legend>{t('keys.categories')}</legend>
        {categories.map((c) => (
          <label key={c.id} class="filter">
            <input type="checkbox" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name}
          </label>
        ))}
      </fieldset>
      <label for="key-tier">{t('keys.tier')}</label>
      <select id="key-tier" name="tier" defaultValue="standard">
        {TIERS.map((x) => (
          <option key={x.tier} value={x.tier}>
            {t('keys.tierOption', { tier: x.tier, limit: x.limit, period: x.period })}
          </option>
        ))}
      </select>
      <label for="key-expires">{t('keys.expires')}</label>
      <input id="key-expires" name="expires" type="date" />
      <button type="submit" class="button primary" disabled={busy}>
        {t('keys.create')}
      </button>
    </form>
  )
}
