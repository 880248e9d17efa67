/** The server's `/`: the pack's artifacts by locale, read from manifest.json. */
import type { Manifest } from '../pack/manifest.js'

/** An HTML page listing `manifest`'s artifacts; null shows that nothing is built yet. */
export function indexPage(manifest: Manifest | null): string {
  const title = escapeHtml(manifest?.title || 'casebook')
  const body = manifest ? listing(manifest) : '<p>No pack has been built yet. This page reloads when the first build finishes.</p>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}h2{margin-top:1.5rem}small{color:#666}</style>
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`
}

function listing(manifest: Manifest): string {
  const locales = [...new Set(manifest.artifacts.map((artifact) => artifact.locale))]
  const sections = locales.map((locale) => {
    const items = manifest.artifacts
      .filter((artifact) => artifact.locale === locale)
      .map((artifact) => {
        const size = `${Math.round(artifact.bytes / 1024)} KB${artifact.pages ? `, ${artifact.pages} pages` : ''}`
        return `<li><a href="/${encodePath(artifact.path)}">${escapeHtml(artifact.path.split('/').pop() ?? artifact.path)}</a> <small>${artifact.format}, ${size}${artifact.outdated ? ', outdated: from an earlier source' : ''}</small></li>`
      })
    items.push(`<li><a href="/${encodePath(locale)}/CHANGES.md">CHANGES.md</a> <small>edition notes</small></li>`)
    return `<section lang="${escapeHtml(locale)}"><h2>${escapeHtml(locale)}</h2>\n<ul>\n${items.join('\n')}\n</ul></section>`
  })
  return `${sections.join('\n')}\n<p><a href="/CHANGES.md">CHANGES.md</a> · <a href="/manifest.json">manifest.json</a></p>`
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
