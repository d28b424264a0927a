import crypto from 'node:crypto';

/*
 * UUID v7 ids (RFC 9562 §5.7) made the way the uuid package makes them, a 32-bit counter after the
 * millisecond keeping ids from one process in order (§6.2, method 1), but with their random bytes
 * taken from a pool filled a few kilobytes at a time: the package asks the operating system for 16
 * bytes per id, which was a twentieth of an import's time.
 */

const ID_BYTES = 16;
const POOL_IDS = 256;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export interface IdSource {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Fills a buffer with random bytes. */
  fill(buffer: Buffer): void;
}

const system: IdSource = { now: Date.now, fill: (buffer) => crypto.randomFillSync(buffer) };

/** A generator of time-ordered UUID v7 strings; each call is later in sort order than the one before. */
export function uuidV7Generator(source: IdSource = system): () => string {
  const pool = Buffer.alloc(ID_BYTES * POOL_IDS);
  let next = pool.length;
  let msecs = -Infinity;
  let seq = 0;
  return () => {
    if (next === pool.length) {
      source.fill(pool);
      next = 0;
    }
    const r = next;
    next += ID_BYTES;
    const now = source.now();
    if (now > msecs) {
      // A new millisecond starts the counter at a random 31-bit value, leaving room to count up.
      seq = ((pool[r + 6]! & 0x7f) << 24) | (pool[r + 7]! << 16) | (pool[r + 8]! << 8) | pool[r + 9]!;
      msecs = now;
    } else {
      seq = (seq + 1) | 0;
      // The counter ran over: borrow the next millisecond rather than repeat or go back.
      if (seq === 0) msecs++;
    }
    return (
      HEX[(msecs / 0x10000000000) & 0xff]! +
      HEX[(msecs / 0x100000000) & 0xff]! +
      HEX[(msecs / 0x1000000) & 0xff]! +
      HEX[(msecs / 0x10000) & 0xff]! +
      '-' +
      HEX[(msecs / 0x100) & 0xff]! +
      HEX[msecs & 0xff]! +
      '-' +
      HEX[0x70 | ((seq >>> 28) & 0x0f)]! +
      HEX[(seq >>> 20) & 0xff]! +
      '-' +
      HEX[0x80 | ((seq >>> 14) & 0x3f)]! +
      HEX[(seq >>> 6) & 0xff]! +
      '-' +
      HEX[((seq << 2) & 0xff) | (pool[r + 10]! & 0x03)]! +
      HEX[pool[r + 11]!]! +
      HEX[pool[r + 12]!]! +
      HEX[pool[r + 13]!]! +
      HEX[pool[r + 14]!]! +
      HEX[pool[r + 15]!]!
    );
  };
}
