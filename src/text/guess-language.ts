/**
 * The language of a document that does not name one (no `lang` in its front
 * matter or the config): Chinese when it has Chinese characters (Traditional,
 * zh-TW, when its common characters are mostly the Traditional forms), English
 * when it has Latin letters and none. An English outline then gets an English
 * pack, labels and all, instead of 案例一 before each case; any other language must be named.
 */
export function guessLanguage(texts: string[]): string {
  if (texts.some((text) => HAN.test(text))) return looksTraditional(texts) ? 'zh-TW' : 'zh-CN'
  return texts.some((text) => LATIN.test(text)) ? 'en' : 'zh-CN'
}

const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

// Common characters whose Simplified and Traditional forms differ, pair by pair.
const SIMPLIFIED = '们这个为与说对时会来国过发还经关样从让机长开门问间点头体现务区统数据实进业动应级质资设计办众网络电医疗员术环护'
const TRADITIONAL = '們這個為與說對時會來國過發還經關樣從讓機長開門問間點頭體現務區統數據實進業動應級質資設計辦眾網絡電醫療員術環護'
// Indexed by UTF-16 code unit (all of these are in the BMP): reading text[index] made a
// one-character string per character, 1.6 MB of garbage for a 1,000-case document.
const FORM = new Int8Array(0x10000)
for (const char of SIMPLIFIED) FORM[char.charCodeAt(0)] = -1
for (const char of TRADITIONAL) FORM[char.charCodeAt(0)] = 1

/** Whether the first 100,000 characters use more Traditional forms than Simplified ones. */
function looksTraditional(texts: string[]): boolean {
  let balance = 0
  let left = 100_000
  for (const text of texts) {
    for (let index = 0; index < text.length && left > 0; index++, left--) balance += FORM[text.charCodeAt(index)]
  }
  return balance > 0
}

/** Whether two language tags name the same language (`en` and `en-GB` do; `zh-CN` and `zh-TW` do too). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0].toLowerCase() === b.split('-')[0].toLowerCase()
}
