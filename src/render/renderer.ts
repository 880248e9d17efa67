/** The one interface every output format implements: (tree, context) → artifact bytes. */
import type { Browser } from 'puppeteer-core'
import type { Format } from '../config/config-schema.js'
import type { ResolvedConfig } from '../config/load-config.js'
import type { Locale } from '../locale/load-locale.js'
import type { CaseDocument, ImageAsset } from '../types.js'
import type { TreeChanges } from '../edition/diff-trees.js'
import type { RuleId } from '../messages/rule-ids.js'
import { shareWork, type SharedKey, type SharedWork } from './shared-work.js'

/** What a renderer may use besides the tree. Renderers never re-read the source. */
export interface RenderContext {
  locale: Locale
  config: ResolvedConfig
  /** Template folders, the user's first. */
  templateDirs: string[]
  /** The one time every artifact records (document date or SOURCE_DATE_EPOCH), for reproducible bytes. */
  sourceDate: Date
  /** The build's shared browser, launched on first use and closed by the build. */
  browser(): Promise<Browser>
  /** What changed since the previous edition, for edition notes; null for a first edition. */
  changes?: TreeChanges | null
  /** The pictures the document's figures show, by the sha256 in their `data` (read with the source). */
  images?: ReadonlyMap<string, ImageAsset>
  /** Work shared between renderers of one locale, such as the report HTML the PDF prints. */
  shared: SharedWork
  /** Told how long each step of a render took (`casebook build --timings`); absent, nothing is measured. */
  onStep?: (step: string, ms: number) => void
}

/** One output file, named relative to the locale's folder. */
export interface Artifact {
  name: string
  bytes: Uint8Array
  /** Page or slide count, where the format has pages. */
  pages?: number
  /** What did not come out as the source or templates ask (a slide its content overflows): build warnings on the artifact, each a rule and a sentence. */
  warnings?: ArtifactWarning[]
}

/** A build warning about an artifact. */
export interface ArtifactWarning {
  ruleId: RuleId
  message: string
}

/** An output format. */
export interface Renderer {
  format: Format
  /** File names this renderer writes, for planning and messages. */
  outputs: readonly string[]
  /** Prints through the build's browser, so a build that will render it can start the browser early. */
  usesBrowser?: boolean
  render(document: CaseDocument, context: RenderContext): Promise<Artifact[]>
}

/** Runs `make` once per locale for `key`, so two renderers can share its result. */
export function shared<T>(context: RenderContext, key: SharedKey<T>, make: () => Promise<T>): Promise<T> {
  return shareWork(context.shared, key, make)
}
