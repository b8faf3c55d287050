import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { sobjectTypesJar } from '../../scripts/validate/references/standard-schema';
import { zipEntries } from '../../scripts/validate/references/zip';

/**
 * The gate reads apex-ls's jar with its own small zip reader because JSZip, the maintained library, is about five
 * times slower on that jar (docs/quality-gate/libraries.md). JSZip stays the reference these tests compare against.
 */
async function entriesByJszip(archive: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(archive);
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) {
    entries.set(file.name, await file.async('nodebuffer'));
  }
  return entries;
}

function entriesByGate(archive: Buffer): Map<string, Buffer> {
  return new Map(zipEntries(archive).map((entry) => [entry.name, entry.read()]));
}

describe('zip reader', () => {
  it('reads stored and deflated entries, folders, UTF-8 names and an archive comment as JSZip does', async () => {
    const zip = new JSZip();
    zip.file('stored.txt', 'kept as is', { compression: 'STORE' });
    zip.file('com/example/Deflated.class', Buffer.alloc(5000, 'abc'), { compression: 'DEFLATE' });
    zip.file('Größe/ü.txt', 'ünïcödé', { compression: 'DEFLATE' });
    zip.folder('empty-folder');
    const archive = await zip.generateAsync({ type: 'nodebuffer', comment: 'a comment the reader must skip' });

    const ours = entriesByGate(archive);

    expect([...ours.keys()].sort()).toEqual([...(await entriesByJszip(archive)).keys()].sort());
    expect(ours.get('stored.txt')?.toString()).toBe('kept as is');
    expect(ours.get('com/example/Deflated.class')).toEqual(Buffer.alloc(5000, 'abc'));
    expect(ours.get('Größe/ü.txt')?.toString()).toBe('ünïcödé');
  });

  it('reads every entry of the apex-ls sobject-types jar byte for byte as JSZip does', async () => {
    const jar = readFileSync(sobjectTypesJar());
    const reference = await entriesByJszip(jar);
    const ours = entriesByGate(jar);

    expect(ours.size).toBe(reference.size);
    const different = [...reference].filter(([name, bytes]) => !ours.get(name)?.equals(bytes)).map(([name]) => name);
    expect(different).toEqual([]);
  });

  it('refuses a file that is not a zip archive', () => {
    expect(() => zipEntries(Buffer.from('not a zip, just some text that is long enough to be searched'))).toThrow(
      'not a zip archive'
    );
  });

  it('names the entry whose compression method it cannot read', async () => {
    const zip = new JSZip();
    zip.file('packed.bin', 'data', { compression: 'STORE' });
    const archive = await zip.generateAsync({ type: 'nodebuffer' });
    // Method 12 (bzip2) in the central directory entry, which starts with the signature 0x02014b50.
    const centralEntry = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt16LE(12, centralEntry + 10);

    const [entry] = zipEntries(archive);
    expect(() => entry.read()).toThrow('unsupported zip compression method 12 for packed.bin');
  });
});
