// A module of its own so that the YAML library (a quarter of the code a build loads)
// is imported only when there is YAML to read; the bundler keeps named imports working.
export { parse as parseYaml } from 'yaml'
