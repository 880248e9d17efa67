/** The `casebook` command: parses arguments, calls the library, prints, sets the exit code. */
import { Command, CommanderError, Option } from 'commander'
import { VERSION } from '../version.js'
import { browserPathProblem } from '../browser/find-browser.js'
import { FORMATS, type Format } from '../config/config-schema.js'
import { UsageError } from '../errors.js'
import { canonicalLocaleCode } from '../config/locale-code.js'
import { handleError } from './handle-error.js'
import { listOption } from './parse-list.js'

/** Runs the CLI with `argv` (as in process.argv). */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug')
  // `casebook ast … | head` closes the pipe early: the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  })
  // `casebook build 2>&1 | head` closes it for messages: the build goes on (and cleans up) unheard.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
  const program = new Command('casebook')
    .description('Turn case-study documents into briefing packs: report (HTML, PDF), slides (HTML, PowerPoint) and Word, per locale.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError()
    .exitOverride()

  addBuildOptions(program.command('build'), true)
    .description('build the pack: <out>/<locale>/report.html, report.pdf, slides.html, report.docx, slides.pptx and <out>/manifest.json')
    .action(async (input: string | undefined, options) => {
      await (await import('./commands/build.js')).build(input, options)
      await exitOnceWritten()
    })

  addBuildOptions(program.command('pack'), true)
    .description('build (incrementally), then zip each locale into <out>/briefing-pack-<locale>.zip')
    .action(async (input: string | undefined, options) => (await import('./commands/pack.js')).pack(input, options))

  addBuildOptions(program.command('watch'), false)
    .description('build, then rebuild whenever the input, its translations, the config or the templates change')
    .action(async (input: string | undefined, options) => (await import('./commands/watch.js')).watch(input, options))

  addBuildOptions(program.command('serve'), false)
    .description('watch, and serve the pack on localhost with live reload')
    .option('-p, --port <n>', 'port to listen on; 0 picks a free one', nonEmpty('--port', 'a port number', '4310'), '4310')
    .option('--host <host>', 'address to listen on', nonEmpty('--host', 'an address', '127.0.0.1'), '127.0.0.1')
    .action(async (input: string | undefined, options) => (await import('./commands/serve.js')).serve(input, options))

  program
    .command('check')
    .description('check documents; each INPUT is its own document')
    .argument('<input...>', 'source files or folders', (value: string, previous: string[] = []) => [...previous, nonEmpty('INPUT')(value)])
    .addOption(new Option('--reporter <name>', 'output format (default: github under GitHub Actions with CI=true, else text)').choices(['text', 'json', 'github']))
    .option('--strict', 'exit 1 on warnings too')
    .option('-c, --config <file>', 'config file', nonEmpty('--config'))
    .option('--fix', 'rewrite the files with the fixes the rules can make (half-width punctuation, spacing), print each, then check again')
    .option('--dry-run', 'with --fix: print the fixes, change nothing')
    .action(async (inputs: string[], options) => (await import('./commands/check.js')).check(inputs, options))

  program
    .command('init')
    .description('write a starter project: content/ sample, casebook.yaml, its JSON Schema, the GitHub workflow, .gitignore, package.json; existing files are skipped')
    .argument('[dir]', 'folder to write into (default: here; made if missing)', nonEmpty('DIR'))
    .action(async (dir: string | undefined) => (await import('./commands/init.js')).init(dir))

  program
    .command('ast')
    .description('print the case tree as JSON')
    .argument('<input>', 'source file or folder', nonEmpty('INPUT'))
    .option('-c, --config <file>', 'config file', nonEmpty('--config'))
    .action(async (input: string, options) => (await import('./commands/ast.js')).ast(input, options))

  program
    .command('templates')
    .description('work with templates')
    .command('eject')
    .description("copy casebook's templates, stylesheets and catalogs into DIR (default templates/) to edit")
    .argument('[dir]', 'folder to copy them into', nonEmpty('DIR'))
    .option('--force', 'overwrite files already there')
    .action(async (dir: string | undefined, options) => (await import('./commands/templates.js')).eject(dir, options))

  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end in a CommanderError too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2
      return
    }
    process.exitCode = handleError(error, debug)
  }
}

/**
 * Ends the process as soon as everything written to stdout and stderr is out: a build is
 * over, and Node would otherwise free its heap page by page first (~40 ms on the benchmark
 * machine, where touching memory is slow), time the user waits for nothing.
 */
function exitOnceWritten(): Promise<never> {
  return new Promise(() => {
    process.stdout.write('', () => process.stderr.write('', () => process.exit()))
  })
}

/** The options every building command shares; `rebuild` adds --force and --since. */
function addBuildOptions(command: Command, rebuild: boolean): Command {
  command
    .argument('[input]', 'source file or folder (default from config, else content/)', nonEmpty('INPUT'))
    .option('-o, --out <dir>', 'output folder (default from config, else out/)', nonEmpty('--out'))
    .option('-f, --format <list>', `formats, comma-separated: ${FORMATS.join(',')}`, listOption('--format', toFormat, `at least one of ${FORMATS.join(', ')}`))
    .option('-l, --locale <list>', 'locales, comma-separated: zh-CN,zh-TW,en', listOption('--locale', toLocaleCode, 'at least one locale, such as zh-CN, zh-TW or en'))
    .option('-c, --config <file>', 'config file (default: casebook.yaml here or beside the input)', nonEmpty('--config'))
    .option('--browser-path <path>', 'Chrome or Chromium to print with', toBrowserPath)
  if (rebuild) {
    command
      .option('--force', 'rebuild every artifact, even unchanged ones')
      .option('--since <edition>', 'compare the edition notes with this: a recorded edition, an old manifest.json or source, a git revision, or last-tag (default: the last recorded edition)', nonEmpty('--since', 'an edition, a file or a git revision'))
      .option('--edition <name>', 'record this build as an edition with this name (pack records one, named after its date by default)', nonEmpty('--edition', 'the edition (such as v2)'))
      .option('--clean', 'remove outdated artifacts and files that do not belong to the pack from the output folder')
      .option('--timings', 'print how long each step took (loading, each render and its browser steps, writing)')
      .addOption(new Option('--reporter <name>', 'how diagnostics print (default: github under GitHub Actions with CI=true, else text)').choices(['text', 'github']))
  }
  return command
}

/** A --format item: a known format, in any case; anything else lists the ones there are. */
function toFormat(item: string): Format {
  const format = item.toLowerCase()
  if ((FORMATS as readonly string[]).includes(format)) return format as Format
  throw new UsageError(`Unknown format “${item}”; choose from ${FORMATS.join(', ')}`)
}

/**
 * A --locale item in BCP 47's casing (`zh-cn`, `zh_CN` → zh-CN). Whether a catalog
 * exists is for the build to say: the config's templates folder may add some.
 */
function toLocaleCode(item: string): string {
  const code = canonicalLocaleCode(item)
  if (!code) throw new UsageError(`--locale: “${item}” is not a locale code (such as zh-CN, zh-TW or en)`)
  return code
}

/**
 * --browser-path must name a program now, whatever the formats: a mistyped path
 * is refused at once instead of surfacing only when a PDF next needs printing.
 */
function toBrowserPath(path: string, previous?: string): string {
  refuseRepeat('--browser-path', path, previous)
  const problem = browserPathProblem(path)
  if (problem) throw new UsageError(`--browser-path ${path}: the path ${problem}. Name a Chrome or Chromium executable.`)
  return path
}

/**
 * A parser refusing an empty value, which would otherwise mean the working directory or no setting
 * at all, and a second one (`fallback` is the option's default, which commander passes first).
 */
function nonEmpty(name: string, what = 'a path', fallback?: string): (value: string, previous?: string) => string {
  return (value, previous) => {
    refuseRepeat(name, value, previous === fallback ? undefined : previous)
    if (value.trim() === '') throw new UsageError(`${name} is empty; name ${what}`)
    return value
  }
}

/** An option given twice is refused: otherwise the last would win in silence (`--since v1 --since v2`). */
function refuseRepeat(name: string, value: string, previous: string | undefined): void {
  if (previous !== undefined) throw new UsageError(`${name} is given twice (${previous}, then ${value}); give it once`)
}
