/** The shapes of a build: what it is asked, what it tells while it runs, and what it returns. */
import type { Browser } from 'puppeteer-core'
import type { VFile } from 'vfile'
import type { Format } from '../config/config-schema.js'
import type { ResolvedConfig } from '../config/load-config.js'
import type { TreeChanges } from '../edition/diff-trees.js'
import type { CasebookError } from '../errors.js'
import type { ParsedDocument } from '../types.js'
import type { ManifestArtifact, ManifestZip } from './manifest.js'

/** What a build is asked to do; unset fields come from the config, then defaults. */
export interface BuildOptions {
  input?: string
  out?: string
  formats?: Format[]
  locales?: string[]
  config?: string
  /** Rebuild every artifact even when its inputs are unchanged. */
  force?: boolean
  /**
   * Compare with this edition instead of the last recorded one: a recorded edition's name, an
   * earlier manifest.json or source document, a git revision, or `last-tag`.
   */
  since?: string
  /** Record this build as an edition (what `casebook pack` does): under this name, or (true) the default one. */
  edition?: string | true
  /** Remove what no longer belongs to the pack: outdated artifacts and stray files. */
  clean?: boolean
  browserPath?: string
  /** A running browser to print with (kept warm by `watch`); the build neither launches nor closes one then. */
  browser?: Browser
  cwd?: string
  /**
   * The clock a build without SOURCE_DATE_EPOCH or a document date takes its date from;
   * only the day counts (midnight UTC). By default the system clock.
   */
  now?: () => Date
  /** Told about each step, for progress output; the library itself prints nothing. */
  onProgress?: (event: ProgressEvent) => void
}

/** A step of a build, for progress output. */
export type ProgressEvent =
  | { type: 'render'; locale: string; format: Format }
  | { type: 'rendered'; locale: string; format: Format; bytes: number }
  | { type: 'skip'; locale: string; format: Format }
  | { type: 'write'; path: string; bytes: number }
  /**
   * Another build holds the output folder's lock (`lock`), and this one waits for it to finish;
   * told once per holder, when the wait begins. `host` is set when the holder runs on another machine.
   */
  | { type: 'wait'; pid: number; host?: string; out: string; lock: string }
  /** How long a step took: the document's loading, the browser's launch, a step of one render (with its locale and format). */
  | { type: 'step'; step: string; ms: number; locale?: string; format?: Format }

/** One artifact of the pack, as the manifest records it. */
export type WrittenArtifact = ManifestArtifact

/** A format that could not be produced, and why. */
export interface FailedRender {
  locale: string
  format: Format
  error: CasebookError
}

/** The outcome of a build. */
export interface BuildResult {
  config: ResolvedConfig
  document: ParsedDocument
  out: string
  /** Every artifact of the pack, rebuilt or kept. */
  artifacts: WrittenArtifact[]
  /** Paths (relative to `out`) written by this build; empty when nothing changed. */
  written: string[]
  /** Artifacts rendered again (their inputs changed) whose bytes came out the same: not rewritten. */
  unchanged: string[]
  /** Paths (relative to `out`) that `clean` removed: outdated artifacts and strays. */
  removed: string[]
  /** Files in `out` that belong to no part of the pack (kept unless `clean`). */
  strays: string[]
  /** The zips `pack` wrote before, marked outdated once their locale's artifacts have changed. */
  zips: ManifestZip[]
  /** The recorded edition this pack is, or null for a build between editions. */
  edition: string | null
  failures: FailedRender[]
  /** What changed in the source since the baseline (each locale's notes say it in its words); null for a first edition. */
  changes: TreeChanges | null
  /** Files besides the sources whose messages the build reports: translations and incomplete catalogs. */
  reports: VFile[]
}
