import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import { MIN_PASSWORD, type Staff } from '../newsroom-api'

interface Props {
  roles: readonly Staff['role'][]
  onCreate: (body: { email: string; name: string; role: Staff['role']; password: string }) => Promise<unknown>
}

/** A new staff account: name, email, role and an initial password (cleared once created). */
export function UserForm({ roles, onCreate }: Props) {
  const t = useT()
  const [f, setF] = useState({ name: '', email: '', role: 'author' as Staff['role'], password: '' })
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }))
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        onCreate({ ...f, name: f.name.trim(), email: f.email.trim() }).then(() => setF({ name: '', email: '', role: 'author', password: '' }), () => {})
      }}
    >
      <div>
        <label for="user-new-name">{t('common.name')}</label>
        <input id="user-new-name" value={f.name} required onInput={(e) => set({ name: e.currentTarget.value })} />
      </div>
      <div>
        <label for="user-new-email">{t('user.email')}</label>
        <input id="user-new-email" type="email" autocomplete="off" value={f.email} required onInput={(e) => set({ email: e.currentTarget.value })} />
      </div>
      <div>
        <label for="user-new-role">{t('user.role')}</label>
        <select id="user-new-role" value={f.role} onChange={(e) => set({ role: e.currentTarget.value as Staff['role'] })}>
          {roles.map((r) => (
            <option value={r}>{t(`role.${r}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label for="user-new-password">{t('user.password')}</label>
        <input id="user-new-password" type="password" autocomplete="new-password" minLength={MIN_PASSWORD} value={f.password} required onInput={(e) => set({ password: e.currentTarget.value })} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">{t('common.create')}</button>
      </div>
    </form>
  )
}
