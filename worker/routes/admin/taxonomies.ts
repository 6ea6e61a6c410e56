import { NoQuery } from '../../../schema/api/taxonomy'
import {
  AdminAuthorList,
  AdminAuthorResponse,
  AdminCategoryList,
  AdminCategoryResponse,
  AdminTagList,
  AdminTagResponse,
  AdminTaxonomyListQuery,
  AuthorCreate,
  AuthorPatch,
  CategoryCreate,
  CategoryPatch,
  TagCreate,
  TagPatch,
} from '../../../schema/api/admin-taxonomies'
import { serializeAdminAuthor, serializeAdminCategory, serializeAdminTag } from '../../serializers/taxonomy-admin'
import { createAuthor, deleteAuthor, getAdminAuthor, listAdminAuthors, updateAuthor } from '../../services/editorial/authors'
import { createCategory, deleteCategory, getAdminCategory, listAdminCategories, updateCategory } from '../../services/editorial/categories'
import { createTag, deleteTag, getAdminTag, listAdminTags, updateTag } from '../../services/editorial/tags'
import { taxonomyRoutes } from './taxonomy-routes'

/** Categories: a tree (parent_id must exist and make no cycle); only an empty one can be deleted. */
export const adminCategoryRoutes = taxonomyRoutes({
  tag: 'Admin: categories',
  label: 'category',
  schemas: { list: AdminCategoryList, listQuery: NoQuery, create: CategoryCreate, patch: CategoryPatch, one: AdminCategoryResponse },
  list: (db) => listAdminCategories(db),
  get: getAdminCategory,
  create: createCategory,
  update: updateCategory,
  remove: deleteCategory,
  serialize: serializeAdminCategory,
  deleteNote: 'A category with articles (any status, trash included) or subcategories is a 409.',
})

/** Tags: one per slug ("Đà Nẵng" and "Da Nang" are the same tag). */
export const adminTagRoutes = taxonomyRoutes({
  tag: 'Admin: tags',
  label: 'tag',
  schemas: { list: AdminTagList, listQuery: AdminTaxonomyListQuery, create: TagCreate, patch: TagPatch, one: AdminTagResponse },
  list: listAdminTags,
  get: getAdminTag,
  create: createTag,
  update: updateTag,
  remove: deleteTag,
  serialize: serializeAdminTag,
  deleteNote: 'Articles lose the tag.',
})

/** Authors: the bylines of articles, optionally linked to a staff account. */
export const adminAuthorRoutes = taxonomyRoutes({
  tag: 'Admin: authors',
  label: 'author',
  schemas: { list: AdminAuthorList, listQuery: AdminTaxonomyListQuery, create: AuthorCreate, patch: AuthorPatch, one: AdminAuthorResponse },
  list: listAdminAuthors,
  get: getAdminAuthor,
  create: createAuthor,
  update: updateAuthor,
  remove: deleteAuthor,
  serialize: serializeAdminAuthor,
  deleteNote: 'Articles lose the byline.',
})
