/** The newsroom's management screens and the path each lives at under /admin/. */
const PATHS = {
  dashboard: '/dashboard',
  categories: '/categories',
  tags: '/tags',
  users: '/users',
  account: '/account',
  audit: '/audit-log',
} as const

export type NewsroomScreen = keyof typeof PATHS
export type NewsroomRoute = { name: NewsroomScreen }

export const NEWSROOM_PATHS: Record<string, NewsroomScreen | undefined> = Object.fromEntries(
  Object.entries(PATHS).map(([name, path]) => [path, name as NewsroomScreen]),
)

export const newsroomPath = (name: NewsroomScreen) => PATHS[name]
