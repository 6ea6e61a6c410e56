/** Types of verify-webhook.mjs, for the TypeScript tests that run it. */
export declare function verifyTinSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | undefined | null,
  options?: { toleranceSeconds?: number; now?: number },
): boolean
