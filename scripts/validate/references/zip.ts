import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** One file of a zip archive (a jar), read only when asked for. */
export interface ZipEntry {
  name: string;
  read(): Buffer;
}

/**
 * The entries of a zip archive held in memory. A jar is a plain zip (stored or deflated entries, no ZIP64 below
 * 4 GiB), so reading the central directory and inflating with node:zlib is all it takes. JSZip reads the same bytes
 * (test/validate/zip.test.ts compares them) but inflates in JavaScript and only asynchronously: on apex-ls's
 * sobject-types jar it takes ~450 ms against ~90 ms here, on every gate run (docs/quality-gate/libraries.md).
 */
export function zipEntries(archive: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`corrupt zip: no central directory entry at byte ${offset}`);
    }
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, read: () => readEntry(archive, name, method, compressedSize, localHeader) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, archive.length - 22 - 0xffff);
  for (let offset = archive.length - 22; offset >= lowest; offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      return offset;
    }
  }
  throw new Error('not a zip archive: no end of central directory record');
}

function readEntry(archive: Buffer, name: string, method: number, size: number, localHeader: number): Buffer {
  if (archive.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
    throw new Error(`corrupt zip: no local header for ${name}`);
  }
  const start = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
  const data = archive.subarray(start, start + size);
  if (method === STORED) {
    return data;
  }
  if (method === DEFLATED) {
    return inflateRawSync(data);
  }
  throw new Error(`unsupported zip compression method ${method} for ${name}`);
}
