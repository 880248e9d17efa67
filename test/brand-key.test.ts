/**
 * Artifact keys hold the brand's content, not its bytes or paths: a changed logo or font file
 * changes every key, the same logo read from another path changes none (issue 20: artifacts
 * change when the brand does, and only then).
 */
import { describe, expect, it } from 'vitest'
import { loadConfig, type ResolvedConfig } from '../src/config/load-config.js'
import type { Brand } from '../src/config/brand.js'
import { artifactKey } from '../src/pack/artifact-key.js'
import { loadDocument } from '../src/load-document.js'
import { SEED } from './helpers/cli.js'

const { tree } = await loadDocument(SEED)

async function keyWith(brand: Brand): Promise<string> {
  const config: ResolvedConfig = { ...(await loadConfig(null)), brand }
  return artifactKey({ format: 'html', locale: 'zh-CN', tree, config, templates: 'templates', sourceDate: new Date(0), changes: null })
}

const logo = (bytes: number[], sha256: string, path = 'logo.png') => ({ path, bytes: new Uint8Array(bytes), type: 'image/png' as const, width: 1, height: 1, sha256 })
const file = (fingerprint: string, path = '/p/house.ttf') => ({ family: 'House Sans', source: { type: 'files' as const, files: [{ weight: 400, style: 'normal' as const, path }] }, fingerprint })
const brand = (overrides: Partial<Brand>): Brand => ({
  colors: { primary: '#000080', accent: '#ffd700', text: '#111111', background: '#ffffff', muted: '#666666' },
  fonts: { body: {}, headings: {} },
  custom: true,
  ...overrides,
})

describe('artifact keys and the brand', () => {
  it('change with the logo’s content, not with its path or where the bytes were read', async () => {
    const base = await keyWith(brand({ logo: logo([1, 2], 'a'.repeat(64)) }))
    expect(await keyWith(brand({ logo: logo([1, 2], 'a'.repeat(64), 'art/renamed.png') }))).toBe(base)
    expect(await keyWith(brand({ logo: logo([1, 3], 'b'.repeat(64)) }))).not.toBe(base)
    expect(await keyWith(brand({}))).not.toBe(base)
  })

  it('change with a font file’s bytes (its fingerprint), not its path', async () => {
    const base = await keyWith(brand({ fonts: { body: { latin: file('1'.repeat(64)) }, headings: {} } }))
    expect(await keyWith(brand({ fonts: { body: { latin: file('1'.repeat(64), '/elsewhere/house.ttf') }, headings: {} } }))).toBe(base)
    expect(await keyWith(brand({ fonts: { body: { latin: file('2'.repeat(64)) }, headings: {} } }))).not.toBe(base)
    expect(await keyWith(brand({ fonts: { body: {}, headings: { latin: file('1'.repeat(64)) } } }))).not.toBe(base)
  })

  it('change with a colour or a text line', async () => {
    const base = await keyWith(brand({ classification: '内部资料' }))
    expect(await keyWith(brand({ classification: '公开' }))).not.toBe(base)
    expect(await keyWith(brand({ classification: '内部资料', colors: { ...brand({}).colors, accent: '#ffd701' } }))).not.toBe(base)
  })
})
