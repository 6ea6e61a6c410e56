/** Table types for the auth feature's migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuthTables {}
