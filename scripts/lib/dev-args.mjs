/**
 * The `wrangler dev` command line of `npm start`.
 *
 * SITE_URL builds every article's `url` and `canonical_url` and media URLs, so it
 * follows the address the worker is served on (wrangler.toml's default names 8787,
 * and `PORT=8791 npm start` must not link to a server that is not there), unless the
 * user chose one:
 * - SITE_URL in the environment wins; wrangler does not pass the environment to the
 *   worker, so it goes on the command line;
 * - else a SITE_URL in the files wrangler reads (.dev.vars, or .env) stays theirs:
 *   wrangler loads it, and a --var would override it;
 * - else http://HOST:PORT.
 *
 * @param {{ host: string, port: string, persistTo?: string, env?: Record<string, string | undefined>, fileVars?: Record<string, string> }} options
 *   `fileVars`: what wrangler reads from .dev.vars / .env (scripts/lib/dev-vars.mjs).
 * @returns {string[]}
 * @example
 * wranglerDevArgs({ host: '127.0.0.1', port: '8791' })
 * // ['dev', '--ip', '127.0.0.1', '--port', '8791', '--show-interactive-dev-session=false', '--var', 'SITE_URL:http://127.0.0.1:8791']
 */
export function wranglerDevArgs({ host, port, persistTo, env = {}, fileVars = {} }) {
  const args = ['dev', '--ip', host, '--port', port, '--show-interactive-dev-session=false']
  if (persistTo) args.push('--persist-to', persistTo)
  if (env.SITE_URL) args.push('--var', `SITE_URL:${env.SITE_URL}`)
  else if (!fileVars.SITE_URL) args.push('--var', `SITE_URL:http://${host}:${port}`)
  return args
}
