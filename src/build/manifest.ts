/** out/manifest.json: what was built from what, so the next build can skip, compare and verify. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Format } from '../config/config-schema.js'
import type { TreeSummary } from './tree-summary.js'

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

/** Reads the previous build's manifest; null when there is none or it is unreadable (then everything is rebuilt). */
export async function readManifest(out: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(join(out, MANIFEST), 'utf8')) as Manifest
    return Array.isArray(manifest.artifacts) && manifest.tree ? manifest : null
  } catch {
    return null
  }
}
