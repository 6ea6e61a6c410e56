/**
 * Values for generated requests: what a JSON schema of the OpenAPI document
 * allows (so requests get past validation and reach the database), and what no
 * schema allows (so validation itself is tried).
 */
import fc from 'fast-check'

export interface Schema {
  type?: string | string[]
  enum?: unknown[]
  anyOf?: Schema[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  maxItems?: number
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  $ref?: string
}

const VI_LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÀẾƯƠ'
/** Vietnamese newsroom text: letters with every tone, digits, spaces and headline punctuation. */
export const viText = (minLength = 0, maxLength = 120) =>
  fc.string({ unit: fc.constantFrom(...`${VI_LETTERS}0123456789     :,.-–“”%/`), minLength, maxLength })

/** Strings no schema means: LIKE wildcards at length, SQL, HTML, control characters, lone surrogates. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom("' OR 1=1 --", '%_%_%_%', '%'.repeat(300), '_'.repeat(120), '\\', '<script>alert(1)</script>', '\u0000', '\ud800', '../../etc/passwd', 'NEAR(a b)', '"', '*', '-', ''),
  fc.constant('thua-thien-hue-'.repeat(40)),
)

/** Any JSON at all, including the wrong type for every field and 100 KB of text. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constant('Đ'.repeat(100_000)),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1e308, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
)

/** ISO 8601 instants with offsets, from 1900 to 2100, as clients send them. */
const instants = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).chain((d) =>
  fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', '+07:00'), d.toISOString().slice(0, 19)),
)

/** A value `schema` allows (most of the time: text pools are not checked against every pattern). */
export function allowed(schema: Schema | undefined, resolve: (ref: string) => Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileJson
  if (schema.$ref) return allowed(resolve(schema.$ref), resolve, depth + 1)
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => allowed(s, resolve, depth + 1)))
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const type = [schema.type].flat()[0]
  if (schema.pattern && (type === 'number' || type === 'integer')) {
    // A number sent as text (limit, an id): mostly in range, sometimes any text the pattern allows.
    const inRange = fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 1_000, 1_000_000) })
    return fc.oneof({ arbitrary: inRange, weight: 4 }, { arbitrary: fc.stringMatching(new RegExp(schema.pattern)), weight: 1 })
  }
  if (schema.pattern && schema.format !== 'uri') {
    const max = schema.maxLength ?? 200
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= max)
  }
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return instants
      if (schema.format === 'uri') return fc.webUrl()
      return viText(schema.minLength ?? 0, Math.min(schema.maxLength ?? 200, 300))
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(schema.minimum ?? -5, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9) })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(allowed(schema.items, resolve, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 8) })
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, allowed(s, resolve, depth + 1)]))
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) })
    }
  }
  return hostileJson
}

/** `arb` with probability `p`, else null. */
export const maybe = <T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: arb, weight: Math.round(p * 100) }, { arbitrary: fc.constant(null), weight: Math.round((1 - p) * 100) })

/** Mostly an allowed value, sometimes anything. */
export const usually = (schema: Schema | undefined, resolve: (ref: string) => Schema) =>
  fc.oneof({ arbitrary: allowed(schema, resolve), weight: 4 }, { arbitrary: hostileJson, weight: 1 })
