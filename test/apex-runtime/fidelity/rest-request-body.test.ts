/**
 * Inferred behaviour, not documented: apex-recipes' CustomRestEndpointRecipes_Tests.httpPostParseAndCreateNewContactsNegative
 * (its CI runs it in real orgs, where it passes) calls `JSON.deserialize(request.requestBody.toString(), ...)` on a
 * RestRequest whose body was never set, and expects a message containing `Argument cannot be null.` from a
 * `catch (Exception e)`. So the unset body is no null reference (that would be `Attempt to de-reference a null
 * object`), its `toString()` gives null, and the JSON deserializers reject a null String with
 * `System.NullPointerException: Argument cannot be null.`
 */
import { outcomes, runSnippet } from './snippet-project';

describe('an unset RestRequest body and JSON of null', () => {
  const r = runSnippet(
    'RestBody_Tests',
    `
    @IsTest static void unsetBodyIsABlobWithoutText() {
      RestRequest request = new RestRequest();
      Assert.isNotNull(request.requestBody);
      Assert.areEqual(0, request.requestBody.size());
      Assert.isNull(request.requestBody.toString());
      request.requestBody = Blob.valueOf('[]');
      Assert.areEqual('[]', request.requestBody.toString());
    }
    @IsTest static void deserializersRejectNull() {
      String text = null;
      Integer rejected = 0;
      try { JSON.deserialize(text, List<Contact>.class); } catch (NullPointerException e) {
        Assert.areEqual('Argument cannot be null.', e.getMessage()); rejected++;
      }
      try { JSON.deserializeStrict(text, List<Contact>.class); } catch (NullPointerException e) { rejected++; }
      try { JSON.deserializeUntyped(text); } catch (NullPointerException e) { rejected++; }
      Assert.areEqual(3, rejected);
    }
    @IsTest static void theRecipePattern() {
      RestContext.request = new RestRequest();
      try {
        JSON.deserialize(RestContext.request.requestBody.toString(), List<Contact>.class);
        Assert.fail('deserialized nothing');
      } catch (Exception e) {
        Assert.isTrue(e.getMessage().contains('Argument cannot be null.'), e.getMessage());
      }
    }
  `
  );

  it('models the unset body and the null argument', () => {
    const names = ['unsetBodyIsABlobWithoutText', 'deserializersRejectNull', 'theRecipePattern'];
    expect(outcomes(r, names)).toEqual(names.map((n) => [n, 'PASS', undefined]));
  });
});
