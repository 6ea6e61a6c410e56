import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * A setting from wrangler.toml's [vars], read at build time: SITE_TIMEZONE so the
 * editors' screens and the API format times in the same zone (the UI turns a
 * datetime-local value typed in site time into an instant), SITE_URL so a pasted
 * photo of the public site is recognised as a library photo.
 */
function wranglerVar(name: string, fallback: string): string {
  const toml = readFileSync(here('../wrangler.toml'), 'utf8')
  return new RegExp(`^\\s*${name}\\s*=\\s*"([^"]+)"`, 'm').exec(toml)?.[1] ?? fallback
}

/**
 * Files for the root of the assets directory (admin-ui/dist), one level above the
 * build output (admin-ui/dist/admin). `_headers`: the app loads nothing from other
 * origins, so the policy is strict; Tiptap sets inline style attributes, hence
 * 'unsafe-inline' for styles only. Hashed assets are cached for good.
 */
function assetFiles(): Plugin {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ')
  const headers = [
    '/admin/*',
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: same-origin',
    '  X-Frame-Options: DENY',
    '/admin/assets/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n')
  return {
    name: 'tin-asset-files',
    apply: 'build',
    closeBundle() {
      writeFileSync(here('dist/_headers'), headers)
      // `not_found_handling = "single-page-application"` answers a miss with the
      // assets root's /index.html: the same page (its asset URLs are absolute under
      // /admin/), so /admin/articles/12 opens the editor on a reload or a shared link.
      copyFileSync(here('dist/admin/index.html'), here('dist/index.html'))
    },
  }
}

/** The editors' app: built to admin-ui/dist/admin and served by Workers assets under /admin/. */
export default defineConfig({
  root: here('.'),
  base: '/admin/',
  publicDir: false,
  define: {
    __SITE_TIME_ZONE__: JSON.stringify(wranglerVar('SITE_TIMEZONE', 'Asia/Ho_Chi_Minh')),
    __SITE_URL__: JSON.stringify(wranglerVar('SITE_URL', '')),
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  plugins: [assetFiles()],
  server: {
    // `npm run dev:admin` next to `npm run dev`: the API stays same-origin for the
    // session cookie, and Origin is rewritten so the API's CSRF check passes.
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:8787',
        configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('origin', 'http://127.0.0.1:8787')),
      },
    },
  },
})
