import * as v from 'valibot'

/**
 * What the OpenAPI document says of every text field that is not HTML: stored and
 * served as typed (the API does not escape it, and only `body_html` is sanitized),
 * so a frontend must escape it wherever it goes into HTML, an attribute or a URL.
 */
export const PLAIN_TEXT = 'Plain text, not HTML: served as typed (it may hold <, >, & and quotes); escape it when you put it into HTML.'

/**
 * A schema documented as plain text (PLAIN_TEXT), with an optional lead sentence.
 *
 * @example
 * title: plainText(v.string(), 'The headline')
 */
export const plainText = <S extends v.GenericSchema>(schema: S, what?: string) => v.pipe(schema, v.description(what ? `${what}. ${PLAIN_TEXT}` : PLAIN_TEXT))
