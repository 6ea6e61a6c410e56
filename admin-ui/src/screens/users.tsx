import { useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { Messages } from '../components/messages'
import { UserForm } from '../components/user-form'
import { useT } from '../i18n'
import { allPages, newsroomApi, type Staff } from '../newsroom-api'
import { useDocumentTitle } from '../use-document-title'
import { useAction } from '../use-action'
import { useLoad } from '../use-load'

const ROLES = ['admin', 'editor', 'author', 'contributor'] as const

/** Staff accounts (admins only): add one, change a role, suspend or reactivate. */
export function Users({ user }: { user: StaffUser }) {
  const t = useT()
  useDocumentTitle(t('user.title'))
  const { data, error, setError, reload } = useLoad(() => allPages((c) => newsroomApi.users(c)), [])

  const { notice, run } = useAction(setError, reload)
  const change = (u: Staff, body: { role?: Staff['role']; status?: Staff['status'] }) => run(() => newsroomApi.updateUser(u, body), t('common.saved')).catch(() => {})

  return (
    <section class="manage" aria-labelledby="user-title">
      <h1 id="user-title">{t('user.title')}</h1>
      <Messages notice={notice} error={error} />
      <div class="table-wrap">
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('user.email')}</th>
              <th scope="col">{t('user.role')}</th>
              <th scope="col">{t('user.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((u) => (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <select aria-label={t('user.roleOf', { name: u.name })} value={u.role} disabled={u.id === user.id} onChange={(e) => change(u, { role: e.currentTarget.value as Staff['role'] })}>
                    {ROLES.map((r) => (
                      <option value={r}>{t(`role.${r}`)}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <span class="user-status">{t(`user.status.${u.status}`)}</span>{' '}
                  {u.id !== user.id && (
                    <button
                      type="button"
                      class="button small"
                      aria-label={t(u.status === 'active' ? 'user.suspendLabel' : 'user.activateLabel', { name: u.name })}
                      onClick={() => change(u, { status: u.status === 'active' ? 'suspended' : 'active' })}
                    >
                      {t(u.status === 'active' ? 'user.suspend' : 'user.activate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card manage-add">
        <h2>{t('user.new')}</h2>
        <UserForm roles={ROLES} onCreate={(body) => run(() => newsroomApi.createUser(body), t('user.created', { name: body.name }))} />
      </div>
    </section>
  )
}
