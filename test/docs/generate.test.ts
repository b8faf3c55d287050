import { existsSync } from 'node:fs';
import { writeMetadataReference } from '../../scripts/docs/generate';
import { REFERENCE_PATH } from '../../scripts/docs/metadata-reference';
import { FixtureCopy } from '../support/fixture';

describe('npm run docs', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
    copy.remove(REFERENCE_PATH);
  });
  afterEach(() => copy.dispose());

  it('writes the reference of a project that loads', () => {
    expect(writeMetadataReference(copy.root)).toBe(REFERENCE_PATH);
    expect(copy.read(REFERENCE_PATH)).toContain('Invoice__c');
  });

  it('refuses to write, and says why, when sfdx-project.json does not load', () => {
    copy.write('sfdx-project.json', '{ "packageDirectories": ');
    expect(() => writeMetadataReference(copy.root)).toThrow(
      `the project does not load (sfdx-project.json is not valid JSON): ${REFERENCE_PATH} was not written`
    );
    expect(existsSync(copy.path(REFERENCE_PATH))).toBe(false);
  });

  it('refuses to write an empty reference when the package directories hold no files', () => {
    copy.write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'empty-dir', default: true }] }));
    expect(() => writeMetadataReference(copy.root)).toThrow(/hold no files: .* was not written/);
    expect(existsSync(copy.path(REFERENCE_PATH))).toBe(false);
  });
});
