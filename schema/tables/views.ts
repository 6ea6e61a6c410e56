/** Table types for the views feature's migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ViewTables {}
