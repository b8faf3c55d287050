/**
 * A new ContentVersion that is a file needs its contents and its PathOnClient (Object Reference, ContentVersion:
 * "FileType is defined by either ContentUrl for links or PathOnClient for documents"); without contents the platform
 * answers `REQUIRED_FIELD_MISSING, Required fields are missing: [VersionData]`. An empty Blob is no contents, and an
 * empty text is saved as null, so it counts as missing too. dreamhouse-lwc's FileUtilitiesTest expects both failures
 * (empty base64 data; empty file name) and passes in orgs. A link (ContentUrl) needs neither.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('ContentVersion files need contents and a path', () => {
  const r = runSnippet(
    'ContentFile_Tests',
    `
    static Database.SaveResult save(ContentVersion v) { return Database.insert(v, false); }
    @IsTest static void emptyBlobIsMissingData() {
      Database.SaveResult res = save(new ContentVersion(Title = 'a', PathOnClient = 'a.png',
        VersionData = EncodingUtil.base64Decode('')));
      Assert.isFalse(res.isSuccess());
      Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, res.getErrors()[0].getStatusCode());
      Assert.areEqual(new List<String>{ 'VersionData' }, res.getErrors()[0].getFields());
    }
    @IsTest static void emptyPathIsMissing() {
      Database.SaveResult res = save(new ContentVersion(Title = '', PathOnClient = '', VersionData = Blob.valueOf('x')));
      Assert.isFalse(res.isSuccess());
      Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, res.getErrors()[0].getStatusCode());
      Assert.isTrue(res.getErrors()[0].getFields().contains('PathOnClient'));
    }
    @IsTest static void insertStatementThrowsDmlException() {
      try {
        insert new ContentVersion(Title = 'a', PathOnClient = 'a.png');
        Assert.fail('inserted a file without contents');
      } catch (DmlException e) {
        Assert.areEqual('REQUIRED_FIELD_MISSING', e.getDmlType(0).name());
      }
    }
    @IsTest static void completeFileAndLinkAreSaved() {
      Assert.isTrue(save(new ContentVersion(Title = 'a', PathOnClient = 'a.png', VersionData = Blob.valueOf('x'))).isSuccess());
      Assert.isTrue(save(new ContentVersion(Title = 'l', ContentUrl = 'https://example.com')).isSuccess());
    }
  `
  );

  it('fails a file without contents or path, saves complete files and links', () => {
    const names = [
      'emptyBlobIsMissingData',
      'emptyPathIsMissing',
      'insertStatementThrowsDmlException',
      'completeFileAndLinkAreSaved'
    ];
    expect(outcomes(r, names)).toEqual(names.map((n) => [n, 'PASS', undefined]));
  });
});
