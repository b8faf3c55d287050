import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What the Lightning platform provides to Lightning web components, for names the project cannot define itself:
 * `lightning/*` modules and base components, `@salesforce/*` scoped modules, and the targets of `js-meta.xml`.
 * A name outside these lists is a warning (the lists lag behind the platform), never an error.
 */

/**
 * `lightning/*` modules: the stubs that @salesforce/sfdx-lwc-jest (pinned in package.json) ships for every base
 * component and platform module it knows, read at run time, plus documented modules it has no stub for.
 */
const MODULES_WITHOUT_JEST_STUB = [
  // LWC Developer Guide / Component Reference: modules sfdx-lwc-jest 7.9.0 does not stub.
  'actions', // CloseActionScreenEvent for screen quick actions
  'barcodeScanner',
  'conversationToolkitApi',
  'logger',
  'mediaUtils',
  'mobileCapabilities',
  'modal',
  'platformUtilityBarApi',
  'toast'
];

let stubNames: string[] | undefined;

function jestStubNames(): string[] {
  if (!stubNames) {
    const packageJson = require.resolve('@salesforce/sfdx-lwc-jest/package.json');
    const stubs = join(dirname(packageJson), 'src', 'lightning-stubs');
    stubNames = existsSync(stubs) ? readdirSync(stubs) : [];
  }
  return stubNames;
}

/** Lower-case names of known `lightning/<name>` modules. */
export function knownLightningModules(): Set<string> {
  return new Set([...jestStubNames(), ...MODULES_WITHOUT_JEST_STUB].map((name) => name.toLowerCase()));
}

/** `lightning-<kebab>` tags of known base components (`lightning/buttonIcon` is `<lightning-button-icon>`). */
export function knownLightningTags(): Set<string> {
  return new Set(jestStubNames().map((name) => `lightning-${camelToKebab(name)}`));
}

export function camelToKebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function kebabToCamel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `@salesforce/<scope>` modules (LWC Developer Guide, "@salesforce Modules"). */
export const SALESFORCE_SCOPES = new Set([
  'apex',
  'apexcontinuation',
  'schema',
  'label',
  'resourceurl',
  'contentasseturl',
  'messagechannel',
  'user',
  'userpermission',
  'custompermission',
  'i18n',
  'client',
  'community',
  'site',
  'gate',
  'komaci',
  'loader'
]);

/** `js-meta.xml` targets (LWC Developer Guide, "XML Configuration File Elements", targets). */
export const KNOWN_TARGETS = new Set(
  [
    'analytics__Dashboard',
    'lightning__AgentforceInput',
    'lightning__AgentforceOutput',
    'lightning__AppPage',
    'lightning__ChatMessage',
    'lightning__Dashboard',
    'lightning__FlowAction',
    'lightning__FlowScreen',
    'lightning__GlobalAction',
    'lightning__HomePage',
    'lightning__Inbox',
    'lightning__RecordAction',
    'lightning__RecordPage',
    'lightning__Tab',
    'lightning__UrlAddressable',
    'lightning__UtilityBar',
    'lightning__VoiceExtension',
    'lightningCommunity__Default',
    'lightningCommunity__Page',
    'lightningCommunity__Page_Layout',
    'lightningCommunity__Theme_Layout',
    'lightningSnapin__ChatHeader',
    'lightningSnapin__ChatMessage',
    'lightningSnapin__Minimized',
    'lightningSnapin__PreChat',
    'lightningStatic__Email'
  ].map((target) => target.toLowerCase())
);
