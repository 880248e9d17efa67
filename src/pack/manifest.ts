/** out/manifest.json: what was built from what, so the next build can skip, compare and verify. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Format } from '../config/config-schema.js'
import { isTreeSummary, type TreeSummary } from '../edition/tree-summary.js'

/** One artifact as recorded. `key` hashes everything it was built from. */
export interface ManifestArtifact {
  locale: string
  format: Format
  path: string
  bytes: number
  sha256: string
  pages?: number
  key: string
}

/** The manifest file's shape. */
export interface Manifest {
  casebook: string
  sourceDate: string
  title: string
  inputs: Array<{ path: string; sha256: string; format: 'outline' | 'markdown' }>
  /** This edition's content, case by case. */
  tree: TreeSummary
  /** The edition before this one, which the edition notes compare against; null for a first edition. */
  baseline: TreeSummary | null
  artifacts: ManifestArtifact[]
}

/** The manifest's file name inside the output folder. */
export const MANIFEST = 'manifest.json'

/**
 * Reads the previous build's manifest; null when there is none or it is unreadable
 * (then everything is rebuilt). `onUnreadable` hears why a manifest that exists was not used,
 * so a build can say that its edition notes lost their baseline instead of calling it a first edition.
 */
export async function readManifest(out: string, onUnreadable?: (reason: string) => void): Promise<Manifest | null> {
  let text: string
  try {
    text = await readFile(join(out, MANIFEST), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onUnreadable?.((error as Error).message)
    return null
  }
  try {
    const manifest = JSON.parse(text) as Partial<Manifest>
    if (Array.isArray(manifest.artifacts) && isTreeSummary(manifest.tree)) return manifest as Manifest
    onUnreadable?.('it is not a casebook manifest')
  } catch (error) {
    onUnreadable?.(`it is not valid JSON (${(error as Error).message})`)
  }
  return null
}
