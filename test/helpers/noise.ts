/** Bytes that look random (a fixed sequence for `seed`), with a NUL at `nulAt`, like any binary file. */
export function noise(length: number, seed = 12345, nulAt = 100): Buffer {
  const bytes = Buffer.alloc(length)
  let state = seed
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    bytes[index] = state >> 16
  }
  if (nulAt < length) bytes[nulAt] = 0
  return bytes
}
