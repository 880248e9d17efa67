/**
 * casebook.yaml's JSON Schema, made from the valibot schema that validates it, so an editor's
 * completion (through `# yaml-language-server: $schema=…`) never disagrees with the build.
 */
import { toJsonSchema } from '@valibot/to-json-schema'
import { configSchema } from './config-schema.js'

/** The JSON Schema (draft-07) of a config file. */
export function configJsonSchema(): Record<string, unknown> {
  // Transforms (case-insensitive choices, dates) have no JSON Schema: their metadata says what they accept.
  const schema = toJsonSchema(configSchema, { errorMode: 'ignore' })
  return { ...schema, title: 'casebook.yaml', description: 'casebook configuration: see the README, Configuration' }
}
