/**
 * Bundles the CLI into dist/bundle/ with esbuild. Node loads one file (plus a
 * chunk per lazily loaded command or renderer) instead of hundreds of small
 * modules (~180 ms of a 1.3 s 1,000-case build when measured). dist/ (tsc) stays the
 * library API; only bin/casebook.js runs the bundle.
 */
import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
// tsc has run first (npm run build): the bundle's fingerprint uses the library's own hashing.
import { FINGERPRINT_FILE, hashFiles } from '../dist/code-fingerprint.js'

/**
 * puppeteer-core's browser downloader reaches the network through proxy-agent, whose PAC
 * support brings a JavaScript engine (quickjs), a parser and an FTP client: 1.5 MB that Node
 * compiled before every browser launch (~20 ms), for downloads casebook never makes (it drives
 * an installed Chromium). A stand-in that refuses to be used takes its place.
 */
const withoutBrowserDownloads = {
  name: 'without-browser-downloads',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'casebook-stand-in' }))
    build.onLoad({ filter: /.*/, namespace: 'casebook-stand-in' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('casebook does not download browsers') } }",
      loader: 'js',
    }))
  },
}

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist/bundle`
rmSync(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: { casebook: 'src/cli/main.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded lazily and large, or reading files beside their own code (wasm, fonts, a native addon): left to node_modules.
  // puppeteer-core is bundled (its own lazy chunk): Node then loads one file instead of ~400
  // modules, ~110 ms less before every PDF's browser can start (87 ms against 198 ms to import).
  external: ['docx', 'pptxgenjs', '@resvg/resvg-js', 'subset-font', 'pdf-lib', 'chokidar', 'opencc-js', 'lightningcss', 'autocorrect-node'],
  // CommonJS dependencies (handlebars) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __casebookRequire } from 'node:module'; const require = __casebookRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [withoutBrowserDownloads],
  // Stack traces under --debug point at src/ through these (bin/casebook.js turns source maps on).
  sourcemap: 'linked',
  logLevel: 'warning',
})
// Recorded now, so a CLI build reads 64 bytes instead of hashing every chunk.
writeFileSync(`${outdir}/${FINGERPRINT_FILE}`, (await hashFiles(outdir)) + '\n')
