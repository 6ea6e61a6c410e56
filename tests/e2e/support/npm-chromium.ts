import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface UnpackedChromium {
  executablePath: string
  /** Set for the browser process: the shipped libraries and fonts. */
  env: Record<string, string>
  version: string
}

// Runs in a child whose TMPDIR is the staging directory: the package unpacks into
// os.tmpdir() (chromium, fonts/, the SwiftShader libraries), and its Amazon Linux
// archive holds the NSS, NSPR and expat libraries the binary links against, which a
// bare Debian does not have (Debian's come with its chromium package).
const UNPACK = `
import Chromium, { inflate } from '@sparticuz/chromium'
await Chromium.executablePath()
await inflate(process.argv[1] + '/al2023.tar.br')
`

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The machine's fonts when it has fontconfig, plus the Open Sans the package ships (Vietnamese included). */
const fontsConf = (dir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(join(dir, 'fonts/fonts'))}</dir>
  <cachedir>${xml(join(dir, 'fonts-cache'))}</cachedir>
</fontconfig>
`

/**
 * The Chromium that `npm install` brings: @sparticuz/chromium ships a brotli-compressed
 * chrome-headless-shell inside the package. Left to itself it unpacks into /tmp/chromium,
 * which every project and version on the machine shares and which it uses as soon as the
 * file exists, even half-written by a concurrent run. Here it is unpacked once per
 * package version under node_modules/.cache, into a staging directory renamed into
 * place, so a run sees either nothing or the whole browser. About 210 MB, 2 s.
 * Linux x64 only (the one binary the package ships).
 */
export async function npmChromium(root = process.cwd()): Promise<UnpackedChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`it ships a Linux x64 binary only, this is ${process.platform}-${process.arch}`)
  const entry = createRequire(join(root, 'package.json')).resolve('@sparticuz/chromium')
  const pkgDir = join(dirname(entry), '..')
  const { version } = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { version: string }
  const dir = join(root, 'node_modules/.cache', `sparticuz-chromium-${version}`)
  const result = {
    executablePath: join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: join(dir, 'al2023/lib'), FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    version,
  }
  if (existsSync(result.executablePath)) return result

  await mkdir(dirname(dir), { recursive: true })
  const staging = await mkdtemp(`${dir}.unpacking-`)
  try {
    await run(process.execPath, ['--input-type=module', '-e', UNPACK, join(pkgDir, 'bin')], {
      cwd: root,
      env: { ...process.env, TMPDIR: staging },
      timeout: 120_000,
    })
    await writeFile(join(staging, 'fonts.conf'), fontsConf(dir))
    await rename(staging, dir)
  } catch (err) {
    await rm(staging, { recursive: true, force: true })
    // Another run renamed its copy into place first: use that one.
    if (!existsSync(result.executablePath)) throw err
  }
  return result
}
