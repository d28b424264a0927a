/*
 * A set of strings numbered in the order they were added, kept outside the JavaScript heap: the
 * UTF-8 bytes one after another in buffers of a megabyte, and an open-addressing hash table of
 * typed arrays. An import matches every row against every contact, so it holds a few keys per
 * contact: as strings in Maps that was about 450 bytes a contact, which the garbage collector then
 * multiplied (a 300,000-row import peaked above 600 MB); here it is the bytes and about 20 more,
 * which the collector never walks. Keys are compared byte for byte, so matching stays exact.
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

export class KeyTable {
  /**
   * Chunk n holds the bytes at positions n × CHUNK onwards; a key longer than a chunk gets a buffer
   * of its own, listed once for each chunk length it spans, so positions stay a plain number.
   */
  private readonly chunks: Buffer[] = [Buffer.alloc(64 * 1024)];
  /** The current chunk's number, and the bytes used in it. */
  private base = 0;
  private used = 0;
  /** Where each entry's bytes start (its position) and how many there are. */
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private lengths: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** Entry number + 1 at each hash slot, 0 where free; at most three quarters full. */
  private slots: Int32Array<ArrayBuffer> = new Int32Array(2048);
  private scratch = Buffer.alloc(1024);
  size = 0;

  /** The entry number of a key, or -1. */
  find(key: string): number {
    const length = this.encode(key);
    const mask = this.slots.length - 1;
    for (let slot = hash(this.scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry === -1 || this.equals(entry, length)) return entry;
    }
  }

  /** The entry number of a key, adding it first when it is new. */
  add(key: string): number {
    const length = this.encode(key);
    const mask = this.slots.length - 1;
    let slot = hash(this.scratch, 0, length) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry === -1) break;
      if (this.equals(entry, length)) return entry;
    }
    const entry = this.size++;
    if (entry === this.lengths.length) {
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
    }
    let chunk = this.chunks.at(-1)!;
    if (this.used + length > chunk.length) {
      // The first chunk is small so that a small import stays small; a key never spans two.
      const span = Math.max(1, Math.ceil(length / CHUNK));
      chunk = Buffer.alloc(span * CHUNK);
      this.base = this.chunks.length;
      for (let i = 0; i < span; i++) this.chunks.push(chunk);
      this.used = 0;
    }
    const start = this.used;
    this.scratch.copy(chunk, start, 0, length);
    // A long key's buffer takes nothing after it: positions past its first chunk would name the next.
    this.used = length > CHUNK ? chunk.length : start + length;
    this.starts[entry] = this.base * CHUNK + start;
    this.lengths[entry] = length;
    this.slots[slot] = entry + 1;
    if (this.size * 4 > this.slots.length * 3) this.rehash();
    return entry;
  }

  /** The key of an entry. */
  key(entry: number): string {
    const [chunk, offset] = this.place(entry);
    return chunk.toString('utf8', offset, offset + this.lengths[entry]!);
  }

  private place(entry: number): [Buffer, number] {
    const start = this.starts[entry]!;
    return [this.chunks[start >>> CHUNK_BITS]!, start & (CHUNK - 1)];
  }

  /** The key's UTF-8 bytes into the scratch buffer; returns their length. */
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(key.length * 3);
    return this.scratch.write(key, 0, 'utf8');
  }

  private equals(entry: number, length: number): boolean {
    if (this.lengths[entry] !== length) return false;
    const [chunk, offset] = this.place(entry);
    for (let i = 0; i < length; i++) if (chunk[offset + i] !== this.scratch[i]) return false;
    return true;
  }

  private rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      const [chunk, offset] = this.place(entry);
      let slot = hash(chunk, offset, offset + this.lengths[entry]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a of some bytes. */
function hash(bytes: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** A typed array twice as long with the same start, the rest filled with `fill`. */
export function grow(array: Int32Array<ArrayBuffer>, fill = 0): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
