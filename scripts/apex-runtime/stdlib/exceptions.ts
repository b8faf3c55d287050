/** The standard exception types (Apex Reference Guide, "Exception Class and Built-In Exceptions"). */
import type { Interpreter } from '../interpreter/interpreter';

export const STANDARD_EXCEPTIONS = [
  'AssertException',
  'AuraHandledException',
  'AsyncException',
  'CalloutException',
  'DmlException',
  'FinalException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'UnsupportedOperationException',
  'VisualforceException',
  'XmlException'
];

export function registerExceptions(interp: Interpreter): void {
  interp.addBuiltinClass('Exception', null);
  for (const name of STANDARD_EXCEPTIONS) interp.addBuiltinClass(`System.${name}`, 'Exception');
  interp.addBuiltinClass('System.EmailException', 'System.DmlException');
}
