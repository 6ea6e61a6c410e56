/**
 * What a media library key looks like: path segments of safe characters (the
 * library writes `{sha256 prefix}.{ext}`; older keys may carry a `2026/` folder).
 * One definition for every place that reads a key from a URL: the `/media/{key}`
 * route and the article sanitizer.
 */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/

/** Longest key accepted (R2 allows 1,024 bytes; docs/limits.md). */
export const MAX_KEY_LENGTH = 512

/** Whether `key` is a well-formed media key (no `..` segment, not too long). */
export const isMediaKey = (key: string) => key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key) && !key.includes('..')
