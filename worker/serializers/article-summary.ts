/**
 * The partner summary view of a public article (or search hit): everything the
 * public serializer shows but `body_html`, which is left out rather than sent as
 * null, so `fields=body_html` and a missing body read the same way. A key whose
 * scope is `summary` only ever gets this view (docs/partners.md).
 */
export function withoutBody<T extends { body_html?: string }>(article: T): T {
  const { body_html: _body, ...rest } = article
  return rest as T
}
