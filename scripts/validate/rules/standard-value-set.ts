import { error, warning } from '../core/types';
import { children, lineOf, NamedFile, Rule, text, wholeNumber } from './model';

/**
 * Rules of `standardValueSets/<Name>.standardValueSet-meta.xml` beyond the picklist values they share with every
 * picklist (picklist-values.ts): some standard picklists carry attributes that drive platform behaviour.
 */

const ORDER_STATUS_CODES = ['Draft', 'Activated'];
const OPPORTUNITY_STAGE_ATTRIBUTES = ['closed', 'won', 'forecastCategory', 'probability'];

export const STANDARD_VALUE_SET_RULES: Rule<NamedFile>[] = [
  // Why: a standard value set file replaces the whole list; an empty one is refused:
  // "Required field is missing: standardValue".
  // Source: Metadata API Developer Guide, StandardValueSet ("at least one value"); hardisgroupcom/sfdx-hardis
  // deployTipsList.ts ("Required field is missing: standardValue").
  {
    id: 'value-set-not-empty',
    check: (set) =>
      children(set.root, 'standardValue').length === 0
        ? [error(set.file, 'Required field is missing: standardValue: list at least one value', set.root.line)]
        : []
  },
  // Why: every order status belongs to the status category Draft or Activated (OrderStatus.StatusCode is a
  // restricted picklist of these two); a value without one has no category.
  // Source: Object Reference, OrderStatus (StatusCode: Activated, Draft); Metadata API Developer Guide,
  // StandardValue (groupingString).
  {
    id: 'order-status-category',
    check: (set) =>
      set.name === 'OrderStatus'
        ? children(set.root, 'standardValue').flatMap((value) => {
            const category = text(value, 'groupingString');
            if (category === undefined) {
              return [
                warning(
                  set.file,
                  `order status "${text(value, 'fullName')}" has no <groupingString>: give it the status category Draft or Activated`,
                  value.line
                )
              ];
            }
            return ORDER_STATUS_CODES.includes(category)
              ? []
              : [
                  error(
                    set.file,
                    `order status "${text(value, 'fullName')}" has the status category "${category}": it must be Draft or Activated`,
                    lineOf(value, 'groupingString')
                  )
                ];
          })
        : []
  },
  // Why: an opportunity stage says whether it is closed and won, its forecast category and its probability
  // (0-100); without them the stage gets defaults that misreport the pipeline, and a won stage that is not closed
  // cannot be expressed in Setup.
  // Source: Metadata API Developer Guide, StandardValue (closed, won, forecastCategory, probability);
  // SFDO-Tooling/CumulusCI cumulusci/tasks/metadata_etl/value_sets.py (requires all four for OpportunityStage).
  {
    id: 'opportunity-stage-attributes',
    check: (set) =>
      set.name === 'OpportunityStage'
        ? children(set.root, 'standardValue').flatMap((value) => {
            const name = text(value, 'fullName');
            const missing = OPPORTUNITY_STAGE_ATTRIBUTES.filter((attribute) => text(value, attribute) === undefined);
            const probability = wholeNumber(value, 'probability');
            return [
              ...(missing.length > 0
                ? [
                    warning(
                      set.file,
                      `opportunity stage "${name}" does not set ${missing.map((attribute) => `<${attribute}>`).join(', ')}`,
                      value.line
                    )
                  ]
                : []),
              ...(probability !== undefined && (probability < 0 || probability > 100)
                ? [
                    error(
                      set.file,
                      `opportunity stage "${name}" has probability ${probability}: it is a percentage from 0 to 100`,
                      lineOf(value, 'probability')
                    )
                  ]
                : []),
              ...(text(value, 'won') === 'true' && text(value, 'closed') !== 'true'
                ? [
                    warning(
                      set.file,
                      `opportunity stage "${name}" is won but not closed: a won stage is a closed stage (Closed/Won); set <closed>true</closed>`,
                      lineOf(value, 'won')
                    )
                  ]
                : [])
            ];
          })
        : []
  }
];
