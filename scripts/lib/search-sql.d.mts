export function dropStatements(migrationSql: string): string[]
export function rebuildSql(migrationSql: string): string
