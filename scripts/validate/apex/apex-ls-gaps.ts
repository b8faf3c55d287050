import { basename } from 'node:path';
import { Project } from '../core/project';

/**
 * Where apex-ls's standard library lacks what the Apex compiler has, each with its documentation. A diagnostic that
 * one of these explains is no compile error; everything else apex-ls reports stands.
 */
interface StandardLibraryGap {
  /** Matches apex-ls's message. */
  pattern: RegExp;
  /** Whether this occurrence is a gap of apex-ls (true) or a real mistake the gap's rule still catches (false). */
  explains(match: RegExpExecArray, project: Project): boolean;
}

/** Subtypes the Apex reference documents and apex-ls does not know, as `sub -> base` in lower case. */
const DOCUMENTED_SUBTYPES: ReadonlyMap<string, string> = new Map([
  // Apex Reference, "OrgPartition Class" / "SessionPartition Class": "This class extends Cache.Partition";
  // "Partition Class": "Base class of Cache.OrgPartition and Cache.SessionPartition".
  ['cache.orgpartition', 'cache.partition'],
  ['cache.sessionpartition', 'cache.partition']
]);

const GAPS: readonly StandardLibraryGap[] = [
  {
    // Apex Developer Guide, "Implementing DataWeave in Apex": "For every DataWeave script, an inner class of type
    // DataWeaveScriptResource.ScriptName is generated." Only scripts the project deploys (dw/Name.dwl) exist.
    pattern: /^No type declaration found for 'DataWeaveScriptResource\.(\w+)'/,
    explains: (match, project) => dataWeaveScripts(project).has(match[1].toLowerCase())
  },
  {
    // Same guide: "The catchable System.DataWeaveScriptException exception is available for error handling."
    pattern: /^No type declaration found for '(?:System\.)?DataWeaveScriptException'/i,
    explains: () => true
  },
  {
    pattern: /^Incompatible (?:return type|types? in assignment)[^']*'([\w.]+)' is not assignable to '([\w.]+)'/i,
    explains: (match) => DOCUMENTED_SUBTYPES.get(match[1].toLowerCase()) === match[2].toLowerCase()
  }
];

/** Whether an apex-ls diagnostic is a gap of its standard library rather than a compile error. */
export function isStandardLibraryGap(message: string, project: Project): boolean {
  return GAPS.some((gap) => {
    const match = gap.pattern.exec(message);
    return match !== null && gap.explains(match, project);
  });
}

/** Lower-case names of the DataWeave scripts (DataWeaveResource, `dw/Name.dwl`) in the package directories. */
function dataWeaveScripts(project: Project): Set<string> {
  return project.memo(
    'dataweave-scripts',
    () => new Set(project.packageFilesEndingWith('.dwl').map((file) => basename(file, '.dwl').toLowerCase()))
  );
}
