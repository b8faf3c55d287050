import { error } from '../core/types';
import { Rule, TriggerSource } from './model';

/**
 * Rules of Apex sources that the compilers here do not report. A class whose name differs from its file is
 * reported by apex-ls (`apex-types`: "Type name ... does not match file name"); a trigger is not, so it is checked
 * here.
 */

/** `trigger Name on Object(...)` after comments; the name is the identifier after the keyword. */
const TRIGGER_DECLARATION = /^\s*trigger\s+([A-Za-z][A-Za-z0-9_]*)\s+on\s/im;

/** Blanks block and line comments, keeping line breaks so that line numbers stay right. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

export const APEX_RULES: Rule<TriggerSource>[] = [
  // Why: the Metadata API names a trigger by its file (`triggers/Name.trigger`); the Apex compiler refuses a
  // source whose declared name differs from its file ("File name mismatch with class name: X" for classes).
  // Source: Metadata API Developer Guide, ApexTrigger (file suffix and name); forcedotcom/salesforcedx-vscode#3575
  // and #5637 (the deploy error for classes); Apex Developer Guide, "Triggers" (trigger syntax).
  {
    id: 'apex-trigger-name',
    check: (trigger) => {
      const code = withoutComments(trigger.text);
      const match = TRIGGER_DECLARATION.exec(code);
      if (!match || match[1].toLowerCase() === trigger.name.toLowerCase()) {
        return [];
      }
      const line = code.slice(0, match.index + match[0].indexOf('trigger')).split('\n').length;
      return [
        error(
          trigger.file,
          `trigger ${match[1]} is declared in ${trigger.name}.trigger: the trigger name must be the file name; rename one of them`,
          line
        )
      ];
    }
  }
];
