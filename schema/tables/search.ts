/** Table types for the search feature's migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
