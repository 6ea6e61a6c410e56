/**
 * The SQL behind `npm run search:drop` and `npm run search:rebuild`, derived from the
 * search migration itself so the scripts cannot drift from it.
 *
 * drop:    DROP ... IF EXISTS for every trigger, view and FTS table the migration
 *          creates (triggers first, so articles stay writable without the index).
 * rebuild: drop, then the whole migration again: it recreates everything and fills
 *          the index from the articles table.
 */
const CREATED = /CREATE\s+(VIRTUAL\s+TABLE|VIEW|TRIGGER)\s+(\w+)/gi
const ORDER = { TRIGGER: 0, VIEW: 1, TABLE: 2 }

/** @param {string} migrationSql @returns {string[]} */
export function dropStatements(migrationSql) {
  const code = migrationSql.replace(/--[^\n]*/g, '')
  return [...code.matchAll(CREATED)]
    .map((m) => ({ kind: /^VIRTUAL/i.test(m[1]) ? 'TABLE' : m[1].toUpperCase(), name: m[2] }))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
    .map((o) => `DROP ${o.kind} IF EXISTS ${o.name};`)
}

/** @param {string} migrationSql @returns {string} */
export function rebuildSql(migrationSql) {
  return [...dropStatements(migrationSql), migrationSql].join('\n')
}
