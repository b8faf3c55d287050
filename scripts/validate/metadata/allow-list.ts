import { TextShape } from './text-shapes';
import { ModelCorrections } from './type-model';

/**
 * Where `@salesforce/types` (metadata.d.ts) and what the Metadata API really accepts differ. Every entry says why
 * and where that is documented or seen; add an entry only with such a source (docs/quality-gate/metadata-xml.md).
 */
export const TYPE_CORRECTIONS: ModelCorrections = {
  added: [
    {
      // Missing from the types. A boolean of Location (geolocation) fields, documented in the Metadata API CustomField
      // reference; retrieved field files write it between <description> and <externalId>, i.e. in alphabetical
      // (WSDL) place right after displayFormat.
      type: 'CustomField',
      element: 'displayLocationInDecimal',
      value: { kind: 'boolean' },
      after: 'displayFormat'
    },
    {
      // Missing from the types (which have versionString only). Flow Builder writes <versionSegment>1</versionSegment>
      // after <storeOutputAutomatically> in action calls; trailheadapps/coral-cloud deploys such flows
      // (cc-service-app/.../Route_to_Queue.flow-meta.xml). Alphabetical (WSDL) place: before versionString.
      type: 'FlowActionCall',
      element: 'versionSegment',
      value: { kind: 'string' },
      after: 'timeoutPathUsage'
    },
    {
      // Missing from the types. A boolean of Salesforce Sites (guest access to the Payments API); an org writes it
      // into every retrieved site (<allowGuestPaymentsApi>false</allowGuestPaymentsApi>, right after <active>), and
      // trailheadapps/ebikes-lwc deploys such a file in its CI (sites/E_Bikes.site-meta.xml).
      type: 'CustomSite',
      element: 'allowGuestPaymentsApi',
      value: { kind: 'boolean' },
      after: 'active'
    }
  ],
  enumValues: [
    {
      // The types list Siteforce and Visualforce only. The Metadata API's CustomSite reference lists siteType values
      // ChatterNetwork (an Experience Cloud site) and ChatterNetworkPicasso (its Aura/LWR builder site); retrieved
      // Experience sites carry them (sites/*.site-meta.xml <siteType>ChatterNetwork</siteType>, experiences/
      // *.site-meta.xml <type>ChatterNetworkPicasso</type>) and deploy (trailheadapps/ebikes-lwc).
      enumType: 'SiteType',
      values: ['ChatterNetwork', 'ChatterNetworkPicasso']
    }
  ],
  retyped: [
    {
      // Typed `string`, but holds XML: <targetConfig targets="..."> with <objects>, <property>,
      // <supportedFormFactors>, ... (LWC guide, "XML Configuration File Elements"). Its content is checked for
      // well-formedness only.
      type: 'LightningComponentBundle',
      element: 'targetConfigs',
      value: { kind: 'any' }
    },
    {
      // Typed `string`, but the LWC guide ("XML Configuration File Elements") documents <ai> as a tag set with
      // subtags. Checked for well-formedness only.
      type: 'LightningComponentBundle',
      element: 'ai',
      value: { kind: 'any' }
    }
  ]
};

/**
 * Types whose files the platform reads without a fixed child order. A component's `.js-meta.xml` is read by the LWC
 * compiler, not by the WSDL-sequence parser: the LWC guide's own examples (and lwc-recipes) write <targets> before
 * <targetConfigs> and <description> after <masterLabel>, the reverse of the WSDL order.
 */
export const UNORDERED_TYPES: ReadonlySet<string> = new Set(['LightningComponentBundle']);

/**
 * Attributes some types' elements carry although the types define none. `fqn` on the root of a component's
 * `.js-meta.xml`, a class's `.cls-meta.xml` and an Aura bundle's `.cmp-meta.xml` was written by the CLI's templates for
 * years (with the tooling namespace); such files deploy in known-deployable projects (dreamhouse-lwc, ebikes-lwc,
 * lwc-recipes, trailheadapps/easy-spaces-lwc).
 */
export const EXTRA_ATTRIBUTES: ReadonlyArray<{ type: string; attribute: string }> = [
  { type: 'LightningComponentBundle', attribute: 'fqn' },
  { type: 'ApexClass', attribute: 'fqn' },
  { type: 'AuraDefinitionBundle', attribute: 'fqn' }
];

/**
 * `any` elements that carry their value's type in `xsi:type` (or are `xsi:nil="true"`). A custom metadata record's
 * <value> is `anyType` in the Metadata API (CustomMetadata reference); deploys fail without a supported type, e.g.
 * `xsi:type="xsd:undefined"` (forcedotcom/cli#544) or no type at all (forcedotcom/CustomMetadataLoader#89).
 */
export const XSI_TYPED_ELEMENTS: ReadonlyArray<{ type: string; element: string }> = [
  { type: 'CustomMetadataValue', element: 'value' }
];

/**
 * The `xsi:type` values a typed `any` element may carry (local names in the XML Schema namespace), with the shape
 * its text must have. The set is what the sf CLI writes into custom metadata records (plugin-custom-metadata
 * `createUtil.ts`: boolean, date, dateTime, double, int, string) and what `sf project retrieve start` returns.
 */
export const ACCEPTED_XSI_TYPES: ReadonlyMap<string, TextShape> = new Map<string, TextShape>([
  ['string', 'string'],
  ['boolean', 'boolean'],
  ['int', 'integer'],
  ['double', 'number'],
  ['date', 'date'],
  ['dateTime', 'dateTime']
]);
