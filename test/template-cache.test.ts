/** Templates come precompiled from a disk cache keyed by their text: a hit must render what compiling afresh renders. */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Handlebars from 'handlebars'
import { describe, expect, it } from 'vitest'
import { cacheFolderBeside } from '../src/dependency-cache.js'
import { ConfigError } from '../src/errors.js'
import { precompiledTemplates } from '../src/render/template-cache.js'

const folder = cacheFolderBeside('handlebars', 'casebook-templates')
const cacheEntries = () => (existsSync(folder) ? readdirSync(folder).length : 0)

function render(specs: Awaited<ReturnType<typeof precompiledTemplates>>, view: object): string {
  const env = Handlebars.create()
  env.registerPartial('item', env.template(specs[1]))
  return env.template(specs[0])(view)
}

describe('template cache', () => {
  const view = { title: '<杭州“城市大脑”>', items: [{ name: 'a & b' }, { name: '二' }] }

  it('renders the same on a miss, on a hit and when compiled directly', async () => {
    const unique = `{{!-- ${process.pid} ${Date.now()} --}}`
    const templates = [
      { file: 'main.hbs', source: `${unique}<h1>{{title}}</h1>{{#each items}}{{> item}}{{/each}}` },
      { file: 'partials/item.hbs', source: '<li data-i="{{@index}}">{{name}}</li>' },
    ]
    const before = cacheEntries()
    const miss = render(await precompiledTemplates(templates, Handlebars.VERSION, []), view)
    expect(cacheEntries()).toBe(before + 1)
    const hit = render(await precompiledTemplates(templates, Handlebars.VERSION, []), view)
    expect(cacheEntries()).toBe(before + 1)

    const direct = Handlebars.create()
    direct.registerPartial('item', templates[1].source)
    const expected = direct.compile(templates[0].source)(view)
    expect(miss).toBe(expected)
    expect(hit).toBe(expected)
    expect(hit).toContain('&lt;杭州“城市大脑”&gt;')
  })

  it('renders templates without data variables (compiled without data frames) as Handlebars does with them', async () => {
    const unique = `{{!-- ${process.pid} ${Date.now()} no data --}}`
    const templates = [
      { file: 'main.hbs', source: `${unique}<h1>{{title}}</h1><ul>{{#each items}}{{> item}}{{else}}none{{/each}}</ul>{{#each items as |entry|}}{{entry.name}}{{/each}}` },
      { file: 'partials/item.hbs', source: '<li>{{name}}{{#with this}}{{name}}{{/with}}</li>' },
    ]
    const direct = Handlebars.create()
    direct.registerPartial('item', templates[1].source)
    for (const each of [view, { title: 't', items: [] }]) {
      expect(render(await precompiledTemplates(templates, Handlebars.VERSION, []), each)).toBe(direct.compile(templates[0].source)(each))
    }
  })

  it('keys entries by template text and runtime version', async () => {
    const unique = `${process.pid}-${Date.now()}`
    const base = [{ file: 'a.hbs', source: `a ${unique}` }, { file: 'b.hbs', source: 'b' }]
    const before = cacheEntries()
    await precompiledTemplates(base, Handlebars.VERSION, [])
    await precompiledTemplates([base[0], { file: 'b.hbs', source: 'b changed' }], Handlebars.VERSION, [])
    await precompiledTemplates(base, `${Handlebars.VERSION}-other`, [])
    expect(cacheEntries()).toBe(before + 3)
  })

  it('names the template file and line of a syntax error, and caches nothing for it', async () => {
    const before = cacheEntries()
    const broken = [{ file: join('tpl', 'broken.hbs'), source: `ok ${Date.now()}\n{{#each items}}\n{{/if}}` }]
    const error = await precompiledTemplates(broken, Handlebars.VERSION, []).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toBe('tpl/broken.hbs:2: template syntax error: {{#each}} (line 2) is closed by {{/if}}: blocks close in the order they open, so write {{/each}} first')
    expect(cacheEntries()).toBe(before)
  })

  it('names the line of a helper that does not exist, and the helpers that do', async () => {
    const unknown = [{ file: join('tpl', 'unknown.hbs'), source: `ok ${Date.now()}\n  {{shout title}}` }]
    const error = await precompiledTemplates(unknown, Handlebars.VERSION, ['t', 'eq']).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toBe("tpl/unknown.hbs:2: template syntax error: no helper “shout” (templates can use Handlebars' own helpers and t, eq)")
  })

  it('reads plain mustaches as properties and known helpers as helpers', async () => {
    const templates = [{ file: 'known.hbs', source: `{{title}}|{{#if shown}}{{t "k"}}{{/if}}|{{#items}}[{{this}}]{{/items}} ${Date.now()}` }]
    const [spec] = await precompiledTemplates(templates, Handlebars.VERSION, ['t'])
    const env = Handlebars.create()
    env.registerHelper('t', (key: string) => `T:${key}`)
    expect(env.template(spec)({ title: '<b>', shown: true, items: [1, 2] })).toMatch(/^&lt;b&gt;\|T:k\|\[1\]\[2\] \d+$/)
  })
})
