/**
 * The house's layers, read from the imports of every file under src/: render never reaches
 * up into the pack builder, a format never reaches into another format's folder, and no
 * file imports itself through a circle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const FORMATS = ['html', 'pdf', 'slides', 'docx', 'pptx']

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return listSources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Each src file (relative to src/) and the src files it imports, static or dynamic. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const pattern = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g
  for (const file of listSources(SRC)) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(pattern)].map((match) => relative(SRC, resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))))
    graph.set(relative(SRC, file), targets)
  }
  return graph
}

/** The format folder (render/<format>/) a src path lies in, or null. */
function formatOf(path: string): string | null {
  const [top, folder] = path.split('/')
  return top === 'render' && folder !== undefined && FORMATS.includes(folder) ? folder : null
}

/**
 * The layers, lowest first: a file imports only from its own layer or lower ones.
 * A folder stands for its files; a file at src/'s top is named itself.
 */
const LAYERS: string[][] = [
  ['errors.ts', 'types.ts', 'version.ts', 'package-root.ts', 'process-cleanup.ts', 'timed.ts', 'code-fingerprint.ts', 'dependency-cache.ts', 'vendor', 'text'],
  ['messages', 'io'],
  ['config', 'browser'],
  ['parse'],
  ['check'],
  ['load-document.ts', 'locale'],
  ['edition'],
  ['render'],
  ['pack'],
  ['watch', 'serve'],
  ['cli', 'index.ts'],
]

/** Imports allowed up a layer, with why: none. */
const UPWARD_EXCEPTIONS = new Set<string>([])

/** The layer of a src path (its index in LAYERS), or -1 when it has none. */
function layerOf(path: string): number {
  const top = path.split('/')[0]!
  return LAYERS.findIndex((layer) => layer.includes(top))
}

/** Every import circle, each as the files around it. */
function findCircles(graph: Map<string, string[]>): string[][] {
  const circles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return circles
}

describe('architecture', () => {
  const graph = importGraph()
  const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })))

  it('reads the imports it judges', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect(edges.some(({ from, to }) => from === 'pack/build-pack.ts' && to === 'render/registry.ts')).toBe(true)
  })

  it('render never imports the pack builder', () => {
    expect(edges.filter(({ from, to }) => from.startsWith('render/') && to.startsWith('pack/'))).toEqual([])
  })

  it('every src file has a layer, and imports only from its own layer or lower ones', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) < 0)).toEqual([])
    const upward = edges.filter(({ from, to }) => layerOf(to) > layerOf(from)).map(({ from, to }) => `${from} → ${to}`)
    expect(upward.filter((edge) => !UPWARD_EXCEPTIONS.has(edge))).toEqual([])
  })

  it('no format folder imports another format folder', () => {
    const crossing = edges.filter(({ from, to }) => formatOf(from) !== null && formatOf(to) !== null && formatOf(from) !== formatOf(to))
    expect(crossing).toEqual([])
  })

  it('has no import circles', () => {
    expect(findCircles(graph).map((circle) => circle.join(' → '))).toEqual([])
  })
})
