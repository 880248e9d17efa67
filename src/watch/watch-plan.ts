/**
 * What a watch looks at: the input, the translations beside it, the config
 * file and the user's templates folder, resolved the way `buildPack` resolves them.
 */
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Format } from '../config/config-schema.js'
import { BRAND_FILE, findConfig, loadConfig, type ResolvedConfig } from '../config/load-config.js'
import { checkOutFolder, outSetting } from '../pack/check-out-folder.js'
import { isMarkdown } from '../parse/source-names.js'

/** The resolved inputs and outputs of a watched build, and which file changes matter to it. */
export interface WatchPlan {
  config: ResolvedConfig
  input: string
  out: string
  formats: Format[]
  /** Folders and files handed to the file watcher. */
  roots: string[]
  /** True for a path whose change can change the pack (and for folders that may hold such paths). */
  isRelevant(path: string): boolean
}

/** Options that decide the plan; the same names as `BuildOptions`. */
export interface PlanOptions {
  input?: string
  out?: string
  formats?: Format[]
  config?: string
  cwd?: string
}

/** Loads the config and works out what to watch; throws ConfigError for a bad config. */
export async function planWatch(options: PlanOptions): Promise<WatchPlan> {
  const cwd = options.cwd ?? process.cwd()
  const configFile = await findConfig(options.config, options.input, cwd)
  const config = await loadConfig(configFile)
  const input = resolve(cwd, options.input ?? config.input ?? 'content')
  const out = resolve(cwd, options.out ?? config.out ?? 'out')
  // Refused at the start, not at each rebuild: a watch would ignore edits inside its own output folder.
  checkOutFolder(input, out, outSetting(options.out, config, cwd), cwd)
  const isFolder = await stat(input).then((info) => info.isDirectory(), () => false)
  // Watch the folder, not the file: editors that save by renaming replace the file itself.
  const inputRoot = isFolder ? input : dirname(input)
  const stem = basename(input, extname(input))
  const configPath = configFile && resolve(cwd, configFile)
  // The brand's files (brand.yml, the logo, font files) change the pack as the config does.
  const brandFiles = config.brand.files ?? []
  const roots = unique([inputRoot, ...(configPath ? [dirname(configPath)] : []), ...(config.templatesDir ? [config.templatesDir] : []), ...brandFiles.map((file) => dirname(file))])
  return {
    config,
    input,
    out,
    formats: options.formats ?? config.formats,
    roots,
    isRelevant(path) {
      const full = resolve(path)
      if (isInside(out, full)) return false
      if (roots.includes(full)) return true
      if (full === configPath) return true
      if (brandFiles.includes(full) || (configPath && full === join(dirname(configPath), BRAND_FILE))) return true
      if (config.templatesDir && isInside(config.templatesDir, full)) return true
      if (isFolder) return isInside(input, full) && !basename(full).startsWith('.')
      // A source file: itself and its translations `stem.<locale>.md`; and the pictures beside it or below
      // (so the folders that may hold them), since a figure shows a picture by its bytes.
      if (basename(full).startsWith('.')) return false
      if (full === input || (dirname(full) === inputRoot && basename(full).startsWith(`${stem}.`) && isMarkdown(full))) return true
      return isInside(inputRoot, full) && basename(full) !== 'node_modules' && (PICTURE.test(full) || extname(full) === '')
    },
  }
}

/** Files a figure may show, by their names (the build judges them by their bytes). */
const PICTURE = /\.(?:png|jpe?g|gif|webp|svg)$/i

/** True when `path` is `folder` or lies inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)]
}
