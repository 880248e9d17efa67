/**
 * The legacy encoding a text that is not UTF-8 is most likely in, so its message
 * can say how to convert it: GB18030/GBK and Big5 for Chinese, Windows-1252 for
 * Western text with accented letters.
 */

/** An encoding and its name for `iconv -f`. */
export interface LegacyEncoding {
  name: string
  iconv: string
}

const GB18030: LegacyEncoding = { name: 'GBK/GB18030', iconv: 'GB18030' }
const BIG5: LegacyEncoding = { name: 'Big5', iconv: 'BIG5' }
const WINDOWS_1252: LegacyEncoding = { name: 'Windows-1252 (Latin-1)', iconv: 'WINDOWS-1252' }

// Characters common in any Chinese text and written alike in both scripts; the wrong
// one of GB18030 and Big5 turns a text into rare characters and kana, which lack them.
const COMMON_HANZI = new Set([...'的一是在不了人有中大上以要和公市城地出行民生作分法能方主'].map((char) => char.charCodeAt(0)))

/**
 * Where `bytes` are not UTF-8: lone bytes above 0x7F among ASCII are accented
 * letters of Windows-1252; runs of them are Chinese, in whichever of GB18030 and
 * Big5 reads them without error into more common characters. Null when none fits.
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  let runs = 0
  let lone = 0
  for (let index = 0; index < bytes.length; ) {
    if (bytes[index] < 0x80) {
      index++
      continue
    }
    let end = index
    while (end < bytes.length && bytes[end] >= 0x80) end++
    runs++
    if (end - index === 1) lone++
    index = end
  }
  if (runs > 0 && lone * 2 > runs) return WINDOWS_1252
  const scores = [GB18030, BIG5]
    .map((encoding) => ({ encoding, score: commonHanzi(bytes, encoding.iconv) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score)
  return scores[0]?.encoding ?? null
}

/** How many common characters `bytes` read as in `encoding`; -1 when they are not valid in it. */
function commonHanzi(bytes: Uint8Array, encoding: string): number {
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return -1
  }
  let count = 0
  for (let index = 0; index < text.length; index++) if (COMMON_HANZI.has(text.charCodeAt(index))) count++
  return count
}
