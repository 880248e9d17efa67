/** out/manifest.json: what was built from what, so the next build can skip, compare and verify. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Format } from '../config/config-schema.js'
import { isBaseline, isLocaleSummaries, type Baseline, type EditionSnapshot } from '../edition/snapshot.js'
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
  /**
   * Made by an earlier build from inputs that have changed since, and not rebuilt by this one
   * (another locale or format than it made): still in out/, but not this edition's.
   */
  outdated?: true
}

/** A zip `casebook pack` wrote, and which artifacts it holds. */
export interface ManifestZip {
  locale: string
  path: string
  sha256: string
  /** `zipContents` of the artifacts it was made from: the zip is outdated once the locale's differ. */
  contents: string
  /** Made from artifacts this build has replaced: `pack` writes it anew, `--clean` removes it. */
  outdated?: true
}

/** The manifest file's shape. */
export interface Manifest {
  casebook: string
  sourceDate: string
  title: string
  inputs: Array<{ path: string; sha256: string; format: 'outline' | 'markdown' }>
  /** The recorded edition this pack is (`casebook pack`, `--edition`), or null for a build between editions. */
  edition: string | null
  /** This edition's content, case by case. */
  tree: TreeSummary
  /** Each locale's content, as its notes compare it. */
  locales: EditionSnapshot['locales']
  /** Each case's translation mark (see snapshot.ts). */
  marks?: string[]
  /** What the edition notes compare against; null for a first edition. */
  baseline: Baseline | null
  /** Every artifact of the pack, whichever locales and formats this build made. */
  artifacts: ManifestArtifact[]
  /** The zips `casebook pack` wrote, one per locale. */
  zips: ManifestZip[]
  /** Files in the out folder that belong to no artifact of the pack (`--clean` removes them). */
  strays: string[]
}

/** What a locale's zip holds, as a hash of its current artifacts' paths and bytes: equal when a zip would be the same. */
export function zipContents(artifacts: readonly ManifestArtifact[], locale: string): string {
  const current = artifacts.filter((artifact) => artifact.locale === locale && !artifact.outdated).map((artifact) => `${artifact.path} ${artifact.sha256}`)
  return createHash('sha256').update(current.sort().join('\n')).digest('hex')
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
    if (Array.isArray(manifest.artifacts) && isTreeSummary(manifest.tree)) return upgraded(manifest as Manifest)
    onUnreadable?.('it is not a casebook manifest')
  } catch (error) {
    onUnreadable?.(`it is not valid JSON (${(error as Error).message})`)
  }
  return null
}

/**
 * A manifest as this casebook writes it. One written before editions were recorded has no
 * locales and a bare tree as its baseline: what its notes compared with, from a build before.
 */
function upgraded(manifest: Manifest): Manifest {
  const baseline: unknown = manifest.baseline
  return {
    ...manifest,
    edition: typeof manifest.edition === 'string' ? manifest.edition : null,
    locales: isLocaleSummaries(manifest.locales) ? manifest.locales : {},
    marks: Array.isArray(manifest.marks) && manifest.marks.every((mark) => typeof mark === 'string') ? manifest.marks : undefined,
    baseline: isBaseline(baseline) ? baseline : isTreeSummary(baseline) ? { label: { kind: 'first-build', date: manifest.sourceDate }, tree: baseline, locales: {} } : null,
    strays: Array.isArray(manifest.strays) ? manifest.strays.filter((path) => typeof path === 'string') : [],
    zips: Array.isArray(manifest.zips) ? manifest.zips.filter((zip) => typeof zip?.path === 'string' && typeof zip.locale === 'string' && typeof zip.contents === 'string') : [],
  }
}
