/**
 * What stands between a key point's label and its text. The locale's catalog says
 * (`pointSeparator`: “：” in Chinese, “: ” in English), but a label in Chinese keeps
 * the full-width colon in any pack: an untranslated point in the en pack reads
 * “调蓄湖泊：恢复…”, not “调蓄湖泊: 恢复…”, as its author wrote it.
 */

const ENDS_IN_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]$/u
const FULL_WIDTH_COLON = '：'

/** The separator after `label`, given the locale's. */
export function pointSeparator(label: string, localeSeparator: string): string {
  return ENDS_IN_HAN.test(label) && !localeSeparator.includes(FULL_WIDTH_COLON) ? FULL_WIDTH_COLON : localeSeparator
}
