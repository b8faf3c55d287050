/**
 * Apex Reference, "Network Class": communitiesLanding(), forwardToAuthPage(startURL) and getNetworkId() return null
 * when "the user is currently in the internal org", which is where a test runs. ebikes-lwc's
 * CommunitiesLandingControllerTest calls communitiesLanding() through its controller. Other Network methods are not
 * modelled and stay UNSUPPORTED.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('Network outside an Experience Cloud site', () => {
  const r = runSnippet(
    'Network_Tests',
    `
    @IsTest static void documentedMethodsReturnNull() {
      PageReference landing = Network.communitiesLanding();
      Assert.isNull(landing);
      Assert.isNull(Network.forwardToAuthPage('/start'));
      Assert.isNull(Network.getNetworkId());
    }
    @IsTest static void otherMethodsAreUnsupported() {
      String url = Network.getLoginUrl('0DB000000000001');
    }
  `
  );

  it('returns null in the internal org', () => {
    expect(outcomes(r, ['documentedMethodsReturnNull'])).toEqual([['documentedMethodsReturnNull', 'PASS', undefined]]);
  });

  it('keeps the rest UNSUPPORTED', () => {
    expect(r.get('otherMethodsAreUnsupported')?.outcome).toBe('UNSUPPORTED');
  });
});
