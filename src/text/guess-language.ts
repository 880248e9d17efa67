/**
 * The language of a document that does not name one (no `lang` in its front
 * matter or the config): Chinese when it has Chinese characters, English when it
 * has Latin letters and none. An English outline then gets an English pack,
 * labels and all, instead of 案例一 before each case; any other language must be named.
 */
export function guessLanguage(texts: string[]): string {
  if (texts.some((text) => HAN.test(text))) return 'zh-CN'
  return texts.some((text) => LATIN.test(text)) ? 'en' : 'zh-CN'
}

const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

/** Whether two language tags name the same language (`en` and `en-GB` do; `zh-CN` and `zh-TW` do too). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0].toLowerCase() === b.split('-')[0].toLowerCase()
}
