/** Table types for the editorial feature's migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditorialTables {}
