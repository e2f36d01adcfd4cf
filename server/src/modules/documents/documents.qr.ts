/**
 * QR Code model 2 encoder (ISO/IEC 18004): byte mode, error correction level M, the smallest version
 * (1–40) that holds the data, and the mask with the lowest penalty score (§8.8.2, all eight tried).
 * Written for speed on flat byte arrays: qrcode-generator spent about 5 ms a receipt choosing its mask
 * (its penalty walks a neighbourhood per module through bounds-checked calls), more than the rest of the
 * page; this takes a small fraction of a millisecond.
 */

/** Error correction codewords per block and number of blocks, level M, by version (index 0 unused). */
const ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
/** Level M's two format bits. */
const LEVEL_M = 0;

/** Modules available for data and error correction in a symbol of this version. */
function rawDataModules(version: number) {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}
const dataCodewords = (version: number) => Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[version]! * BLOCKS[version]!;

function alignmentPositions(version: number, size: number) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const result = [6];
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

// GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

const divisors = new Map<number, Uint8Array>();
/** The generator polynomial of this degree (coefficients after the leading 1, highest power first). */
function divisor(degree: number) {
  let result = divisors.get(degree);
  if (result) return result;
  result = new Uint8Array(degree);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = mul(result[j]!, root);
      if (j + 1 < degree) result[j] = result[j]! ^ result[j + 1]!;
    }
    root = mul(root, 2);
  }
  divisors.set(degree, result);
  return result;
}

function remainder(data: Uint8Array, div: Uint8Array) {
  const result = new Uint8Array(div.length);
  for (const b of data) {
    const factor = b ^ result[0]!;
    result.copyWithin(0, 1);
    result[result.length - 1] = 0;
    if (factor !== 0) for (let i = 0; i < result.length; i++) result[i] = result[i]! ^ mul(div[i]!, factor);
  }
  return result;
}

export interface QrMatrix {
  version: number;
  size: number;
  mask: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
  isDark(row: number, col: number): boolean;
}

/** Encodes the bytes (byte mode, level M). `mask` forces a mask (for tests); otherwise the best is chosen. */
export function encodeQr(bytes: Uint8Array, options: { mask?: number } = {}): QrMatrix {
  let version = 1;
  for (; version <= 40; version++) {
    const bits = 4 + (version < 10 ? 8 : 16) + 8 * bytes.length;
    if (bits <= dataCodewords(version) * 8) break;
  }
  if (version > 40) throw new RangeError('QR data too long');
  const capacity = dataCodewords(version);

  // Data codewords: mode 0100, count, bytes, terminator, padding.
  const data = new Uint8Array(capacity);
  let bitLength = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bitLength++) if ((value >>> i) & 1) data[bitLength >>> 3]! |= 0x80 >>> (bitLength & 7);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  bitLength += Math.min(4, capacity * 8 - bitLength);
  bitLength = (bitLength + 7) & ~7;
  for (let i = bitLength >>> 3, pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) data[i] = pad;

  // Blocks with their error correction, interleaved.
  const blocks = BLOCKS[version]!;
  const eccLength = ECC_PER_BLOCK[version]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortLength = Math.floor(raw / blocks);
  const div = divisor(eccLength);
  const dataBlocks: Uint8Array[] = [];
  const eccBlocks: Uint8Array[] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const length = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
    const block = data.subarray(k, k + length);
    k += length;
    dataBlocks.push(block);
    eccBlocks.push(remainder(block, div));
  }
  const codewords = new Uint8Array(raw);
  let n = 0;
  for (let i = 0; i <= shortLength - eccLength; i++)
    for (let j = 0; j < blocks; j++) if (i < dataBlocks[j]!.length) codewords[n++] = dataBlocks[j]![i]!;
  for (let i = 0; i < eccLength; i++) for (let j = 0; j < blocks; j++) codewords[n++] = eccBlocks[j]![i]!;

  // Function patterns.
  const size = version * 4 + 17;
  const modules = new Uint8Array(size * size);
  const fixed = new Uint8Array(size * size);
  const set = (row: number, col: number, dark: boolean) => {
    modules[row * size + col] = dark ? 1 : 0;
    fixed[row * size + col] = 1;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [r0, c0] of [[3, 3], [3, size - 4], [size - 4, 3]] as const) {
    for (let dr = -4; dr <= 4; dr++)
      for (let dc = -4; dc <= 4; dc++) {
        const r = r0 + dr;
        const c = c0 + dc;
        if (r < 0 || r >= size || c < 0 || c >= size) continue;
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        set(r, c, d !== 2 && d !== 4);
      }
  }
  const align = alignmentPositions(version, size);
  for (let i = 0; i < align.length; i++)
    for (let j = 0; j < align.length; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0)) continue;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(align[i]! + dr, align[j]! + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  const drawFormat = (mask: number) => {
    const value = (LEVEL_M << 3) | mask;
    let rem = value;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((value << 10) | rem) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(i, 8, bit(i));
    set(7, 8, bit(6));
    set(8, 8, bit(7));
    set(8, 7, bit(8));
    for (let i = 9; i < 15; i++) set(8, 14 - i, bit(i));
    for (let i = 0; i < 8; i++) set(8, size - 1 - i, bit(i));
    for (let i = 8; i < 15; i++) set(size - 15 + i, 8, bit(i));
    set(size - 8, 8, true);
  };
  drawFormat(0); // reserves the format areas
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(b, a, dark);
      set(a, b, dark);
    }
  }

  // Codewords in the zigzag, right to left in column pairs, skipping the vertical timing column.
  let i = 0;
  const total = codewords.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < size; vert++) {
      const row = upward ? size - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const at = row * size + right - j;
        if (fixed[at] || i >= total) continue;
        modules[at] = (codewords[i >>> 3]! >>> (7 - (i & 7))) & 1;
        i++;
      }
    }
  }

  const patterns = maskPatterns(version, size, fixed);
  const applyMask = (target: Uint8Array, mask: number) => {
    const pattern = patterns[mask]!;
    for (let at = 0; at < target.length; at++) target[at] = target[at]! ^ pattern[at]!;
  };

  const unmasked = modules.slice();
  let best = options.mask ?? -1;
  if (best < 0) {
    let bestScore = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      modules.set(unmasked);
      applyMask(modules, mask);
      drawFormat(mask);
      const score = penalty(modules, size);
      if (score < bestScore) {
        bestScore = score;
        best = mask;
      }
    }
  }
  modules.set(unmasked);
  applyMask(modules, best);
  drawFormat(best);
  return { version, size, mask: best, modules, isDark: (row, col) => modules[row * size + col] === 1 };
}

const maskCache = new Map<number, Uint8Array[]>();
/** The eight masks of a version, as 1 where a data module is inverted (never on function patterns). */
function maskPatterns(version: number, size: number, fixed: Uint8Array) {
  let patterns = maskCache.get(version);
  if (patterns) return patterns;
  patterns = [];
  for (let mask = 0; mask < 8; mask++) {
    const pattern = new Uint8Array(size * size);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        let invert: boolean;
        switch (mask) {
          case 0: invert = (r + c) % 2 === 0; break;
          case 1: invert = r % 2 === 0; break;
          case 2: invert = c % 3 === 0; break;
          case 3: invert = (r + c) % 3 === 0; break;
          case 4: invert = (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0; break;
          case 5: invert = ((r * c) % 2) + ((r * c) % 3) === 0; break;
          case 6: invert = (((r * c) % 2) + ((r * c) % 3)) % 2 === 0; break;
          default: invert = (((r + c) % 2) + ((r * c) % 3)) % 2 === 0;
        }
        pattern[r * size + c] = invert && !fixed[r * size + c] ? 1 : 0;
      }
    patterns.push(pattern);
  }
  maskCache.set(version, patterns);
  return patterns;
}

/** Run-length penalty by length (N1 = 3 for five, one more for each further module). */
const RUN = new Int32Array(178).map((_, length) => (length >= 5 ? length - 2 : 0));
/** 1:1:3:1:1 dark-light pattern with four light modules after or before it, as the last eleven modules. */
const FINDER_LIKE = new Int32Array(2048);
FINDER_LIKE[0b10111010000] = 40;
FINDER_LIKE[0b00001011101] = 40;
/** 2×2 blocks by their number of dark modules: all light or all dark costs 3. */
const BLOCK = Int32Array.of(3, 0, 0, 0, 3);

/**
 * Penalty score (ISO/IEC 18004 §8.8.2): runs of five or more, 2×2 blocks, finder-like patterns,
 * balance. Table lookups and arithmetic instead of branches: the modules differ from mask to mask,
 * so branches on them were mostly mispredicted, which cost more than the work.
 */
function penalty(m: Uint8Array, size: number) {
  let score = 0;
  let dark = 0;
  for (let line = 0; line < size; line++) {
    // Row `line`, then column `line`.
    for (let pass = 0; pass < 2; pass++) {
      const start = pass === 0 ? line * size : line;
      const step = pass === 0 ? 1 : size;
      let last = m[start]!;
      let run = 1;
      let window = last;
      for (let i = 1, at = start + step; i < size; i++, at += step) {
        const v = m[at]!;
        const changed = v ^ last;
        score += RUN[run]! * changed;
        run = run * (1 - changed) + 1;
        last = v;
        window = ((window << 1) | v) & 0x7ff;
        score += FINDER_LIKE[window]! * (i >= 10 ? 1 : 0);
      }
      score += RUN[run]!;
    }
  }
  for (let r = 0; r < size - 1; r++) {
    const row = r * size;
    for (let c = 0; c < size - 1; c++) {
      const at = row + c;
      score += BLOCK[m[at]! + m[at + 1]! + m[at + size]! + m[at + size + 1]!]!;
    }
  }
  for (let at = 0; at < size * size; at++) dark += m[at]!;
  const total = size * size;
  const k = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1;
  return score + Math.max(0, k) * 10;
}
