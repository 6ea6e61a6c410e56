import { ApiError } from './errors'

/**
 * Optimistic concurrency errors. A write names the version it was based on with
 * `If-Match`; without one it is refused (428) so no client overwrites an edit it
 * never saw, and with an old one it gets 412 and the current version (also as the
 * ETag) to reload from.
 */
export function requireIfMatch(version: number | undefined): number {
  if (version === undefined) {
    throw new ApiError(428, 'precondition_required', 'This write needs an If-Match header with the version you edited', [
      { path: 'header.if-match', message: 'is required, e.g. If-Match: "3"' },
    ])
  }
  return version
}

export const staleVersion = (resource: string, current: number) =>
  new ApiError(
    412,
    'precondition_failed',
    `The ${resource} was changed by someone else; reload it and apply your edit again`,
    [{ path: 'header.if-match', message: `current version is ${current}` }],
    { ETag: versionTag(current) },
  )

/** The client's If-Match version, required (428) and equal to `current` (412). */
export function matchVersion(resource: string, ifMatch: number | undefined, current: number): number {
  const version = requireIfMatch(ifMatch)
  if (version !== current) throw staleVersion(resource, current)
  return version
}

/** A version as its ETag (and the If-Match value that names it): `"3"`. */
export const versionTag = (version: number) => `"${version}"`
