/**
 * Kysely table types for the D1 schema in schema/migrations. Code uses
 * `Selectable<T>`, `Insertable<T>` and `Updateable<T>` of these, never the table
 * interface itself. Times are UTC ISO 8601 strings.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ApiKeyTables } from './tables/api-keys'
import type { AuthTables } from './tables/auth'
import type { EditorialTables } from './tables/editorial'
import type { MediaTables } from './tables/media'
import type { SearchTables } from './tables/search'
import type { ViewTables } from './tables/views'
import type { WebhookTables } from './tables/webhooks'

export type Role = 'admin' | 'editor' | 'author' | 'contributor'
export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'archived'

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: Role
  password_hash: string
  status: Generated<'active' | 'suspended'>
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface CategoriesTable {
  id: Generated<number>
  slug: string
  name: string
  name_sort: string
  description: Generated<string>
  parent_id: number | null
  position: Generated<number>
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface TagsTable {
  id: Generated<number>
  slug: string
  name: string
  name_sort: string
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface AuthorsTable {
  id: Generated<number>
  slug: string
  name: string
  name_sort: string
  bio: Generated<string>
  avatar_url: string | null
  user_id: number | null
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface MediaTable {
  id: Generated<number>
  key: string
  filename: string
  content_type: string
  size: number
  width: number | null
  height: number | null
  alt: Generated<string>
  caption: Generated<string>
  credit: Generated<string>
  uploaded_by: number | null
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface ArticlesTable {
  id: Generated<number>
  slug: string
  title: string
  title_sort: string
  /** Accent-folded title word pairs as a JSON array (0006_title_pairs.sql); NULL until computed. */
  title_pairs: ColumnType<string | null, string | null | undefined, string | null>
  summary: Generated<string>
  body_html: Generated<string>
  body_text: Generated<string>
  word_count: Generated<number>
  cover_media_id: number | null
  cover_alt: string | null
  cover_caption: string | null
  cover_credit: string | null
  category_id: number | null
  source: string | null
  language: Generated<string>
  status: Generated<ArticleStatus>
  published_at: string | null
  scheduled_at: string | null
  seo_title: string | null
  seo_description: string | null
  canonical_url: string | null
  featured: Generated<0 | 1>
  featured_position: Generated<number>
  version: Generated<number>
  created_by: number | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** The source system's id of an imported article (0013_archive.sql), unique when set. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Digest of the import line that last wrote the article: an unchanged re-import is skipped. */
  import_hash: ColumnType<string | null, string | null | undefined, string | null>
}

/** Old URLs of imported articles (0013_archive.sql): a normalized path and its article. */
export interface RedirectsTable {
  path: string
  article_id: number
}

export interface ArticleTagsTable {
  article_id: number
  tag_id: number
  position: Generated<number>
  /** Maintained by triggers: published_at while publicly visible, else NULL. */
  pub_at: Generated<string | null>
}

export interface ArticleAuthorsTable {
  article_id: number
  author_id: number
  position: Generated<number>
  /** Maintained by triggers: published_at while publicly visible, else NULL. */
  pub_at: Generated<string | null>
}

export interface SlugHistoryTable {
  slug: string
  article_id: number
  created_at: string
}

/** A slug a category used to have (migration 0012): the public API redirects it. */
export interface CategorySlugHistoryTable {
  slug: string
  category_id: number
  created_at: string
}

export interface RevisionsTable {
  id: Generated<number>
  article_id: number
  version: number
  snapshot: string
  created_by: number | null
  created_at: string
}

export interface AppMetaTable {
  key: string
  value: string
  updated_at: string
}

/** The core content tables (0001_core.sql). */
export interface CoreTables {
  app_meta: AppMetaTable
  users: UsersTable
  categories: CategoriesTable
  tags: TagsTable
  authors: AuthorsTable
  media: MediaTable
  articles: ArticlesTable
  article_tags: ArticleTagsTable
  article_authors: ArticleAuthorsTable
  slug_history: SlugHistoryTable
  category_slug_history: CategorySlugHistoryTable
  revisions: RevisionsTable
  redirects: RedirectsTable
}

/**
 * Every table. Each feature keeps its table types beside its migration
 * (schema/tables/*.ts) and is joined in here.
 */
export interface Database extends CoreTables, AuthTables, EditorialTables, ViewTables, SearchTables, MediaTables, ApiKeyTables, WebhookTables {}

export type User = Selectable<UsersTable>
export type Category = Selectable<CategoriesTable>
export type Tag = Selectable<TagsTable>
export type Author = Selectable<AuthorsTable>
export type Media = Selectable<MediaTable>
export type Article = Selectable<ArticlesTable>
export type NewArticle = Insertable<ArticlesTable>
export type ArticleUpdate = Updateable<ArticlesTable>
export type Revision = Selectable<RevisionsTable>
